// Why an outbox action did not go through is stored language-neutral beside the English last_error, so the window
// words it in its own language: MagFlow's own refusals as a code with their values, eMAG's failures as a cause with
// eMAG's words; a send that works clears both.
import { afterEach, describe, expect, it } from 'vitest';
import { readTodayQueue } from '../../main/core/orders/today';
import { createHarness, drainUntilIdle, type Harness } from './harness';

const MAIN = { username: 'why-main', password: 'main-secret', kind: 'main' as const, orders: 60, offers: 2 };
const FBE = { username: 'why-fbe', password: 'fbe-secret', kind: 'fbe' as const, orders: 20, offers: 2 };

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('outbox failures for the window', () => {
  it("stores MagFlow's own refusal as a code with its values, the English text staying for the logs", async () => {
    h = await createHarness({ accounts: [MAIN, FBE], seed: 91, settings: { autoAcknowledge: false } });
    const fbeId = h.accounts[FBE.username]!.id;
    const mainId = h.accounts[MAIN.username]!.id;
    const fbeOrder = h.sandbox.orders(FBE.username)[0]!.id;
    const ack = h.repos.outbox.enqueue({ accountId: fbeId, orderId: fbeOrder, kind: 'acknowledge', payload: {} });
    const status = h.repos.outbox.enqueue({
      accountId: mainId,
      orderId: 987654321,
      kind: 'status',
      payload: { status: 2 },
    });
    await drainUntilIdle(h, fbeId);
    await drainUntilIdle(h, mainId);

    expect(h.repos.outbox.get(ack.id)).toMatchObject({
      state: 'failed',
      lastError: 'Orders fulfilled by eMAG (FBE) are never acknowledged',
      failure: { cause: null, reason: null, code: 'action.fbe_never_acknowledged', params: { orderId: fbeOrder } },
    });
    expect(h.requests(FBE.username, 'order/acknowledge')).toBe(0);
    expect(h.repos.outbox.get(status.id)).toMatchObject({
      state: 'failed',
      lastError: 'eMAG does not know order 987654321',
      failure: { cause: null, reason: null, code: 'action.order_unknown_at_emag', params: { orderId: 987654321 } },
    });
    // The notification of a refusal is in the window's language (Romanian by default): no English detail in it;
    // it points to where the window explains the reason.
    const refused = h.repos.notifications.list().filter((n) => n.kind === 'sync_failure');
    expect(refused).toHaveLength(2);
    for (const n of refused) {
      expect(n.body).toContain('Motivul este în MagFlow');
      expect(n.body).not.toMatch(/fulfilled|does not know/);
    }
    // The today queue carries the same failure to the window.
    const failed = readTodayQueue(h.repos, h.clock).items.filter((item) => item.bucket === 'failed');
    expect(failed.map((item) => item.action?.failure?.code).sort()).toEqual([
      'action.fbe_never_acknowledged',
      'action.order_unknown_at_emag',
    ]);
  });

  it("words a refusal's notification with its English detail when the window is English", async () => {
    h = await createHarness({ accounts: [FBE], seed: 92, settings: { autoAcknowledge: false, language: 'en' } });
    const fbeId = h.accounts[FBE.username]!.id;
    const fbeOrder = h.sandbox.orders(FBE.username)[0]!.id;
    h.repos.outbox.enqueue({ accountId: fbeId, orderId: fbeOrder, kind: 'acknowledge', payload: {} });
    await drainUntilIdle(h, fbeId);
    const [refused] = h.repos.notifications.list().filter((n) => n.kind === 'sync_failure');
    expect(refused?.body).toContain('Orders fulfilled by eMAG (FBE) are never acknowledged');
  });

  it("stores eMAG's failure of a retried attempt as its cause, and clears it once the action is sent", async () => {
    h = await createHarness({
      accounts: [MAIN],
      seed: 92,
      settings: { autoAcknowledge: false },
      faults: [{ route: 'order/acknowledge', kind: 'http500', count: 1 }],
      client: { retry: { maxAttempts: 1 } },
      tuning: { outboxRetryBaseMs: 10, outboxRetryMaxMs: 40 },
    });
    const mainId = h.accounts[MAIN.username]!.id;
    await h.engine.runJob('new-orders', mainId, 'startup');
    const order = h.sandbox.orders(MAIN.username).find((o) => o.status === 1 && o.type === 3)!;
    const ack = h.repos.outbox.enqueue({ accountId: mainId, orderId: order.id, kind: 'acknowledge', payload: {} });

    await h.engine.runJob('send-actions', mainId, 'manual');
    const retried = h.repos.outbox.get(ack.id)!;
    expect(retried).toMatchObject({ state: 'pending', attempts: 1 });
    expect(retried.lastError).toMatch(/500/);
    // A 5xx is eMAG's own error, not the network: named so, with no MagFlow code.
    expect(retried.failure).toMatchObject({ cause: 'emag_error', code: null, params: {} });

    await drainUntilIdle(h, mainId);
    expect(h.repos.outbox.get(ack.id)).toMatchObject({ state: 'sent', lastError: null, failure: null });
  });
});
