// Issue 16 §5–§6 in a real Chromium, in Romanian and English, at 1366×768 and 1024×640: the orders table keeps
// status, account and its main columns on screen (lower-priority columns give way, the nav collapses), accounts are
// told apart by their kind badge, dialogs keep their actions on screen, focus stays in a dialog while it tests the
// connection and Escape still closes it, End/Home move focus to the last/first row, coming back from an order puts
// the list's scroll and focused row back, and the status history says it is at eMAG's time.
// Screenshots (viewport only: what the seller sees at that size) land in test-results/e2e/layout-*.png.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDetail } from '../../shared/domain';
import type { IpcResult } from '../../shared/ipc';
import { SCREENSHOT_DIR, inViewport, openDashboard, startWorld, type World } from './world';

let world: World;
let page: Page;

const testId = (id: string) => page.getByTestId(id);
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 640 },
] as const;
const LANGUAGES = ['ro', 'en'] as const;
// The issue named status, account and "Confirmată" off-screen at 1024×640: the acknowledgement column (priority 3)
// stays at both sizes; only payment and locality may give way (docs/ui.md, "Column priorities").
const MAIN_COLUMNS = ['id', 'customer', 'total', 'status', 'account', 'ack'];

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `layout-${name}.png`) });
}

/** What has focus: its test id, its row index in a table, whether it is inside an open dialog. */
async function focused(): Promise<{ testId: string | null; rowIndex: number | null; inDialog: boolean; tag: string }> {
  // A string, so this Node-typed file needs no DOM types: it runs in the page.
  return page.evaluate(`(() => {
    const el = document.activeElement;
    const row = el ? el.getAttribute('aria-rowindex') : null;
    return {
      testId: el ? el.getAttribute('data-testid') : null,
      rowIndex: row ? Number(row) : null,
      inDialog: Boolean(el && el.closest('[role="dialog"]')),
      tag: el ? el.tagName : '',
    };
  })()`);
}

async function openOrders(): Promise<void> {
  await testId('nav-orders').click();
  await testId('screen-orders').waitFor();
  await page.locator('[data-testid^="order-row-"]').first().waitFor();
}

/** Focus on the list's first row, from wherever the list remembered the seller was. */
async function focusFirstRow(): Promise<void> {
  await page.locator('[data-testid="orders-table"] [role="row"][data-index]').first().focus();
  await page.keyboard.press('Home');
  await expect.poll(async () => (await focused()).rowIndex).toBe(2);
}

async function setLanguage(language: 'ro' | 'en'): Promise<void> {
  await testId('language-switch').selectOption(language);
  await expect.poll(() => world.core.repos.settings.get().language).toBe(language);
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language);
}

beforeAll(async () => {
  world = await startWorld();
  page = world.page;
  await openDashboard(world);
}, 120_000);

afterAll(async () => {
  await world?.close();
});

