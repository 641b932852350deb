// #17 AWB in a real Chromium against the browser bridge, a real core and the eMAG sandbox on 127.0.0.1: the pickup
// address saved in Settings with its locality chosen by name, the AWB dialog prefilled from it in a 768 px tall
// window (the send button in view), an AWB issued and its label saved as a PDF. In Romanian, then in English.
// Screenshots: test-results/e2e/ro-awb-*.png, en-awb-*.png.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SELLER, startWorld, type World } from './world';

let world: World;
let page: Page;
/** Orders in progress whose customer address is complete, one per language. */
let orders: number[] = [];
const testId = (id: string) => page.getByTestId(id);

async function openOrder(orderId: number): Promise<void> {
  await page.goto(`${world.bridge.url}#/order/${world.accounts.seller.id}/${orderId}`);
  await testId('screen-order').waitFor();
  await testId('order-actions').waitFor();
}

async function chooseLocality(prefix: string, query: string, id: number): Promise<void> {
  await testId(`${prefix}-input`).fill(query);
  await testId(`${prefix}-option-${id}`).click();
  await testId(`${prefix}-chosen`).waitFor();
}

/** The AWB dialog fits a 768 px tall window: its send button can be seen without scrolling the page. */
async function expectSendInView(): Promise<void> {
  const box = await testId('awb-submit').boundingBox();
  expect(box).not.toBeNull();
  expect(box!.y + box!.height).toBeLessThanOrEqual(768);
}

