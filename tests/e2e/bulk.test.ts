// Bulk work in the orders list in a real Chromium against the CLI's browser bridge, a real core and the eMAG sandbox:
// orders selected with the mouse (checkbox, Shift+click, Ctrl+click) and the keyboard (Space, Shift+Arrow, Ctrl+A,
// Escape); one confirmation that says what will happen and what is skipped why; each order's result shown live until
// eMAG has it. In Romanian (acknowledge), then in English (AWBs with and without a saved pickup address, a
// cancellation with eMAG's reason, the export of the selection).
// Screenshots: test-results/e2e/ro-bulk-*.png, en-bulk-*.png.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderSummary } from '../../shared/domain';
import { contrastProblems } from './contrast';
import { SELLER, listOrders, openDashboard, startWorld, type World } from './world';

let world: World;
let page: Page;
/** The seller's orders acknowledged in bulk by the first scenario. */
let acknowledged: number[] = [];

const testId = (id: string) => page.getByTestId(id);
const textOf = async (id: string) => (await testId(id).textContent()) ?? '';
const atEmag = (orderId: number) => world.sandbox.orders(SELLER.username).find((o) => o.id === orderId);

async function showOrders(status: number): Promise<OrderSummary[]> {
  await testId('nav-orders').click();
  await testId('screen-orders').waitFor();
  await testId('filter-reset').click();
  await testId('filter-status').selectOption(String(status));
  const { rows } = await listOrders(world, { statuses: [status] });
  expect(rows.length).toBeGreaterThan(0);
  await testId(`order-row-${rows[0]!.accountId}-${rows[0]!.id}`).waitFor();
  return rows;
}

const rowId = (o: OrderSummary) => `order-row-${o.accountId}-${o.id}`;

/** Every row of the open bulk dialog has left "queued": sent to eMAG, or failed with a reason. */
async function allSettled(): Promise<string[]> {
  return page.locator('[data-testid^="bulk-result-"]').evaluateAll((cells) => cells.map((c) => c.dataset.state ?? ''));
}

beforeAll(async () => {
  world = await startWorld({ seed: 23 });
  page = world.page;
  world.sandbox.addOrders(SELLER.username, 6, { type: 3 });
  await world.core.scheduler.syncNow();
  await openDashboard(world);
}, 120_000);

afterAll(async () => {
  await world?.close();
});

