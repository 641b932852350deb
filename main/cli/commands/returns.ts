// `returns`: the return requests stored locally (issue 18), as a table, JSON or CSV.
import { stringify } from 'csv-stringify/sync';
import { Command, InvalidArgumentError } from 'commander';
import { RETURN_STATUS_WORDS } from '../../core/returns/returnText';
import { accountByName, printJson, withCore, type CliContext, type GlobalOptions } from '../context';
import { UsageError } from '../errors';
import { formatTable } from '../table';

const COLUMNS = ['account', 'emag_id', 'order_id', 'status', 'date', 'customer', 'products', 'first_product'] as const;

const statusList = (text: string): number[] =>
  text.split(',').map((part) => {
    const status = Number(part.trim());
    if (!Number.isInteger(status) || status < 1 || status > 7) {
      throw new InvalidArgumentError(`'${part}' is not a return status (1-7)`);
    }
    return status;
  });

export function returnsCommand(ctx: CliContext, globals: (cmd: Command) => GlobalOptions): Command {
  return new Command('returns')
    .description('return requests (RMA) from the local database, newest first')
    .option('--account <name>', 'only this account')
    .option('--status <codes>', 'only these statuses, e.g. 2,3 (1 incomplete ... 7 finalized)', statusList)
    .option('--order <id>', 'only the returns of this order', (text) => {
      const id = Number(text);
      if (!Number.isSafeInteger(id) || id < 1) throw new InvalidArgumentError(`'${text}' is not an order id`);
      return id;
    })
    .option('--csv', 'CSV, one row per return')
    .action(async (options: { account?: string; status?: number[]; order?: number; csv?: boolean }, cmd: Command) => {
      const g = globals(cmd);
      if (g.json && options.csv) throw new UsageError('choose one output: --json or --csv');
      await withCore(ctx, g, ({ core }) => {
        const account = options.account !== undefined ? accountByName(core, options.account) : undefined;
        const returns = core.repos.returns.list({
          ...(account ? { accountIds: [account.id] } : {}),
          ...(options.status ? { statuses: options.status } : {}),
          ...(options.order !== undefined ? { orderId: options.order } : {}),
          offset: 0,
          limit: 1_000_000_000,
        }).rows;
        const rows = returns.map((r) => [
          r.account,
          r.emagId,
          r.orderId ?? '',
          `${r.status} ${RETURN_STATUS_WORDS.en[r.status] ?? ''}`.trim(),
          r.date,
          r.customerName ?? '',
          r.products,
          r.firstProduct ?? '',
        ]);
        if (g.json) printJson(ctx.io, returns);
        else if (options.csv) ctx.io.out(stringify([[...COLUMNS], ...rows]));
        else if (returns.length === 0) ctx.io.out('No returns.\n');
        else ctx.io.out(formatTable(COLUMNS, rows));
      });
    });
}