async function issueAndFetchLabel(orderId: number, lang: 'ro' | 'en'): Promise<void> {
  await openOrder(orderId);
  await page.setViewportSize({ width: 1366, height: 768 });
  await testId('awb-open').click();
  await testId('awb-dialog').waitFor();
  // Prefilled from Settings › Shipping.
  expect(await testId('awb-sender-name').inputValue()).toBe('Magazin Central SRL');
  expect(await testId('awb-sender-locality-chosen').textContent()).toContain('4531');
  await expectSendInView();
  await page.screenshot({ path: `test-results/e2e/${lang}-awb-dialog-768.png` });
  await testId('awb-submit').click();
  await testId('awb-dialog').waitFor({ state: 'detached' });
  await expect
    .poll(() => world.sandbox.awbs(SELLER.username).some((a) => a.order_id === orderId), { timeout: 20_000 })
    .toBe(true);
  await page.setViewportSize({ width: 1366, height: 860 });
  await expect
    .poll(
      async () => {
        await openOrder(orderId);
        return testId('awb-label').count();
      },
      { timeout: 20_000 },
    )
    .toBe(1);
  await testId('awb-label-A5').click();
  await testId('awb-label-saved').waitFor();
  const text = (await testId('awb-label-saved').textContent()) ?? '';
  const path = /(\/\S+\.pdf)/.exec(text)?.[1];
  expect(path).toBeDefined();
  expect(readFileSync(path!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await world.screenshot(`${lang}-awb-label`);
}

beforeAll(async () => {
  world = await startWorld({ seed: 17 });
  page = world.page;
  orders = world.sandbox
    .orders(SELLER.username)
    .filter((o) => o.type === 3 && [1, 2, 3].includes(o.status) && o.delivery_mode === 'courier')
    .filter((o) => Number(o.customer.shipping_locality_id) > 0 && (o.customer.shipping_street ?? '').length >= 3)
    .filter((o) => /^\+?\d{8,11}$/.test(String(o.customer.shipping_phone ?? '')))
    .filter((o) => (o.customer.shipping_contact ?? o.customer.name ?? '').length >= 3)
    .map((o) => o.id)
    .slice(0, 2);
  // In progress at eMAG, and read again by MagFlow.
  for (const id of orders) world.sandbox.setOrderStatus(SELLER.username, id, 2);
  await world.core.engine.runJob('order-changes', world.accounts.seller.id, 'manual');
  await page.goto(`${world.bridge.url}#/dashboard`);
  await testId('screen-dashboard').waitFor();
}, 120_000);

afterAll(async () => {
  await world?.close();
});

describe('AWB in Chromium (serve bridge + sandbox)', { timeout: 90_000 }, () => {
  it('saves the pickup address with its locality chosen by name, then issues an AWB and saves its label (ro)', async () => {
    expect(orders.length).toBeGreaterThanOrEqual(2);
    await page.goto(`${world.bridge.url}#/settings`);
    await testId('settings-shipping').waitFor();
    await testId('awb-sender-name').fill('Magazin Central SRL');
    await testId('awb-sender-contact').fill('Ana Pop');
    await testId('awb-sender-phone').fill('0722123456');
    await testId('awb-sender-locality-input').fill('flor');
    await expect.poll(() => testId('awb-sender-locality-options').textContent()).toContain('Florești (Cluj)');
    await world.screenshot('ro-awb-settings-search');
    await testId('awb-sender-locality-option-4531').click();
    await testId('awb-sender-street').fill('Str. Sub Cetate 12');
    await testId('shipping-format').selectOption('A5');
    await testId('shipping-open-label').uncheck();
    await testId('shipping-save').click();
    await testId('shipping-saved').waitFor();
    expect(world.core.settings.get().shipping).toMatchObject({
      labelFormat: 'A5',
      sender: { localityId: 4531, localityName: 'Florești (Cluj)' },
    });
    await world.screenshot('ro-awb-settings');
    await issueAndFetchLabel(orders[0]!, 'ro');
    expect(await testId('awb-label-saved').textContent()).toContain('Eticheta a fost salvată');
    expect(world.problems).toEqual([]);
  });

  it('reads the same in English, with the locality error beside its box', async () => {
    await page.goto(`${world.bridge.url}#/settings`);
    await testId('screen-settings').waitFor();
    await testId('settings-language').selectOption('en');
    await expect.poll(() => testId('nav-dashboard').textContent()).toContain('Dashboard');
    await openOrder(orders[1]!);
    // The small window (#16 §5): the dialog, its errors and its send button fit 1024×640.
    await page.setViewportSize({ width: 1024, height: 640 });
    await testId('awb-open').click();
    await testId('awb-dialog').waitFor();
    // A locality typed but not chosen from the list is named beside its box.
    await testId('awb-sender-locality-input').fill('Nowhere');
    await testId('awb-sender-phone').fill('07-12');
    await testId('awb-submit').click();
    await testId('awb-sender-locality-error').waitFor();
    // Focus goes to the first box in error, so the dialog shows it (the summary is at the bottom of a long form).
    await expect
      // A string, so this Node-typed file needs no DOM types: it runs in the page.
      .poll(() => page.evaluate<string | null>(`document.activeElement?.getAttribute('data-testid') ?? null`))
      .toBe('awb-sender-phone');
    // ...above the dialog's sticky buttons, not hidden under them.
    const phone = await testId('awb-sender-phone').boundingBox();
    const buttons = await testId('awb-dialog').locator('.form-actions').boundingBox();
    expect(phone!.y).toBeGreaterThanOrEqual(0);
    expect(phone!.y + phone!.height).toBeLessThanOrEqual(buttons!.y);
    expect(await testId('awb-sender-locality-error').textContent()).toBe('Choose the locality from the list');
    expect(await testId('awb-sender-phone-error').textContent()).toBe('8 to 11 digits (may start with +)');
    // The summary states each box's rule and what was typed, never a bare value or a dash.
    const summary = (await testId('awb-error').textContent()) ?? '';
    expect(summary).toContain('Phone: 8 to 11 digits (may start with +) (you typed “07-12”)');
    expect(summary).toContain('Choose the locality from the list');
    expect(summary).not.toContain('—');
    const send = await testId('awb-submit').boundingBox();
    expect(send!.y + send!.height).toBeLessThanOrEqual(640);
    expect(send!.x + send!.width).toBeLessThanOrEqual(1024);
    await page.screenshot({ path: 'test-results/e2e/en-awb-dialog-error-1024.png' });
    await page.setViewportSize({ width: 1366, height: 860 });
    await world.screenshot('en-awb-dialog-error');
    await testId('awb-sender-phone').fill('0712345678');
    await chooseLocality('awb-sender-locality', 'Flor', 4531);
    await testId('awb-dialog').getByRole('button', { name: 'Cancel' }).click();
    await issueAndFetchLabel(orders[1]!, 'en');
    expect(await testId('awb-label-saved').textContent()).toContain('Label saved');
    expect(world.problems).toEqual([]);
  });
});
