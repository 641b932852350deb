// `sandbox` (also `npm run sandbox`): the eMAG simulator in the foreground on 127.0.0.1 until SIGINT or SIGTERM.
import { Command } from 'commander';
import { startSandbox } from '../../sandbox';
import { printJson, type CliContext, type GlobalOptions } from '../context';
import { UsageError } from '../errors';
import { sandboxBanner, sandboxOptionsFrom, type SandboxCliValues } from '../sandboxOptions';
import { waitForStopSignal } from '../waitForStop';

export function sandboxCommand(ctx: CliContext, globals: (cmd: Command) => GlobalOptions): Command {
  return new Command('sandbox')
    .description('start the eMAG sandbox (a local simulator of the Marketplace API) on 127.0.0.1')
    .option('--port <p>', 'port (default 8787; 0 picks a free one)')
    .option('--seed <s>', 'seed of all generated data and fault draws (default 1)')
    .option('--orders <n>', 'historical orders per account (default 50; 100000 works)')
    .option('--offers <n>', 'offers per account (default 40)')
    .option('--new-order-every <sec>', 'demo stream: a new order every SEC seconds (default 30; 0 = off)')
    .option('--faults <spec>', 'faults, e.g. "order/read:http500:0.3,*:reset:count=2,vat/read:slow:delay=500"')
    .option('--no-rate-limit', "do not enforce eMAG's rate limits (they are on by default)")
    .option('--plain', "today's tidy answer shapes only (default: the forms live eMAG sends)")
    .action(async (options: SandboxCliValues, cmd: Command) => {
      let sandboxOptions;
      try {
        sandboxOptions = sandboxOptionsFrom(options);
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      const json = globals(cmd).json;
      const stopSignal = waitForStopSignal();
      const sandbox = await startSandbox(sandboxOptions);
      if (json) printJson(ctx.io, { url: sandbox.url, controlUrl: sandbox.controlUrl, accounts: sandbox.accounts });
      else ctx.io.out(`${[...sandboxBanner(sandbox, sandboxOptions), 'Press Ctrl+C to stop.'].join('\n')}\n`);
      const signal = await stopSignal;
      if (!json) ctx.io.out(`\n${signal}: stopping the sandbox\n`);
      await sandbox.close();
    });
}
