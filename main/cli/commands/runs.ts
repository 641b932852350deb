// `runs`: the sync history, newest first.
import { Command } from 'commander';
import type { JobName } from '../../../shared/domain';
import { accountByName, printJson, withCore, type CliContext, type GlobalOptions } from '../context';
import { jobOption } from '../jobOption';
import { integerIn } from '../options';
import { runsTable } from './sync';

export function runsCommand(ctx: CliContext, globals: (cmd: Command) => GlobalOptions): Command {
  return new Command('runs')
    .description('sync history, newest first')
    .addOption(jobOption('only this job'))
    .option('--account <name>', 'only this account')
    .option('--limit <n>', 'at most this many (default 50)', integerIn(1, 100_000), 50)
    .action(async (options: { job?: JobName; account?: string; limit: number }, cmd: Command) => {
      const g = globals(cmd);
      await withCore(ctx, g, ({ core }) => {
        const account = options.account !== undefined ? accountByName(core, options.account) : undefined;
        const runs = core.repos.syncRuns.list({
          ...(options.job ? { job: options.job } : {}),
          ...(account ? { accountId: account.id } : {}),
          limit: options.limit,
        }).rows;
        if (g.json) printJson(ctx.io, runs);
        else ctx.io.out(runs.length > 0 ? runsTable(runs) : 'No runs yet.\n');
      });
    });
}
