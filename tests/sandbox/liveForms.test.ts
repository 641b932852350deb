// The sandbox speaks like live eMAG by default: its orders, offers and returns come in the whole range of forms eMAG
// documents or is known to send (docs/sandbox.md, "Live forms"), the same record always in the same forms; `plain`
// keeps today's tidy shapes. Where eMAG is strict on reads, the sandbox is at least as strict; every account dates
// and filters in its platform's zone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLATFORM_ZONES, formatWallTime } from '../../shared/zoneTime';
import { emagTimeFor } from '../../main/sandbox/platformTime';
import type { Sandbox } from '../../main/sandbox';
import { call, MAIN, results, start } from './helpers';

type Json = Record<string, unknown>;

/** Every order of the account over HTTP, as answered. */
async function everyOrder(sandbox: Sandbox, filters: Json = {}): Promise<Json[]> {
  const all: Json[] = [];
  for (let page = 1; ; page++) {
    const batch = await results<Json[]>(sandbox, 'order/read', { ...filters, currentPage: page, itemsPerPage: 100 });
    all.push(...batch);
    if (batch.length < 100) return all;
  }
}

const kinds = (values: unknown[]): Set<string> =>
  new Set(values.map((v) => (v === null ? 'null' : Array.isArray(v) ? 'list' : v === '' ? 'blank' : typeof v)));

