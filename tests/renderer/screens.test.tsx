// @vitest-environment jsdom
// The main screens render main's data in the seller's language and send the right calls.
import { act, fireEvent, screen, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { useNavigation } from '../../renderer/src/stores/navigation';
import { SEARCH_DEBOUNCE_MS } from '../../renderer/src/components/FilterBar';
import { makeDashboard, makeHealth, makeOrder, makeSyncState, type FakeApi } from './fakeApi';
import { renderAt } from './renderAt';
import { freshWorld, giveLayout, settle } from './setup';

let api: FakeApi;
beforeAll(() => giveLayout());
beforeEach(async () => {
  api = await freshWorld();
});

describe('dashboard', () => {
  it("shows revenue, counts per account, the chart data and each account's sync", async () => {
    await renderAt({ screen: 'dashboard' });
    expect(screen.getByTestId('revenue-today-RON').textContent).toMatch(/1\.234,56\sRON/);
    expect(within(screen.getByTestId('dashboard-counts-1')).getByTestId('count-1-1').textContent).toBe('3');
    expect(within(screen.getByTestId('orders-per-day')).getAllByRole('row')).toHaveLength(30);
    expect(screen.getByTestId('job-1-new-orders').textContent).toContain('Reușită');
    expect(screen.queryByTestId('account-error-1')).toBeNull();
  });

  it('shows why an account failed, in words the seller understands', async () => {
    const health = makeHealth();
    health.accounts[1] = {
      ...health.accounts[1]!,
      level: 'failing',
      lastError: 'eMAG said: invalid credentials',
      lastErrorKind: 'auth',
    };
    api.on('dashboard.get', () => makeDashboard({ health }));
    await renderAt({ screen: 'dashboard' });
    const error = screen.getByTestId('account-error-2');
    expect(error.textContent).toContain('Utilizator sau parolă greșite');
    expect(error.textContent).toContain('invalid credentials');
  });

  it('"Sync now" asks main and then shows the live progress', async () => {
    await renderAt({ screen: 'dashboard' });
    fireEvent.click(screen.getByTestId('sync-now'));
    await settle();
    expect(api.callsTo('sync.now')).toHaveLength(1);
    act(() => api.emit({ type: 'sync_progress', job: 'new-orders', accountId: 1, done: 40, total: 100 }));
    const bar = within(screen.getByTestId('job-1-new-orders')).getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('40');
    expect(screen.getByTestId('sync-status').textContent).toBe('Sincronizare în curs…');
  });

  it('shows the demo banner only in demo mode', async () => {
    await renderAt({ screen: 'dashboard' });
    expect(screen.queryByTestId('demo-banner')).toBeNull();
    api = await freshWorld({ info: { demo: true } });
    await renderAt({ screen: 'dashboard' });
    expect(screen.getByTestId('demo-banner').textContent).toContain('Mod demonstrativ');
  });
});

describe('orders', () => {
  it('lists orders in a virtualized table and opens one on Enter', async () => {
    await renderAt({ screen: 'orders' });
    expect(screen.getByTestId('orders-total').textContent).toBe('250 de comenzi');
    const rows = screen.getAllByTestId(/^order-row-/);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(60); // only what is in view (+ overscan)
    fireEvent.keyDown(rows[0]!, { key: 'Enter' });
    await settle();
    const route = useNavigation.getState().route;
    expect(route.screen).toBe('order');
  });

  it('filters by status and searches after the seller stops typing', async () => {
    api.orders.push(makeOrder(7777, { status: 1, customer: { name: 'Ioana Pop', phone: null, locality: 'Iași' } }));
    await renderAt({ screen: 'orders' });
    fireEvent.change(screen.getByTestId('filter-status'), { target: { value: '1' } });
    await settle();
    expect(api.callsTo('orders.list').at(-1)).toMatchObject({ statuses: [1] });
    expect(screen.getAllByTestId(/^order-row-/).map((r) => r.dataset.testid)).toEqual(['order-row-1-7777']);

    vi.useFakeTimers();
    fireEvent.change(screen.getByTestId('orders-search'), { target: { value: 'Ioana' } });
    expect(api.callsTo('orders.list').at(-1)).not.toHaveProperty('search');
    await act(() => vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS + 10));
    vi.useRealTimers();
    await settle();
    expect(api.callsTo('orders.list').at(-1)).toMatchObject({ statuses: [1], search: 'Ioana' });
    expect(screen.getByTestId('order-row-1-7777').textContent).toContain('Ioana Pop');
  });

  it('exports exactly the current view as a CSV download', async () => {
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => (created.push(b), 'blob:x'));
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await renderAt({ screen: 'orders' });
    fireEvent.change(screen.getByTestId('filter-account'), { target: { value: '1' } });
    await settle();
    fireEvent.click(screen.getByTestId('export-csv'));
    await settle();
    expect(api.callsTo('orders.exportCsv')).toEqual([{ accountIds: [1], sort: { field: 'created', dir: 'desc' } }]);
    expect(click).toHaveBeenCalledTimes(1);
    expect(await created[0]!.text()).toContain('id,customer');
    expect(screen.getByTestId('export-done').textContent).toContain('250');
    click.mockRestore();
  });

  it('highlights an order that arrives while the list is open', async () => {
    await renderAt({ screen: 'orders' });
    api.orders.push(makeOrder(9001, { status: 1, created: '2025-04-01 08:00:00', acknowledgedAt: null }));
    act(() =>
      api.emit({
        type: 'order_new',
        accountId: 1,
        account: 'Magazin RO',
        orderId: 9001,
        totalMinor: 1,
        currency: 'RON',
        customerName: null,
        firstProduct: null,
      }),
    );
    await settle();
    const row = screen.getByTestId('order-row-1-9001');
    expect(row.className).toContain('row-fresh');
  });

  it('shows a hostile customer name as plain text', async () => {
    api.orders.push(
      makeOrder(6666, {
        created: '2026-01-01 00:00:00',
        customer: { name: '<img src=x onerror=alert(1)>', phone: null, locality: '<b>x</b>' },
      }),
    );
    await renderAt({ screen: 'orders' });
    const row = screen.getByTestId('order-row-1-6666');
    expect(row.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(row.querySelector('img')).toBeNull();
    expect(row.querySelector('b')).toBeNull();
  });
});

