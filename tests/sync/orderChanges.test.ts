// The order-changes windows (eMAG allows at most one month between modifiedAfter and modifiedBefore) and what they
// mean against the sandbox, which refuses a longer window: a long absence walks back in month-sized steps; the
// new-orders page cap leaves the rest to order changes.
import { afterEach, describe, expect, it } from 'vitest';
import { fromEmagDate } from '../../main/core/clock';
import { changeWindows, nextWatermark, WINDOW_MS } from '../../main/core/sync/jobs/orderChanges';
import { startSandbox } from '../../main/sandbox';
import { createHarness, manualClock, type Harness } from './harness';

const DAY_MS = 86_400_000;
const NOW = new Date('2026-11-20T10:15:30.250Z');
const OVERLAP = 2 * 60_000;

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('changeWindows', () => {
  it('starts a first import at the lookback and covers it in contiguous windows of at most 28 days', () => {
    const windows = changeWindows(undefined, NOW, 90, OVERLAP);
    expect(windows).toHaveLength(4);
    expect(windows[0]!.from.getTime()).toBe(NOW.getTime() - 90 * DAY_MS);
    expect(windows.at(-1)!.to.toISOString()).toBe('2026-11-20T10:15:31.000Z');
    for (const [i, window] of windows.entries()) {
      expect(window.to.getTime() - window.from.getTime()).toBeLessThanOrEqual(WINDOW_MS);
      expect(window.to.getTime()).toBeGreaterThan(window.from.getTime());
      // Each window begins a second before the previous one ended: no boundary second falls between two.
      if (i > 0) expect(window.from.getTime()).toBe(windows[i - 1]!.to.getTime() - 1_000);
    }
  });

  it('rewinds the watermark by the overlap and reads one short window in the steady state', () => {
    const watermark = new Date(NOW.getTime() - 5 * 60_000).toISOString();
    expect(changeWindows(watermark, NOW, 90, OVERLAP)).toEqual([
      { from: new Date(NOW.getTime() - 7 * 60_000), to: new Date('2026-11-20T10:15:31.000Z') },
    ]);
  });

  it('after a long absence walks back only as far as the lookback', () => {
    const watermark = new Date(NOW.getTime() - 200 * DAY_MS).toISOString();
    const windows = changeWindows(watermark, NOW, 90, OVERLAP);
    expect(windows[0]!.from.getTime()).toBe(NOW.getTime() - 90 * DAY_MS);
    expect(windows).toHaveLength(4);
  });

  it('treats a watermark in the future (a clock that was wrong) as now instead of skipping changes', () => {
    const watermark = new Date(NOW.getTime() + 30 * DAY_MS).toISOString();
    expect(changeWindows(watermark, NOW, 90, OVERLAP)).toEqual([
      { from: new Date(NOW.getTime() - OVERLAP), to: new Date('2026-11-20T10:15:31.000Z') },
    ]);
  });
});

describe('nextWatermark', () => {
  const now = NOW.getTime();
  const recent = { from: new Date(now - 10 * 60_000), to: new Date(now + 1_000) };

  it('moves to the end of a window that ended long ago', () => {
    const old = { from: new Date(now - 60 * DAY_MS), to: new Date(now - 32 * DAY_MS) };
    expect(nextWatermark(undefined, old, Number.NEGATIVE_INFINITY, now)).toBe(old.to.toISOString());
  });

  it('moves a recent window only as far as the newest date eMAG returned, never back and never past its end', () => {
    const previous = new Date(now - 8 * 60_000).toISOString();
    expect(nextWatermark(previous, recent, now - 3 * 60_000, now)).toBe(new Date(now - 3 * 60_000).toISOString());
    expect(nextWatermark(previous, recent, Number.NEGATIVE_INFINITY, now)).toBe(previous);
    expect(nextWatermark(previous, recent, now - 9 * 60_000, now)).toBe(previous);
    expect(nextWatermark(previous, recent, now + DAY_MS, now)).toBe(recent.to.toISOString());
    expect(nextWatermark('not a date', recent, Number.NEGATIVE_INFINITY, now)).toBe(recent.from.toISOString());
  });
});

describe('fromEmagDate (one zone rule per platform)', () => {
  it('reads eMAG dates in the platform zone, summer and winter', () => {
    expect(fromEmagDate('2026-11-20 12:00:00', 'emag-ro').toISOString()).toBe('2026-11-20T10:00:00.000Z');
    expect(fromEmagDate('2026-07-01 12:00:00', 'emag-ro').toISOString()).toBe('2026-07-01T09:00:00.000Z');
    expect(fromEmagDate('2026-11-20 12:00:00', 'emag-hu').toISOString()).toBe('2026-11-20T11:00:00.000Z');
    expect(fromEmagDate('2026-11-20 12:00:00', 'emag-bg').toISOString()).toBe('2026-11-20T10:00:00.000Z');
    expect(fromEmagDate('20.11.2026', 'emag-ro').getTime()).toBeNaN();
  });
});

