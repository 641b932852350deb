// Returns and the account-health watch in a real Chromium against the CLI's browser bridge, a real core and the eMAG
// sandbox (issue 18): the Returns screen with a new return, the status filter, the detail with its products, status
// history and the link to its order, a status change sent to eMAG (rma/save through the outbox) and shown once
// confirmed; the health figures on the dashboard with their trend charts; the thresholds in Settings. In Romanian,
// then in English. Screenshots: test-results/e2e/ro-returns-*.png, en-returns-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmagRmaRecord } from '../../main/sandbox';
import { contrastProblems } from './contrast';
import { join } from 'node:path';
import { SCREENSHOT_DIR, SELLER, startWorld, type World } from './world';

let world: World;
let page: Page;
let placed: EmagRmaRecord;

const testId = (id: string) => page.getByTestId(id);
const textOf = async (id: string): Promise<string> => (await testId(id).textContent()) ?? '';

async function expectReadable(): Promise<void> {
  expect(await contrastProblems(page)).toEqual([]);
}

async function open(screen: string): Promise<void> {
  await testId(`nav-${screen}`).click();
  await testId(`screen-${screen}`).waitFor();
}

const rowId = (emagId: number) => `return-row-${world.accounts.seller.id}-${emagId}`;

beforeAll(async () => {
  world = await startWorld({ seed: 19 });
  page = world.page;
  // After the first (quiet) import, a customer places a return: the seller's new one.
  [placed] = world.sandbox.addReturns(SELLER.username, 1) as [EmagRmaRecord];
  const run = await world.core.engine.runJob('returns', world.accounts.seller.id, 'manual');
  expect(run.status).toBe('completed');
  await page.goto(`${world.bridge.url}#/dashboard`);
  await testId('screen-dashboard').waitFor();
}, 120_000);

afterAll(async () => {
  await world?.close();
});

describe('returns and account health in Chromium (serve bridge + sandbox)', { timeout: 60_000 }, () => {
  it('lists the returns with a Romanian count, filters them by status', async () => {
    await open('returns');
    await testId(rowId(placed.emag_id)).waitFor();
    const stored = world.core.repos.returns.list({ offset: 0, limit: 500 }).total;
    expect(stored).toBeGreaterThan(1);
    const total = await textOf('returns-total');
    expect(total).toMatch(stored === 1 ? /^1 retur$/ : stored < 20 ? /^\d+ retururi$/ : /^\d+ de retururi$/);
    expect(await textOf(rowId(placed.emag_id))).toContain('Nouă');
    expect(await textOf(rowId(placed.emag_id))).toContain(String(placed.order_id));
    await expectReadable();
    await world.screenshot('ro-returns-list');

    await testId('returns-filter-status').selectOption('2');
    await expect.poll(() => page.locator('[data-testid^="return-row-"]').count()).toBeGreaterThan(0);
    const statuses = await page
      .locator('[data-testid^="return-row-"] [data-testid^="return-status-"]')
      .allTextContents();
    expect(new Set(statuses)).toEqual(new Set(['Nouă']));
    await testId('returns-filter-status').selectOption('');
  });

  it('shows a return with its products and history, and approves it through eMAG', async () => {
    await testId(rowId(placed.emag_id)).click();
    await testId('return-detail').waitFor();
    expect(await textOf('return-products')).toContain(placed.products[0]!.product_name);
    expect(await textOf('return-history')).toContain('Nouă');
    expect(await textOf('return-open-order')).toContain(`#${placed.order_id}`);
    await expectReadable();
    await world.screenshot('ro-returns-detail');

    await testId('return-set-3').click();
    // Sent by the outbox (rma/save), read back, shown as approved.
    await expect
      .poll(() => world.sandbox.returns(SELLER.username).find((r) => r.emag_id === placed.emag_id)?.request_status, {
        timeout: 20_000,
      })
      .toBe(3);
    await expect.poll(() => textOf('return-history'), { timeout: 20_000 }).toContain('Aprobată');
    expect(await textOf('return-actions')).toContain('trimisă');
    // From approved, eMAG allows "received" or "canceled" only.
    await testId('return-set-6').waitFor();
    expect(await testId('return-set-3').count()).toBe(0);
    await world.screenshot('ro-returns-approved');

    await testId('return-open-order').click();
    await testId('screen-order').waitFor();
    expect(page.url()).toContain(`#/order/${world.accounts.seller.id}/${placed.order_id}`);
  });

  it('shows the account-health figures with their rules, limits and weekly trends', async () => {
    await open('dashboard');
    const card = testId(`account-health-${world.accounts.seller.id}`);
    await card.waitFor();
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Cifrele eMAG din seller center sunt cele care contează');
    expect(text).toContain('Expedieri întârziate');
    expect(text).toContain('maximum_date_for_shipment');
    for (const key of ['lateShipmentRate', 'invoiceRate', 'sellerCancelRate', 'returnsRate']) {
      await testId(`health-trend-${world.accounts.seller.id}-${key}`).waitFor();
    }
    // The same figures main computes.
    const [view] = world.core.returns.health(world.accounts.seller.id);
    const breached = view!.figures.filter((f) => f.breached).map((f) => f.key);
    const shown = await card
      .locator('[data-breached="true"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')!.replace('health-', '')));
    expect(shown.sort()).toEqual(breached.sort());
    await expectReadable();
    await card.scrollIntoViewIfNeeded();
    await world.screenshot('ro-returns-dashboard-health');
    // The card alone, readable at full size.
    await card.screenshot({ path: join(SCREENSHOT_DIR, 'ro-returns-health-card.png') });
  });

  it('lets the seller set the thresholds in Settings', async () => {
    await open('settings');
    const field = testId('settings-health-lateShipmentRate');
    await field.waitFor();
    await field.fill('12.5');
    await field.press('Enter');
    await expect.poll(() => world.core.repos.settings.get().accountHealth.lateShipmentRate).toBe(12.5);
    await testId('settings-notify-newReturn').waitFor();
    await testId('settings-account-health').scrollIntoViewIfNeeded();
    await expectReadable();
    await world.screenshot('ro-returns-settings');
  });

  it('shows the same screens in English', async () => {
    await testId('language-switch').selectOption('en');
    await expect.poll(() => textOf('nav-returns')).toContain('Returns');
    await open('returns');
    await testId(rowId(placed.emag_id)).waitFor();
    expect(await textOf('returns-total')).toMatch(/^\d+ returns?$/);
    expect(await textOf(rowId(placed.emag_id))).toContain('Approved');
    await world.screenshot('en-returns-list');
    await testId(rowId(placed.emag_id)).click();
    await testId('return-detail').waitFor();
    expect(await textOf('return-history')).toContain('Approved');
    await testId('return-set-6').waitFor();
    expect(await textOf('return-set-6')).toBe('Mark as received');
    await expectReadable();
    await world.screenshot('en-returns-detail');
    await page.keyboard.press('Escape');
    await open('dashboard');
    const card = testId(`account-health-${world.accounts.seller.id}`);
    await card.waitFor();
    expect(await card.textContent()).toContain("eMAG's figures in the seller center are authoritative");
    await expectReadable();
    await world.screenshot('en-returns-dashboard-health');
    expect(world.problems).toEqual([]);
  });
});
