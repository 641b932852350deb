// @vitest-environment jsdom
// The orders list: a virtualized table of main's orders, filters and search sent to main, live updates.
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useNavigation } from '../../renderer/src/stores/navigation';
import { SEARCH_DEBOUNCE_MS } from '../../renderer/src/components/FilterBar';
import { makeOrder } from './fakeApi';
import { renderAt } from './renderAt';
import { freshWorldEachTest, settle } from './setup';

const api = freshWorldEachTest();

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
