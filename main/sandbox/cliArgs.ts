// Parses the `npm run sandbox` command line into startSandbox options. The checks and defaults live in
// cliSupport.ts, shared with `magflow sandbox`; this file only reads argv. Kept apart from cli.ts for tests.
import { parseArgs } from 'node:util';
import { sandboxOptionsFrom } from './cliSupport';
import type { SandboxOptions } from './types';

export const SANDBOX_USAGE = [
  'Usage: npm run sandbox -- [options]',
  '',
  '  --port P               port on 127.0.0.1 (default 8787; 0 = a random free port)',
  '  --seed S               seed of all generated data and fault draws (default 1)',
  '  --orders N             historical orders per account (default 50; 100000 works)',
  '  --offers N             offers per account (default 40)',
  '  --new-order-every SEC  demo stream: a new order every SEC seconds (default 30; 0 = off)',
  '  --faults SPEC          faults, e.g. "order/read:http500:0.3,*:reset:count=2,vat/read:slow:delay=500"',
  '  --no-rate-limit        do not enforce eMAG rate limits (they are on by default)',
  "  --plain                today's tidy answer shapes only (default: the forms live eMAG sends)",
  '  -h, --help             show this help',
].join('\n');

export type SandboxCliCommand = { help: true } | { help: false; options: SandboxOptions };

/** Throws an Error whose message names the bad option and what it expects. */
export function parseSandboxArgs(argv: readonly string[]): SandboxCliCommand {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      seed: { type: 'string' },
      orders: { type: 'string' },
      offers: { type: 'string' },
      'new-order-every': { type: 'string' },
      faults: { type: 'string' },
      'no-rate-limit': { type: 'boolean' },
      plain: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return { help: true };
  const options = sandboxOptionsFrom({
    port: values.port,
    seed: values.seed,
    orders: values.orders,
    offers: values.offers,
    newOrderEvery: values['new-order-every'],
    faults: values.faults,
    rateLimit: !values['no-rate-limit'],
    plain: values.plain ?? false,
  });
  // Leave sizes out when not given, so startSandbox's own defaults apply.
  if (options.ordersPerAccount === undefined) delete options.ordersPerAccount;
  if (options.offersPerAccount === undefined) delete options.offersPerAccount;
  return { help: false, options };
}
