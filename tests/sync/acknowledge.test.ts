// Auto-acknowledge through the outbox against the sandbox: every new seller-fulfilled order ends acknowledged at
// eMAG, no FBE order is ever acknowledged, and injected failures only delay it (each order acknowledged once).
import { afterEach, describe, expect, it } from 'vitest';
import type { FaultRule } from '../../main/sandbox';
import { createHarness, drainUntilIdle, type Harness } from './harness';

const MAIN = { username: 'ack-main', password: 'main-secret', kind: 'main' as const, orders: 400, offers: 2 };
const FBE = { username: 'ack-fbe', password: 'fbe-secret', kind: 'fbe' as const, orders: 400, offers: 2 };

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Successful (HTTP 200, no injected fault) acknowledge requests per order id. */
function successfulAcks(harness: Harness, username: string): Map<number, number> {
  const byOrder = new Map<number, number>();
  for (const entry of harness.sandbox.requestLog) {
    if (entry.account !== username || entry.route !== 'order/acknowledge' || entry.status !== 200 || entry.fault)
      continue;
    const id = Number(entry.path.split('/').at(-1));
    byOrder.set(id, (byOrder.get(id) ?? 0) + 1);
  }
  return byOrder;
}

async function importBoth(harness: Harness, mainId: number, fbeId: number): Promise<void> {
  for (const accountId of [mainId, fbeId]) {
    await harness.engine.runJob('new-orders', accountId, 'startup');
    await harness.engine.runJob('order-changes', accountId, 'startup');
  }
}

/** The sandbox's new (status 1) orders of an account. */
const newOrderIds = (harness: Harness, username: string): number[] =>
  harness.sandbox
    .orders(username)
    .filter((o) => o.status === 1)
    .map((o) => o.id);

/**
 * MAIN and FBE with acknowledgements failing as `faults`. One client attempt per send: every failure reaches the
 * outbox, which must retry it on a later run.
 */
const harnessWithAckFaults = (seed: number, faults: FaultRule[]): Promise<Harness> =>
  createHarness({
    accounts: [MAIN, FBE],
    seed,
    faults,
    client: { retry: { maxAttempts: 1 } },
    tuning: { outboxRetryBaseMs: 10, outboxRetryMaxMs: 40 },
  });

/** Imports both accounts, then drains MAIN's outbox until idle; MAIN's id and the orders that were new. */
async function importAndDrainMain(harness: Harness): Promise<{ mainId: number; newMain: number[] }> {
  const mainId = harness.accounts[MAIN.username]!.id;
  const newMain = newOrderIds(harness, MAIN.username);
  await importBoth(harness, mainId, harness.accounts[FBE.username]!.id);
  await drainUntilIdle(harness, mainId, 80);
  return { mainId, newMain };
}

