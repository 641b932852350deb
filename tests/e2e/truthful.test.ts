// Issue 16 §1, §2, §7 in the real window (Chromium, real core, sandbox over HTTP): an IP that is not whitelisted is
// named as such (never "wrong password"), an eMAG 500 as eMAG's error; a failing and a paused account show in the
// banner and the nav at 1366×768 and 1024×640, in Romanian and English; the sync history speaks plainly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SELLER, startWorld, type World } from './world';

let world: World;

beforeAll(async () => {
  world = await startWorld();
  await world.page.goto(world.bridge.url);
}, 180_000);

afterAll(async () => {
  await world?.close();
});

async function setLanguage(lang: 'ro' | 'en') {
  await world.page.getByTestId('language-switch').selectOption(lang);
}

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 640 },
] as const;

describe('truthful window', () => {
  it('an IP refusal reads as the IP, not the password, in the banner and on the dashboard (ro, en, two sizes)', async () => {
    const { page, sandbox, core, accounts } = world;
    sandbox.setFaults([{ route: '*', account: SELLER.username, kind: 'ipBlocked' }]);
    await core.scheduler.syncNow({ accountId: accounts.seller.id, job: 'new-orders' }).catch(() => undefined);
    await page.getByTestId('nav-dashboard').click();
    for (const lang of ['ro', 'en'] as const) {
      await setLanguage(lang);
      for (const size of SIZES) {
        await page.setViewportSize(size);
        const banner = page.getByTestId(`banner-account-${accounts.seller.id}`);
        await expect.poll(() => banner.getAttribute('data-cause'), { timeout: 15_000 }).toBe('ip_not_whitelisted');
        expect(await banner.isVisible()).toBe(true);
        const text = await banner.textContent();
        expect(text).toMatch(lang === 'ro' ? /lista de IP-uri permise/ : /list of allowed IPs/);
        expect(text).not.toMatch(/parolă greșite|Wrong username or password/);
        expect(await page.getByTestId('nav-sync-mark').isVisible()).toBe(true);
        const error = page.getByTestId(`account-error-${accounts.seller.id}`);
        expect(await error.textContent()).toMatch(lang === 'ro' ? /nu o schimba/ : /do not change it/);
        await page.screenshot({ path: `test-results/e2e/truthful-ip-${lang}-${size.width}.png` });
      }
    }
    await page.setViewportSize({ width: 1366, height: 860 });
    await setLanguage('ro');
    sandbox.setFaults([]);
  }, 120_000);

  it("an HTTP 500 is eMAG's error, then a completed run clears it (health follows the runs)", async () => {
    const { page, sandbox, core, accounts } = world;
    sandbox.setFaults([{ route: '*', account: SELLER.username, kind: 'http500' }]);
    await core.scheduler.syncNow({ accountId: accounts.seller.id, job: 'new-orders' }).catch(() => undefined);
    const banner = page.getByTestId(`banner-account-${accounts.seller.id}`);
    await expect.poll(() => banner.getAttribute('data-cause'), { timeout: 15_000 }).toBe('emag_error');
    sandbox.setFaults([]);
    for (const job of ['new-orders', 'order-changes', 'offers', 'send-actions'] as const) {
      await core.scheduler.syncNow({ accountId: accounts.seller.id, job }).catch(() => undefined);
    }
    await expect.poll(() => banner.count(), { timeout: 15_000 }).toBe(0);
  }, 120_000);

  it('a paused sync is a banner with Resume on every screen, at 1024×640', async () => {
    const { page } = world;
    await page.setViewportSize({ width: 1024, height: 640 });
    await page.getByTestId('sync-pause').click();
    await page.getByTestId('nav-orders').click();
    await expect.poll(() => page.getByTestId('banner-paused').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await page.getByTestId('nav-sync-mark').getAttribute('data-level')).toBe('paused');
    await page.screenshot({ path: 'test-results/e2e/truthful-paused-ro-1024.png' });
    await page.getByTestId('banner-resume').click();
    await expect.poll(() => page.getByTestId('banner-paused').count(), { timeout: 10_000 }).toBe(0);
    await page.setViewportSize({ width: 1366, height: 860 });
  }, 60_000);

  it('sync history: schedule in words, no raw seconds, failures first, the chart folded (ro and en)', async () => {
    const { page } = world;
    await page.getByTestId('nav-sync').click();
    for (const lang of ['ro', 'en'] as const) {
      await setLanguage(lang);
      const schedule = page.getByTestId('runs-schedule');
      await expect.poll(() => schedule.isVisible(), { timeout: 10_000 }).toBe(true);
      const words = (await schedule.textContent()) ?? '';
      expect(words).not.toMatch(/86400|86 400|secunde\)|seconds\)/);
      expect(words).toMatch(lang === 'ro' ? /o dată pe zi/ : /once a day/);
      expect(await page.getByTestId('runs-failures').textContent()).toMatch(
        lang === 'ro' ? /nu este pe lista de IP-uri permise/ : /not on the list of allowed IPs/,
      );
      expect(await page.getByTestId('runs-chart-details').getAttribute('open')).toBeNull();
      expect(await page.getByText(/Închisă \(normal\)|Closed \(normal\)/).count()).toBe(0);
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await page.screenshot({ path: `test-results/e2e/truthful-history-${lang}-${size.width}.png` });
      }
    }
    await setLanguage('ro');
    expect(world.problems).toEqual([]);
  }, 60_000);
});
