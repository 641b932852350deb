// What live eMAG orders carry beyond today's tidy sandbox data (docs/sandbox.md, "Live forms"): `finalization_date`,
// `flags`, recycling deposits on some lines, the customer gaps real orders have, and the empty list of courier accounts
// that forbids a marketplace AWB. Drawn from a stream of its own, so the plain data (statuses, lines, prices) stays
// byte-identical with and without it.
import { Rng, mixSeed } from './random';
import { toUnits } from './money';
import type { EmagTime } from './platformTime';
import type { EmagOrderRecord } from './records';
import type { StoredOrder } from './storedOrder';

/** SGR deposits eMAG lists on drinks (quantity × sale_price without VAT × (1 + vat_rate)). */
const DEPOSITS = [
  { product_name: 'Garantie SGR PET', sale_price: '0.4202' },
  { product_name: 'Garantie SGR doza metal', sale_price: '0.4202' },
  { product_name: 'Garantie SGR sticla', sale_price: '0.4202' },
] as const;

const FLAGS = ['emag_genius', 'fast_delivery', 'gift_wrap', 'business_order'] as const;

/** Statuses whose AWB phase is over: gaps that would block an AWB go on these, not on orders still to ship. */
const SHIPPED_OR_CLOSED = new Set([0, 4, 5]);

export function withLiveData(
  record: EmagOrderRecord,
  order: StoredOrder,
  config: { seed: number; accountIndex: number; time: EmagTime },
): EmagOrderRecord {
  const rng = new Rng(mixSeed(config.seed, config.accountIndex, order.genIndex, 0x11fe));
  record.finalization_date = order.finalizedMs === null ? null : config.time.format(order.finalizedMs);
  record.flags = rng.chance(0.25) ? [{ flag: rng.pick(FLAGS), value: rng.pick(['1', '0', 'yes']) }] : [];

  let depositUnits = 0;
  for (const line of record.products) {
    if (!rng.chance(0.12)) continue;
    const deposit = rng.pick(DEPOSITS);
    const quantity = rng.pick([1, 2, 6]) * line.quantity;
    const vatRate = '0.21';
    line.recycle_warranties = [{ ...deposit, quantity, vat_rate: vatRate, recycle_warranty_voucher_split: [] }];
    if (line.status === 1) depositUnits += Math.round(toUnits(Number(deposit.sale_price)) * quantity * 1.21);
  }
  // What the customer paid includes the deposits.
  if (depositUnits > 0) {
    if (record.cashed_cod > 0) record.cashed_cod = (toUnits(record.cashed_cod) + depositUnits) / 10_000;
    if (record.cashed_co > 0) record.cashed_co = (toUnits(record.cashed_co) + depositUnits) / 10_000;
  }

  if (SHIPPED_OR_CLOSED.has(order.status) || order.type === 2) {
    const customer = record.customer;
    if (rng.chance(0.06)) customer.shipping_contact = '';
    if (rng.chance(0.04)) delete customer.shipping_street;
    if (rng.chance(0.04)) {
      customer.shipping_locality_id = '';
      record.shipping_locality_id = '';
    }
    if (record.type === 3 && rng.chance(0.05)) record.enforced_vendor_courier_accounts = [];
  }
  return record;
}
