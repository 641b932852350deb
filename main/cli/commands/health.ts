// `health`: the account-health figures MagFlow computes from the stored orders and returns (issue 18). Estimates:
// eMAG's own figures in the seller center are authoritative. Formulas: docs/health.md.
import { Command } from 'commander';
import { HEALTH_FIGURE_UNIT } from '../../../shared/accountHealth';
import { HEALTH_FIGURE_WORDS } from '../../core/returns/returnText';
import { accountByName, printJson, withCore, type CliContext, type GlobalOptions } from '../context';
import { formatTable } from '../table';

const COLUMNS = ['account', 'figure', 'value', 'of', 'threshold', 'state'] as const;

export function healthCommand(ctx: CliContext, globals: (cmd: Command) => GlobalOptions): Command {
  return new Command('health')
    .description("account-health figures from the local database (estimates; eMAG's own figures are authoritative)")
    .option('--account <name>', 'only this account')
    .action(async (options: { account?: string }, cmd: Command) => {
      const g = globals(cmd);
      await withCore(ctx, g, ({ core }) => {
        const account = options.account !== undefined ? accountByName(core, options.account) : undefined;
        const views = core.returns.health(account?.id);
        if (g.json) {
          printJson(ctx.io, views);
          return;
        }
        if (views.length === 0) {
          ctx.io.out('No accounts.\n');
          return;
        }
        const rows = views.flatMap((view) =>
          view.figures.map((f) => {
            const unit = HEALTH_FIGURE_UNIT[f.key] === 'percent' ? '%' : '';
            return [
              view.account,
              HEALTH_FIGURE_WORDS.en[f.key],
              f.value === null ? '-' : `${f.value}${unit}`,
              unit ? `${f.numerator}/${f.denominator}` : '',
              `${f.threshold}${unit}`,
              f.breached ? 'PAST LIMIT' : 'ok',
            ];
          }),
        );
        ctx.io.out(formatTable(COLUMNS, rows));
        const windowDays = views[0]!.windowDays;
        ctx.io.out(
          `\nRates cover the last ${windowDays} days. MagFlow's estimates from its own data; ` +
            "eMAG's figures in the seller center are authoritative.\n",
        );
      });
    });
}
