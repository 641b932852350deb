// The built app (out/main, out/preload, out/renderer), started for real in the desktop harness as a new seller would
// start it: no account, a fresh home folder. One app process runs through the day in order: first start in demo
// mode, the page's boundaries, a new order's notification, the tray's Sync now, links and navigation, closing to
// the tray, a second launch, and a quit in the middle of a sync. Every step asserts the journal of what the app asked
// of Electron, and takes screenshots (test-results/desktop/) that were looked at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DesktopApp } from './harness/client';
import type { JournalEntry } from './harness/journal';
import { demoControl, eventually, invokeInPage, sleep, syncRuns } from './harness/scenario';

const APP_URL = 'magflow://app/index.html';

describe('the built desktop app, run for real', () => {
  let app: DesktopApp;
  let control: Awaited<ReturnType<typeof demoControl>>;

  const kinds = (entries: JournalEntry[]) =>
    entries.map((e) => (e.kind === 'app.event' ? `app:${String(e['name'])}` : e.kind));
  const windowState = async () =>
    (await app.command<{ windows: { visible: boolean; focused: boolean; title: string; url: string }[] }>('state'))
      .windows[0]!;
  const badge = () => app.entries('app.setBadgeCount').at(-1)?.['count'] as number;

  beforeAll(async () => {
    app = DesktopApp.launch();
    await app.waitFor('webContents.did-finish-load', () => true, 60_000);
    control = await demoControl(app);
    // The demo's live stream would add orders at random moments; this suite adds its own.
    await control('POST', '/stream', { everySec: 0 });
  });

  afterAll(async () => {
    await app?.dispose({ removeHome: true });
  });

  it('first start with no account: demo mode, a secure window with the demo banner, the orders visible', async () => {
    const journal = app.journal();
    // Before ready only what Electron allows then; the window after ready, on the app's own scheme.
    const order = kinds(journal);
    expect(order.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(order.indexOf('app:ready'));
    expect(order.indexOf('app:ready')).toBeLessThan(order.indexOf('window.created'));
    expect(app.entries('main.uncaught-exception')).toEqual([]);
    expect(app.entries('webContents.preload-error')).toEqual([]);
    const created = app.entries('window.created')[0]!;
    expect(created['options']).toMatchObject({
      show: false,
      title: 'MagFlow — demo',
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
    });
    expect(app.entries('webContents.loadURL')[0]).toMatchObject({ url: APP_URL });
    // The packaged app's menu: none on Linux (Electron's default has Reload and Toggle Developer Tools).
    expect(app.entries('menu.default')).toHaveLength(1);
    expect(app.entries('menu.setApplicationMenu').at(-1)).toMatchObject({ menu: null });
    expect(app.entries('tray.created')[0]).toMatchObject({ image: { empty: false } });
    expect(app.entries('tray.setToolTip').at(-1)!['toolTip']).toMatch(/^MagFlow \(demo\)\n/);
    expect(app.entries('contextBridge.exposeInMainWorld')).toEqual([
      expect.objectContaining({ key: 'magflow', shape: { invoke: 'function', onEvent: 'function' } }),
    ]);

    await app.command('page.waitFor', { selector: '[data-testid="demo-banner"]' });
    // The first import of both demo accounts completes (until then new orders are not announced one by one).
    await eventually(
      'both demo accounts imported',
      async () => {
        const feed = await invokeInPage<{ rows: { kind: string; accountId: number | null }[] }>(
          app,
          'notifications.list',
          {},
        );
        const imported = new Set(
          feed.ok ? feed.value.rows.filter((n) => n.kind === 'orders_imported').map((n) => n.accountId) : [],
        );
        return imported.size === 2;
      },
      45_000,
    );
    expect(app.entries('notification.show')).toEqual([]); // an import is summed up in the window, not popped up
    // Run like `electron .`, not packaged: updates are off in development and nothing asks a feed.
    expect(await invokeInPage(app, 'updates.status')).toMatchObject({
      ok: true,
      value: { state: 'disabled', disabledReason: 'development' },
    });
    expect(app.entries('net.request')).toEqual([]);
    // The dashboard follows: it asks for its figures again after the import.
    const imported = app.lastSeq();
    await app.waitForNext('ipc.invoke', imported, (e) => e['channel'] === 'magflow:dashboard.get');
    await sleep(500);
    const state = await windowState();
    // The app's own page; the window may already have put its start screen in the hash (#/today when there is work).
    expect(state).toMatchObject({ visible: true, title: 'MagFlow — demo' });
    expect(state.url).toMatch(/^magflow:\/\/app\/index\.html(#\/[a-z]+)?$/);
    // Electron copies the page's <title> to the window unless the app prevents it: MagFlow keeps its own.
    expect(app.entries('window.page-title-updated')).toEqual([expect.objectContaining({ prevented: true })]);
    await app.screenshot('01-first-start-dashboard');

    await app.command('page.click', { selector: '[data-testid="nav-orders"]' });
    await eventually('the orders table to fill', () =>
      app.evaluate<number>('document.querySelectorAll(\'[data-testid^="order-row-"]\').length').then((n) => n > 10),
    );
    expect(await app.evaluate<string>('document.querySelector(\'[data-testid="demo-banner"]\').textContent')).toContain(
      'Mod demonstrativ',
    );
    await app.screenshot('02-first-start-orders');
  });

  it('the page reaches only what the preload exposed, by copy, under the CSP of the protocol handler', async () => {
    const globals = await app.evaluate<Record<string, unknown>>(`({
      require: typeof require, process: typeof process, ipcRenderer: typeof ipcRenderer, electron: typeof electron,
      keys: Object.keys(window.magflow).sort(), frozen: Object.isFrozen(window.magflow),
      writable: Object.getOwnPropertyDescriptor(window, 'magflow').writable,
    })`);
    expect(globals).toEqual({
      require: 'undefined',
      process: 'undefined',
      ipcRenderer: 'undefined',
      electron: 'undefined',
      keys: ['invoke', 'onEvent'],
      frozen: true,
      writable: false,
    });
    const info = await invokeInPage<{ demo: boolean; runtime: string }>(app, 'app.info');
    expect(info).toMatchObject({ ok: true, value: { demo: true, runtime: 'electron' } });
    // A reply is a copy: changing it changes nothing on the other side.
    const copied = await app.evaluate<boolean>(`(async () => {
      const a = await window.magflow.invoke('settings.get');
      a.value.language = 'xx';
      const b = await window.magflow.invoke('settings.get');
      return b.value.language === 'ro';
    })()`);
    expect(copied).toBe(true);
    // Arguments go through the structured clone: a function cannot reach main.
    const refused = await app.evaluate<string>(
      `window.magflow.invoke('orders.list', { sort: () => 1 }).then(() => 'sent', (e) => e.message)`,
    );
    expect(refused).toBe('An object could not be cloned.');
    // Every call reached ipcMain from the page's own URL (with the screen in its hash).
    const frames = new Set(app.entries('ipc.invoke').map((e) => String(e['frame']).split('#')[0]));
    expect([...frames]).toEqual([APP_URL]);
    // The CSP comes from the magflow:// handler, and Chromium enforces it: no inline script, no outside image.
    const csp = await app.evaluate<{
      header: string | null;
      inline: string | undefined;
      violations: string[];
    }>(`(async () => {
      const violations = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      const header = (await fetch('/index.html')).headers.get('content-security-policy');
      const script = document.createElement('script');
      script.textContent = 'window.__injected = "ran"';
      document.body.appendChild(script);
      const img = document.createElement('img');
      img.src = 'https://evil.example/pixel.png';
      document.body.appendChild(img);
      await new Promise((r) => setTimeout(r, 300));
      return { header, inline: window.__injected, violations };
    })()`);
    expect(csp.header).toContain("script-src 'self'");
    expect(csp.inline).toBeUndefined();
    expect(csp.violations).toEqual(expect.arrayContaining(['script-src-elem', 'img-src']));
    // The violations reached the app's log through console-message.
    expect(
      app.entries('webContents.console-message', (e) => /Content Security Policy/.test(String(e['message']))),
    ).not.toEqual([]);
  });

  it('a new demo order: exactly one OS notification; clicking it shows that order', async () => {
    const before = app.lastSeq();
    const added = (await control('POST', '/orders', { account: 'demo-main', count: 1 })) as {
      orders: { id: number }[];
    };
    const orderId = added.orders[0]!.id;
    // The window's "Sync now" (what a seller clicks); the new-orders job finds it.
    expect(await invokeInPage(app, 'sync.now', { job: 'new-orders' })).toMatchObject({ ok: true });
    const shown = await app.waitForNext('notification.show', before, (e) => String(e['title']).includes(`#${orderId}`));
    expect(shown['title']).toMatch(new RegExp(`^Comandă nouă #${orderId} · [\\d.]+,\\d\\d RON$`));
    await sleep(2_500); // past the 1.5 s in which several new orders become one summary
    expect(app.entries('notification.show', (e) => e.seq > before)).toHaveLength(1);

    // The window is closed (hidden in the tray) when the seller clicks the notification.
    await app.command('window.userClose');
    expect((await windowState()).visible).toBe(false);
    const beforeClick = app.lastSeq();
    await app.command('notification.click', { id: shown['id'] });
    await app.waitForNext('window.show', beforeClick);
    await app.command('page.waitFor', { selector: '[data-testid="screen-order"]' });
    const hash = await app.evaluate<string>('location.hash');
    expect(hash).toMatch(new RegExp(`^#/order/\\d+/${orderId}$`));
    expect(await windowState()).toMatchObject({ visible: true, focused: true });
    await app.screenshot('03-notification-click-order');
  });

  it('tray "Sync now": a sync run is recorded, the tray shows syncing then OK, the badge counts the new orders', async () => {
    expect(await invokeInPage(app, 'settings.update', { autoAcknowledge: false })).toMatchObject({ ok: true });
    await sleep(1_000); // any acknowledgement already under way settles
    const badgeBefore = badge();
    await control('POST', '/orders', { account: 'demo-fbe', count: 2 });
    const before = app.lastSeq();
    const startedAt = new Date().toISOString();
    await app.command('tray.clickItem', { item: 'sync-now' });
    const syncing = await app.waitForNext('tray.setImage', before, (e) =>
      String((e['image'] as { source: string }).source).endsWith('tray-syncing.png'),
    );
    await app.waitForNext('tray.setImage', syncing.seq, (e) =>
      String((e['image'] as { source: string }).source).endsWith('tray-ok.png'),
    );
    await eventually('the badge to count two more new orders', () => badge() === badgeBefore + 2);
    await eventually('the tooltip to say so', () =>
      String(app.entries('tray.setToolTip').at(-1)!['toolTip']).includes(`${badgeBefore + 2} comenzi noi`),
    );
    const runs = await eventually('the manual runs to finish', () => {
      const rows = syncRuns(app, `mode = 'manual' AND started_at >= '${startedAt}'`);
      return rows.length > 0 && rows.every((r) => r.status !== 'running') ? rows : undefined;
    });
    expect(runs.every((r) => r.status === 'completed')).toBe(true);
    expect(runs.find((r) => r.job === 'new-orders' && r.created === 2)).toBeDefined();
    const menu = app.entries('tray.setContextMenu').at(-1)!['menu'] as { label: string }[];
    expect(menu.map((i) => i.label)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Demo FBE: în regulă · \d\d:\d\d$/)]),
    );
    await app.command('page.click', { selector: '[data-testid="nav-dashboard"]' });
    await sleep(500);
    await app.screenshot('04-after-tray-sync-now');
  });

  it('the page cannot navigate away or open windows; eMAG links open in the browser, nothing else does', async () => {
    const before = app.lastSeq();
    await app.evaluate(`location.href = 'https://evil.example/phish'`);
    await app.waitForNext('webContents.will-navigate', before, (e) => e['url'] === 'https://evil.example/phish');
    await app.evaluate(`void window.open('https://evil.example/popup')`);
    await app.waitForNext('webContents.window-open', before, (e) => e['url'] === 'https://evil.example/popup');
    await app.evaluate(`(() => {
      const a = document.createElement('a');
      a.href = 'https://marketplace.emag.ro/order/list';
      a.textContent = 'eMAG';
      document.body.appendChild(a);
      a.click();
    })()`);
    await app.waitForNext(
      'webContents.will-navigate',
      before,
      (e) => e['url'] === 'https://marketplace.emag.ro/order/list',
    );
    await app.evaluate(`void window.open('https://www.emag.ro/telefon/pd/D1/')`);
    await app.waitForNext('webContents.window-open', before, (e) => e['url'] === 'https://www.emag.ro/telefon/pd/D1/');
    const viaIpc = await invokeInPage<{ opened: boolean }>(app, 'app.openExternal', {
      url: 'https://evil.example/doc.pdf',
    });
    expect(viaIpc).toEqual({ ok: true, value: { opened: false } });
    const allowed = await invokeInPage<{ opened: boolean }>(app, 'app.openExternal', {
      url: 'https://marketplace.emag.ro/order/details/1',
    });
    expect(allowed).toEqual({ ok: true, value: { opened: true } });
    await sleep(500);

    const since = (kind: string) => app.entries(kind, (e) => e.seq > before);
    expect(since('webContents.will-navigate').every((e) => e['prevented'] === true)).toBe(true);
    expect(since('webContents.window-open').map((e) => e['action'])).toEqual(['deny', 'deny']);
    expect(since('shell.openExternal').map((e) => e['url'])).toEqual([
      'https://marketplace.emag.ro/order/list',
      'https://www.emag.ro/telefon/pd/D1/',
      'https://marketplace.emag.ro/order/details/1',
    ]);
    expect((await windowState()).url).toMatch(/^magflow:\/\/app\/index\.html/);
    expect(await app.evaluate<string>('location.origin')).toMatch(/^http:\/\/127\.0\.0\.1:/); // the loopback mapping
    await app.screenshot('05-after-blocked-navigation');
  });

  it('closing the window leaves MagFlow in the tray; a second launch focuses the first window and exits', async () => {
    const before = app.lastSeq();
    await app.command('window.userClose');
    expect(app.entries('window.close', (e) => e.seq > before)).toEqual([expect.objectContaining({ prevented: true })]);
    expect(app.entries('window.hide', (e) => e.seq > before)).toHaveLength(1);
    expect(app.entries('window.closed')).toEqual([]);
    expect(app.entries('app.event', (e) => e['name'] === 'window-all-closed')).toEqual([]);
    expect((await windowState()).visible).toBe(false);
    await sleep(1_000);
    expect(app.entries('tray.destroy')).toEqual([]);
    expect(app.entries('process.exit')).toEqual([]);

    const second = DesktopApp.launch({ home: app.home, args: ['--from-second-launch'] });
    try {
      const exit = await second.exited;
      expect(exit.code).toBe(0);
      expect(second.entries('app.requestSingleInstanceLock')).toEqual([expect.objectContaining({ granted: false })]);
      expect(second.entries('window.created')).toEqual([]);
      expect(second.entries('chromium.launched')).toEqual([]);
    } finally {
      await second.dispose();
    }
    const heard = await app.waitForNext('app.event', before, (e) => e['name'] === 'second-instance');
    await app.waitForNext('window.show', heard.seq);
    expect(app.entries('app.focus', (e) => e.seq > heard.seq)).toEqual([expect.objectContaining({ steal: true })]);
    expect(await windowState()).toMatchObject({ visible: true, focused: true });
    await app.screenshot('06-second-launch-focused');
  });

  it('quit while a sync is running: the app exits within 10 s and the run is recorded as interrupted', async () => {
    await control('POST', '/faults', [{ kind: 'slow', route: 'order', delayMs: 120_000 }]);
    const startedAt = new Date().toISOString();
    const before = app.lastSeq();
    await app.command('tray.clickItem', { item: 'sync-now' });
    await app.waitForNext('tray.setImage', before, (e) =>
      String((e['image'] as { source: string }).source).endsWith('tray-syncing.png'),
    );
    const running = await eventually('a run hanging on eMAG', () => {
      const rows = syncRuns(app, `status = 'running' AND started_at >= '${startedAt}'`);
      return rows.length > 0 ? rows : undefined;
    });
    await sleep(500);
    const quitAt = Date.now();
    const quitSeq = app.lastSeq();
    await app.command('tray.clickItem', { item: 'quit' });
    const exit = await app.exited;
    expect(exit.code).toBe(0);
    expect(exit.at - quitAt).toBeLessThan(10_000);

    // Electron's order: before-quit, the window really closes (not hidden), will-quit held while the core stops,
    // then quit again straight through.
    const order = kinds(app.journal().filter((e) => e.seq > quitSeq)).filter((k) =>
      ['app:before-quit', 'window.closed', 'app:will-quit', 'app.event-prevented', 'app:quit', 'process.exit'].includes(
        k,
      ),
    );
    expect(order).toEqual([
      'app:before-quit',
      'window.closed',
      'app:will-quit',
      'app.event-prevented',
      'app:before-quit',
      'app:will-quit',
      'app:quit',
      'process.exit',
    ]);
    const after = syncRuns(app, `id IN (${running.map((r) => r.id).join(',')})`);
    expect(after.map((r) => [r.status, r.error_kind])).toEqual(running.map(() => ['cancelled', 'cancelled']));
    expect(syncRuns(app, `status = 'running'`)).toEqual([]);
  });
});
