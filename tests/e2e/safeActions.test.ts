// #16 §3 and §4 in a real Chromium against the bridge, a real core and the eMAG sandbox, in Romanian at 1366×768 and
// English at 1024×640: cancelling asks for confirmation and one of eMAG's reasons, a status change waits with an
// "Undo" before it leaves the outbox (undone: eMAG never hears of it; not undone: eMAG gets it, with the reason),
// the window's CSV is the CLI's builder byte for byte in each language, offers are labelled from status and stock,
// FBE orders never wait for the seller, one order's acknowledgement reads the same in the list, the detail and the
// CSV, vouchers at their gross value.
// Screenshots: test-results/e2e/safe-ro-*.png, safe-en-*.png.
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ordersForCsv, ordersToCsv } from '../../main/core/orders/exportCsv';
import { toOrderDetail } from '../../main/core/orders/detail';
import type { Offer } from '../../shared/domain';
import { OrdersQuerySchema, type IpcResult, type Paged } from '../../shared/ipc';
import { offerStateOf } from '../../shared/offerState';
import { FBE, SCREENSHOT_DIR, SELLER, inViewport, startWorld, type World } from './world';

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

/** The CSV's rows by column name ("," in English, ";" in Romanian; after the BOM). */
function csvRows(csv: string, lang: 'ro' | 'en'): Record<string, string>[] {
  return parse(csv.slice(1), { columns: true, delimiter: lang === 'ro' ? ';' : ',' }) as Record<string, string>[];
}

type Ack = 'waiting' | 'acknowledged' | 'not-needed';
const ACK_WORDS: Record<'ro' | 'en', { list: Record<string, Ack>; csv: Record<string, Ack> }> = {
  ro: {
    list: { Nu: 'waiting', Da: 'acknowledged', '—': 'not-needed' },
    csv: { nu: 'waiting', da: 'acknowledged', 'nu e cazul': 'not-needed' },
  },
  en: {
    list: { No: 'waiting', Yes: 'acknowledged', '—': 'not-needed' },
    csv: { no: 'waiting', yes: 'acknowledged', 'not needed': 'not-needed' },
  },
};

/** One order's acknowledgement as the list, the detail and the CSV each show it. */
async function ackEverywhere(
  accountId: number,
  orderId: number,
  csv: Record<string, string>[],
  lang: 'ro' | 'en',
): Promise<{ list: Ack | undefined; detail: Ack | undefined; csv: Ack | undefined }> {
  await go('#/orders');
  await testId('orders-search').fill(String(orderId));
  const cell = page.locator(`[data-testid="order-row-${accountId}-${orderId}"] [data-column="ack"]`);
  await cell.waitFor();
  const list = ACK_WORDS[lang].list[((await cell.textContent()) ?? '').trim()];
  // Cleared at once (Enter), not after the debounce: leaving sooner would keep the list filtered by the id.
  await testId('orders-search').fill('');
  await testId('orders-search').press('Enter');
  await openOrder(accountId, orderId);
  const detail: Ack | undefined =
    (await testId('ack-not-needed').count()) > 0
      ? 'not-needed'
      : (await testId('acknowledged-at').count()) > 0
        ? 'acknowledged'
        : (await testId('acknowledge').count()) > 0
          ? 'waiting'
          : undefined;
  const [idColumn, ackColumn] = lang === 'ro' ? ['Nr. comandă', 'Confirmată'] : ['Order no.', 'Acknowledged'];
  const row = csv.find((r) => r[idColumn] === String(orderId));
  return { list, detail, csv: row ? ACK_WORDS[lang].csv[row[ackColumn]!] : undefined };
}

