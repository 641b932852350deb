// The today queue (issue 17 §1) in a real Chromium against the CLI's browser bridge, a real core and the eMAG sandbox:
// the window opens on it when work waits, with orders in their groups, a countdown to eMAG's shipping deadline (past
// it, in red), finalized orders without an invoice and a failed action; a row opens its order; acknowledging an order
// moves it out of its group without a reload. In Romanian, then in English.
// Screenshots: test-results/e2e/ro-today.png, ro-today-after-ack.png, en-today.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toEmagDate } from '../../main/core/clock';
import type { EmagOrderRecord } from '../../main/sandbox';
import { contrastProblems } from './contrast';
import { SELLER, startWorld, type World } from './world';

let world: World;
let page: Page;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The sandbox's deadline is the order's date plus two days (as eMAG's usual handling time). */
const placed = (deadlineFromNowMs: number) => toEmagDate(new Date(Date.now() + deadlineFromNowMs - 2 * DAY));
const ids = { overdue: 0, soon: 0, fresh: 0 };

const testId = (id: string) => page.getByTestId(id);
const textOf = async (id: string) => (await testId(id).textContent()) ?? '';

beforeAll(async () => {
  world = await startWorld({ seed: 23 });
  page = world.page;
  const now = toEmagDate(new Date());
  const add = (status: number, deadlineFromNowMs: number) =>
    world.sandbox.addOrders(SELLER.username, 1, {
      status,
      date: placed(deadlineFromNowMs),
      modified: now,
      maximum_date_for_shipment: toEmagDate(new Date(Date.now() + deadlineFromNowMs)),
    } as Partial<EmagOrderRecord>)[0]!.id;
  ids.overdue = add(3, -3 * HOUR); // prepared, the courier should have had it three hours ago
  ids.soon = add(2, 90 * 60_000); // in progress, 90 minutes left (within the default 120-minute lead time)
  ids.fresh = add(1, 2 * DAY); // new, waiting for the seller's acknowledgement (auto-acknowledge is off here)
  await world.core.scheduler.syncNow({ accountId: world.accounts.seller.id });
  const { seller } = world.accounts;
  const failed = world.core.repos.outbox.enqueue({ accountId: seller.id, orderId: ids.soon, kind: 'awb', payload: {} });
  world.core.repos.outbox.markAttemptFailed(failed.id, 'Curierul nu acceptă coletul (greutate peste limită)', null);
}, 120_000);

afterAll(async () => {
  await world?.close();
});

describe('the today queue in Chromium', { timeout: 60_000 }, () => {
  it('is the start screen when work waits: groups, countdowns, overdue in red, missing invoices, a failed action', async () => {
    const { seller } = world.accounts;
    await page.goto(world.bridge.url);
    await testId('screen-today').waitFor();
    await testId('today-group-acknowledge').waitFor();
    expect(await textOf('today-summary')).toMatch(/te așteaptă/);
    expect(await textOf('today-summary')).toMatch(/termenul de expediere depășit/);

    const overdue = testId(`today-item-ship-${ids.overdue}`);
    expect(await overdue.getAttribute('class')).toContain('overdue');
    expect(await overdue.getByTestId('today-countdown').textContent()).toMatch(/^Depășit cu (2|3) h \d\d min$/);
    // The node build has no DOM types: the page's getComputedStyle, typed by hand.
    const red = await overdue
      .getByTestId('today-countdown')
      .evaluate(
        (el) =>
          (globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(el).color,
      );
    expect(red).toBe('rgb(180, 35, 24)'); // --danger

    const soon = testId(`today-item-prepare-${ids.soon}`);
    expect(await soon.getByTestId('today-countdown').textContent()).toMatch(/^mai sunt 1 h (29|30) min$/);
    expect(await soon.getByTestId('today-countdown').getAttribute('class')).toContain('soon');
    expect(await testId(`today-item-acknowledge-${ids.fresh}`).getByTestId('today-countdown').textContent()).toMatch(
      /^mai sunt (1 z 23|2 z 0) h \d\d min$/,
    );
    expect(await textOf('today-group-invoice')).toMatch(/Finalizate fără factură \(\d+ (de )?comen?zi?ă?\)/);
    expect(await textOf('today-group-failed')).toContain('greutate peste limită');
    expect(Number(await textOf('today-count'))).toBeGreaterThanOrEqual(4);
    expect(await contrastProblems(page)).toEqual([]);
    await world.screenshot('ro-today');

    // A row opens its order.
    await testId(`today-item-ship-${ids.overdue}`).getByRole('button').click();
    await testId('screen-order').waitFor();
    expect(page.url()).toContain(`#/order/${seller.id}/${ids.overdue}`);
  });

  it('follows an acknowledgement without a reload', async () => {
    const { seller } = world.accounts;
    await page.goto(`${world.bridge.url}#/today`);
    await testId(`today-item-acknowledge-${ids.fresh}`).waitFor();
    const before = (await page.locator('[data-testid^="today-item-acknowledge-"]').count()) as number;
    const answer = await world.core.dispatcher.dispatch('orders.acknowledge', {
      accountId: seller.id,
      orderId: ids.fresh,
    });
    expect(answer.ok).toBe(true);
    await testId(`today-item-acknowledge-${ids.fresh}`).waitFor({ state: 'detached', timeout: 20_000 });
    await testId(`today-item-prepare-${ids.fresh}`).waitFor();
    expect(await page.locator('[data-testid^="today-item-acknowledge-"]').count()).toBe(before - 1);
    await world.screenshot('ro-today-after-ack');
  });

  it('speaks English when the seller does', async () => {
    await page.goto(`${world.bridge.url}#/dashboard`);
    await testId('language-switch').selectOption('en');
    await expect.poll(() => world.core.repos.settings.get().language).toBe('en');
    await page.goto(world.bridge.url);
    await page.reload();
    await testId('screen-today').waitFor();
    await testId(`today-item-ship-${ids.overdue}`).waitFor();
    expect(await testId(`today-item-ship-${ids.overdue}`).getByTestId('today-countdown').textContent()).toMatch(
      /^Overdue by (2|3) h \d\d min$/,
    );
    expect(await textOf('today-group-ship')).toMatch(/To hand to the courier \(\d+ orders?\)/);
    expect(await textOf('nav-today')).toContain('Today');
    expect(await contrastProblems(page)).toEqual([]);
    await world.screenshot('en-today');
    expect(world.problems).toEqual([]);
  });
});
