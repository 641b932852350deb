// `run`: the scheduler with every job until SIGINT/SIGTERM, then a clean stop (runs aborted and recorded, none
// left 'running'). The data-folder lock makes a second `run` (or `sync`, `serve`) refuse.
import { Command } from 'commander';
import { openCore, type CliContext, type GlobalOptions } from '../context';
import { CliFailure } from '../errors';
import { waitForStopSignal } from '../waitForStop';

export function runCommand(ctx: CliContext, globals: (cmd: Command) => GlobalOptions): Command {
  return new Command('run')
    .description('run the scheduler with all jobs until Ctrl+C (SIGINT) or SIGTERM')
    .action(async (_options: unknown, cmd: Command) => {
      const g = globals(cmd);
      const stopSignal = waitForStopSignal();
      const session = await openCore(ctx, g, { lockFor: 'run', logLevel: 'info' });
      try {
        const accounts = session.core.repos.accounts.list().filter((a) => a.enabled && !a.isDemo);
        if (accounts.length === 0) {
          throw new CliFailure('no enabled (non-demo) account to sync; add one with `magflow accounts add`');
        }
        await session.core.start();
        ctx.io.err(
          `magflow: running ${accounts.length} account(s) from ${session.core.dataDir} (pid ${process.pid}); Ctrl+C stops`,
        );
        const signal = await stopSignal;
        ctx.io.err(`magflow: ${signal}: stopping (aborting runs in flight)`);
      } finally {
        await session.close();
      }
      ctx.io.err('magflow: stopped');
    });
}
