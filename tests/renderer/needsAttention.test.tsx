// @vitest-environment jsdom
// What the seller sees of records eMAG sent that MagFlow set aside: the Diagnostics list and the runs' warning count.
import { screen, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
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
