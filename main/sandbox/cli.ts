// `npm run sandbox -- --port 8787 --seed 7 --orders 500 --new-order-every 20 --faults "order/read:http500:0.1"`:
// runs the eMAG sandbox in the foreground, prints its base URL and the demo credentials, stops on SIGINT/SIGTERM.
import { parseSandboxArgs, SANDBOX_USAGE } from './cliArgs';
import { sandboxBanner } from './cliSupport';
import { startSandbox } from './sandbox';

async function main(): Promise<void> {
  const command = parseSandboxArgs(process.argv.slice(2));
  if (command.help) {
    process.stdout.write(`${SANDBOX_USAGE}\n`);
    return;
  }
  const sandbox = await startSandbox(command.options);
  const stream = command.options.newOrderEverySec ?? 0;
  const lines = [
    ...sandboxBanner(sandbox),
    `  rate limits: ${command.options.rateLimit === false ? 'off' : 'on (orders 12/s 720/min, other routes 3/s 180/min)'}`,
    `  demo stream: ${stream > 0 ? `a new order every ${stream} s` : 'off'}`,
    `  answers:     ${command.options.plain ? 'plain (tidy shapes)' : 'live forms (as eMAG sends them)'}`,
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
  process.stderr.write(`Run with --help for the options.\n`);
  process.exit(1);
});