describe('layout and keyboard (issue 16 §5–§6)', { timeout: 90_000 }, () => {
  for (const language of LANGUAGES) {
    for (const size of SIZES) {
      const name = `${language}-${size.width}x${size.height}`;

      it(`${name}: the orders table keeps status, account and the main columns in the window`, async () => {
        await page.setViewportSize(size);
        await setLanguage(language);
        await openOrders();
        await focusFirstRow();
        const table = '[data-testid="orders-table"]';
        for (const column of MAIN_COLUMNS) {
          expect(await inViewport(page, `${table} [role="columnheader"][data-column="${column}"]`), column).toBe(true);
          expect(
            await inViewport(page, `${table} [role="row"][data-index="0"] [data-column="${column}"]`),
            column,
          ).toBe(true);
        }
        // Nothing of the table sticks out to the right: the page does not scroll sideways.
        expect(await inViewport(page, `${table} .vhead`)).toBe(true);
        const overflow = await page
          .locator('.content')
          .evaluate((content) => content.scrollWidth - content.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        // The nav gives its room to the table on the small window.
        const nav = (await testId('nav').boundingBox())!;
        if (size.width === 1024) expect(nav.width).toBeLessThan(80);
        else expect(nav.width).toBeGreaterThan(150);
        // The two accounts are told apart by a kind badge before their names.
        const { seller, fbe } = world.accounts;
        const sellerBadge = page.locator(`[data-testid^="order-row-${seller.id}-"] [data-testid="account-kind-badge"]`);
        const fbeBadge = page.locator(`[data-testid^="order-row-${fbe.id}-"] [data-testid="account-kind-badge"]`);
        await testId('filter-account').selectOption(String(fbe.id));
        await fbeBadge.first().waitFor();
        expect(await fbeBadge.first().textContent()).toBe('FBE');
        await testId('filter-reset').click();
        await sellerBadge.first().waitFor();
        expect(await sellerBadge.first().textContent()).toBe('MAIN');
        expect(await sellerBadge.first().evaluate((b) => b.parentElement?.getAttribute('title'))).toContain(
          'Magazin Central',
        );
        await shot(`${name}-orders`);
      });

      it(`${name}: End and Home move focus to the last and first row`, async () => {
        await openOrders();
        const rowCount = Number(await testId('orders-table').getAttribute('aria-rowcount')) - 1;
        expect(rowCount).toBeGreaterThan(20);
        await focusFirstRow();
        await page.keyboard.press('End');
        await expect.poll(async () => (await focused()).rowIndex).toBe(rowCount + 1);
        expect((await focused()).testId).toMatch(/^order-row-/);
        await page.keyboard.press('Home');
        await expect.poll(async () => (await focused()).rowIndex).toBe(2);
        const firstRow = await page
          .locator('[data-testid="orders-table"] [data-index="0"]')
          .getAttribute('data-testid');
        expect((await focused()).testId).toBe(firstRow);
        expect(await inViewport(page, '[data-testid="orders-table"] [data-index="0"]')).toBe(true);
      });

      it(`${name}: coming back from an order restores the list's scroll position and focused row`, async () => {
        await openOrders();
        await focusFirstRow();
        for (let i = 0; i < 25; i += 1) await page.keyboard.press('ArrowDown');
        await expect.poll(async () => (await focused()).rowIndex).toBe(27);
        const before = await focused();
        const scrollTop = await page.locator('[data-testid="orders-table"] .vbody').evaluate((b) => b.scrollTop);
        expect(scrollTop).toBeGreaterThan(0);
        await page.keyboard.press('Enter');
        await testId('screen-order').waitFor();
        await page.goBack();
        await testId('screen-orders').waitFor();
        await expect.poll(async () => (await focused()).testId).toBe(before.testId);
        expect((await focused()).rowIndex).toBe(27);
        const after = await page.locator('[data-testid="orders-table"] .vbody').evaluate((b) => b.scrollTop);
        expect(Math.abs(after - scrollTop)).toBeLessThanOrEqual(2);
        await shot(`${name}-orders-back`);
        // The same through the nav instead of the browser's Back.
        await page.keyboard.press('Enter');
        await testId('screen-order').waitFor();
        await testId('nav-orders').click();
        await expect.poll(async () => (await focused()).testId).toBe(before.testId);
      });

      it(`${name}: the account dialog fits, keeps focus while testing the connection, and Escape closes it`, async () => {
        const { seller } = world.accounts;
        await testId('nav-settings').click();
        await testId('screen-settings').waitFor();
        const opener = testId(`account-edit-${seller.id}`);
        await opener.click();
        await testId('account-dialog').waitFor();
        expect(await inViewport(page, '[data-testid="account-dialog"]')).toBe(true);
        expect(await inViewport(page, '[data-testid="account-save"]')).toBe(true);
        await testId('account-test').focus();
        await page.keyboard.press('Enter');
        await testId('account-test-result').waitFor({ timeout: 20_000 });
        // Focus never fell to <body> while the button was busy: it is back in the dialog.
        await expect.poll(async () => (await focused()).inDialog).toBe(true);
        expect(await inViewport(page, '[data-testid="account-save"]')).toBe(true);
        await shot(`${name}-account-dialog`);
        await page.keyboard.press('Escape');
        await testId('account-dialog').waitFor({ state: 'detached' });
        expect((await focused()).testId).toBe(`account-edit-${seller.id}`);
      });

      it(`${name}: the status history is labelled and shown at eMAG's time`, async () => {
        const { seller } = world.accounts;
        const order = world.sandbox.orders('magazin-ro').find((o) => o.status === 4 || o.status === 0)!;
        await page.goto(`${world.bridge.url}#/order/${seller.id}/${order.id}`);
        await testId('status-history-card').waitFor();
        const result = (await world.core.dispatcher.dispatch('orders.get', {
          accountId: seller.id,
          orderId: order.id,
        })) as IpcResult<OrderDetail>;
        if (!result.ok) throw new Error(result.error.message);
        const title = await testId('status-history-card').locator('h2').textContent();
        expect(title).toBe(language === 'ro' ? 'Istoric status (ora eMAG)' : 'Status history (eMAG time)');
        const shown = await testId('status-history')
          .locator('li')
          .evaluateAll((items) => items.map((li) => li.getAttribute('data-at')));
        expect(shown).toEqual(result.value.statusHistory.map((h) => h.at));
        await testId('status-history-card').scrollIntoViewIfNeeded();
        await shot(`${name}-order-history`);
      });
    }
  }

  it('the seller can collapse and expand the nav; the choice holds', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await openOrders();
    expect((await testId('nav').boundingBox())!.width).toBeGreaterThan(150);
    await testId('nav-toggle').click();
    await expect.poll(async () => (await testId('nav').boundingBox())!.width).toBeLessThan(80);
    // Collapsed, each entry still has its name for screen readers and on hover.
    expect(await testId('nav-orders').getAttribute('title')).toBeTruthy();
    await page.reload();
    await testId('screen-orders').waitFor();
    expect((await testId('nav').boundingBox())!.width).toBeLessThan(80);
    await testId('nav-toggle').click();
    await expect.poll(async () => (await testId('nav').boundingBox())!.width).toBeGreaterThan(150);
    expect(world.problems).toEqual([]);
  });
});
