// #16 §3 and §4 in a real Chromium against the bridge, a real core and the eMAG sandbox, in Romanian at 1366×768 and
// English at 1024×640: cancelling asks for confirmation and one of eMAG's reasons, a status change waits with an
// "Undo" before it leaves the outbox (undone: eMAG never hears of it; not undone: eMAG gets it, with the reason),
// the window's CSV is the CLI's builder byte for byte in each language, offers are labelled from status and stock,
// FBE orders never wait for the seller, vouchers at their gross value.
// Screenshots: test-results/e2e/safe-ro-*.png, safe-en-*.png.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ordersForCsv, ordersToCsv } from '../../main/core/orders/exportCsv';
import { toOrderDetail } from '../../main/core/orders/detail';
import type { Offer } from '../../shared/domain';
import { OrdersQuerySchema, type IpcResult, type Paged } from '../../shared/ipc';
import { offerStateOf } from '../../shared/offerState';
import { FBE, SCREENSHOT_DIR, SELLER, startWorld, type World } from './world';

let world: World;
let page: Page;
const testId = (id: string) => page.getByTestId(id);
const shot = (name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `safe-${name}.png`) });

/** Seller orders in progress in eMAG and in MagFlow, not used by an earlier step. */
const used = new Set<number>();
function inProgressOrder(): number {
  const { seller } = world.accounts;
  const order = world.sandbox
    .orders(SELLER.username)
    .find(
      (o) =>
        o.status === 2 && o.type === 3 && !used.has(o.id) && world.core.repos.orders.get(seller.id, o.id)?.status === 2,
    );
  if (!order) throw new Error('no order in progress left');
  used.add(order.id);
  return order.id;
}

/** Opens a screen by its hash, as the nav does (string form: the test's types have no DOM). */
const go = (hash: string) => page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);

async function openOrder(accountId: number, orderId: number): Promise<void> {
  await go(`#/order/${accountId}/${orderId}`);
  await testId('order-actions').waitFor();
}

async function exportedCsv(): Promise<string> {
  await go('#/orders');
  await testId('export-csv').waitFor();
  const downloading = page.waitForEvent('download');
  await testId('export-csv').click();
  const download = await downloading;
  return readFile((await download.path())!, 'utf8');
}

/** What `magflow orders --csv --lang <lang>` prints for the window's default view (the same builder). */
function cliCsv(lang: 'ro' | 'en'): string {
  const query = { ...OrdersQuerySchema.parse({}), offset: 0, limit: 100_000 }; // as orders.exportCsv asks
  return ordersToCsv(ordersForCsv(world.core.repos.orders, query), lang);
}

beforeAll(async () => {
  world = await startWorld({ settings: { actionUndoSec: 8 } });
  page = world.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${world.bridge.url}#/dashboard`);
  await testId('screen-dashboard').waitFor();
}, 120_000);

afterAll(async () => {
  await world?.close();
});

