// Bulk work in the orders list in a real Chromium against the CLI's browser bridge, a real core, the eMAG sandbox and
// a real S3 server: orders selected with the mouse (checkbox, Shift+click, Ctrl+click) and the keyboard (Space,
// Shift+Arrow, Ctrl+A, Escape); one confirmation that says what will happen and what is skipped why; each order's
// result shown live until eMAG has it. In Romanian (acknowledge, invoice PDFs attached only to the selected orders),
// then in English (AWBs with and without a saved pickup address, a cancellation with eMAG's reason, the export of the
// selection, and acknowledging again in a 1024×640 window where the selection bar and the dialogs must fit).
// Screenshots: test-results/e2e/ro-bulk-*.png, en-bulk-*.png (en-bulk-1024-*.png: the viewport as the seller sees it).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderSummary } from '../../shared/domain';
import { bucketSettingsFor, startS3Server, type S3TestServer } from '../support/s3Server';
import { contrastProblems } from './contrast';
import { SCREENSHOT_DIR, SELLER, listOrders, openDashboard, startWorld, type World } from './world';

let world: World;
let page: Page;
let s3: S3TestServer;
/** The seller's orders acknowledged in bulk by the first scenario. */
let acknowledged: number[] = [];

const testId = (id: string) => page.getByTestId(id);
const textOf = async (id: string) => (await testId(id).textContent()) ?? '';
const atEmag = (orderId: number) => world.sandbox.orders(SELLER.username).find((o) => o.id === orderId);
const pdfBytes = (text: string) => Buffer.from(`%PDF-1.7\n% ${text}\n1 0 obj<<>>endobj\n%%EOF\n`);
/** A viewport-only shot: what the seller sees in a window of that size. */
const viewportShot = (name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });

/**
 * What of `selector` the seller cannot see without scrolling the window: each visible match that lies (partly)
 * outside the viewport, and each that scrolls sideways inside itself. A string, so this Node-typed file needs no DOM
 * types: it runs in the page.
 */
function offScreen(selector: string): Promise<string[]> {
  return page.evaluate(`(() => {
    const out = [];
    for (const el of document.querySelectorAll(${JSON.stringify(selector)})) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const name = el.getAttribute('data-testid') || el.tagName.toLowerCase() + ' ' + (el.textContent || '').slice(0, 30);
      if (r.left < 0 || r.top < 0 || r.right > window.innerWidth + 0.5 || r.bottom > window.innerHeight + 0.5) {
        out.push(name + ' outside the window');
      }
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') {
        out.push(name + ' scrolls sideways');
      }
    }
    if (document.documentElement.scrollWidth > window.innerWidth) out.push('the page scrolls sideways');
    return out;
  })()`);
}

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
  s3 = await startS3Server('facturi-bulk');
  world = await startWorld({ seed: 23 });
  page = world.page;
  // New orders for two rounds of acknowledging: the first in Romanian, the second at 1024×640 in English.
  world.sandbox.addOrders(SELLER.username, 9, { type: 3 });
  await world.core.scheduler.syncNow();
  await openDashboard(world);
}, 120_000);

