// @vitest-environment jsdom
// The stores: paging and filters against main, and every pushed event landing where the screens read it.
import { beforeEach, describe, expect, it } from 'vitest';
import { call, subscribe } from '../../renderer/src/api/client';
import { CallError } from '../../renderer/src/api/errors';
import { connectEvents } from '../../renderer/src/stores/events';
import { useHealth } from '../../renderer/src/stores/health';
import { useNavigation } from '../../renderer/src/stores/navigation';
import { useNotifications } from '../../renderer/src/stores/notifications';
import { useOrderDetail } from '../../renderer/src/stores/orderDetail';
import { ORDERS_PAGE_SIZE, useLiveOrders, useOrders } from '../../renderer/src/stores/orders';
import { useSync } from '../../renderer/src/stores/sync';
import { fail, makeHealth, makeNotification, makeOrder, makeRun, makeSyncState, type FakeApi } from './fakeApi';
import { freshWorld, settle } from './setup';

let api: FakeApi;
beforeEach(async () => {
  api = await freshWorld();
});

describe('call()', () => {
  it('returns the value of a successful invoke', async () => {
    const info = await call('app.info');
    expect(info.accounts.map((a) => a.name)).toEqual(['Magazin RO', 'FBE RO']);
  });

  it('throws a CallError carrying the kind, message and field issues main reported', async () => {
    api.on('accounts.save', () =>
      fail('validation', 'Invalid input at name', [{ path: 'name', message: 'Too small' }]),
    );
    const error = await call('accounts.save', { name: '', platform: 'emag-ro', kind: 'main', username: 'x' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CallError);
    expect(error).toMatchObject({
      kind: 'validation',
      message: 'Invalid input at name',
      issues: [{ path: 'name', message: 'Too small' }],
    });
  });
});

describe('orders list store', () => {
  it('reads only the pages the view scrolls to', async () => {
    useOrders.getState().resetQuery();
    await settle();
    expect(useOrders.getState().total).toBe(250);
    expect(api.callsTo('orders.list')).toHaveLength(1);

    useOrders.getState().ensureRange(150, 180);
    await settle();
    const offsets = api.callsTo('orders.list').map((q) => (q as { offset: number }).offset);
    expect(offsets).toEqual([0, ORDERS_PAGE_SIZE]);
    // row 150 of the view is row 50 of the second page main sent
    const secondPage = await call('orders.list', { offset: ORDERS_PAGE_SIZE, limit: ORDERS_PAGE_SIZE });
    expect(useOrders.getState().rowAt(150)).toEqual(secondPage.rows[50]);
    expect(useOrders.getState().rowAt(240)).toBeUndefined();
  });

  it('sends the chosen filters and search to main and drops empty ones', async () => {
    useOrders.getState().resetQuery();
    useOrders.getState().setQuery({ statuses: [1], accountIds: [], search: '  Client 1010 ' });
    await settle();
    const last = api.callsTo('orders.list').at(-1) as Record<string, unknown>;
    expect(last).toMatchObject({ statuses: [1], search: 'Client 1010', offset: 0, limit: ORDERS_PAGE_SIZE });
    expect(last).not.toHaveProperty('accountIds');
  });

  it('ignores a late answer for a filter the seller already replaced', async () => {
    let release!: () => void;
    api.on('orders.list', async (q) => {
      if (q.search === 'slow') await new Promise<void>((r) => (release = r));
      return { rows: [makeOrder(q.search === 'slow' ? 1 : 2)], total: 1 };
    });
    useOrders.getState().setQuery({ search: 'slow' });
    useOrders.getState().setQuery({ search: 'fast' });
    await settle();
    release();
    await settle();
    expect(useOrders.getState().rowAt(0)?.id).toBe(2);
  });
});

describe('events from main', () => {
  function wire() {
    return connectEvents(subscribe, { debounceMs: 0 });
  }

  it('a new order is highlighted and appears in the visible page without a reload', async () => {
    wire();
    useOrders.getState().resetQuery();
    await settle();
    const newest = makeOrder(5000, { status: 1, created: '2025-03-31 23:59:00', acknowledgedAt: null });
    api.orders.push(newest);
    api.emit({
      type: 'order_new',
      accountId: 1,
      account: 'Magazin RO',
      orderId: 5000,
      totalMinor: 1,
      currency: 'RON',
      customerName: 'X',
      firstProduct: null,
    });
    await settle();
    await settle();
    expect(useLiveOrders.getState().fresh['1-5000']).toBe(true);
    expect(useOrders.getState().rowAt(0)?.id).toBe(5000);
    expect(useOrders.getState().total).toBe(251);
  });

  it('a status change updates the loaded row at once', async () => {
    wire();
    useOrders.getState().resetQuery();
    await settle();
    const row = useOrders.getState().rowAt(0)!;
    api.emit({ type: 'order_update', accountId: row.accountId, orderId: row.id, fromStatus: row.status, toStatus: 5 });
    expect(useOrders.getState().rowAt(0)?.status).toBe(5);
  });

  it('sync progress and the finished run reach the sync store', async () => {
    wire();
    useSync.getState().setState(makeSyncState());
    api.emit({ type: 'sync_progress', job: 'new-orders', accountId: 1, done: 3, total: 10 });
    const job = () => useSync.getState().state!.jobs.find((j) => j.job === 'new-orders' && j.accountId === 1)!;
    expect(job()).toMatchObject({ running: true, progress: { done: 3, total: 10 } });

    const run = makeRun(99, { status: 'failed', error: 'HTTP 401', errorKind: 'auth' });
    api.emit({ type: 'sync_finished', run });
    expect(job()).toMatchObject({ running: false, progress: null, lastRun: { id: 99, status: 'failed' } });
    expect(useSync.getState().runs[0]?.id).toBe(99);
  });

  it('health, notifications and navigation follow their events', async () => {
    wire();
    api.emit({ type: 'health_changed', health: makeHealth({ level: 'failing' }) });
    expect(useHealth.getState().report?.level).toBe('failing');

    api.emit({ type: 'notification_added', notification: makeNotification(7) });
    api.emit({ type: 'notification_added', notification: makeNotification(7) });
    expect(useNotifications.getState().unread).toBe(1);
    expect(useNotifications.getState().rows.map((n) => n.id)).toEqual([7]);

    api.emit({ type: 'navigate', to: { screen: 'order', accountId: 1, orderId: 1007 } });
    expect(useNavigation.getState().route).toEqual({ screen: 'order', accountId: 1, orderId: 1007 });
    expect(window.location.hash).toBe('#/order/1/1007');
  });

  it('an outbox change updates the open order, and a sent action re-reads it', async () => {
    wire();
    await useOrderDetail.getState().open(1, 1000);
    await useOrderDetail.getState().acknowledge();
    const pending = useOrderDetail.getState().detail!.actions[0]!;
    expect(pending).toMatchObject({ kind: 'acknowledge', state: 'pending' });
    const readsBefore = api.callsTo('orders.get').length;

    api.emit({ type: 'outbox_changed', action: { ...pending, state: 'failed', attempts: 1, lastError: 'HTTP 503' } });
    expect(useOrderDetail.getState().detail!.actions[0]).toMatchObject({ state: 'failed', lastError: 'HTTP 503' });

    api.emit({ type: 'outbox_changed', action: { ...pending, state: 'sent', attempts: 2 } });
    await settle();
    expect(api.callsTo('orders.get').length).toBe(readsBefore + 1);
  });

  it('stops listening when disconnected', () => {
    const disconnect = wire();
    expect(api.listeners).toBe(1);
    disconnect();
    expect(api.listeners).toBe(0);
  });
});

describe('notifications store', () => {
  it("marks read through main and takes main's unread count", async () => {
    await useNotifications.getState().load();
    expect(useNotifications.getState().unread).toBe(1);
    await useNotifications.getState().markRead([2]);
    expect(api.callsTo('notifications.markRead')).toEqual([{ ids: [2] }]);
    expect(useNotifications.getState().unread).toBe(0);
    expect(useNotifications.getState().rows.find((n) => n.id === 2)?.read).toBe(true);
  });
});
