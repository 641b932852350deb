// Main's own refusals reach the window in its language (issue 16 §1): an invoice link that is not a PDF is refused by
// main (not eMAG), and the order screen shows main's words in Romanian, then, once the seller switches, in English.
// Screenshots: test-results/e2e/ro-main-error.png, en-main-error.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOrders, openDashboard, startWorld, type World } from './world';

let world: World;
let page: Page;
const testId = (id: string) => page.getByTestId(id);

beforeAll(async () => {
  world = await startWorld({ seed: 16 });
  page = world.page;
  await openDashboard(world);
}, 120_000);

afterAll(async () => {
  await world?.close();
});

/** Opens an order of the seller and asks main to attach a link that is not a PDF. */
async function refuseHtmlInvoice(): Promise<string> {
  const seller = world.accounts.seller.id;
  const [order] = (await listOrders(world, { accountIds: [seller] })).rows;
  await page.goto(`${world.bridge.url}#/order/${seller}/${order!.id}`);
  await testId('screen-order').waitFor();
  await testId('invoice-url').fill('https://facturi.example.ro/factura-1.html');
  await testId('invoice-submit').click();
  await testId('action-error').waitFor();
  return (await testId('action-error').textContent()) ?? '';
}

describe("main's errors in the window's language (serve bridge + sandbox)", { timeout: 60_000 }, () => {
  it('says the refusal in Romanian, the default', async () => {
    const text = await refuseHtmlInvoice();
    expect(text).toContain('eMAG acceptă doar fișiere PDF: linkul trebuie să se termine în .pdf');
    expect(text).not.toMatch(/Invalid input|accepts only/);
    await world.screenshot('ro-main-error');
  });

  it('says it in English once the seller switches the window to English', async () => {
    await page.goto(`${world.bridge.url}#/settings`);
    await testId('screen-settings').waitFor();
    await testId('settings-language').selectOption('en');
    await expect.poll(() => testId('nav-dashboard').textContent()).toContain('Dashboard');
    const text = await refuseHtmlInvoice();
    expect(text).toContain('eMAG accepts only PDF files: the link must end in .pdf');
    expect(text).not.toMatch(/Date greșite|acceptă/);
    await world.screenshot('en-main-error');
    expect(world.problems).toEqual([]);
  });
});
