import { afterAll, describe, expect, it } from 'vitest';
import { parseEmagDate, type EmagOrderRecord, type Sandbox } from '../../main/sandbox';
import { FBE, MAIN, readAllOrders, results, start } from './helpers';

const DAY = 86_400_000;
const opened: Sandbox[] = [];
afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
});

async function open(seed: number, ordersPerAccount = 120): Promise<{ sandbox: Sandbox; nowMs: number }> {
  const { sandbox, clock } = await start({ seed, ordersPerAccount });
  opened.push(sandbox);
  return { sandbox, nowMs: clock.ms };
}

describe('seeded data generation', () => {
  it('produces the same orders and offers over HTTP for the same seed and clock, and others for another seed', async () => {
    const a = await open(7);
    const b = await open(7);
    const c = await open(8);
    const readA = await readAllOrders(a.sandbox, {});
    expect(await readAllOrders(b.sandbox, {})).toEqual(readA);
    expect(await results(b.sandbox, 'product_offer/read')).toEqual(await results(a.sandbox, 'product_offer/read'));
    expect(await readAllOrders(c.sandbox, {})).not.toEqual(readA);
  });

  it('builds the same record for an order however the orders are read (lazy generation is order-independent)', async () => {
    const a = await open(9);
    const b = await open(9);
    const idsA = a.sandbox.orders(MAIN.username).map((o) => o.id);
    const target = idsA[57] as number;
    const [direct] = await results<EmagOrderRecord[]>(b.sandbox, 'order/read', { id: target });
    expect(direct).toEqual(a.sandbox.orders(MAIN.username)[57]);
  });

  it('spreads orders over the last ~90 days, mostly finalized with a few new ones', async () => {
    const { sandbox, nowMs } = await open(3, 1000);
    const orders = sandbox.orders(MAIN.username);
    const created = orders.map((o) => parseEmagDate(o.date) ?? 0);
    expect(Math.min(...created)).toBeGreaterThanOrEqual(nowMs - 90 * DAY);
    expect(Math.max(...created)).toBeLessThanOrEqual(nowMs);
    const share = (s: number): number => orders.filter((o) => o.status === s).length / orders.length;
    expect(share(4)).toBeGreaterThan(0.6);
    expect(share(1)).toBeGreaterThan(0);
    expect(share(0)).toBeGreaterThan(0);
    expect(orders.every((o) => (parseEmagDate(o.modified) ?? 0) >= (parseEmagDate(o.date) ?? 0))).toBe(true);
    expect(orders.every((o) => o.type === 3)).toBe(true);
    expect(sandbox.orders(FBE.username).every((o) => o.type === 2)).toBe(true);
    // ids rise with the order date, as eMAG's do
    expect(orders.every((o, i) => i === 0 || o.id > (orders[i - 1]?.id ?? 0))).toBe(true);
  });

  it('fills orders like eMAG: Romanian customers, 1-5 lines with 4-decimal prices, vouchers, COD/card/transfer', async () => {
    const { sandbox } = await open(5, 1000);
    const orders = sandbox.orders(MAIN.username);
    expect(orders.some((o) => /[șțăîâȘȚĂÎÂ]/.test(o.customer.name))).toBe(true);
    const cities = new Set(orders.map((o) => o.customer.shipping_city));
    expect([...cities].some((c) => c.startsWith('București'))).toBe(true);
    expect(cities.has('Cluj-Napoca') && cities.has('Iași')).toBe(true);
    expect(orders.every((o) => /^07\d{8}$/.test(o.customer.phone_1))).toBe(true);
    const lineCounts = new Set(orders.map((o) => o.products.length));
    expect(Math.min(...lineCounts)).toBe(1);
    expect(Math.max(...lineCounts)).toBe(5);
    for (const order of orders) {
      for (const line of order.products) {
        expect(line.sale_price).toMatch(/^\d+\.\d{4}$/);
        expect(line.currency).toBe('RON');
      }
      expect(order.shipping_tax).toMatch(/^\d+\.\d{4}$/);
    }
    expect(orders.some((o) => o.vouchers.length > 0 && Number(o.vouchers[0]?.sale_price) < 0)).toBe(true);
    expect(new Set(orders.map((o) => o.payment_mode_id))).toEqual(new Set([1, 2, 3]));
    expect(orders.some((o) => o.delivery_mode === 'pickup' && !Array.isArray(o.details) && o.details.locker_id)).toBe(
      true,
    );
    expect(orders.filter((o) => o.status === 0).every((o) => typeof o.reason_cancellation === 'number')).toBe(true);
  });

  it('serves 100,000 orders per account with consistent counts and filters', async () => {
    const { sandbox } = await start({
      seed: 11,
      accounts: [{ username: 'big', password: 'big-secret', kind: 'main', orders: 100_000, offers: 200 }],
    });
    opened.push(sandbox);
    const big = { username: 'big', password: 'big-secret' };
    const byStatus = await Promise.all(
      [0, 1, 2, 3, 4, 5].map(async (status) =>
        Number((await results<{ noOfItems: string }>(sandbox, 'order/count', { status }, big)).noOfItems),
      ),
    );
    expect(byStatus.reduce((a, b) => a + b, 0)).toBe(100_000);
    const news = await readAllOrders(sandbox, { status: 1 }, big);
    expect(news).toHaveLength(byStatus[1] ?? -1);
    expect(news.every((o) => o.status === 1)).toBe(true);
    const lastPage = await results<EmagOrderRecord[]>(sandbox, 'order/read', { currentPage: 1000 }, big);
    expect(lastPage).toHaveLength(100);
  });
});
