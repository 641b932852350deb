// Parses the sandbox command line (`npm run sandbox -- ...`) into startSandbox options, with clear errors for bad
// values. Kept apart from cli.ts so it can be tested without starting a process.
import { parseArgs } from 'node:util';
import { parseFaultSpec } from './faults';
import type { SandboxOptions } from './types';

export const SANDBOX_USAGE = [
  'Usage: npm run sandbox -- [options]',
  '',
  '  --port P               port on 127.0.0.1 (default 8787; 0 = a random free port)',
  '  --seed S               seed of all generated data and fault draws (default 1)',
  '  --orders N             historical orders per account (default 50; up to 100000 and more)',
  '  --offers N             offers per account (default 40)',
  '  --new-order-every SEC  demo stream: a new order every SEC seconds (default 30; 0 = off)',
  '  --faults SPEC          faults, e.g. "order/read:http500:0.3,*:reset:count=2,vat/read:slow:delay=500"',
  '  --no-rate-limit        do not enforce eMAG rate limits (they are on by default)',
  '  -h, --help             show this help',
].join('\n');

export type SandboxCliCommand = { help: true } | { help: false; options: SandboxOptions };

function number(
  name: string,
  value: string | undefined,
  rule: { integer: boolean; max: number },
  fallback?: number,
): number | undefined {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > rule.max || (rule.integer && !Number.isInteger(n))) {
    const what = rule.integer ? 'an integer' : 'a number';
    throw new Error(`--${name} expects ${what} from 0 to ${rule.max}, got '${value}'`);
  }
  return n;
}

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
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return { help: true };
  const options: SandboxOptions = {
    port: number('port', values.port, { integer: true, max: 65_535 }, 8787),
    seed: number('seed', values.seed, { integer: true, max: 2 ** 32 - 1 }, 1),
    newOrderEverySec: number('new-order-every', values['new-order-every'], { integer: false, max: 86_400 }, 30),
    faults: values.faults ? parseFaultSpec(values.faults) : [],
    rateLimit: !values['no-rate-limit'],
  };
  const orders = number('orders', values.orders, { integer: true, max: 5_000_000 });
  const offers = number('offers', values.offers, { integer: true, max: 1_000_000 });
  if (orders !== undefined) options.ordersPerAccount = orders;
  if (offers !== undefined) options.offersPerAccount = offers;
  return { help: false, options };
}
