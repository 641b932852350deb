// @vitest-environment jsdom
// What the seller sees of issue #13's reading side: records eMAG sent that MagFlow set aside (Diagnostics, the runs'
// warning count), and the order detail's vouchers and cancellation reason as eMAG means them.
import { screen, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeDetail, makeOrder } from './fakeApi';
import { renderAt } from './renderAt';
import { freshWorld, giveLayout } from './setup';

beforeAll(() => giveLayout());
beforeEach(async () => {
  await freshWorld();
});

describe('needs attention', () => {
  it('lists each set-aside record in Diagnostics with its account, id, reason, sightings and eMAG’s JSON', async () => {
    await renderAt({ screen: 'diagnostics' });
    const row = screen.getByTestId('needs-attention-3');
    expect(within(row).getByText('Magazin RO')).toBeTruthy();
    expect(within(row).getByText('412345678')).toBeTruthy();
    expect(row.textContent).toContain('status: expected number');
    expect(row.textContent).toContain('"status":"finalizată"');
    expect(within(row).getAllByRole('cell').at(-1)?.textContent).toBe('4');
  });

  it('shows a run’s set-aside records as warnings next to its counts', async () => {
    await renderAt({ screen: 'sync' });
    expect(screen.getByTestId('run-warnings-3').textContent).toBe('2');
    expect(screen.getByTestId('run-warnings-3').className).toContain('warn-text');
    expect(screen.getByTestId('run-warnings-1').textContent).toBe('0');
  });
});

describe('money and reasons as eMAG means them, in the order detail', () => {
  it('shows each voucher at its gross value and the cancellation reason eMAG gave', async () => {
    const api = await freshWorld();
    const order = makeOrder(777, { status: 0, totalMinor: 8_999 });
    api.orders.push(order);
    api.details.set(
      '1-777',
      makeDetail(order, {
        vouchers: [{ voucherId: '5', name: 'Black Friday', grossMinor: -1_000 }],
        cancellationReason: { code: 2, name: 'Anulată de client' },
      }),
    );
    await renderAt({ screen: 'order', accountId: 1, orderId: 777 });
    const vouchers = screen.getByTestId('order-vouchers').textContent ?? '';
    expect(vouchers).toContain('Black Friday');
    expect(vouchers).toMatch(/-\s?10[,.]00/);
    expect(screen.getByTestId('cancellation-reason').textContent).toBe('Anulată de client');
  });
});