describe('auto-acknowledge', () => {
  it('acknowledges every new type-3 order once, re-reads it, and never touches a type-2 order', async () => {
    h = await createHarness({ accounts: [MAIN, FBE], seed: 21 });
    const mainId = h.accounts[MAIN.username]!.id;
    const fbeId = h.accounts[FBE.username]!.id;
    const newMain = newOrderIds(h, MAIN.username);
    const newFbe = newOrderIds(h, FBE.username);
    expect(newMain.length).toBeGreaterThan(3);
    expect(newFbe.length).toBeGreaterThan(3);

    await importBoth(h, mainId, fbeId);
    // Queued in the same transaction that stored each order, and only for the seller-fulfilled account.
    expect(h.repos.outbox.countByState('pending', mainId)).toBe(newMain.length);
    expect(h.repos.outbox.countByState('pending', fbeId)).toBe(0);
    const queued = h.eventsOf('outbox_changed').filter((e) => e.action.kind === 'acknowledge');
    expect(queued.map((e) => e.action.orderId).sort()).toEqual([...newMain].sort());

    await drainUntilIdle(h, mainId);
    await drainUntilIdle(h, fbeId);

    const remote = new Map(h.sandbox.orders(MAIN.username).map((o) => [o.id, o]));
    for (const id of newMain) {
      expect(remote.get(id)?.status).toBe(2);
      const local = h.repos.orders.get(mainId, id)!;
      expect(local.status).toBe(2); // re-read after acknowledging
      expect(local.acknowledgedAt).not.toBeNull();
      expect(h.repos.outbox.forOrder(mainId, id).map((a) => a.state)).toEqual(['sent']);
    }
    expect([...successfulAcks(h, MAIN.username).values()].every((n) => n === 1)).toBe(true);
    expect(successfulAcks(h, MAIN.username).size).toBe(newMain.length);
    expect(h.requests(FBE.username, 'order/acknowledge')).toBe(0);
    for (const id of newFbe) expect(h.sandbox.orders(FBE.username).find((o) => o.id === id)?.status).toBe(1);

    const updates = h.eventsOf('order_update').filter((e) => e.accountId === mainId);
    expect(updates.filter((e) => e.fromStatus === 1 && e.toStatus === 2)).toHaveLength(newMain.length);
    // A second poll finds nothing left to acknowledge.
    await h.engine.runJob('new-orders', mainId, 'scheduled');
    expect(h.repos.outbox.countByState('pending', mainId)).toBe(0);
  });

  it('gets every acknowledgement through 30% injected failures, each order acknowledged once', async () => {
    h = await harnessWithAckFaults(22, [
      { route: 'order/acknowledge', kind: 'http500', probability: 0.15 },
      { route: 'order/acknowledge', kind: 'reset', probability: 0.18 },
    ]);
    const { mainId, newMain } = await importAndDrainMain(h);

    const faults = h.sandbox.requestLog.filter((e) => e.route === 'order/acknowledge' && e.fault);
    expect(faults.length).toBeGreaterThan(0);
    const remote = new Map(h.sandbox.orders(MAIN.username).map((o) => [o.id, o.status]));
    expect(newMain.map((id) => remote.get(id))).toEqual(newMain.map(() => 2));
    const acks = successfulAcks(h, MAIN.username);
    expect(newMain.map((id) => acks.get(id))).toEqual(newMain.map(() => 1));
    expect(h.repos.outbox.countByState('failed', mainId)).toBe(0);
    expect(h.repos.outbox.countByState('sent', mainId)).toBe(newMain.length);
    const retried = newMain.flatMap((id) => h!.repos.outbox.forOrder(mainId, id)).filter((a) => a.attempts > 1);
    expect(retried.length).toBeGreaterThan(0);
    expect(h.requests(FBE.username, 'order/acknowledge')).toBe(0);
  });

  it('repeats an acknowledgement only after eMAG applied it but its answer was lost, and the repeat is a no-op', async () => {
    // ~30% failures of every kind, including the nasty one: eMAG acknowledges, then the answer is cut in half.
    h = await harnessWithAckFaults(25, [
      { route: 'order/acknowledge', kind: 'malformedJson', probability: 0.12 },
      { route: 'order/acknowledge', kind: 'http500', probability: 0.1 },
      { route: 'order/acknowledge', kind: 'reset', probability: 0.1 },
    ]);
    const { mainId, newMain } = await importAndDrainMain(h);

    // Per order: requests eMAG processed (answered, or processed and answer lost) and answers lost after processing.
    const processed = new Map<number, number>();
    const lost = new Map<number, number>();
    for (const entry of h.sandbox.requestLog) {
      if (entry.account !== MAIN.username || entry.route !== 'order/acknowledge') continue;
      const id = Number(entry.path.split('/').at(-1));
      if (entry.fault === 'malformedJson') lost.set(id, (lost.get(id) ?? 0) + 1);
      if (entry.fault === undefined || entry.fault === 'malformedJson') processed.set(id, (processed.get(id) ?? 0) + 1);
    }
    expect([...lost.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    for (const id of newMain) {
      // The only repeats are the ones after a lost answer: one processed request per lost answer, plus the one
      // whose answer arrived. eMAG treats an acknowledgement of an order in progress as a no-op.
      expect(processed.get(id), `order ${id}`).toBe((lost.get(id) ?? 0) + 1);
      expect(h.sandbox.orders(MAIN.username).find((o) => o.id === id)?.status).toBe(2);
      const actions = h.repos.outbox.forOrder(mainId, id);
      expect(actions.map((a) => [a.kind, a.state])).toEqual([['acknowledge', 'sent']]);
      expect(h.repos.orders.get(mainId, id)!.acknowledgedAt).not.toBeNull();
    }
    expect(h.requests(FBE.username, 'order/acknowledge')).toBe(0);
    const text = await h.metrics.registry.metrics();
    expect(text).toMatch(/magflow_sync_outbox_attempts_total\{kind="acknowledge",outcome="retry"\} [1-9]/);
    expect(text).toMatch(
      new RegExp(`magflow_sync_outbox_attempts_total\\{kind="acknowledge",outcome="sent"\\} ${newMain.length}\\b`),
    );
  });

  it('counts an acknowledgement eMAG refuses because the customer canceled first as done, without acknowledged_at', async () => {
    h = await createHarness({ accounts: [MAIN], seed: 23 });
    const mainId = h.accounts[MAIN.username]!.id;
    await h.engine.runJob('new-orders', mainId, 'startup');
    const [first] = h.repos.outbox.due(mainId, 1);
    h.sandbox.setOrderStatus(MAIN.username, first!.orderId!, 0); // canceled before our acknowledge goes out
    await h.engine.runJob('send-actions', mainId, 'manual');
    const action = h.repos.outbox.get(first!.id)!;
    expect(action.state).toBe('sent');
    expect(
      h.db.prepare<[number], { result: string }>('SELECT result FROM outbox WHERE id = ?').get(first!.id)!.result,
    ).toContain('canceled');
    const order = h.repos.orders.get(mainId, first!.orderId!)!;
    expect(order.status).toBe(0);
    expect(order.acknowledgedAt).toBeNull();
  });

  it('records acknowledged_at when the order is already in progress before its action is drained', async () => {
    // What a crash between the re-read after acknowledging and the "sent" mark leaves behind (or a seller who
    // acknowledged it in eMAG): the order is stored in progress, its action still pending.
    h = await createHarness({ accounts: [MAIN], seed: 26 });
    const mainId = h.accounts[MAIN.username]!.id;
    await h.engine.runJob('new-orders', mainId, 'startup');
    const [first] = h.repos.outbox.due(mainId, 1);
    h.sandbox.setOrderStatus(MAIN.username, first!.orderId!, 2);
    await h.engine.runJob('order-changes', mainId, 'scheduled');
    expect(h.repos.orders.get(mainId, first!.orderId!)?.status).toBe(2);
    h.sandbox.clearRequestLog();
    await h.engine.runJob('send-actions', mainId, 'manual');
    expect(h.repos.outbox.get(first!.id)!.state).toBe('sent');
    expect(h.repos.orders.get(mainId, first!.orderId!)!.acknowledgedAt).not.toBeNull();
    expect(h.sandbox.requestLog.filter((e) => e.path.endsWith(`/${first!.orderId}`))).toHaveLength(0);
  });

  it('queues nothing when auto-acknowledge is off', async () => {
    h = await createHarness({ accounts: [MAIN], seed: 24, settings: { autoAcknowledge: false } });
    const mainId = h.accounts[MAIN.username]!.id;
    await h.engine.runJob('new-orders', mainId, 'startup');
    expect(h.repos.outbox.countByState('pending', mainId)).toBe(0);
  });
});