describe('safe actions and correct numbers in Chromium', { timeout: 90_000 }, () => {
  it('ro 1366×768: cancelling asks for a reason; Undo inside the window keeps eMAG untouched', async () => {
    const { seller } = world.accounts;
    const orderId = inProgressOrder();
    await openOrder(seller.id, orderId);
    await testId('change-status-select').selectOption('0');
    await testId('change-status-submit').click();
    const dialog = testId('cancel-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`Anulezi comanda ${orderId}?`);
    expect(await testId('cancel-confirm').isDisabled()).toBe(true);
    await testId('cancel-reason').selectOption('33');
    await shot('ro-cancel-dialog');
    await testId('cancel-confirm').click();

    const notice = testId('undo-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/„Anulată” pleacă spre eMAG în \d+ (de )?secund/);
    await shot('ro-undo');
    await testId('undo-button').click();
    await notice.waitFor({ state: 'detached' });
    const state = page.locator('[data-testid^="action-state-"]').first();
    await expect.poll(() => state.getAttribute('data-state')).toBe('cancelled');
    // Past the window: nothing went to eMAG.
    await new Promise((resolve) => setTimeout(resolve, 9_000));
    expect(world.sandbox.orders(SELLER.username).find((o) => o.id === orderId)?.status).toBe(2);
    expect(world.core.repos.outbox.forOrder(seller.id, orderId).map((a) => a.state)).toEqual(['cancelled']);
    await shot('ro-undone');
  });

  it('ro: FBE orders never wait for the seller (dashboard and detail); a voucher shows its gross value', async () => {
    const { fbe, seller } = world.accounts;
    await go('#/dashboard');
    await testId(`unacknowledged-${fbe.id}`).waitFor();
    expect(await testId(`unacknowledged-${fbe.id}`).textContent()).toBe('0');
    const fbeNew = world.sandbox.orders(FBE.username).find((o) => o.status === 1);
    if (fbeNew) {
      await openOrder(fbe.id, fbeNew.id);
      expect(await testId('ack-not-needed').textContent()).toContain('FBE');
    }
    const withVoucher = world.sandbox
      .orders(SELLER.username)
      .find((o) => o.vouchers.length > 0 && world.core.repos.orders.get(seller.id, o.id));
    expect(withVoucher).toBeDefined();
    const stored = world.core.repos.orders.get(seller.id, withVoucher!.id)!;
    const gross = toOrderDetail(stored, [], new Date(), 'emag-ro').vouchers[0]!.grossMinor;
    await openOrder(seller.id, withVoucher!.id);
    const shown = (await testId('order-vouchers').textContent()) ?? '';
    const amount = (Math.abs(gross) / 100).toFixed(2).replace('.', ',');
    expect(shown).toContain(amount);
    await page.getByTestId('order-vouchers').scrollIntoViewIfNeeded();
    await shot('ro-voucher');
  });

  it('ro: the CSV is the CLI\'s, byte for byte: ";", a BOM, Romanian headers and labels, products filled', async () => {
    const csv = await exportedCsv();
    expect(csv).toBe(cliCsv('ro'));
    expect(csv.startsWith('\ufeffCont;Nr. comandă;')).toBe(true);
    expect(csv).toMatch(/;(Finalizată|În procesare|Nouă);/);
  });

  it('ro: offers are labelled from status and stock', async () => {
    await go('#/offers');
    await testId('screen-offers').waitFor();
    const listed = (await world.core.dispatcher.dispatch('offers.list', {
      offset: 0,
      limit: 200,
    })) as IpcResult<Paged<Offer>>;
    if (!listed.ok) throw new Error(listed.error.message);
    const rows = page.locator('[data-testid^="offer-row-"]');
    await rows.first().waitFor();
    const ids = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')!));
    let checked = 0;
    for (const rowId of ids) {
      const [, accountId, offerId] = /^offer-row-(\d+)-(\d+)$/.exec(rowId)!;
      const offer = listed.value.rows.find((o) => o.accountId === Number(accountId) && o.id === Number(offerId));
      if (!offer) continue;
      const state = await page.locator(`[data-testid="${rowId}"] [data-state]`).getAttribute('data-state');
      expect(state ?? 'unknown').toBe(offerStateOf(offer));
      if (offer.status === 1 && (offer.stock ?? 0) > 0) expect(state).toBe('active');
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
    await shot('ro-offers');
  });

  it('en 1024×640: a cancellation not undone reaches eMAG with the chosen reason', async () => {
    await page.setViewportSize({ width: 1024, height: 640 });
    await testId('language-switch').selectOption('en');
    await expect.poll(() => world.core.repos.settings.get().language).toBe('en');
    const { seller } = world.accounts;
    const orderId = inProgressOrder();
    await openOrder(seller.id, orderId);
    await testId('change-status-select').selectOption('0');
    await testId('change-status-submit').click();
    await testId('cancel-dialog').waitFor();
    expect(await testId('cancel-dialog').textContent()).toContain(`Cancel order ${orderId}?`);
    await testId('cancel-reason').selectOption('1');
    await shot('en-cancel-dialog');
    await testId('cancel-confirm').click();
    await testId('undo-notice').waitFor();
    expect(await testId('undo-notice').textContent()).toMatch(/"Cancelled" goes to eMAG in \d+ seconds?/);
    await shot('en-undo');
    await expect
      .poll(() => world.sandbox.orders(SELLER.username).find((o) => o.id === orderId)?.status, { timeout: 30_000 })
      .toBe(0);
    expect(world.sandbox.orders(SELLER.username).find((o) => o.id === orderId)?.reason_cancellation).toBe(1);
    const state = page.locator('[data-testid^="action-state-"]').first();
    await expect.poll(() => state.getAttribute('data-state'), { timeout: 15_000 }).toBe('sent');
    await testId('undo-notice').waitFor({ state: 'detached' });
    await shot('en-cancel-sent');
  });

  it('en: the CSV is the CLI\'s in English (BOM, ",", English headers and labels)', async () => {
    const csv = await exportedCsv();
    expect(csv).toBe(cliCsv('en'));
    expect(csv.startsWith('\ufeffAccount,Order no.,')).toBe(true);
    await shot('en-orders');
  });

  it('en: offers labelled in English', async () => {
    await go('#/offers');
    await page.locator('[data-testid^="offer-row-"] [data-state]').first().waitFor();
    const labels = await page.locator('[data-testid^="offer-row-"] [data-state]').allTextContents();
    expect(labels.every((l) => ['Active', 'Out of stock', 'Inactive', 'End of life'].includes(l))).toBe(true);
    await shot('en-offers');
  });

  it('left no page errors', () => {
    expect(world.problems).toEqual([]);
  });
});
