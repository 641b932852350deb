// main/index.ts, the one file that imports electron, loaded with a fake `electron` module: it registers the app
// scheme and Chromium's language before ready, starts the shell in demo mode by default, and quits cleanly.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { AppInfo } from '../../shared/views';
import type { IpcResult } from '../../shared/ipc';
import type { FakeElectron } from './fakeElectron';

const state = vi.hoisted(() => ({
  fake: null as FakeElectron | null,
  dir: '',
  schemes: [] as unknown[],
  userModelIds: [] as string[],
  logged: [] as { level: string; data: unknown[] }[],
}));

vi.mock('electron', async () => {
  const { mkdtempSync, mkdirSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { createFakeElectron } = await import('./fakeElectron');
  state.dir = mkdtempSync(join(tmpdir(), 'magflow-entry-'));
  mkdirSync(join(state.dir, 'userData'));
  const fake = createFakeElectron({ userData: join(state.dir, 'userData'), logs: join(state.dir, 'logs') });
  state.fake = fake;
  const app = Object.assign(fake.app, {
    setAppUserModelId: (id: string) => void state.userModelIds.push(id),
  });
  return {
    app,
    BrowserWindow: function BrowserWindow(spec: Parameters<FakeElectron['createWindow']>[0]) {
      return fake.createWindow(spec);
    },
    Tray: function Tray(path: string) {
      return fake.createTray(path);
    },
    Menu: fake.menu,
    Notification: Object.assign(
      function Notification(spec: Parameters<FakeElectron['notifications']['create']>[0]) {
        return fake.notifications.create(spec);
      },
      { isSupported: () => true },
    ),
    nativeImage: fake.images,
    net: fake.net,
    powerMonitor: fake.powerMonitor,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void state.schemes.push(...schemes),
      handle: fake.protocol.handle,
    },
    safeStorage: fake.safe,
    screen: fake.screen,
    session: { defaultSession: fake.session() },
    shell: fake.shell,
    ipcMain: fake.ipc,
    dialog: fake.dialog,
  };
});

vi.mock('electron-log/main', () => {
  const hooks: ((message: { data: unknown[] }) => { data: unknown[] } | false)[] = [];
  const write =
    (level: string) =>
    (...data: unknown[]) => {
      let message: { data: unknown[] } | false = { data };
      for (const hook of hooks) if (message) message = hook(message);
      if (message) state.logged.push({ level, data: message.data });
    };
  const log = {
    transports: {
      file: { level: 'silly', maxSize: 0, resolvePathFn: () => '', archiveLogFn: () => undefined },
      console: { level: 'silly' },
    },
    hooks,
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    errorHandler: { startCatching: () => undefined },
  };
  return { default: log };
});

describe('main/index.ts', () => {
  afterAll(() => {
    if (state.dir) rmSync(state.dir, { recursive: true, force: true });
  });

  it('starts MagFlow in demo mode through the real composition, then quits cleanly', async () => {
    await import('../../main/index');
    const fake = state.fake!;
    // Before ready: the scheme is registered and nothing else has happened yet.
    expect(state.schemes).toEqual([
      { scheme: 'magflow', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    expect(fake.windows).toHaveLength(0);
    // Chromium's date/time inputs in the seller's language (Romanian on a first start).
    expect(fake.app.switches).toEqual([{ name: 'lang', value: 'ro-RO', beforeReady: true }]);

    fake.app.ready();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1), { timeout: 20_000 });
    const window = fake.window();
    expect(window.loadedUrl).toBe('magflow://app/index.html');
    expect(window.spec.webPreferences.preload.replace(/\\/g, '/')).toMatch(/preload\/index\.js$/);
    expect(window.title).toBe('MagFlow — demo');
    const info = (await fake.ipc.invoke('magflow:app.info', 'magflow://app/index.html')) as IpcResult<AppInfo>;
    expect(info).toMatchObject({ ok: true, value: { demo: true, runtime: 'electron' } });
    expect(
      fake
        .tray()
        .labels()
        .filter((l) => l.startsWith('Demo ')),
    ).toHaveLength(2);
    expect(state.logged.some((l) => l.level === 'info' && l.data[0] === 'MagFlow started')).toBe(true);

    fake.tray().clickItem('quit');
    await vi.waitFor(() => expect(fake.app.exitCode).toBe(0), { timeout: 20_000 });
    expect(state.logged.some((l) => l.data[0] === 'MagFlow stopped cleanly')).toBe(true);
  }, 60_000);
});
