// One odd record never stops the rest: against the sandbox over HTTP, orders and offers eMAG sends in forms MagFlow
// cannot read (or map) are set aside in "needs attention" while their pages are stored; the runs complete with
// warnings; the watermark moving on never loses them (each run re-reads them by id); once they read, they are stored.
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness';

const MAIN = { username: 'odd-main', password: 'main-secret', kind: 'main' as const, orders: 260, offers: 30 };

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The sandbox's live record of an order (editing it changes what eMAG answers). */
const remoteOrder = (harness: Harness, id: number) => harness.sandbox.orders(MAIN.username).find((o) => o.id === id)!;

describe('set-aside records (needs attention)', () => {
  it('stores every other order of the pages, lists the odd ones whole, and completes with warnings', async () => {
    h = await createHarness({ accounts: [MAIN], settings: { autoAcknowledge: false } });
    const accountId = h.accounts[MAIN.username]!.id;
    const remote = h.sandbox.orders(MAIN.username);
    // Three forms MagFlow cannot use: a customer name that is an object and a line id that is not a number (the
    // client cannot read them), and an unknown status (the mapper cannot store it).
    const [a, b, c] = [remote[10]!, remote[120]!, remote[250]!];
    const original = { a: a.customer, b: b.products, c: c.status };
    a.customer = { ...a.customer, name: { first: 'Ion' } } as never;
    b.products = [{ ...b.products[0]!, id: 'line-1' as never }];
    c.status = 9;

    const run = await h.engine.runJob('order-changes', accountId, 'manual');
    expect(run).toMatchObject({ status: 'completed', error: null, warnings: 3, created: remote.length - 3 });
    expect(h.repos.orders.countByAccount(accountId)).toBe(remote.length - 3);
    const listed = h.repos.needsAttention.list({ accountId });
    expect(listed.map((item) => item.emagId).sort()).toEqual([a.id, b.id, c.id].map(String).sort());
    const byId = new Map(listed.map((item) => [item.emagId, item]));
    expect(byId.get(String(a.id))!.reason).toMatch(/customer\.name/);
    expect(byId.get(String(b.id))!.reason).toMatch(/products\.0\.id/);
    expect(byId.get(String(c.id))!.reason).toMatch(/unknown status 9/);
    // Exactly what eMAG sent, unknown keys and all.
    expect(JSON.parse(byId.get(String(a.id))!.raw)).toMatchObject({ id: a.id, customer: { name: { first: 'Ion' } } });
    expect(listed.every((item) => item.kind === 'order' && item.timesSeen === 1)).toBe(true);

    // The watermark has moved past them; the next run still re-reads each by id (and sees it again).
    const reads = h.requests(MAIN.username, 'order/read');
    const second = await h.engine.runJob('order-changes', accountId, 'manual');
    expect(second).toMatchObject({ status: 'completed', warnings: 3 });
    expect(h.requests(MAIN.username, 'order/read') - reads).toBeGreaterThanOrEqual(3);
    expect(h.repos.needsAttention.list({ accountId }).every((item) => item.timesSeen === 2)).toBe(true);

    // eMAG's answers become readable (their `modified` unchanged, far behind the watermark): the retry stores them.
    a.customer = original.a;
    b.products = original.b;
    c.status = original.c;
    const third = await h.engine.runJob('order-changes', accountId, 'manual');
    expect(third).toMatchObject({ status: 'completed', warnings: 0 });
    expect(h.repos.needsAttention.count(accountId)).toBe(0);
    expect(h.repos.orders.countByAccount(accountId)).toBe(remote.length);
    expect(h.repos.orders.get(accountId, a.id)?.customer.name).toBeTruthy();
  });

  it('sets aside an odd new order without holding up the new-orders poll', async () => {
    h = await createHarness({ accounts: [MAIN], settings: { autoAcknowledge: false } });
    const accountId = h.accounts[MAIN.username]!.id;
    const [fresh, odd] = h.sandbox.addOrders(MAIN.username, 2);
    remoteOrder(h, odd!.id).date = { when: 'today' } as never;
    const run = await h.engine.runJob('new-orders', accountId, 'manual');
    expect(run).toMatchObject({ status: 'completed', warnings: 1 });
    expect(h.repos.orders.get(accountId, fresh!.id)).toBeDefined();
    expect(h.repos.orders.get(accountId, odd!.id)).toBeUndefined();
    expect(h.repos.needsAttention.list({ accountId }).map((item) => item.emagId)).toEqual([String(odd!.id)]);
  });

  it('does the same for offers: the odd offer is listed, the rest stored, and it is taken in once readable', async () => {
    h = await createHarness({ accounts: [MAIN] });
    const accountId = h.accounts[MAIN.username]!.id;
    const offers = h.sandbox.offers(MAIN.username);
    const odd = offers[7]!;
    const price = odd.sale_price;
    odd.sale_price = { amount: 10 } as never;
    const run = await h.engine.runJob('offers', accountId, 'manual');
    expect(run).toMatchObject({ status: 'completed', warnings: 1, created: offers.length - 1 });
    expect(h.repos.needsAttention.list({ accountId, kind: 'offer' })).toEqual([
      expect.objectContaining({ emagId: String(odd.id), reason: expect.stringMatching(/sale_price/) }),
    ]);
    odd.sale_price = price;
    const again = await h.engine.runJob('offers', accountId, 'manual');
    expect(again).toMatchObject({ status: 'completed', warnings: 0 });
    expect(h.repos.needsAttention.count(accountId)).toBe(0);
    expect(h.repos.offers.countByAccount(accountId)).toBe(offers.length);
  });
});
