// `npm run sandbox -- --port 8787 --seed 7 --orders 500 --new-order-every 20 --faults "order/read:http500:0.1"`:
// runs the eMAG sandbox in the foreground, prints its base URL and the demo credentials, stops on SIGINT/SIGTERM.
import { parseArgs } from 'node:util';
import { parseFaultSpec } from './faults';
import { startSandbox } from './sandbox';

function numberOption(name: string, value: string | undefined, fallback?: number): number | undefined {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} expects a non-negative number, got '${value}'`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
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
  });
  if (values.help) {
    process.stdout.write(
      'Usage: npm run sandbox -- [--port P] [--seed S] [--orders N] [--offers N] [--new-order-every SEC]\n' +
        '                          [--faults "route:kind[:p|count=N|nth=1/3|delay=MS],..."] [--no-rate-limit]\n',
    );
    return;
  }
  const sandbox = await startSandbox({
    port: numberOption('port', values.port, 8787),
    seed: numberOption('seed', values.seed, 1),
    ordersPerAccount: numberOption('orders', values.orders),
    offersPerAccount: numberOption('offers', values.offers),
    newOrderEverySec: numberOption('new-order-every', values['new-order-every'], 30),
    faults: values.faults ? parseFaultSpec(values.faults) : [],
    rateLimit: !values['no-rate-limit'],
  });
  const lines = [
    `eMAG sandbox listening`,
    `  MARKETPLACE_API_URL  ${sandbox.url}`,
    `  control route        ${sandbox.controlUrl}`,
    `  accounts:`,
    ...sandbox.accounts.map((a) => `    ${a.kind.padEnd(4)}  username ${a.username}  password ${a.password}`),
    `Press Ctrl+C to stop.`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const stop = (signal: string): void => {
    process.stdout.write(`\n${signal}: stopping the sandbox\n`);
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