describe('bulk work in the orders list (Chromium, serve bridge + sandbox)', { timeout: 90_000 }, () => {
  it('selects with the mouse, confirms once what will happen, and shows each acknowledgement reach eMAG (ro)', async () => {
    const fresh = (await showOrders(1)).filter((o) => o.accountId === world.accounts.seller.id && o.type === 3);
    expect(fresh.length).toBeGreaterThanOrEqual(4);
    const [a, b, c, d] = fresh;
    // Checkbox, Shift+click on a checkbox three rows on, Ctrl+click on another row.
    await testId(`select-${rowId(a!)}`).click();
    await testId(`select-${rowId(c!)}`).click({ modifiers: ['Shift'] });
    await testId(rowId(d!)).click({ modifiers: ['Control'] });
    await expect.poll(() => textOf('selection-count')).toBe('4 comenzi selectate');
    expect(await testId('screen-orders').isVisible()).toBe(true); // Ctrl+click selected, it did not open the order
    expect(await testId(rowId(b!)).getAttribute('aria-selected')).toBe('true');
    expect(await contrastProblems(page)).toEqual([]);
    await world.screenshot('ro-bulk-selection');

    await testId('bulk-ack').click();
    await testId('bulk-confirm').waitFor();
    await expect.poll(() => textOf('bulk-plan')).toContain('4 comenzi vor fi confirmate la eMAG.');
    expect(await textOf('bulk-confirm')).toBe('Confirmă 4 comenzi');
    // Nothing was queued by the preview.
    expect(world.core.repos.outbox.forOrder(a!.accountId, a!.id)).toHaveLength(0);
    await world.screenshot('ro-bulk-confirm');

    await testId('bulk-confirm').click();
    await expect.poll(allSettled, { timeout: 30_000 }).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(await textOf('bulk-progress')).toBe('Trimise: 4 · în coadă: 0 · nereușite: 0 · sărite: 0');
    acknowledged = [a!, b!, c!, d!].map((o) => o.id);
    for (const id of acknowledged) expect(atEmag(id)?.status).toBe(2);
    expect(await contrastProblems(page)).toEqual([]);
    await world.screenshot('ro-bulk-results');
    await testId('bulk-close').click();
  });

  it('selects with the keyboard: Space, Shift+Arrow, Ctrl+A over the whole filtered list, Escape (ro)', async () => {
    await testId('selection-clear').click();
    const all = await showOrders(4);
    await page.locator(`[data-testid="${rowId(all[0]!)}"]`).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => textOf('selection-count')).toBe('1 comandă selectată');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => textOf('selection-count')).toBe('3 comenzi selectate');
    expect(await testId(rowId(all[2]!)).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Control+a');
    const many =
      new Intl.PluralRules('ro').select(all.length) === 'other'
        ? `${all.length} de comenzi selectate`
        : `${all.length} comenzi selectate`;
    await expect.poll(() => textOf('selection-count')).toBe(many);
    await page.keyboard.press('Escape');
    await expect.poll(() => testId('selection-bar').count()).toBe(0);
  });

  it('says an AWB needs a saved pickup address, then issues AWBs with it (en)', async () => {
    await testId('nav-dashboard').click();
    await testId('language-switch').selectOption('en');
    await expect.poll(() => textOf('nav-dashboard')).toContain('Dashboard');
    const inProgress = await showOrders(2);
    const mine = inProgress.filter((o) => acknowledged.includes(o.id)).slice(0, 2);
    expect(mine).toHaveLength(2);
    for (const o of mine) await testId(`select-${rowId(o)}`).click();
    await expect.poll(() => textOf('selection-count')).toBe('2 orders selected');

    await testId('bulk-awb').click();
    await testId('bulk-skip-no_sender').waitFor();
    expect(await textOf('bulk-skip-no_sender')).toContain('2 orders skipped: no saved pickup address');
    expect(await testId('bulk-confirm').isDisabled()).toBe(true);
    await world.screenshot('en-bulk-awb-no-sender');
    await testId('bulk-close').click();

    // The pickup address the AWB dialog remembers per account.
    const sender = {
      name: 'Magazin Central SRL',
      contact: 'Ana Pop',
      phone: '0722123456',
      localityId: 8801,
      street: 'Str. Lunga 1',
    };
    // A plain script string: the node test build has no DOM types.
    const key = `magflow.awbSender.${world.accounts.seller.id}`;
    await page.evaluate(`localStorage.setItem(${JSON.stringify(key)}, ${JSON.stringify(JSON.stringify(sender))})`);
    await testId('bulk-awb').click();
    await expect.poll(() => textOf('bulk-plan')).toContain('AWBs will be issued for 2 orders.');
    await testId('bulk-awb-weight').fill('2.5');
    await world.screenshot('en-bulk-awb-confirm');
    await testId('bulk-confirm').click();
    await expect.poll(allSettled, { timeout: 30_000 }).toEqual(['sent', 'sent']);
    for (const o of mine) {
      const awbs = world.core.repos.outbox.forOrder(o.accountId, o.id).filter((x) => x.kind === 'awb');
      expect(awbs).toMatchObject([{ state: 'sent', payload: { weightKg: 2.5, sender: { locality_id: 8801 } } }]);
    }
    await world.screenshot('en-bulk-awb-results');
    await testId('bulk-close').click();
    await testId('selection-clear').click();
  });

  it('cancels the whole filtered list with a reason from eMAG’s list, skipping what eMAG would refuse (en)', async () => {
    const inProgress = await showOrders(2);
    const seller = inProgress.filter((o) => o.accountId === world.accounts.seller.id);
    const fbe = inProgress.length - seller.length;
    await page.locator(`[data-testid="${rowId(inProgress[0]!)}"]`).focus();
    await page.keyboard.press('Control+a');
    await expect.poll(() => textOf('selection-count')).toBe(`${inProgress.length} orders selected`);

    await testId('bulk-status').selectOption('0');
    await testId('bulk-cancel-reason').waitFor();
    await expect
      .poll(() => textOf('bulk-plan'))
      .toContain(`${seller.length} orders will be marked "Cancelled" at eMAG.`);
    if (fbe > 0) expect(await textOf('bulk-skip-fbe')).toContain('fulfilled by eMAG (FBE)');
    // No reason, no cancellation.
    expect(await testId('bulk-confirm').isDisabled()).toBe(true);
    await testId('bulk-cancel-reason').selectOption('3');
    expect(await testId('bulk-confirm').isDisabled()).toBe(false);
    expect(await contrastProblems(page)).toEqual([]);
    await world.screenshot('en-bulk-cancel-confirm');

    await testId('bulk-confirm').click();
    await expect
      .poll(async () => (await allSettled()).filter((s) => s === 'queued').length, { timeout: 45_000 })
      .toBe(0);
    const states = await allSettled();
    expect(states.filter((s) => s === 'sent')).toHaveLength(seller.length);
    expect(states.filter((s) => s === 'skipped')).toHaveLength(fbe);
    for (const o of seller) expect(atEmag(o.id)).toMatchObject({ status: 0, reason_cancellation: 3 });
    await world.screenshot('en-bulk-cancel-results');
    await testId('bulk-close').click();
  });

  it('exports exactly the selected orders (en)', async () => {
    const finalized = await showOrders(4);
    const picked = finalized.slice(0, 2);
    for (const o of picked) await testId(`select-${rowId(o)}`).click();
    const download = page.waitForEvent('download');
    await testId('bulk-export').click();
    const file = await download;
    const csv = await readFile((await file.path())!, 'utf8');
    const lines = csv.trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const o of picked) expect(csv).toContain(String(o.id));
    await expect.poll(() => textOf('bulk-exported')).toBe('Exported 2 rows.');
    await world.screenshot('en-bulk-export');
    expect(world.problems).toEqual([]);
  });
});
