// Bulk work against the sandbox over real HTTP, with eMAG's rate limits enforced by the sandbox and the client's own
// limiter at eMAG's numbers: a bulk acknowledge and then a bulk status change (prepared for most, cancelled with the
// seller's reason for a few) of many orders all reach eMAG, each once, through the outbox, and never above the limit.
import { afterEach, describe, expect, it } from 'vitest';
import { BulkRequestSchema } from '../../shared/ipc';
import { bulkOrders } from '../../main/core/orders/bulk';
import { orderActions } from '../../main/core/orders/actions';
import { createHarness, drainUntilIdle, type Harness } from './harness';

const MAIN = { username: 'bulk-main', password: 'main-secret', kind: 'main' as const, orders: 150, offers: 2 };
const FBE = { username: 'bulk-fbe', password: 'fbe-secret', kind: 'fbe' as const, orders: 40, offers: 2 };
/** eMAG's order-route ceiling (v4.4.9 "Rate limiting": 12 requests a second for order routes). */
const ORDERS_PER_SECOND = 12;

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The most order-route requests of MAIN (eMAG limits each account) the sandbox saw arrive within one second. */
function busiestSecond(harness: Harness): number {
  const times = harness.sandbox.requestLog
    .filter((e) => e.bucket === 'orders' && e.account === MAIN.username)
    .map((e) => e.at);
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= 1000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

const successful = (harness: Harness, route: string) =>
  harness.sandbox.requestLog.filter((e) => e.route === route && e.status === 200 && !e.fault);

describe('bulk actions against the sandbox', { timeout: 120_000 }, () => {
  it('acknowledge, then prepare or cancel many orders: each reaches eMAG once, within the rate limits', async () => {
    h = await createHarness({
      accounts: [MAIN, FBE],
      seed: 41,
      rateLimit: true,
      settings: { autoAcknowledge: false },
      client: { rateLimits: {} },
    });
    const harness = h;
    const mainId = harness.accounts[MAIN.username]!.id;
    const fbeId = harness.accounts[FBE.username]!.id;
    harness.sandbox.addOrders(MAIN.username, 24, { type: 3 });
    for (const accountId of [mainId, fbeId]) {
      await harness.engine.runJob('new-orders', accountId, 'startup');
      await harness.engine.runJob('order-changes', accountId, 'startup');
    }
    const actions = orderActions({
      repos: harness.repos,
      bus: harness.bus,
      clock: harness.clock,
      kickOutbox: () => {},
    });
    const bulk = bulkOrders({ repos: harness.repos, clock: harness.clock, actions, language: () => 'en' });

    const fresh = harness.sandbox.orders(MAIN.username).filter((o) => o.status === 1 && o.type === 3);
    expect(fresh.length).toBeGreaterThanOrEqual(24);
    const fbeOrder = harness.sandbox.orders(FBE.username)[0]!;
    const keys = [
      ...fresh.map((o) => ({ accountId: mainId, orderId: o.id })),
      { accountId: fbeId, orderId: fbeOrder.id },
    ];

    const acknowledged = bulk.run(BulkRequestSchema.parse({ action: 'acknowledge', orders: keys }));
    expect(acknowledged.outcomes.filter((o) => o.outcome === 'queued')).toHaveLength(fresh.length);
    expect(acknowledged.outcomes.find((o) => o.accountId === fbeId)).toMatchObject({
      outcome: 'skipped',
      reason: 'fbe',
    });
    await drainUntilIdle(harness, mainId, 80);

    const acks = successful(harness, 'order/acknowledge').map((e) => Number(e.path.split('/').at(-1)));
    expect(acks.sort((a, b) => a - b)).toEqual(fresh.map((o) => o.id).sort((a, b) => a - b));
    for (const o of fresh) expect(harness.repos.orders.get(mainId, o.id)?.status).toBe(2);

    // Now prepare most and cancel three with "the client can not be contacted" (3).
    const cancel = fresh.slice(0, 3).map((o) => ({ accountId: mainId, orderId: o.id }));
    const prepare = fresh.slice(3).map((o) => ({ accountId: mainId, orderId: o.id }));
    const prepared = bulk.run(BulkRequestSchema.parse({ action: 'status', status: 3, orders: prepare }));
    const cancelled = bulk.run(
      BulkRequestSchema.parse({ action: 'status', status: 0, cancelReason: 3, orders: cancel }),
    );
    expect([...prepared.outcomes, ...cancelled.outcomes].every((o) => o.outcome === 'queued')).toBe(true);
    await drainUntilIdle(harness, mainId, 80);

    const atEmag = new Map(harness.sandbox.orders(MAIN.username).map((o) => [o.id, o]));
    for (const { orderId } of prepare) expect(atEmag.get(orderId)?.status).toBe(3);
    for (const { orderId } of cancel) {
      expect(atEmag.get(orderId)).toMatchObject({ status: 0, reason_cancellation: 3 });
    }
    expect(successful(harness, 'order/save')).toHaveLength(fresh.length);
    const outbox = [...prepared.outcomes, ...cancelled.outcomes].map((o) => harness.repos.outbox.get(o.actionId!));
    expect(outbox.every((a) => a?.state === 'sent')).toBe(true);

    // Within eMAG's limits: the client's limiter paces every send at eMAG's numbers. The sandbox runs in this same
    // process, so a stall of the test machine can bunch a few arrivals into one second; one refusal (which the
    // client then waits out and retries) is tolerated for that, more would mean the bulk work outran the limiter.
    expect(harness.sandbox.requestLog.filter((e) => e.status === 429).length).toBeLessThanOrEqual(1);
    expect(busiestSecond(harness)).toBeLessThanOrEqual(ORDERS_PER_SECOND + 1);
  });
});