describe('sync state on the dashboard', () => {
  it('lists account-less jobs under General', async () => {
    const sync = makeSyncState();
    sync.jobs.push({
      job: 'maintenance',
      accountId: null,
      account: null,
      running: false,
      progress: null,
      lastRun: null,
      lastGoodAt: null,
      nextRunAt: null,
    });
    api.on('dashboard.get', () => makeDashboard({ sync }));
    await renderAt({ screen: 'dashboard' });
    expect(screen.getByTestId('job-general-maintenance').textContent).toContain('Nu a rulat încă');
  });

  it('shows the last good sync from the jobs until the health check has run, ignoring idle acknowledgements', async () => {
    const health = makeHealth();
    for (const account of health.accounts) account.lastGoodSyncAt = null;
    const sync = makeSyncState();
    const idleAck = (accountId: number, account: string) => ({
      job: 'send-actions' as const,
      accountId,
      account,
      running: false,
      progress: null,
      lastRun: null,
      lastGoodAt: '2025-03-10T09:30:00Z',
      nextRunAt: null,
    });
    sync.jobs.push(idleAck(1, 'Magazin RO'), idleAck(2, 'FBE RO'));
    api.on('dashboard.get', () => makeDashboard({ sync, health }));
    api.on('health.get', () => health);
    api.on('sync.state', () => sync);
    await renderAt({ screen: 'dashboard' });
    // Account 1 last fetched orders at 08:00:02Z = 10:00 in Bucharest; account 2 never did (only idle acks).
    expect(screen.getByTestId('last-good-sync-1').textContent).toContain('10.03.2025, 10:00');
    expect(screen.getByTestId('last-good-sync-2').textContent).toContain('—');
  });
});
