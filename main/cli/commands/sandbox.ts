// `sandbox`: the eMAG simulator in the foreground on 127.0.0.1 (same options as `npm run sandbox`).
import { Command } from 'commander';
import { startSandbox } from '../../sandbox';
import { sandboxBanner, sandboxOptionsFrom, type SandboxCliValues } from '../../sandbox/cliSupport';
import { printJson, type CliContext, type GlobalOptions } from '../context';
import { UsageError } from '../errors';
import { waitForStopSignal } from '../waitForStop';

export function sandboxCommand(ctx: CliContext, globals: (cmd: Command) => GlobalOptions): Command {
  return new Command('sandbox')
    .description('start the eMAG sandbox (a local simulator of the Marketplace API) on 127.0.0.1')
    .option('--port <p>', 'port (default 8787; 0 picks a free one)')
    .option('--seed <s>', 'data seed (default 1)')
    .option('--orders <n>', 'orders per account')
    .option('--offers <n>', 'offers per account')
    .option('--new-order-every <sec>', 'a new order every SEC seconds (default 30; 0 = off)')
    .option('--faults <spec>', 'faults, e.g. "order/read:http500:0.1,offer/read:timeout:count=2"')
    .option('--no-rate-limit', "turn off eMAG's rate limits")
    .option('--plain', "today's tidy answer shapes only (default: the forms live eMAG sends)")
    .action(async (options: SandboxCliValues, cmd: Command) => {
      let sandboxOptions;
      try {
        sandboxOptions = sandboxOptionsFrom(options);
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      const stopSignal = waitForStopSignal();
      const sandbox = await startSandbox(sandboxOptions);
      if (globals(cmd).json)
        printJson(ctx.io, { url: sandbox.url, controlUrl: sandbox.controlUrl, accounts: sandbox.accounts });
      else ctx.io.out(`${[...sandboxBanner(sandbox), 'Press Ctrl+C to stop.'].join('\n')}\n`);
      await stopSignal;
      await sandbox.close();
    });
}
