// @vitest-environment jsdom
// #16 §4 in the window: the orders list's "Confirmată" column follows the shared acknowledgement rule, and the
// offers' state comes from status and stock together.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Offer } from '../../shared/domain';
import { makeOrder } from './fakeApi';
import { renderAt } from './renderAt';
import { freshWorldEachTest } from './setup';

const api = freshWorldEachTest();

const offer = (id: number, status: number | null, stock: number | null): Offer => ({
  accountId: 1,
  account: 'Magazin',
  id,
  partNumber: `PN-${id}`,
  partNumberKey: null,
  name: `Produs ${id}`,
  brand: null,
  salePrice: '10.0000',
  currency: 'RON',
  stock,
  status,
  validationStatus: null,
  validationText: null,
  updatedAt: '2026-11-20T10:00:00Z',
});

describe('truthful labels', () => {
  it('the list marks only seller orders still new as unacknowledged; FBE "new" orders are not the seller\'s', async () => {
    api.orders.splice(0, api.orders.length);
    api.orders.push(
      makeOrder(1, { status: 1, type: 3, acknowledgedAt: null }),
      makeOrder(2, { status: 1, type: 2, acknowledgedAt: null }),
      makeOrder(3, { status: 2, type: 3, acknowledgedAt: null }),
    );
    await renderAt({ screen: 'orders' });
    const ackCell = (id: number) => {
      const row = screen.getByTestId(`order-row-1-${id}`);
      return row.children[row.children.length - 1]!;
    };
    expect(ackCell(1).textContent).toBe('Nu');
    expect(ackCell(1).querySelector('.warn-text')).not.toBeNull();
    expect(ackCell(2).textContent).toBe('—');
    expect(ackCell(2).querySelector('.warn-text')).toBeNull();
    // The issue: "—" in the list for a seller order the CSV called acknowledged.
    expect(ackCell(3).textContent).toBe('Da');
  });

  it('labels offers from status and stock: 59 in stock is active, 0 is out of stock, status 2 is end of life', async () => {
    api.on('offers.list', () => ({
      rows: [offer(1, 1, 59), offer(2, 1, 0), offer(3, 2, 212), offer(4, 0, 17)],
      total: 4,
    }));
    await renderAt({ screen: 'offers' });
    const state = (id: number) =>
      screen.getByTestId(`offer-row-1-${id}`).querySelector<HTMLElement>('[data-state]')?.textContent;
    expect(state(1)).toBe('Activă');
    expect(state(2)).toBe('Stoc epuizat');
    expect(state(3)).toBe('Sfârșit de viață');
    expect(state(4)).toBe('Inactivă');
  });
});
