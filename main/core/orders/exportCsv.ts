// The orders CSV, one builder for the window's export and `magflow orders --csv` (docs/ui.md, "Orders CSV"): one
// row per order, its products filled in, labels and headers in the chosen language. Excel needs a UTF-8 BOM to show
// diacritics (customers' names are Romanian in either language), so every export starts with one; Romanian Excel
// reads `;` as the separator (the decimal comma takes `,`), so Romanian uses `;` and a decimal comma, English `,` and
// a decimal point. Quoting is left to csv-stringify.
import { stringify } from 'csv-stringify/sync';
import type { OrderLine, OrderSummary } from '../../../shared/domain';
import { minorToDecimal } from '../../../shared/money';
import { acknowledgementOf } from '../../../shared/orderRules';
import type { OrdersQueryParsed } from '../../../shared/ipc';
import type { OrdersRepository } from '../db/repositories/orders';
import { CSV_TEXT, ORDER_CSV_COLUMNS, type CsvLanguage } from './csvText';

export { ORDER_CSV_COLUMNS } from './csvText';

export const UTF8_BOM = '\uFEFF';

export type OrderForCsv = OrderSummary & { lines: readonly OrderLine[] };

/** Active lines as "2 x Name", the way the seller reads an order; removed lines (status 0) are left out. */
const productsOf = (lines: readonly OrderLine[]): string =>
  lines
    .filter((line) => line.status !== 0)
    .map((line) => `${line.quantity} x ${line.name}`)
    .join(' | ');

/** A BOM, then Romanian: `;` and a decimal comma (Excel in a Romanian locale); English: `,` and a decimal point. */
export function ordersToCsv(orders: readonly OrderForCsv[], lang: CsvLanguage): string {
  const text = CSV_TEXT[lang];
  const total = (minor: number) => (lang === 'ro' ? minorToDecimal(minor).replace('.', ',') : minorToDecimal(minor));
  const rows = orders.map((o) => [
    o.account,
    o.id,
    o.created,
    o.modified,
    text.status[o.status] ?? String(o.status),
    text.type[o.type] ?? String(o.type),
    o.paymentModeId === null ? '' : (text.payment[o.paymentModeId] ?? text.otherPayment(o.paymentModeId)),
    total(o.totalMinor),
    o.currency,
    o.customer.name ?? '',
    o.customer.phone ?? '',
    o.customer.locality ?? '',
    text.acknowledgement[acknowledgementOf(o)],
    productsOf(o.lines),
  ]);
  const csv = stringify([ORDER_CSV_COLUMNS.map((column) => text.headers[column]), ...rows], {
    delimiter: lang === 'ro' ? ';' : ',',
  });
  return UTF8_BOM + csv;
}

/** The orders a query selects, each with its lines: what both the window's export and the CLI write. */
export function ordersForCsv(orders: OrdersRepository, query: OrdersQueryParsed): OrderForCsv[] {
  const { rows } = orders.list(query);
  const lines = orders.linesOf(rows);
  return rows.map((row, i) => ({ ...row, lines: lines[i] ?? [] }));
}
