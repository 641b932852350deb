// The window: secure webPreferences, navigation guards, CSP and permissions, the renderer scheme, remembered bounds,
// and closing it only hides it.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../main/core/logging';
import { resolveRendererFile, serveRendererRequest } from '../../main/shell/rendererProtocol';
import {
  contentSecurityPolicy,
  guardAllWebContents,
  hardenSession,
  isAllowedExternalUrl,
  isAppUrl,
  secureWebPreferences,
} from '../../main/shell/security';
import { mainWindow } from '../../main/shell/window';
import { initialBounds, loadWindowState, WINDOW_STATE_KEY, type StateStore } from '../../main/shell/windowState';
import { FakeApp, FakeWebContents, FakeWindow, fakeSession, type FakeElectron } from './fakeElectron';
import type { WindowSpec } from './fakeTypes';

function memoryState(initial: Record<string, string> = {}): StateStore & { values: Map<string, string> } {
  const values = new Map(Object.entries(initial));
  return { values, getValue: (k) => values.get(k), setValue: (k, v) => void values.set(k, v) };
}

function setup(state = memoryState(), displays = [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]) {
  const windows: FakeWindow[] = [];
  const opened: string[] = [];
  const logger = createMemoryLogger();
  let quitting = false;
  // The guards are the app's, for every webContents: the window's own get them when it is created.
  const app = new FakeApp({ userData: '/u', logs: '/l' });
  guardAllWebContents(app, {
    openExternal: (url) => void opened.push(url),
    onBlocked: (kind, url) => logger.warn('window: blocked', { kind, url }),
  });
  const controller = mainWindow({
    createWindow: (spec: WindowSpec) => {
      const w = new FakeWindow(spec);
      windows.push(w);
      app.emit('web-contents-created', {}, w.webContents);
      return w;
    },
    screen: { getAllDisplays: () => displays },
    state,
    logger,
    preloadPath: '/app/out/preload/index.js',
    url: 'magflow://app/index.html',
    title: 'MagFlow',
    isQuitting: () => quitting,
  });
  return { controller, windows, opened, logger, state, app, quit: () => (quitting = true) };
}