afterAll(async () => {
  await world?.close();
  await s3?.close();
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

  it('attaches invoice PDFs to the selected orders only: one for an unselected order is named and skipped (ro)', async () => {
    const saved = await world.core.dispatcher.dispatch('invoices.bucket.save', bucketSettingsFor(s3));
    expect(saved.ok).toBe(true);
    const finalized = (await showOrders(4)).filter((o) => o.accountId === world.accounts.seller.id);
    const [picked, other] = finalized;
    const attachmentsOf = (orderId: number) => atEmag(orderId)?.attachments ?? [];
    expect(attachmentsOf(picked!.id)).toEqual([]);
    await testId(`select-${rowId(picked!)}`).click();
    await expect.poll(() => textOf('selection-count')).toBe('1 comandă selectată');

    await testId('bulk-invoices').click();
    await testId('bulk-invoices-dialog').waitFor();
    expect(await textOf('bulk-invoices-dialog')).toContain('Atașează facturi PDF la comanda selectată');
    expect(await textOf('bulk-invoices-scope')).toBe(
      'Doar comanda selectată: un PDF pentru altă comandă nu se trimite.',
    );
    await page.setInputFiles('[data-testid="bulk-drop-input"]', [
      { name: `factura-${picked!.id}.pdf`, mimeType: 'application/pdf', buffer: pdfBytes(`selectata ${picked!.id}`) },
      { name: `factura-${other!.id}.pdf`, mimeType: 'application/pdf', buffer: pdfBytes(`alta ${other!.id}`) },
    ]);
    await testId('bulk-invoices-table').waitFor();
    expect(await textOf('bulk-state-0')).toBe('Se încarcă și se atașează');
    expect(await textOf('bulk-state-1')).toBe('Nu se trimite nimic: comanda nu este printre cele selectate');
    // The order the file would have gone to is named, so the seller sees which one it was.
    expect(await textOf('bulk-row-1')).toContain(`#${other!.id} · Magazin Central`);
    expect(await textOf('bulk-summary')).toBe('Se va atașa 1 factură. 1 fișier nu se trimite.');
    expect(await contrastProblems(page)).toEqual([]);
    await world.screenshot('ro-bulk-invoices-review');

    await testId('bulk-confirm').click();
    await expect.poll(() => testId('bulk-state-0').getAttribute('data-state'), { timeout: 20_000 }).toBe('sent');
    expect(await testId('bulk-state-1').getAttribute('data-state')).toBe('skipped');
    expect(await textOf('bulk-summary')).toBe('Atașate: 1 · în curs: 0 · nereușite: 0 · netrimise: 1');
    expect(attachmentsOf(picked!.id)).toHaveLength(1);
    expect(attachmentsOf(other!.id)).toEqual([]);
    const queued = world.core.repos.outbox.forOrder(other!.accountId, other!.id).filter((a) => a.kind === 'invoice');
    expect(queued).toEqual([]);
    await world.screenshot('ro-bulk-invoices-done');
    await testId('bulk-close').click();
    await testId('selection-clear').click();
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
    // Until main answers, rows still show the preview's "will be sent": settled means neither that nor "queued".
    await expect
      .poll(async () => (await allSettled()).filter((s) => s === 'will_queue' || s === 'queued').length, {
        timeout: 45_000,
      })
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
    await testId('selection-clear').click();
  });

  it('en 1024×640: selects, confirms once and shows each result, with the bar and the dialogs on screen', async () => {
    await page.setViewportSize({ width: 1024, height: 640 });
    try {
      const fresh = (await showOrders(1)).filter(
        (o) => o.accountId === world.accounts.seller.id && o.type === 3 && !acknowledged.includes(o.id),
      );
      expect(fresh.length).toBeGreaterThanOrEqual(3);
      const picked = fresh.slice(0, 3);
      // Checkboxes, then Ctrl+click on a row.
      await testId(`select-${rowId(picked[0]!)}`).click();
      await testId(`select-${rowId(picked[1]!)}`).click();
      await testId(rowId(picked[2]!)).click({ modifiers: ['Control'] });
      await expect.poll(() => textOf('selection-count')).toBe('3 orders selected');
      expect(await testId('bulk-exported').count()).toBe(0); // "Exported 2 rows." was the previous selection's
      expect(await offScreen('[data-testid="selection-bar"], [data-testid="selection-bar"] > *')).toEqual([]);
      expect(await contrastProblems(page)).toEqual([]);
      await viewportShot('en-bulk-1024-selection');

      const dialogParts =
        '[role="dialog"], [role="dialog"] .dialog-body, [role="dialog"] h2, [role="dialog"] .form-actions button';
      await testId('bulk-ack').click();
      await testId('bulk-confirm').waitFor();
      await expect.poll(() => textOf('bulk-plan')).toContain('3 orders will be acknowledged at eMAG.');
      expect(await textOf('bulk-confirm')).toBe('Acknowledge 3 orders');
      expect(await offScreen(`${dialogParts}, .bulk-table, [data-testid="bulk-table"]`)).toEqual([]);
      expect(await contrastProblems(page)).toEqual([]);
      await viewportShot('en-bulk-1024-confirm');

      await testId('bulk-confirm').click();
      await expect.poll(allSettled, { timeout: 30_000 }).toEqual(['sent', 'sent', 'sent']);
      expect(await textOf('bulk-progress')).toBe('Sent: 3 · queued: 0 · failed: 0 · skipped: 0');
      for (const o of picked) expect(atEmag(o.id)?.status).toBe(2);
      expect(await offScreen(`${dialogParts}, .bulk-table, [data-testid="bulk-table"]`)).toEqual([]);
      await viewportShot('en-bulk-1024-results');
      await testId('bulk-close').click();

      // The invoice dialog opened from the same selection fits as well.
      await testId('bulk-invoices').click();
      await testId('bulk-invoices-scope').waitFor();
      expect(await textOf('bulk-invoices-scope')).toBe(
        'Only the 3 selected orders: a PDF for any other order is not sent.',
      );
      expect(await offScreen(`${dialogParts}, [data-testid="bulk-drop"]`)).toEqual([]);
      await viewportShot('en-bulk-1024-invoices');
      await testId('bulk-close').click();
      await testId('selection-clear').click();
    } finally {
      await page.setViewportSize({ width: 1366, height: 860 });
    }
    expect(world.problems).toEqual([]);
  });

  it('ro 1024×640: the selection bar and a confirmation fit in Romanian; closing it sends nothing', async () => {
    await testId('language-switch').selectOption('ro');
    await expect.poll(() => textOf('nav-orders')).toContain('Comenzi');
    await page.setViewportSize({ width: 1024, height: 640 });
    try {
      const inProgress = (await showOrders(2)).filter((o) => o.accountId === world.accounts.seller.id && o.type === 3);
      expect(inProgress.length).toBeGreaterThanOrEqual(2);
      const picked = inProgress.slice(0, 2);
      await testId(`select-${rowId(picked[0]!)}`).click();
      await testId(`select-${rowId(picked[1]!)}`).click();
      await expect.poll(() => textOf('selection-count')).toBe('2 comenzi selectate');
      // Romanian's labels are the longer ones: nothing of the bar may leave the window or scroll sideways.
      expect(await offScreen('[data-testid="selection-bar"], [data-testid="selection-bar"] > *')).toEqual([]);
      await viewportShot('ro-bulk-1024-selection');

      // Nothing is sent here: the confirmation is read and closed with "Renunță".
      await testId('bulk-status').selectOption('3');
      await expect.poll(() => textOf('bulk-plan')).toContain('2 comenzi vor fi marcate „');
      const dialogParts =
        '[role="dialog"], [role="dialog"] .dialog-body, [role="dialog"] h2, [role="dialog"] .form-actions button';
      expect(await offScreen(`${dialogParts}, [data-testid="bulk-table"]`)).toEqual([]);
      expect(await contrastProblems(page)).toEqual([]);
      await viewportShot('ro-bulk-1024-confirm');
      expect(await textOf('bulk-close')).toBe('Renunță');
      await testId('bulk-close').click();
      await testId('selection-clear').click();
      for (const o of picked) expect(atEmag(o.id)?.status).toBe(2);
    } finally {
      await page.setViewportSize({ width: 1366, height: 860 });
    }
    expect(world.problems).toEqual([]);
  });
});
