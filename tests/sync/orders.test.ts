// The order jobs against the sandbox over real HTTP: a 2,500-order import across MAIN and FBE, then the steady
// state (cheap new-order polls, one order_new per new order, order_update on status changes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncRun } from '../../shared/domain';
import { createHarness, type Harness } from './harness';

const MAIN = { username: 'shop-main', password: 'main-secret', kind: 'main' as const, orders: 1_250, offers: 5 };
const FBE = { username: 'shop-fbe', password: 'fbe-secret', kind: 'fbe' as const, orders: 1_250, offers: 5 };

describe('order sync against the sandbox', () => {
  let h: Harness;
  let mainId: number;
  let fbeId: number;
  const firstRuns: SyncRun[] = [];

  beforeAll(async () => {
    h = await createHarness({ accounts: [MAIN, FBE], settings: { autoAcknowledge: false } });
    mainId = h.accounts[MAIN.username]!.id;
    fbeId = h.accounts[FBE.username]!.id;
    for (const accountId of [mainId, fbeId]) {
      firstRuns.push(await h.engine.runJob('new-orders', accountId, 'startup'));
      firstRuns.push(await h.engine.runJob('order-changes', accountId, 'startup'));
    }
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  it('imports every order of both accounts exactly once, with the type each account sells', () => {
    expect(firstRuns.map((run) => run.status)).toEqual(['completed', 'completed', 'completed', 'completed']);
    for (const [spec, accountId, type] of [
      [MAIN, mainId, 3],
      [FBE, fbeId, 2],
    ] as const) {
      const remote = h.sandbox.orders(spec.username);
      expect(remote).toHaveLength(1_250);
      expect(h.repos.orders.countByAccount(accountId)).toBe(remote.length);
      const local = h.db
        .prepare<[number], { id: number; status: number; type: number }>(
          'SELECT id, status, type FROM orders WHERE account_id = ? ORDER BY id',
        )
        .all(accountId);
      expect(local.map((o) => [o.id, o.status])).toEqual(
        [...remote].sort((a, b) => a.id - b.id).map((o) => [o.id, o.status]),
      );
      expect(new Set(local.map((o) => o.type))).toEqual(new Set([type]));
    }
    expect(h.repos.orders.count()).toBe(2_500);
    const created = firstRuns.reduce((sum, run) => sum + run.created, 0);
    expect(created).toBe(2_500);
  });

  it('sums the first import up in one notification per account instead of one per order', () => {
    expect(h.eventsOf('order_new')).toHaveLength(0);
    const imported = h.eventsOf('orders_imported');
    expect(imported.map((e) => [e.accountId, e.count])).toEqual([
      [mainId, 1_250],
      [fbeId, 1_250],
    ]);
    const feed = h.repos.notifications.list();
    expect(feed.map((n) => [n.kind, n.title])).toEqual([
      ['orders_imported', '1.250 de comenzi importate'],
      ['orders_imported', '1.250 de comenzi importate'],
    ]);
  });

  it('records each run with its pages, requests and counts', () => {
    const importRun = h.repos.syncRuns.last('order-changes', mainId)!;
    expect(importRun).toMatchObject({ status: 'completed', mode: 'startup', failed: 0, account: 'SHOP-MAIN' });
    expect(importRun.pages).toBeGreaterThanOrEqual(13);
    expect(importRun.requests).toBeGreaterThanOrEqual(importRun.pages);
    expect(importRun.created + importRun.unchanged).toBeGreaterThanOrEqual(1_250 - firstRuns[0]!.created);
  });

  it('changes nothing on a second run, and a new-orders poll costs one request per account', async () => {
    h.sandbox.clearRequestLog();
    const polls = [
      await h.engine.runJob('new-orders', mainId, 'scheduled'),
      await h.engine.runJob('new-orders', fbeId, 'scheduled'),
    ];
    expect(h.requests(MAIN.username)).toBe(1);
    expect(h.requests(FBE.username)).toBe(1);
    expect(polls.map((run) => run.requests)).toEqual([1, 1]);
    const changes = [
      await h.engine.runJob('order-changes', mainId, 'scheduled'),
      await h.engine.runJob('order-changes', fbeId, 'scheduled'),
    ];
    for (const run of [...polls, ...changes]) {
      expect(run).toMatchObject({ status: 'completed', created: 0, updated: 0, failed: 0 });
    }
    expect(polls.every((run) => run.unchanged > 0)).toBe(true);
    expect(h.repos.orders.count()).toBe(2_500);
  });

  it('raises exactly one order_new for each order that appears in the sandbox', async () => {
    const before = h.eventsOf('order_new').length;
    const added = [...h.sandbox.addOrders(MAIN.username, 3), ...h.sandbox.addOrders(FBE.username, 2)];
    await h.engine.runJob('new-orders', mainId, 'scheduled');
    await h.engine.runJob('new-orders', fbeId, 'scheduled');
    await h.engine.runJob('new-orders', mainId, 'scheduled');
    await h.engine.runJob('order-changes', mainId, 'scheduled');
    await h.engine.runJob('order-changes', fbeId, 'scheduled');
    const announced = h.eventsOf('order_new').slice(before);
    expect(announced.map((e) => e.orderId).sort()).toEqual(added.map((o) => o.id).sort());
    const first = announced.find((e) => e.orderId === added[0]!.id)!;
    const stored = h.repos.orders.get(mainId, first.orderId)!;
    expect(first).toMatchObject({
      account: 'SHOP-MAIN',
      totalMinor: stored.totalMinor,
      currency: 'RON',
      customerName: stored.customer.name,
      firstProduct: stored.lines[0]!.name,
    });
    const feed = h.repos.notifications.list({ limit: 10 }).filter((n) => n.kind === 'order_new');
    expect(feed).toHaveLength(5);
    expect(feed.find((n) => n.orderId === first.orderId)?.title).toBe(`Comandă nouă #${first.orderId}`);
    expect(h.eventsOf('notification_added').filter((e) => e.notification.kind === 'order_new')).toHaveLength(5);
  });

  it('raises order_update when eMAG changes an order status, and notifies a cancellation', async () => {
    const [toCancel, toFinalize] = h.sandbox
      .orders(MAIN.username)
      .filter((o) => o.status === 2)
      .slice(-2);
    h.sandbox.setOrderStatus(MAIN.username, toCancel!.id, 0);
    h.sandbox.setOrderStatus(MAIN.username, toFinalize!.id, 4);
    const before = h.eventsOf('order_update').length;
    const run = await h.engine.runJob('order-changes', mainId, 'scheduled');
    expect(run.updated).toBe(2);
    const updates = h.eventsOf('order_update').slice(before);
    expect(updates.map((e) => [e.orderId, e.fromStatus, e.toStatus]).sort()).toEqual(
      [
        [toCancel!.id, 2, 0],
        [toFinalize!.id, 2, 4],
      ].sort(),
    );
    expect(h.repos.orders.get(mainId, toCancel!.id)!.statusHistory.map((s) => s.status)).toEqual([2, 0]);
    const cancelNote = h.repos.notifications.list({ limit: 5 }).find((n) => n.orderId === toCancel!.id);
    expect(cancelNote?.kind).toBe('order_update');
    expect(h.repos.notifications.list({ limit: 5 }).some((n) => n.orderId === toFinalize!.id)).toBe(false);
  });

  it('runs a job only once at a time per account: a second caller joins the run in progress', async () => {
    const runsBefore = h.repos.syncRuns.list({ job: 'new-orders', accountId: mainId }).total;
    const [a, b] = await Promise.all([
      h.engine.runJob('new-orders', mainId, 'scheduled'),
      h.engine.runJob('new-orders', mainId, 'manual'),
    ]);
    expect(b.id).toBe(a.id);
    expect(h.repos.syncRuns.list({ job: 'new-orders', accountId: mainId }).total).toBe(runsBefore + 1);
  });

  it('drops cached order statistics when orders are written', async () => {
    await h.cache.set('stats:dashboard:2026-11-20', { orders: 1 }, 300_000);
    h.sandbox.addOrders(MAIN.username, 1);
    await h.engine.runJob('new-orders', mainId, 'scheduled');
    expect(await h.cache.get('stats:dashboard:2026-11-20')).toBeUndefined();
  });

  it('adds its metrics to the app registry', async () => {
    const text = await h.metrics.registry.metrics();
    expect(text).toMatch(
      /magflow_sync_run_duration_seconds_count\{job="order-changes",account="SHOP-MAIN",status="completed"\} \d+/,
    );
    expect(text).toMatch(/magflow_sync_items_total\{job="order-changes",account="SHOP-FBE",outcome="created"\} \d+/);
    expect(text).toContain('magflow_sync_runs_in_progress');
  });
});