describe('order changes against the sandbox', () => {
  it('finds status changes made during a 40-day absence, in windows eMAG accepts', async () => {
    const MAIN = { username: 'abs-main', password: 'main-secret', kind: 'main' as const, orders: 300, offers: 2 };
    const clock = manualClock(Date.parse('2026-09-01T08:00:00Z'));
    h = await createHarness({ accounts: [MAIN], seed: 81, clock, settings: { autoAcknowledge: false } });
    const mainId = h.accounts[MAIN.username]!.id;
    expect((await h.engine.runJob('order-changes', mainId, 'startup')).status).toBe('completed');

    clock.advance(40 * DAY_MS);
    const changed = h.sandbox
      .orders(MAIN.username)
      .filter((o) => o.status === 2)
      .slice(0, 3);
    for (const order of changed) h.sandbox.setOrderStatus(MAIN.username, order.id, 3);
    // And one change right after the first import, early in the absence.
    clock.advance(-39 * DAY_MS);
    const early = h.sandbox.orders(MAIN.username).find((o) => o.status === 4)!;
    h.sandbox.setOrderStatus(MAIN.username, early.id, 5);
    clock.advance(39 * DAY_MS);

    const run = await h.engine.runJob('order-changes', mainId, 'scheduled');
    expect(run).toMatchObject({ status: 'completed', updated: 4, failed: 0 });
    // Two windows at least (40 days > 28), each one eMAG accepted.
    expect(run.requests).toBeGreaterThanOrEqual(2);
    expect(h.sandbox.requestLog.filter((e) => e.route === 'order/read' && e.status !== 200)).toHaveLength(0);
    expect(
      h
        .eventsOf('order_update')
        .map((e) => [e.orderId, e.toStatus])
        .sort(),
    ).toEqual([...changed.map((o) => [o.id, 3]), [early.id, 5]].sort());
    // The newest change eMAG returned is where the next run starts (minus the overlap).
    expect(h.repos.cursors.get(mainId, 'order-changes')).toBe(clock.now().toISOString());
  });

  it("finds a change eMAG makes just after a run even when this computer's clock runs 5 minutes ahead", async () => {
    const MAIN = { username: 'skew-main', password: 'main-secret', kind: 'main' as const, orders: 200, offers: 2 };
    const local = manualClock(Date.parse('2026-11-20T12:00:00Z'));
    const emagNow = () => new Date(local.now().getTime() - 5 * 60_000);
    const sandbox = await startSandbox({ port: 0, seed: 83, accounts: [MAIN], rateLimit: false, now: emagNow });
    try {
      h = await createHarness({ accounts: [MAIN], sandbox, clock: local, settings: { autoAcknowledge: false } });
      const mainId = h.accounts[MAIN.username]!.id;
      await h.engine.runJob('order-changes', mainId, 'startup');
      await h.engine.runJob('order-changes', mainId, 'scheduled');

      // One minute later (by both clocks) eMAG moves an order: its `modified` is before this computer's last "now".
      local.advance(60_000);
      const order = sandbox.orders(MAIN.username).find((o) => o.status === 2)!;
      sandbox.setOrderStatus(MAIN.username, order.id, 3);
      local.advance(4 * 60_000);
      const run = await h.engine.runJob('order-changes', mainId, 'scheduled');
      expect(run.updated).toBe(1);
      expect(h.eventsOf('order_update').map((e) => [e.orderId, e.toStatus])).toEqual([[order.id, 3]]);
      // The watermark follows eMAG's dates, not this clock.
      expect(Date.parse(h.repos.cursors.get(mainId, 'order-changes')!)).toBeLessThanOrEqual(emagNow().getTime());
    } finally {
      await h?.close();
      h = undefined;
      await sandbox.close();
    }
  });

  it('stops new-order polls at the page cap and leaves the rest to order changes', async () => {
    const MAIN = { username: 'cap-main', password: 'main-secret', kind: 'main' as const, orders: 20, offers: 2 };
    h = await createHarness({
      accounts: [MAIN],
      seed: 82,
      settings: { autoAcknowledge: false, newOrdersMaxPages: 1 },
    });
    const mainId = h.accounts[MAIN.username]!.id;
    await h.engine.runJob('order-changes', mainId, 'startup');
    const burst = h.sandbox.addOrders(MAIN.username, 150);

    const poll = await h.engine.runJob('new-orders', mainId, 'scheduled');
    expect(poll).toMatchObject({ status: 'completed', pages: 1, requests: 1 });
    expect(poll.created).toBe(100);
    const changes = await h.engine.runJob('order-changes', mainId, 'scheduled');
    expect(changes.created).toBe(50);
    for (const order of burst) expect(h.repos.orders.get(mainId, order.id)?.status).toBe(1);
  });

  it('does not fail a run when the count routes fail: order windows are walked to the end and back, offers go without a total', async () => {
    const MAIN = { username: 'nocount-main', password: 'main-secret', kind: 'main' as const, orders: 450, offers: 130 };
    h = await createHarness({
      accounts: [MAIN],
      seed: 83,
      settings: { autoAcknowledge: false },
      faults: [
        { route: 'order/count', kind: 'isError' },
        { route: 'product_offer/count', kind: 'noIsError' },
      ],
    });
    const mainId = h.accounts[MAIN.username]!.id;
    const changes = await h.engine.runJob('order-changes', mainId, 'startup');
    expect(changes).toMatchObject({ status: 'completed', failed: 0 });
    const sellerOrders = h.sandbox.orders(MAIN.username).filter((o) => o.type === 3);
    expect(sellerOrders.length).toBeGreaterThan(100);
    for (const order of sellerOrders) expect(h.repos.orders.get(mainId, order.id)?.id).toBe(order.id);
    expect(h.sandbox.requestLog.some((e) => e.route === 'order/count')).toBe(true);

    const offers = await h.engine.runJob('offers', mainId, 'manual');
    expect(offers).toMatchObject({ status: 'completed', created: 130 });
    const progress = h.eventsOf('sync_progress').filter((e) => e.job === 'offers');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((e) => e.total === null)).toBe(true);

    // Health uses order/count as its reachability probe: a refused count still proves eMAG answers.
    await h.engine.runJob('health', null, 'scheduled');
    expect(h.engine.healthReport().accounts.find((a) => a.accountId === mainId)?.reachable).toBe(true);
  });
});
