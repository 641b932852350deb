// `offers`: the offers stored locally, as a table, JSON or CSV.
import { stringify } from 'csv-stringify/sync';
import { Command } from 'commander';
import { accountByName, printJson, withCore, type CliContext, type GlobalOptions } from '../context';
import { UsageError } from '../errors';
import { formatTable } from '../table';
import { addOfferEditCommands } from './offerEdit';

const OFFER_COLUMNS = [
  'account',
  'id',
  'part_number',
  'part_number_key',
  'name',
  'brand',
  'sale_price',
  'currency',
  'stock',
  'status',
  'validation_status',
] as const;

export function offersCommand(ctx: CliContext, globals: (cmd: Command) => GlobalOptions): Command {
  const offers = new Command('offers')
    .description('offers from the local database')
    .option('--account <name>', 'only this account')
    .option('--csv', 'CSV, one row per offer')
    .action(async (options: { account?: string; csv?: boolean }, cmd: Command) => {
      const g = globals(cmd);
      if (g.json && options.csv) throw new UsageError('choose one output: --json or --csv');
      await withCore(ctx, g, ({ core }) => {
        const account = options.account !== undefined ? accountByName(core, options.account) : undefined;
        const offers = core.repos.offers.list({
          ...(account ? { accountIds: [account.id] } : {}),
          sort: { field: 'name', dir: 'asc' },
          offset: 0,
          limit: 1_000_000_000,
        }).rows;
        const rows = offers.map((o) => [
          o.account,
          o.id,
          o.partNumber ?? '',
          o.partNumberKey ?? '',
          o.name,
          o.brand ?? '',
          o.salePrice ?? '',
          o.currency ?? '',
          o.stock ?? '',
          o.status ?? '',
          o.validationStatus ?? '',
        ]);
        if (g.json) printJson(ctx.io, offers);
        else if (options.csv) ctx.io.out(stringify([[...OFFER_COLUMNS], ...rows]));
        else if (offers.length === 0) ctx.io.out('No offers.\n');
        else ctx.io.out(formatTable(OFFER_COLUMNS, rows));
      });
    });
  return addOfferEditCommands(offers, ctx, globals);
}
