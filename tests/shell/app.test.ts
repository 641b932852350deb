// The assembled desktop shell over the real core, driven through the fake electron: single instance, window,
// tray, IPC, notifications, badge, demo mode, login item, secrets and a clean quit.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../../main/core/logging';
import { DATABASE_FILE } from '../../main/core/magflow';
import { startShell, type RunningShell, type ShellOptions } from '../../main/shell/app';
import { SECRETS_FILE } from '../../main/shell/secrets';
import { CHANNEL_NAMES, EVENT_CHANNEL, type IpcResult } from '../../shared/ipc';
import type { AppInfo } from '../../shared/views';
import { createFakeElectron, preventable, type FakeElectron } from './fakeElectron';
import { testShellOptions } from './shellSetup';

const APP_URL = 'magflow://app/index.html';

describe('desktop shell', () => {
  let dir = '';
  let fake: FakeElectron | null = null;
  let shell: RunningShell | null = null;

  afterEach(async () => {
    // Quit like the seller would, so the core (scheduler, sandbox, database) is always stopped.
    if (fake && shell && fake.app.exitCode === null) {
      fake.app.quit();
      await vi.waitFor(() => expect(fake!.app.exitCode).toBe(0), { timeout: 20_000 });
    }
    fake = null;
    shell = null;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function start(options: Partial<ShellOptions> = {}, prepare?: (fake: FakeElectron) => void) {
    dir = mkdtempSync(join(tmpdir(), 'magflow-shell-'));
    fake = createFakeElectron({ userData: join(dir, 'userData'), logs: join(dir, 'logs') });
    mkdirSync(join(dir, 'userData'));
    prepare?.(fake);
    const logger = createMemoryLogger();
    const handle = startShell(fake, { ...testShellOptions(dir, logger), ...options });
    fake.app.ready();
    shell = await handle.ready;
    return { fake, shell, handle, logger };
  }

  const invoke = async <T>(f: FakeElectron, channel: string, input?: unknown) =>
    (await f.ipc.invoke(`magflow:${channel}`, APP_URL, input)) as IpcResult<T>;

  it('a second copy cannot take the single-instance lock: it quits without a window or a core', async () => {
    const { handle, fake: f } = await start({}, (f) => (f.app.lockAvailable = false));
    expect(handle.primary).toBe(false);
    expect(shell).toBeNull();
    expect(f.app.quitCalls).toBe(1);
    expect(f.windows).toHaveLength(0);
    expect(f.ipc.handlers.size).toBe(0);
  });

  it('a core that cannot start is explained in an error box, closed again, and the app exits with 1', async () => {
    const { createMagflowCore } = await import('../../main/core/magflow');
    let created: Awaited<ReturnType<typeof createMagflowCore>> | null = null;
    const { handle, fake: f } = await start({
      createCore: async (options) => {
        created = await createMagflowCore(options);
        created.start = () => Promise.reject(new Error('This database was written by a newer MagFlow'));
        return created;
      },
    }).catch(() => ({ handle: null, fake: fake! }));
    expect(handle).toBeNull();
    await vi.waitFor(() => expect(f.app.exitCode).toBe(1));
    expect(f.errorBoxes).toEqual([
      { title: 'MagFlow', content: expect.stringContaining('This database was written by a newer MagFlow') },
    ]);
    expect(created!.db.open).toBe(false);
    expect(f.windows).toHaveLength(0);
  });

  it('starts: secure window on the app scheme, tray, every IPC channel, CSP and permission rules', async () => {
    const { fake: f } = await start();
    expect(f.windows).toHaveLength(1);
    const window = f.window();
    expect(window.spec.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(window.loadedUrl).toBe(APP_URL);
    expect(window.visible).toBe(true);
    expect(f.tray().images[0]).toBe(join('/app/resources', 'tray-ok.png'));
    expect(f.tray().labels()).toContain('Deschide MagFlow');
    expect(f.ipc.handlers.size).toBe(CHANNEL_NAMES.length);
    expect(f.protocolHandlers.has('magflow')).toBe(true);
    const page = await f.protocolHandlers.get('magflow')!(new Request(APP_URL));
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(f.fakeSession.askPermission('media')).toBe(false);
    expect(window.webContents.navigate('https://example.com/')).toBe(false);
  });

  it('a second launch shows and focuses the hidden window; closing the window keeps the app running', async () => {
    const { fake: f } = await start();
    const window = f.window();
    expect(window.close()).toBe(false); // hidden, not closed
    expect(window.visible).toBe(false);
    expect(f.app.exitCode).toBeNull();
    expect(f.tray().destroyed).toBe(false);
    f.app.emit('window-all-closed');
    expect(f.app.quitCalls).toBe(0);

    f.app.secondInstance(['magflow', '--whatever']);
    expect(window.visible).toBe(true);
    expect(window.focused).toBeGreaterThan(0);
    expect(f.app.focusCalls).toBe(1);
    expect(f.windows).toHaveLength(1);
  });

  it('IPC goes through the dispatcher: malformed input is rejected, valid calls answer from the core', async () => {
    const { fake: f } = await start();
    const bad = await invoke(f, 'orders.get', { accountId: -1, orderId: 'x' });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'validation' } });
    const info = await invoke<AppInfo>(f, 'app.info');
    expect(info).toMatchObject({ ok: true, value: { runtime: 'electron', version: '1.2.3', demo: false } });
    const opened = await invoke<{ opened: boolean }>(f, 'app.openExternal', { url: 'https://evil.example.com/' });
    expect(opened).toEqual({ ok: true, value: { opened: false } });
    await invoke(f, 'app.openExternal', { url: 'https://marketplace.emag.ro/order/list' });
    expect(f.openedExternal).toEqual(['https://marketplace.emag.ro/order/list']);
  });

  it('a new order pops a notification; clicking it shows the window on that order', async () => {
    const { fake: f, shell: s } = await start();
    const window = f.window();
    window.webContents.finishLoad();
    window.hide();
    s!.core.bus.emit({
      type: 'order_new',
      accountId: 3,
      account: 'Shop',
      orderId: 555,
      totalMinor: 1999,
      currency: 'RON',
      customerName: 'Ana',
      firstProduct: 'Cană',
    });
    s!.notifier.flush();
    expect(f.notificationsShown).toHaveLength(1);
    expect(f.notificationsShown[0]!.spec).toMatchObject({
      title: 'Comandă nouă #555 · 19,99 RON',
      body: 'Ana · Cană\nShop',
    });
    f.notificationsShown[0]!.click();
    expect(window.visible).toBe(true);
    const navigations = window.webContents.sent.filter(
      (m) => m.channel === EVENT_CHANNEL && (m.args[0] as { type: string }).type === 'navigate',
    );
    expect(navigations.map((m) => m.args[0])).toEqual([
      { type: 'navigate', to: { screen: 'order', accountId: 3, orderId: 555 } },
    ]);
  });

  it('a navigation for a window still loading is sent once the page has loaded', async () => {
    const { fake: f, shell: s } = await start({}, undefined);
    const window = f.window();
    s!.openAt({ screen: 'notifications' });
    const navigate = () => window.webContents.sent.filter((m) => (m.args[0] as { type: string }).type === 'navigate');
    expect(navigate()).toHaveLength(0);
    window.webContents.finishLoad();
    await vi.waitFor(() => expect(navigate()).toHaveLength(1));
  });

  it('starts hidden in the tray with --hidden; the tray opens the window', async () => {
    const { fake: f } = await start({ argv: ['magflow', '--hidden'] });
    expect(f.windows).toHaveLength(0);
    f.tray().clickItem('open');
    expect(f.windows).toHaveLength(1);
    expect(f.window().visible).toBe(true);
  });

  it('tray: Sync now asks the scheduler, Pause/Resume toggles it, logs folder opens', async () => {
    const { fake: f, shell: s } = await start();
    const syncNow = vi.spyOn(s!.core.scheduler, 'syncNow');
    f.tray().clickItem('pause');
    expect(s!.core.scheduler.isPaused()).toBe(true);
    expect(f.tray().images.at(-1)).toBe(join('/app/resources', 'tray-paused.png'));
    f.tray().clickItem('pause');
    expect(s!.core.scheduler.isPaused()).toBe(false);
    // No account yet: Sync now is greyed out; the scheduler is asked once there is one (below, in demo mode).
    expect(f.tray().item('sync-now').enabled).toBe(false);
    expect(syncNow).not.toHaveBeenCalled();
    f.tray().clickItem('logs');
    expect(f.openedPaths).toEqual([join(dir, 'logs')]);
  });

  it('launch at login follows the setting (macOS, Windows)', async () => {
    const { fake: f } = await start({ platform: 'darwin' });
    expect(f.app.loginItems).toEqual([{ openAtLogin: false }]);
    const updated = await invoke(f, 'settings.update', { launchAtLogin: true });
    expect(updated.ok).toBe(true);
    expect(f.app.loginItems.at(-1)).toEqual({ openAtLogin: true });
  });

  it('macOS 13+ started at login (wasOpenedAtLogin, no arguments): starts in the tray', async () => {
    const { fake: f } = await start({ platform: 'darwin', argv: ['MagFlow'] }, (f) => (f.app.openedAtLogin = true));
    expect(f.windows).toHaveLength(0);
    f.tray().clickItem('open');
    expect(f.window().visible).toBe(true);
  });

  it('an account password is stored only through safeStorage, never in the database or in plain text', async () => {
    const { fake: f } = await start();
    const password = 'Real-Pa55word-xyz';
    const saved = await invoke(f, 'accounts.save', {
      name: 'Magazinul meu',
      platform: 'emag-ro',
      kind: 'main',
      username: 'seller@example.ro',
      password,
      enabled: false,
    });
    expect(saved.ok).toBe(true);
    expect(f.safe.calls).toEqual([{ method: 'encryptString', value: password }]);
    const secrets = readFileSync(join(dir, 'userData', SECRETS_FILE), 'utf8');
    expect(secrets).not.toContain(password);
    expect(readFileSync(join(dir, 'userData', DATABASE_FILE)).includes(password)).toBe(false);
    expect(f.dialogs).toEqual([]);
  });

  it('without OS encryption the seller is asked (a box on the window, not blocking the call) before a password is stored in the weaker form', async () => {
    const { fake: f, shell: s } = await start({}, (f) => {
      f.safe.available = false;
      f.dialogAnswer = null; // the seller has not answered yet
    });
    const saved = await invoke(f, 'accounts.save', {
      name: 'Magazin',
      platform: 'emag-ro',
      kind: 'main',
      username: 'u',
      password: 'Another-Pa55word',
      enabled: false,
    });
    // The call answered while the question is still open: the main process never waited for the seller.
    expect(saved.ok).toBe(true);
    expect(f.dialogs).toHaveLength(1);
    expect(f.dialogs[0]!.type).toBe('warning');
    expect(f.dialogParents[0]).toBe(f.window());
    expect(s!.core.repos.settings.get().unencryptedSecrets).toBe('ask');
    f.answerDialog(0); // "keep until I quit"
    await vi.waitFor(() => expect(s!.core.repos.settings.get().unencryptedSecrets).toBe('deny'));
    expect(s!.secrets.protection).toBe('memory');
  });

  it('demo mode by default: sandbox with two demo accounts, said in the title and tray; badge follows new orders', async () => {
    const { fake: f, shell: s } = await start(
      { demo: { seed: 5, ordersPerAccount: 15, offersPerAccount: 5, newOrderEverySec: 0 } },
      undefined,
    );
    const core = s!.core;
    expect(core.isDemo()).toBe(true);
    expect(f.window().title).toBe('MagFlow — demo');
    expect(f.tray().toolTip.split('\n')[0]).toBe('MagFlow (demo)');
    expect(f.dialogs).toEqual([]); // demo passwords are not secrets: never a question
    core.repos.settings.update({ autoAcknowledge: false });

    const syncNow = vi.spyOn(core.scheduler, 'syncNow');
    s!.tray.refresh();
    f.tray().clickItem('sync-now');
    expect(syncNow).toHaveBeenCalledTimes(1);
    expect(syncNow).toHaveBeenCalledWith();
    await syncNow.mock.results[0]!.value;
    expect(
      f
        .tray()
        .labels()
        .filter((l) => l.startsWith('Demo ')),
    ).toHaveLength(2);

    // The demo stream brings new orders: one notification each (here a burst, so one summary), and the badge count.
    // (What the first runs announced before, low stock and account-health limits of the demo data, is left aside.)
    f.notificationsShown.length = 0;
    core.demo()!.sandbox.addOrders('demo-main', 2);
    await core.scheduler.syncNow({ job: 'new-orders' });
    s!.notifier.flush();
    expect(f.notificationsShown.map((n) => n.spec.title)).toEqual([
      expect.stringMatching(/^Comandă nouă #\d+ · \d+,\d\d RON$/),
      expect.stringMatching(/^Comandă nouă #\d+ · \d+,\d\d RON$/),
    ]);
    expect(f.notificationsShown[0]!.spec.body).toMatch(/\nDemo MAIN$/);
    s!.badge.refresh();
    expect(f.app.badgeCounts.at(-1)).toBe(2);

    core.demo()!.sandbox.addOrders('demo-fbe', 5);
    await core.scheduler.syncNow({ job: 'new-orders' });
    s!.notifier.flush();
    expect(f.notificationsShown.at(-1)!.spec).toMatchObject({ title: '5 comenzi noi', body: 'Demo FBE: 5' });
    s!.badge.refresh();
    expect(f.app.badgeCounts.at(-1)).toBe(7);

    // A real account ends demo mode; the title and the tray say so.
    const saved = await invoke(f, 'accounts.save', {
      name: 'Magazinul meu',
      platform: 'emag-ro',
      kind: 'main',
      username: 'seller',
      password: 'Real-Pa55word',
      enabled: false,
    });
    expect(saved.ok).toBe(true);
    await vi.waitFor(() => expect(core.isDemo()).toBe(false));
    s!.tray.refresh();
    expect(f.window().title).toBe('MagFlow');
    expect(f.tray().toolTip.split('\n')[0]).toBe('MagFlow');
  }, 60_000);

  it('quit stops the scheduler and closes the database before the process exits', async () => {
    const { fake: f, shell: s } = await start();
    const stopScheduler = vi.spyOn(s!.core.scheduler, 'stop');
    f.tray().clickItem('quit');
    // Exit is held until the core has stopped.
    await vi.waitFor(() => expect(f.app.exitCode).toBe(0));
    expect(stopScheduler).toHaveBeenCalledWith({ abort: true });
    expect(s!.core.db.open).toBe(false);
    expect(f.tray().destroyed).toBe(true);
    expect(f.ipc.handlers.size).toBe(0);
    // The window closes for real now.
    expect(f.window().close()).toBe(true);
  });

  it('the packaged app replaces the default menu (Reload, DevTools) with none on Linux', async () => {
    const { fake: f } = await start();
    expect(f.applicationMenus).toEqual([null]);
  });

  it('a crashed renderer is reloaded (and logged)', async () => {
    const { fake: f, logger } = await start();
    f.window().webContents.gone('crashed', 11);
    expect(f.window().webContents.reloads).toBe(1);
    expect(logger.lines().some((l) => l.includes('renderer: process gone'))).toBe(true);
  });

  it('Windows log-off: the window closes instead of hiding and the core stops before the process ends', async () => {
    const { fake: f, shell: s } = await start({ platform: 'win32' });
    const window = f.window();
    window.emit('query-session-end');
    window.emit('session-end');
    await vi.waitFor(() => expect(f.app.exitCode).toBe(0));
    expect(s!.core.db.open).toBe(false);
    expect(window.close()).toBe(true); // the system closes it: not turned into a hide
  });

  it('system shutdown (Linux): delayed, and MagFlow quits cleanly', async () => {
    const { fake: f, shell: s } = await start();
    const event = preventable();
    f.powerMonitor.emit('shutdown', event);
    expect(event.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(f.app.exitCode).toBe(0));
    expect(s!.core.db.open).toBe(false);
  });
});
