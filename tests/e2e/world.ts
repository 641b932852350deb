// The end-to-end world: an eMAG sandbox on 127.0.0.1, a real MagFlow core (no demo mode) with three accounts
// against it (two good ones and one with a wrong password), the CLI's browser bridge serving the built renderer,
// and Debian's Chromium driven by playwright-core. Each test file builds its own world.
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Account, OrderSummary } from '../../shared/domain';
import type { IpcResult, Paged } from '../../shared/ipc';
import type { SettingsPatch } from '../../shared/settings';
import { startBridgeServer, type BridgeServer } from '../../main/cli/serve';
import { createMagflowCore, type MagflowCore } from '../../main/core/magflow';
import { startSandbox, type Sandbox, type SandboxAccountSpec } from '../../main/sandbox';
import { FAST_CLIENT } from '../sync/harness';
import { CHROMIUM_PATH, HEADLESS_CHROMIUM_ARGS } from '../support/chromium';
import { ensureRendererBuilt, ROOT } from './buildRenderer';

export const SCREENSHOT_DIR = join(ROOT, 'test-results/e2e');
const VIEWPORT = { width: 1366, height: 860 };

const CHROMIUM_ARGS = [
  ...HEADLESS_CHROMIUM_ARGS,
  '--lang=ro-RO', // a Romanian seller's machine: date and time inputs in the local format
];

/** The suite needs a real browser: a missing one is a failure with the fix, never a silent skip. */
export function requireChromium(): string {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `End-to-end tests need Chromium at ${CHROMIUM_PATH} (Debian: apt-get install -y chromium), ` +
        'or set MAGFLOW_CHROMIUM to another Chromium binary.',
    );
  }
  return CHROMIUM_PATH;
}

export const SELLER: SandboxAccountSpec = {
  username: 'magazin-ro',
  password: 'parola-magazin',
  kind: 'main',
  orders: 60,
  offers: 30,
};
export const FBE: SandboxAccountSpec = {
  username: 'depozit-fbe',
  password: 'parola-depozit',
  kind: 'fbe',
  orders: 25,
  offers: 12,
};

export interface World {
  sandbox: Sandbox;
  core: MagflowCore;
  bridge: BridgeServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** The seller's main account, the FBE one and the one whose password is wrong. */
  accounts: { seller: Account; fbe: Account; broken: Account };
  /** Uncaught page errors, console errors and dialogs (an `alert` would mean injected script ran). */
  problems: string[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface WorldOptions {
  settings?: SettingsPatch;
  seed?: number;
}

export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const executablePath = requireChromium();
  const staticDir = await ensureRendererBuilt();
  const dataDir = await mkdtemp(join(tmpdir(), 'magflow-e2e-'));
  const sandbox = await startSandbox({ port: 0, seed: options.seed ?? 8, accounts: [SELLER, FBE], rateLimit: false });
  const core = await createMagflowCore({ dataDir, demo: false, version: 'e2e', clientTuning: FAST_CLIENT });
  const cleanups: (() => Promise<void>)[] = [
    () => rm(dataDir, { recursive: true, force: true }),
    () => sandbox.close(),
    () => core.stop({ abort: true }),
  ];
  try {
    // New orders stay unacknowledged, so the seller has something to acknowledge.
    core.repos.settings.update({ autoAcknowledge: false, language: 'ro', theme: 'light', ...options.settings });
    const save = (name: string, spec: SandboxAccountSpec, password = spec.password) =>
      core.accounts.save({
        name,
        platform: 'emag-ro',
        kind: spec.kind,
        username: spec.username,
        password,
        apiUrl: sandbox.url,
      });
    const accounts = {
      seller: save('Magazin Central', SELLER),
      fbe: save('Depozit FBE', FBE),
      broken: save('Cont cu parolă greșită', SELLER, 'not-the-password'),
    };
    await core.start();
    await core.scheduler.syncNow(); // the first sync, as the scheduler's startup run would do

    const bridge = await startBridgeServer({ dispatcher: core.dispatcher, bus: core.bus, staticDir, port: 0 });
    cleanups.push(() => bridge.close());
    const browser = await chromium.launch({
      executablePath,
      args: CHROMIUM_ARGS,
      env: { ...process.env, LANG: 'ro_RO.UTF-8', LANGUAGE: 'ro' },
    });
    cleanups.push(() => browser.close());
    const context = await browser.newContext({
      viewport: VIEWPORT,
      locale: 'ro-RO',
      timezoneId: 'Europe/Bucharest',
      acceptDownloads: true,
      colorScheme: 'light',
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('dialog', (dialog) => {
      problems.push(`dialog opened: ${dialog.message()}`);
      void dialog.dismiss();
    });
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    return {
      sandbox,
      core,
      bridge,
      browser,
      context,
      page,
      accounts,
      problems,
      async screenshot(name) {
        // The window scrolls inside .content, so a full-page shot would stop at the viewport: grow the viewport to
        // the content for the shot, then put it back.
        const path = join(SCREENSHOT_DIR, `${name}.png`);
        const hidden = await page
          .locator('.content')
          .evaluate((content) => content.scrollHeight - content.clientHeight)
          .catch(() => 0);
        if (hidden > 0) await page.setViewportSize({ ...VIEWPORT, height: Math.min(VIEWPORT.height + hidden, 4000) });
        await page.screenshot({ path, fullPage: true });
        if (hidden > 0) await page.setViewportSize(VIEWPORT);
        return path;
      },
      async close() {
        for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
      },
    };
  } catch (error) {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    throw error;
  }
}

/** Opens the app in the world's page and waits for the dashboard, the screen it starts on. */
export async function openDashboard(world: World): Promise<void> {
  // By its hash: with work waiting, a bare start opens the today queue instead (issue 17 §1).
  await world.page.goto(`${world.bridge.url}#/dashboard`);
  await world.page.getByTestId('screen-dashboard').waitFor();
}

/** The app's own answer for an orders query (as the window asks it), to compare the screen and exports with. */
export async function listOrders(world: World, query: Record<string, unknown>): Promise<Paged<OrderSummary>> {
  const result = (await world.core.dispatcher.dispatch('orders.list', {
    offset: 0,
    limit: 500,
    ...query,
  })) as IpcResult<Paged<OrderSummary>>;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Whether an element lies wholly inside the window: seen without scrolling the page sideways or down. */
export async function inViewport(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).first().boundingBox();
  const size = page.viewportSize()!;
  return (
    box !== null &&
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.width <= size.width + 0.5 &&
    box.y + box.height <= size.height + 0.5
  );
}
