// Generates return requests (RMAs) for a few of an account's finalized or returned orders, from the seed.
import type { OrderStore } from './orderStore';
import type { EmagTime } from './platformTime';
import { Rng, mixSeed } from './random';
import type { EmagRmaRecord } from './records';

const DAY = 86_400_000;

/** What the returns are drawn from: the account's seed, index, orders and dates. */
export interface ReturnSource {
  seed: number;
  index: number;
  orders: Pick<OrderStore, 'all' | 'record'>;
  time: EmagTime;
}

export function generateReturns(account: ReturnSource, nowMs: number): EmagRmaRecord[] {
  const rng = new Rng(mixSeed(account.seed, account.index, 0x0e7a));
  const candidates = account.orders.all().filter((o) => o.status === 4 || o.status === 5);
  const wanted = Math.min(Math.ceil(candidates.length * 0.03), 2000);
  const chosen = rng.sample(candidates, wanted).sort((a, b) => a.id - b.id);
  return chosen.map((order, i) =>
    returnFor(account, order, {
      emagId: 2_000_000 + account.index * 1_000_000 + i * 3 + 1,
      lineId: 5_000_000 + account.index * 1_000_000 + i,
      rng,
      date: account.time.format(Math.min((order.finalizedMs ?? order.modifiedMs) + rng.int(1, 12) * DAY, nowMs)),
      status: order.status === 5 ? 7 : rng.pick([2, 3, 3, 6, 7, 7, 4, 5]),
    }),
  );
}

type ReturnOrder = ReturnType<ReturnSource['orders']['all']>[number];

/** One return request for an order, in eMAG's read shape. */
export function returnFor(
  account: ReturnSource,
  order: ReturnOrder,
  at: { emagId: number; lineId: number; rng: Rng; date: string; status: number },
): EmagRmaRecord {
  const { rng } = at;
  const record = account.orders.record(order);
  const line = record.products[0];
  const customer = record.customer;
  return {
    emag_id: at.emagId,
    id: null,
    order_id: order.id,
    type: order.type,
    is_full_fbe: order.type === 2 ? 1 : 0,
    invoice_number: null,
    customer_name: customer.name,
    customer_company: customer.legal_entity === 1 ? customer.company : null,
    customer_phone: customer.phone_1,
    products: line
      ? [
          {
            id: at.lineId,
            product_emag_id: line.mkt_id,
            product_id: line.product_id,
            part_number_key: line.part_number_key,
            product_name: line.name,
            quantity: line.quantity,
            return_reason: rng.pick([3, 4, 5, 6, 10]),
            observations: rng.chance(0.5) ? 'Produsul nu corespunde descrierii' : null,
            diagnostic: null,
            reject_reason: null,
            refund_value: line.sale_price,
          },
        ]
      : [],
    awbs: [],
    pickup_country: 'RO',
    pickup_suburb: customer.shipping_suburb,
    pickup_city: customer.shipping_city,
    pickup_address: customer.shipping_street ?? '',
    pickup_zipcode: customer.shipping_postal_code,
    pickup_locality_id: Number(customer.shipping_locality_id) || customer.billing_locality_id,
    pickup_method: rng.pick([1, 1, 2, 3]),
    return_reason: rng.pick([3, 4, 5, 6, 10]),
    return_type: rng.pick([1, 3, 3, 3, 5]),
    observations: null,
    date: at.date,
    request_status: at.status,
  };
}
