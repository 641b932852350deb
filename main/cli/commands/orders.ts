// `orders`: the orders stored locally, filtered, as a table, JSON (with lines) or CSV (quoting by csv-stringify).
import { Command, InvalidArgumentError } from 'commander';
import type { OrderLine, OrderStatus, OrderSummary } from '../../../shared/domain';
import { acknowledgementOf, isAcknowledged } from '../../../shared/orderRules';
import type { MagflowCore } from '../../core/magflow';
import { ordersForCsv, ordersToCsv } from '../../core/orders/exportCsv';
import type { CsvLanguage } from '../../core/orders/csvText';
import { minorToDecimal } from '../../../shared/money';
import { accountByName, printJson, withCore, type CliContext, type GlobalOptions } from '../context';
import { UsageError } from '../errors';
import { calendarDate, integerIn, nonEmpty } from '../options';
import { formatTable } from '../table';

interface OrdersOptions {
  account?: string;
  status?: number;
  since?: string;
  search?: string;
  limit?: number;
  csv?: boolean;
  lang?: CsvLanguage;
}

/** Large enough for "everything" (SQLite needs a number). */
const NO_LIMIT = 1_000_000_000;

/** One order of `orders --json` (a public interface: keep stable). Money is a decimal string, never a float. */
export function orderJson(order: OrderSummary, lines: readonly OrderLine[]) {
  return {
    account: order.account,
    accountId: order.accountId,
    id: order.id,
    status: order.status,
    type: order.type,
    paymentModeId: order.paymentModeId,
    total: minorToDecimal(order.totalMinor),
    currency: order.currency,
    created: order.created,
    modified: order.modified,
    acknowledged: isAcknowledged(order),
    /** The shared rule's three states (docs/ui.md, Acknowledgement): FBE orders are `not-needed`, never waiting. */
    acknowledgement: acknowledgementOf(order),
    customer: { name: order.customer.name, phone: order.customer.phone, locality: order.customer.locality },
    lines: lines.map((l) => ({
      productId: l.productId,
      partNumberKey: l.partNumberKey,
      name: l.name,
      quantity: l.quantity,
      salePrice: l.salePrice,
    })),
  };
}

function selectOrders(core: MagflowCore, options: OrdersOptions) {
  const account = options.account !== undefined ? accountByName(core, options.account) : undefined;
  return ordersForCsv(core.repos.orders, {
    ...(account ? { accountIds: [account.id] } : {}),
    ...(options.status !== undefined ? { statuses: [options.status as OrderStatus] } : {}),
    ...(options.since ? { from: options.since } : {}),
    ...(options.search ? { search: options.search } : {}),
    sort: { field: 'created', dir: 'desc' },
    offset: 0,
    limit: options.limit ?? NO_LIMIT,
  });
}

function csvLanguage(value: string): CsvLanguage {
  if (value !== 'ro' && value !== 'en') throw new InvalidArgumentError(`expected ro or en, got '${value}'`);
  return value;
}

export function ordersCommand(ctx: CliContext, globals: (cmd: Command) => GlobalOptions): Command {
  return new Command('orders')
    .description('orders from the local database')
    .option('--account <name>', 'only this account')
    .option(
      '--status <n>',
      'eMAG status 0-5 (0 canceled, 1 new, 2 in progress, 3 prepared, 4 finalized, 5 returned)',
      integerIn(0, 5),
    )
    .option('--since <date>', 'created on or after this day, YYYY-mm-dd', calendarDate)
    .option('--search <text>', 'order id, customer, phone, product', nonEmpty('--search'))
    .option('--limit <n>', 'at most this many, newest first', integerIn(1, NO_LIMIT))
    .option('--csv', "CSV, one row per order: the window's export, byte for byte")
    .option(
      '--lang <ro|en>',
      "CSV language (headers, labels; ro: ';' and a BOM for Excel); default: the app's",
      csvLanguage,
    )
    .action(async (options: OrdersOptions, cmd: Command) => {
      const g = globals(cmd);
      if (g.json && options.csv) throw new UsageError('choose one output: --json or --csv');
      await withCore(ctx, g, ({ core }) => {
        const orders = selectOrders(core, options);
        if (g.json)
          printJson(
            ctx.io,
            orders.map((o) => orderJson(o, o.lines)),
          );
        else if (options.csv) ctx.io.out(ordersToCsv(orders, options.lang ?? core.settings.get().language));
        else if (orders.length === 0) ctx.io.out('No orders.\n');
        else
          ctx.io.out(
            formatTable(
              ['account', 'id', 'created', 'status', 'total', 'currency', 'customer', 'locality', 'ack'],
              orders.map((o) => [
                o.account,
                o.id,
                o.created,
                o.status,
                minorToDecimal(o.totalMinor),
                o.currency,
                o.customer.name,
                o.customer.locality,
                isAcknowledged(o) ? 'yes' : 'no',
              ]),
            ),
          );
      });
    });
}