describe('live forms (the default)', () => {
  let sandbox: Sandbox;
  let orders: Json[];

  beforeAll(async () => {
    ({ sandbox } = await start({ seed: 5, ordersPerAccount: 1_500, plain: false }));
    orders = [...(await everyOrder(sandbox)), ...(await everyOrder(sandbox, { status: [0, 1, 2, 3, 4, 5] }))];
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  const customers = () => orders.map((o) => o.customer as Json);
  const lines = () => orders.flatMap((o) => o.products as Json[]);

  it('sends numbers as text and text as numbers, money as either, ids as text', () => {
    expect(kinds(orders.map((o) => o.payment_mode_id))).toEqual(new Set(['number', 'string']));
    expect(kinds(orders.map((o) => o.status))).toEqual(new Set(['number', 'string']));
    expect(kinds(orders.map((o) => o.shipping_tax))).toEqual(new Set(['number', 'string']));
    expect(kinds(lines().map((l) => l.product_id))).toEqual(new Set(['number', 'string']));
    expect(kinds(lines().map((l) => l.sale_price))).toEqual(new Set(['number', 'string']));
    expect(kinds(customers().map((c) => c.shipping_locality_id))).toEqual(new Set(['number', 'string', 'blank']));
    expect(kinds(customers().map((c) => c.shipping_postal_code))).toEqual(new Set(['number', 'string']));
    expect(kinds(orders.map((o) => o.cashed_co))).toContain('null');
  });

  it('sends details as [], {} or a locker object, and reason_cancellation as a code or { id, name }', () => {
    const details = orders.map((o) => o.details);
    expect(details.some((d) => Array.isArray(d) && d.length === 0)).toBe(true);
    expect(
      details.some((d) => d !== null && typeof d === 'object' && Object.keys(d).length === 0 && !Array.isArray(d)),
    ).toBe(true);
    expect(details.some((d) => typeof (d as Json).locker_id === 'string')).toBe(true);
    const canceled = orders.filter((o) => Number(o.status) === 0);
    expect(canceled.length).toBeGreaterThan(0);
    const reasons = canceled.map((o) => o.reason_cancellation);
    expect(reasons.some((r) => typeof r === 'object' && r !== null && 'id' in r && 'name' in r)).toBe(true);
    expect(reasons.some((r) => typeof r === 'number' || typeof r === 'string')).toBe(true);
    expect(orders.filter((o) => Number(o.status) !== 0).every((o) => o.reason_cancellation === null)).toBe(true);
  });

  it('carries the keys eMAG added over the versions, with their nulls, and leaves out what older answers lack', () => {
    const finalized = orders.filter((o) => Number(o.status) === 4);
    expect(finalized.every((o) => typeof o.finalization_date === 'string')).toBe(true);
    expect(orders.filter((o) => Number(o.status) === 1).every((o) => o.finalization_date === null)).toBe(true);
    expect(orders.every((o) => typeof o.maximum_date_for_shipment === 'string')).toBe(true);
    expect(orders.every((o) => Array.isArray(o.flags))).toBe(true);
    expect(orders.some((o) => (o.flags as unknown[]).length > 0)).toBe(true);
    expect(orders.some((o) => 'currency' in o) && orders.some((o) => !('currency' in o))).toBe(true);
    expect(orders.every((o) => o.parent_id === null && o.observation === null && o.refund_status === null)).toBe(true);
    const enforced = orders.map((o) => o.enforced_vendor_courier_accounts);
    expect(enforced.some((e) => e === null)).toBe(true);
    expect(enforced.some((e) => Array.isArray(e) && e.length > 0)).toBe(true);
    expect(enforced.some((e) => Array.isArray(e) && e.length === 0)).toBe(true);
  });

  it('has negative vouchers with their VAT, and recycling deposits on some lines', () => {
    const vouchers = orders.flatMap((o) => o.vouchers as Json[]);
    expect(vouchers.length).toBeGreaterThan(0);
    for (const v of vouchers) {
      expect(Number(v.sale_price)).toBeLessThan(0);
      expect(Number(v.sale_price_vat)).toBeLessThanOrEqual(0);
    }
    expect(vouchers.some((v) => Number(v.sale_price_vat) < 0 && Number(v.vat) > 0)).toBe(true);
    const deposits = lines().flatMap((l) => l.recycle_warranties as Json[]);
    expect(deposits.length).toBeGreaterThan(0);
    expect(deposits.every((d) => Number(d.quantity) > 0 && Number(d.sale_price) > 0 && 'vat_rate' in d)).toBe(true);
  });

  it('has canceled orders that were never acknowledged, and customers with the gaps real orders have', () => {
    const sixHours = Date.UTC(2025, 8, 19, 3, 4, 42);
    const time = emagTimeFor('emag-ro');
    const freshCanceled = orders.filter((o) => Number(o.status) === 0 && (time.parse(String(o.date)) ?? 0) >= sixHours);
    expect(freshCanceled.length).toBeGreaterThan(0);
    expect(customers().some((c) => c.shipping_contact === '')).toBe(true);
    expect(customers().some((c) => !('shipping_street' in c))).toBe(true);
    expect(customers().some((c) => c.shipping_locality_id === '')).toBe(true);
    // Gaps that would stop an AWB are only on orders whose AWB phase is over.
    const open = orders.filter((o) => [2, 3].includes(Number(o.status)) && Number(o.type) === 3);
    expect(open.every((o) => (o.customer as Json).shipping_street && (o.customer as Json).shipping_locality_id)).toBe(
      true,
    );
  });

  it('answers the same record in the same forms every time', async () => {
    const again = await everyOrder(sandbox);
    expect(again).toEqual(orders.slice(0, again.length));
  });

  it('sends offers and return requests in live forms too', async () => {
    const offers = await results<Json[]>(sandbox, 'product_offer/read');
    expect(kinds(offers.map((o) => o.sale_price))).toEqual(new Set(['number', 'string']));
    expect(kinds(offers.map((o) => o.general_stock))).toEqual(new Set(['number', 'string']));
    expect(kinds(offers.map((o) => o.offer_validation_status))).toEqual(new Set(['object', 'list']));
    const returns = await results<Json[]>(sandbox, 'rma/read');
    expect(returns.length).toBeGreaterThan(0);
    expect(kinds(returns.map((r) => r.order_id))).toContain('string');
    expect(returns.every((r) => 'locker' in r && Array.isArray(r.status_history))).toBe(true);
  });
});

describe('plain', () => {
  it("keeps today's tidy shapes", async () => {
    const { sandbox } = await start({ seed: 5, ordersPerAccount: 300, plain: true });
    try {
      const orders = await results<Json[]>(sandbox, 'order/read', { status: [0, 1, 2, 3, 4, 5] });
      expect(orders.every((o) => typeof o.status === 'number' && typeof o.payment_mode_id === 'number')).toBe(true);
      expect(orders.every((o) => typeof (o.customer as Json).shipping_locality_id === 'number')).toBe(true);
      expect(orders.every((o) => !('finalization_date' in o) && !('flags' in o))).toBe(true);
      expect(
        orders.every((o) => (o.products as Json[]).every((l) => (l.recycle_warranties as unknown[]).length === 0)),
      ).toBe(true);
      expect(orders.every((o) => o.reason_cancellation === null || typeof o.reason_cancellation === 'number')).toBe(
        true,
      );
    } finally {
      await sandbox.close();
    }
  });
});

describe('strict where eMAG is strict on reads', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    ({ sandbox } = await start({ ordersPerAccount: 20 }));
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  const refusal = async (route: string, body: Json): Promise<string> => {
    const reply = await call(sandbox, route, body, MAIN);
    expect(reply.json.isError).toBe(true);
    return JSON.stringify(reply.json.messages);
  };

  it('refuses filter keys eMAG does not document (a typo would quietly read everything on eMAG)', async () => {
    expect(await refusal('order/read', { modified_after: '2025-09-01 00:00:00' })).toMatch(/modified_after/);
    expect(await refusal('order/count', { stauts: 1 })).toMatch(/stauts/);
    expect(await refusal('product_offer/read', { sku: 'x' })).toMatch(/sku/);
    expect(await refusal('rma/read', { orderId: 5 })).toMatch(/orderId/);
    expect(await results(sandbox, 'product_offer/read', { translation_validation_status: 9 })).toBeDefined();
  });

  it('refuses pages above 100, a Before without its After, and windows over a month', async () => {
    expect(await refusal('order/read', { itemsPerPage: 101 })).toMatch(/100/);
    expect(await refusal('product_offer/read', { itemsPerPage: 101 })).toMatch(/100/);
    expect(await refusal('order/read', { modifiedBefore: '2025-09-01 00:00:00' })).toMatch(/modifiedAfter/);
    expect(
      await refusal('order/read', { createdAfter: '2025-07-01 00:00:00', createdBefore: '2025-08-01 00:00:01' }),
    ).toMatch(/one month/);
  });
});

describe('one zone rule per platform', () => {
  it("dates a Hungarian account's orders and reads its filters in Budapest time", async () => {
    const { sandbox, clock } = await start({
      accounts: [{ username: 'hu', password: 'hu-secret', kind: 'main', orders: 40, platform: 'emag-hu' }],
    });
    const hu = { username: 'hu', password: 'hu-secret' };
    try {
      const [order] = sandbox.addOrders('hu', 1);
      expect(order!.date).toBe(formatWallTime(new Date(clock.ms), PLATFORM_ZONES['emag-hu']));
      const from = formatWallTime(new Date(clock.ms - 1_000), PLATFORM_ZONES['emag-hu']);
      const to = formatWallTime(new Date(clock.ms + 1_000), PLATFORM_ZONES['emag-hu']);
      const found = await results<Json[]>(sandbox, 'order/read', { createdAfter: from, createdBefore: to }, hu);
      expect(found.map((o) => o.id)).toEqual([order!.id]);
      // The same wall-clock text read as Bucharest time is an hour off: nothing in that window.
      const bucharest = (ms: number) => formatWallTime(new Date(ms), PLATFORM_ZONES['emag-ro']);
      const shifted = { createdAfter: bucharest(clock.ms - 1_000), createdBefore: bucharest(clock.ms + 1_000) };
      expect(await results<Json[]>(sandbox, 'order/read', shifted, hu)).toEqual([]);
    } finally {
      await sandbox.close();
    }
  });

  it('agrees with the zone database for every platform, summer and winter', () => {
    for (const platform of ['emag-ro', 'emag-bg', 'emag-hu', 'fd-ro', 'fd-bg'] as const) {
      const time = emagTimeFor(platform);
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 7 * 3_600_000 + 13_000) {
        expect(time.format(ms)).toBe(formatWallTime(new Date(ms), PLATFORM_ZONES[platform]));
      }
    }
  });
});
