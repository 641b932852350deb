// Offer editing in a real Chromium against the CLI's browser bridge, a real core and the eMAG sandbox: the editor
// shows the category and VAT rate by name (category/read, vat/read), refuses a price outside eMAG's bounds beside the
// field, sends a good one and shows it confirmed; a bulk stock edit of selected offers; an FBE offer's stock locked
// with the reason. In Romanian, then in English. Screenshots: test-results/e2e/ro-offers-*.png, en-offers-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contrastProblems } from './contrast';
import { FBE, SELLER, openDashboard, startWorld, type World } from './world';

let world: World;
let page: Page;
const testId = (id: string) => page.getByTestId(id);
const sellerOffer = (index: number) => world.sandbox.offers(SELLER.username)[index]!;

async function openOffers(): Promise<void> {
  await page.goto(`${world.bridge.url}#/offers`);
  await testId('screen-offers').waitFor();
}

/** Closes the editor with its × button (Escape only reaches it while focus is inside). */
async function closeEditor(): Promise<void> {
  await page.locator('[data-testid="offer-editor"] .dialog-head button').click();
  await testId('offer-editor').waitFor({ state: 'detached' });
}

async function openEditor(accountId: number, offerId: number): Promise<void> {
  await testId(`offer-edit-${accountId}-${offerId}`).click();
  await testId('offer-editor').waitFor();
  await testId('offer-editor-price').waitFor();
}

beforeAll(async () => {
  world = await startWorld({ seed: 19 });
  page = world.page;
  await openDashboard(world);
}, 120_000);

afterAll(async () => {
  await world?.close();
});

describe('offer editing in Chromium (serve bridge + sandbox)', { timeout: 60_000 }, () => {
  it('refuses a price above the maximum beside the field, then sends a good one and shows it confirmed', async () => {
    const seller = world.accounts.seller.id;
    const offer = sellerOffer(0);
    await openOffers();
    await testId(`offer-row-${seller}-${offer.id}`).waitFor();
    await openEditor(seller, offer.id);
    await expect.poll(() => testId('offer-editor-category').textContent()).not.toBe('necunoscută');
    expect(await testId('offer-editor-vat').textContent()).toMatch(/^\d+%$/);
    expect(await testId('offer-editor-bounds').textContent()).toContain('Preț permis de eMAG');

    await testId('offer-editor-price').fill(String(offer.max_sale_price + 50).replace('.', ','));
    await testId('offer-editor-save-price').click();
    expect(await testId('offer-editor-price-error').textContent()).toContain('peste prețul maxim al ofertei');
    expect(await contrastProblems(page)).toEqual([]);
    await world.screenshot('ro-offers-price-refused');

    const price = ((offer.min_sale_price + offer.max_sale_price) / 2).toFixed(2);
    await testId('offer-editor-price').fill(price.replace('.', ','));
    await testId('offer-editor-save-price').click();
    await testId('offer-editor-note').waitFor();
    await expect
      .poll(() => world.sandbox.offers(SELLER.username)[0]!.sale_price, { timeout: 20_000 })
      .toBe(Number(price));
    await closeEditor();
    await testId('offer-edit-price-confirmed').first().waitFor({ timeout: 20_000 });
    await world.screenshot('ro-offers-price-confirmed');
  });

  it('sets the same stock on the selected offers', async () => {
    const seller = world.accounts.seller.id;
    const [a, b] = [sellerOffer(1), sellerOffer(2)];
    await openOffers();
    await testId('offers-search').fill(a.part_number);
    await testId(`offer-select-${seller}-${a.id}`).check();
    await testId('offers-search').fill(b.part_number);
    await testId(`offer-select-${seller}-${b.id}`).check();
    expect(await testId('offer-bulk-count').textContent()).toBe('2 oferte selectate');
    await testId('offer-bulk-field').selectOption('stock');
    await testId('offer-bulk-value').fill('7');
    await testId('offer-bulk-apply').click();
    await expect.poll(() => testId('offer-bulk-outcome').textContent()).toContain('2 modificări puse în coadă.');
    await expect
      .poll(() => [1, 2].map((i) => world.sandbox.offers(SELLER.username)[i]!.stock[0]?.value), { timeout: 20_000 })
      .toEqual([7, 7]);
    await world.screenshot('ro-offers-bulk');
  });

  it("locks an FBE offer's stock with the reason", async () => {
    const fbe = world.accounts.fbe.id;
    const offer = world.sandbox.offers(FBE.username)[0]!;
    await openOffers();
    await testId('offers-search').fill(offer.part_number);
    await testId(`offer-edit-${fbe}-${offer.id}`).click();
    await testId('offer-editor-stock').waitFor();
    expect(await testId('offer-editor-stock').isDisabled()).toBe(true);
    expect(await testId('offer-editor').textContent()).toContain('gestionat de depozitul eMAG');
    await world.screenshot('ro-offers-fbe');
    await closeEditor();
  });

  it('reads the same in English', async () => {
    await page.goto(`${world.bridge.url}#/settings`);
    await testId('screen-settings').waitFor();
    await testId('settings-language').selectOption('en');
    await expect.poll(() => testId('nav-dashboard').textContent()).toContain('Dashboard');
    await testId('settings-low-stock-threshold').waitFor();
    const seller = world.accounts.seller.id;
    const offer = sellerOffer(3);
    await openOffers();
    await testId('offers-search').fill(offer.part_number);
    await openEditor(seller, offer.id);
    await testId('offer-editor-price').fill(String(offer.min_sale_price / 2));
    await testId('offer-editor-save-price').click();
    expect(await testId('offer-editor-price-error').textContent()).toContain("below the offer's minimum price");
    await testId('offer-editor-stock').fill('-3');
    await testId('offer-editor-save-stock').click();
    expect(await testId('offer-editor-stock-error').textContent()).toContain('whole number from 0 to 65535');
    await world.screenshot('en-offers-refused');
    expect(world.problems).toEqual([]);
  });
});
