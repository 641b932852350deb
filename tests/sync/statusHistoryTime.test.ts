// Issue 16: an order's status history is at eMAG's own time (the `modified` / `finalization_date` of the answer that
// showed the new status), not at the moment MagFlow noticed the change. The clock is moved by hand between eMAG's
// change and MagFlow's next look, so the two times are hours apart and cannot be confused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toOrderDetail } from '../../main/core/orders/detail';
import { createHarness, manualClock, type Harness } from './harness';

const MAIN = { username: 'istoric-main', password: 'istoric-secret', kind: 'main' as const, orders: 60, offers: 2 };
const HOUR = 3_600_000;

describe('status history at eMAG time', () => {
  // Whole seconds: eMAG writes its dates to the second.
  const clock = manualClock(Math.floor(Date.now() / 1000) * 1000);
  let h: Harness;
  let accountId: number;

  beforeAll(async () => {
    h = await createHarness({ accounts: [MAIN], clock, settings: { autoAcknowledge: false } });
    accountId = h.accounts[MAIN.username]!.id;
    await h.engine.runJob('new-orders', accountId, 'startup');
    await h.engine.runJob('order-changes', accountId, 'startup');
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  it('records a cancellation and a finalization at the time eMAG made them, hours before MagFlow looked', async () => {
    const [toCancel, toFinalize] = h.sandbox
      .orders(MAIN.username)
      .filter((o) => o.status === 1 || o.status === 2 || o.status === 3)
      .slice(-2);
    expect(toCancel && toFinalize).toBeTruthy();

    clock.advance(HOUR);
    const cancelledAt = clock.now().toISOString();
    h.sandbox.setOrderStatus(MAIN.username, toCancel!.id, 0);
    clock.advance(HOUR);
    const finalizedAt = clock.now().toISOString();
    h.sandbox.setOrderStatus(MAIN.username, toFinalize!.id, 4);

    // MagFlow looks three hours after the last change.
    clock.advance(3 * HOUR);
    const noticedAt = clock.now().toISOString();
    const run = await h.engine.runJob('order-changes', accountId, 'scheduled');
    expect(run.status).toBe('completed');

    const cancelled = h.repos.orders.get(accountId, toCancel!.id)!;
    expect(cancelled.statusHistory.at(-1)).toEqual({ status: 0, at: cancelledAt });
    const finalized = h.repos.orders.get(accountId, toFinalize!.id)!;
    expect(finalized.statusHistory.at(-1)).toEqual({ status: 4, at: finalizedAt });
    // The window gets the same times (orders.get → OrderDetail.statusHistory), none of them the moment of the sync.
    const detail = toOrderDetail(cancelled, [], clock.now());
    expect(detail.statusHistory.map((entry) => entry.at)).not.toContain(noticedAt);
    expect(detail.statusHistory.at(-1)!.at).toBe(cancelledAt);
  });
});