/** A seller order waiting, one in progress, one cancelled and an FBE "new" one, all in the window's CSV. */
function ackSamples(csv: Record<string, string>[], lang: 'ro' | 'en'): [number, number, Ack][] {
  const { seller, fbe } = world.accounts;
  const idColumn = lang === 'ro' ? 'Nr. comandă' : 'Order no.';
  const inCsv = new Set(csv.map((r) => Number(r[idColumn])));
  const pick = (accountId: number, username: string, status: number, expected: Ack): [number, number, Ack] => {
    const order = world.sandbox
      .orders(username)
      .find(
        (o) =>
          o.status === status &&
          inCsv.has(o.id) &&
          world.core.repos.orders.get(accountId, o.id)?.status === status &&
          !used.has(o.id),
      );
    if (!order) throw new Error(`no order in status ${status} for ${username}`);
    return [accountId, order.id, expected];
  };
  return [
    pick(seller.id, SELLER.username, 1, 'waiting'),
    pick(seller.id, SELLER.username, 2, 'acknowledged'),
    pick(seller.id, SELLER.username, 0, 'not-needed'),
    pick(fbe.id, FBE.username, 1, 'not-needed'),
  ];
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
    expect(await inViewport(page, '[data-testid="cancel-confirm"]')).toBe(true);
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
    // An FBE order eMAG shows as "new": it must not count as waiting for the seller.
    const [fbeNew] = world.sandbox.addOrders(FBE.username, 1);
    await world.core.scheduler.syncNow({ accountId: fbe.id, job: 'new-orders' });
    expect(world.core.repos.orders.get(fbe.id, fbeNew!.id)).toMatchObject({ status: 1, type: 2 });
    await go('#/dashboard');
    await testId(`unacknowledged-${fbe.id}`).waitFor();
    expect(await testId(`unacknowledged-${fbe.id}`).textContent()).toBe('0');
    // The seller's own new orders still count (the cell is not simply always 0).
    expect(Number(await testId(`unacknowledged-${seller.id}`).textContent())).toBeGreaterThan(0);
    await openOrder(fbe.id, fbeNew!.id);
    expect(await testId('ack-not-needed').textContent()).toContain('FBE');
    expect(await testId('acknowledge').count()).toBe(0);
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
    // Every row: products named, status, fulfilment and payment in words (no numeric codes).
    const rows = csvRows(csv, 'ro');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.Produse, row['Nr. comandă']).toMatch(/^\d+ x \S/);
      for (const column of ['Status', 'Livrare', 'Plată']) expect(row[column], column).toMatch(/^\D/);
    }
  });

  it('ro: one order, one acknowledgement: the list, the detail and the CSV agree', async () => {
    await go('#/orders');
    await testId('filter-reset').click();
    const csv = csvRows(await exportedCsv(), 'ro');
    for (const [accountId, orderId, expected] of ackSamples(csv, 'ro')) {
      const shown = await ackEverywhere(accountId, orderId, csv, 'ro');
      expect(shown, `order ${orderId}`).toEqual({ list: expected, detail: expected, csv: expected });
    }
    await shot('ro-ack-detail');
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
    expect(await inViewport(page, '[data-testid="cancel-confirm"]')).toBe(true);
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
    // The feedback above follows the action: no stale "queued" once eMAG has it.
    await expect.poll(() => testId('action-feedback').getAttribute('data-state'), { timeout: 10_000 }).toBe('sent');
    expect(await testId('action-feedback').textContent()).not.toMatch(/queued/i);
    await shot('en-cancel-sent');
  });

  it('en: the CSV is the CLI\'s in English (BOM, ",", English headers and labels)', async () => {
    const csv = await exportedCsv();
    expect(csv).toBe(cliCsv('en'));
    expect(csv.startsWith('\ufeffAccount,Order no.,')).toBe(true);
    const rows = csvRows(csv, 'en');
    for (const row of rows) {
      expect(row.Products, row['Order no.']).toMatch(/^\d+ x \S/);
      for (const column of ['Status', 'Fulfilment', 'Payment']) expect(row[column], column).toMatch(/^\D/);
    }
    await shot('en-orders');
  });

  it('en 1024×640: the list, the detail and the CSV agree on acknowledgement; a voucher at its gross value', async () => {
    await go('#/orders');
    await testId('filter-reset').click();
    const csv = csvRows(await exportedCsv(), 'en');
    for (const [accountId, orderId, expected] of ackSamples(csv, 'en')) {
      const shown = await ackEverywhere(accountId, orderId, csv, 'en');
      expect(shown, `order ${orderId}`).toEqual({ list: expected, detail: expected, csv: expected });
    }
    const { seller } = world.accounts;
    const withVoucher = world.sandbox
      .orders(SELLER.username)
      .find((o) => o.vouchers.length > 0 && world.core.repos.orders.get(seller.id, o.id));
    const stored = world.core.repos.orders.get(seller.id, withVoucher!.id)!;
    const gross = toOrderDetail(stored, [], new Date(), 'emag-ro').vouchers[0]!.grossMinor;
    await openOrder(seller.id, withVoucher!.id);
    expect(await testId('order-vouchers').textContent()).toContain((Math.abs(gross) / 100).toFixed(2));
    await testId('order-vouchers').scrollIntoViewIfNeeded();
    await shot('en-voucher');
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