describe('the window', () => {
  it('is created isolated, sandboxed, without Node, with the preload, and loads the app page', () => {
    const { controller, windows } = setup();
    controller.show();
    expect(windows).toHaveLength(1);
    const prefs = windows[0]!.spec.webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(prefs).toEqual(secureWebPreferences('/app/out/preload/index.js'));
    expect(windows[0]!.loadedUrl).toBe('magflow://app/index.html');
    expect(windows[0]!.visible).toBe(true);
  });

  it('denies navigation to an outside URL and every new window; allow-listed eMAG links go to the browser', () => {
    const { controller, windows, opened, logger } = setup();
    controller.show();
    const contents = windows[0]!.webContents;
    expect(contents.navigate('https://evil.example.com/phish')).toBe(false);
    expect(contents.navigate('magflow://app/index.html')).toBe(false);
    expect(contents.open('https://evil.example.com/')).toEqual({ action: 'deny' });
    expect(opened).toEqual([]);
    expect(logger.lines().filter((l) => l.includes('blocked'))).toHaveLength(3);

    expect(contents.navigate('https://marketplace.emag.ro/order/list')).toBe(false);
    expect(contents.open('https://marketplace.emag.bg/')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://marketplace.emag.ro/order/list', 'https://marketplace.emag.bg/']);
  });

  it('every other webContents is guarded too (a devtools view, a window a later feature opens)', () => {
    const { app, opened } = setup();
    const other = new FakeWebContents();
    app.emit('web-contents-created', {}, other);
    expect(other.navigate('https://evil.example.com/')).toBe(false);
    expect(other.open('https://evil.example.com/')).toEqual({ action: 'deny' });
    expect(other.navigate('https://www.emag.ro/telefon/pd/D1/')).toBe(false);
    expect(opened).toEqual(['https://www.emag.ro/telefon/pd/D1/']);
  });

  it("keeps the shell's title: the page's <title> does not replace it", () => {
    const { controller, windows } = setup();
    controller.show();
    expect(windows[0]!.pageTitle('MagFlow')).toBe(true);
    expect(windows[0]!.title).toBe('MagFlow');
    controller.setTitle('MagFlow — demo');
    expect(windows[0]!.pageTitle('MagFlow')).toBe(true);
    expect(windows[0]!.title).toBe('MagFlow — demo');
  });

  it('closing hides it (MagFlow stays in the tray); when quitting it really closes', () => {
    const { controller, windows, quit } = setup();
    controller.show();
    expect(windows[0]!.close()).toBe(false);
    expect(windows[0]!.visible).toBe(false);
    expect(controller.current()).toBe(windows[0]);
    quit();
    expect(windows[0]!.close()).toBe(true);
    expect(controller.current()).toBeNull();
    controller.show();
    expect(windows).toHaveLength(2);
  });

  it('show() restores a minimized window and focuses it', () => {
    const { controller, windows } = setup();
    controller.show();
    windows[0]!.minimize();
    windows[0]!.hide();
    controller.show();
    expect(windows[0]!.minimized).toBe(false);
    expect(windows[0]!.visible).toBe(true);
    expect(windows[0]!.focused).toBe(2);
  });

  it('remembers its size and position, and ignores a position no screen shows any more', () => {
    const state = memoryState();
    const first = setup(state);
    first.controller.show();
    first.windows[0]!.moveTo({ x: 300, y: 200, width: 1000, height: 700 });
    first.quit();
    first.windows[0]!.close(); // saved at once on close
    expect(loadWindowState(state)).toEqual({ x: 300, y: 200, width: 1000, height: 700, maximized: false });

    const second = setup(state);
    second.controller.show();
    expect(second.windows[0]!.spec).toMatchObject({ x: 300, y: 200, width: 1000, height: 700 });

    // The monitor it was on is gone: same size, placed by the OS.
    const third = setup(state, [{ workArea: { x: 2000, y: 0, width: 1280, height: 1024 } }]);
    third.controller.show();
    expect(third.windows[0]!.spec.x).toBeUndefined();
    expect(third.windows[0]!.spec.width).toBe(1000);
  });

  it('a damaged saved state falls back to the default size', () => {
    expect(loadWindowState(memoryState({ [WINDOW_STATE_KEY]: '{not json' }))).toBeNull();
    expect(loadWindowState(memoryState({ [WINDOW_STATE_KEY]: '{"x":1,"y":1,"width":5,"height":5}' }))).toBeNull();
    expect(initialBounds(null, [])).toEqual({ width: 1280, height: 820, maximized: false });
  });
});

describe('security rules', () => {
  it('allows only https eMAG Marketplace pages outside the app', () => {
    expect(isAllowedExternalUrl('https://marketplace.emag.ro/order/list')).toBe(true);
    expect(isAllowedExternalUrl('https://marketplace.emag.hu/')).toBe(true);
    expect(isAllowedExternalUrl('https://www.emag.ro/telefon/pd/D123/')).toBe(true);
    expect(isAllowedExternalUrl('https://marketplace-ro.fashiondays.com/')).toBe(true);
    expect(isAllowedExternalUrl('https://MARKETPLACE.EMAG.RO/')).toBe(true);
    for (const url of [
      'http://marketplace.emag.ro/',
      'https://marketplace.emag.ro.evil.com/',
      'https://evil.com/?u=https://marketplace.emag.ro',
      'https://user:pw@marketplace.emag.ro/',
      'https://marketplace.emag.ro:8443/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });

  it('the CSP allows only the app itself (plus the dev server while developing)', () => {
    const csp = contentSecurityPolicy(null);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/https?:\/\//);
    const dev = contentSecurityPolicy('http://localhost:5173/');
    expect(dev).toContain('ws://localhost:5173');
  });

  it('the session grants no permission and adds the CSP to every response', () => {
    const session = fakeSession();
    hardenSession(session, null);
    expect(session.askPermission('geolocation')).toBe(false);
    expect(session.askPermission('notifications')).toBe(false);
    expect(session.checkPermission('media')).toBe(false);
    let headers: Record<string, string[]> | undefined;
    session.headerListener!(
      { responseHeaders: { 'Content-Type': ['text/html'] } },
      (r) => (headers = r.responseHeaders),
    );
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [contentSecurityPolicy(null)],
    });
  });

  it('IPC trusts only the app scheme and, in development, the dev server', () => {
    expect(isAppUrl('magflow://app/index.html', null)).toBe(true);
    expect(isAppUrl('http://localhost:5173/', null)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('https://marketplace.emag.ro/', null)).toBe(false);
    expect(isAppUrl('magflow://other/index.html', null)).toBe(false);
  });
});

describe('the renderer scheme', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('serves files from the renderer folder with the CSP, and nothing outside it', async () => {
    const base = mkdtempSync(join(tmpdir(), 'magflow-renderer-'));
    root = join(base, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><p>hi</p>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(base, 'secret.txt'), 'nope');

    const page = await serveRendererRequest(root, new Request('magflow://app/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy(null));
    expect(await page.text()).toContain('<p>hi</p>');
    const script = await serveRendererRequest(root, new Request('magflow://app/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');

    // The URL parser already folds "/../" at the root, so the path stays inside the renderer folder.
    expect(resolveRendererFile(root, 'magflow://app/../secret.txt')).toBe(join(root, 'secret.txt'));
    expect(resolveRendererFile(root, 'magflow://app/assets/%2F..%2F..%2Fsecret.txt')).toBeNull();
    expect(resolveRendererFile(root, 'magflow://app/%2e%2e/secret.txt')).toBe(join(root, 'secret.txt'));
    expect(resolveRendererFile(root, 'magflow://elsewhere/index.html')).toBeNull();
    expect((await serveRendererRequest(root, new Request('magflow://app/a/%2F..%2F..%2Fsecret.txt'))).status).toBe(404);
    expect((await serveRendererRequest(root, new Request('magflow://app/missing.js'))).status).toBe(404);
    rmSync(base, { recursive: true, force: true });
  });
});

export type { FakeElectron };
