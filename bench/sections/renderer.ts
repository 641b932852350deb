// §8 the window's renderer in Chromium with 100,000 orders: the gzip size of its JavaScript, the time from
// navigation to the first order rows on screen, and the time a status-filter change takes to redraw the list.
// The page is the built renderer served by the CLI's browser bridge over a core opened on the §4 fixture, exactly
// as `magflow serve` runs it; Chromium is Debian's, driven by playwright-core.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { OrdersQuerySchema } from '../../shared/ipc';
import { startBridgeServer } from '../../main/cli/serve';
import { ensureRendererBuilt } from '../../tests/e2e/buildRenderer';
import { CHROMIUM_PATH as CHROMIUM, HEADLESS_CHROMIUM_ARGS } from '../../tests/support/chromium';
import { fixtureDir, fixtureIsReady, openFixtureCore } from '../lib/fixtureCore';
import { emitRows, progress, type Row } from '../lib/report';
import { summarize } from '../lib/stats';

const LOADS = Number(process.env.BENCH_RENDERER_LOADS ?? 5);
const FILTER_CHANGES = 12;

/** Every .js file under a folder (the renderer's chunks), with its gzip size. */
function gzipJs(dir: string): { files: number; raw: number; gzip: number } {
  let files = 0;
  let raw = 0;
  let gzip = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const bytes = readFileSync(join(entry.parentPath, entry.name));
    files++;
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files, raw, gzip };
}

/** Set in every page before its scripts run: notes when the first order row enters the DOM (ms since navigation). */
const FIRST_ROW_PROBE = `
  window.__firstRowAt = null;
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-testid^="order-row-"]')) {
      window.__firstRowAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

/**
 * Runs in the page (as source text: the bench's TypeScript transform would add helpers the page lacks): sets the
 * status filter like a user would, then resolves with the ms until the first frame after the list's first row is the
 * newest order of that status (what the core answers for the same query).
 */
const TIME_FILTER_REDRAW = `async (value, expectedFirstRow) => {
  const select = document.querySelector('[data-testid="filter-status"]');
  const state = () => document.querySelector('[data-testid^="order-row-"]')?.getAttribute('data-testid') ?? '';
  const started = performance.now();
  Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set.call(select, value);
  select.dispatchEvent(new Event('change', { bubbles: true }));
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error('no redraw after filter ' + value)), 10000);
    const observer = new MutationObserver(() => check());
    const check = () => {
      if (state() !== expectedFirstRow) return;
      observer.disconnect();
      clearTimeout(timeout);
      requestAnimationFrame(() =>
        setTimeout(() => {
          const total = performance.now() - started;
          const calls = performance.getEntriesByType('resource')
            .filter((e) => e.name.includes('/api/invoke/orders.list') && e.startTime >= started)
            .map((e) => (e.startTime - started).toFixed(0) + '→' + (e.responseEnd - started).toFixed(0));
          resolve({ total, calls: calls.join(' ') });
        }, 0),
      );
    };
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    check();
  });
}`;

/** Where the time to the first rows went: document and script load, then each IPC call (start → end, ms). */
const LOAD_BREAKDOWN = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const calls = performance.getEntriesByType('resource')
    .filter((e) => e.name.includes('/api/invoke/'))
    .map((e) => decodeURIComponent(e.name.split('/api/invoke/')[1].split('?')[0]) + ' ' + e.startTime.toFixed(0) + '→' + e.responseEnd.toFixed(0));
  return 'DOMContentLoaded ' + nav.domContentLoadedEventEnd.toFixed(0) + ' ms; ' + calls.join(', ');
})()`;

async function main(): Promise<void> {
  if (!fixtureIsReady()) throw new Error('the 100,000-order fixture is missing: run the "local" section first');
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set MAGFLOW_CHROMIUM)`);
  progress('building the renderer if it is missing or stale…');
  const staticDir = await ensureRendererBuilt();
  const bundle = gzipJs(staticDir);
  progress(
    `${bundle.files} JS files, ${(bundle.raw / 1024).toFixed(0)} KB raw, ${(bundle.gzip / 1024).toFixed(0)} KB gzip`,
  );

  const { core } = await openFixtureCore(fixtureDir());
  const bridge = await startBridgeServer({ dispatcher: core.dispatcher, bus: core.bus, staticDir, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...HEADLESS_CHROMIUM_ARGS] });
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
    await context.addInitScript(FIRST_ROW_PROBE);
    const url = new URL(bridge.url);
    url.hash = '#/orders';

    const firstRows: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const page = await context.newPage();
      await page.goto(url.toString());
      await page.locator('[data-testid^="order-row-"]').first().waitFor({ timeout: 30_000 });
      firstRows.push(Number(await page.evaluate('window.__firstRowAt')));
      if (i === LOADS - 1) progress(`last load: ${String(await page.evaluate(LOAD_BREAKDOWN))}`);
      if (i < LOADS - 1) await page.close();
    }
    progress(`first order rows after ${firstRows.map((ms) => ms.toFixed(0)).join(', ')} ms`);

    // Filter changes on the last page: all → each status → all ..., timed in the page from the change event to the
    // first frame painted after the list shows the new result.
    const page = context.pages().at(-1)!;
    const sequence = ['1', '4', '', '2', '3', '0', '5', '', '4', '1', '', '3'].slice(0, FILTER_CHANGES);
    const redraws: number[] = [];
    const callTimes: string[] = [];
    for (const value of sequence) {
      const newest = core.repos.orders.list(
        OrdersQuerySchema.parse({ statuses: value === '' ? undefined : [Number(value)], limit: 1 }),
      ).rows[0]!;
      const expected = `order-row-${newest.accountId}-${newest.id}`;
      const result = (await page.evaluate(
        `(${TIME_FILTER_REDRAW})(${JSON.stringify(value)}, ${JSON.stringify(expected)})`,
      )) as { total: number; calls: string };
      redraws.push(result.total);
      callTimes.push(`${result.total.toFixed(0)} (orders.list ${result.calls})`);
      await page.waitForTimeout(150);
    }
    progress(`filter redraws, ms (and the orders.list calls within them): ${callTimes.join(', ')}`);

    const rows: Row[] = [
      {
        section: '8',
        metric: 'renderer JS bundle (gzip)',
        unit: 'KB',
        value: bundle.gzip / 1024,
        target: { op: '<', value: 400 },
        note: `${bundle.files} files in out/renderer, ${(bundle.raw / 1024).toFixed(0)} KB before gzip (level 9)`,
      },
      {
        section: '8',
        metric: 'navigation → first order rows visible (100k orders)',
        unit: 'ms',
        value: summarize(firstRows),
        target: { op: '<', value: 500 },
        note: 'headless Chromium via the CLI bridge (HTTP on 127.0.0.1) on the §4 fixture',
      },
      {
        section: '8',
        metric: 'status filter change → list redrawn',
        unit: 'ms',
        value: summarize(redraws),
        target: { op: '<', value: 100 },
      },
    ];
    emitRows(rows);
  } finally {
    await browser.close();
    await bridge.close();
    await core.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
