// BrowserWindow and its webContents, backed by a Chromium page:
// - the page is loaded through the app's protocol handler (protocol.ts), so the CSP Chromium enforces is the
//   handler's own header;
// - the built preload runs in an isolated world under the sandbox's rules before the page's scripts, and the main
//   world gets only what contextBridge exposed (page/*.ts, pageScripts.ts);
// - ipcRenderer.invoke reaches ipcMain's handlers with event.sender (this webContents) and event.senderFrame.url
//   (the page's URL as the app knows it); arguments and replies go through the structured clone;
// - navigations the page starts ('will-navigate', 'will-redirect') and windows it opens (setWindowOpenHandler)
//   are put to the app before anything loads;
// - a crashed renderer emits 'render-process-gone'; reload() then starts a new renderer (a new page) for the same
//   webContents, as Chromium does for a crashed tab.
// Guesses, from Electron's documentation: 'ready-to-show' after the first load (docs/api/browser-window.md,
// "Event: 'ready-to-show'"); the page's <title> becomes the window's title unless 'page-title-updated' is prevented
// (docs/api/browser-window.md, "Event: 'page-title-updated'"); a window.open the handler denies is closed at once
// (in Electron it is never created; here the page briefly gets a window object back). The window's width × height is
// the page's viewport (no frame); page visibility does not follow hide()/show().
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { isAbsolute } from 'node:path';
import type { CDPSession, Page, Request, Route } from 'playwright-core';
import { decodeCloned, encodeCloned } from '../codec';
import { record } from '../journal';
import type { FromPage, ToPage } from '../pageProtocol';
import { BINDING, isolatedScript, mainWorldScript, RECEIVE, readPreload, type PreloadSource } from '../pageScripts';
import { app } from './app';
import { chromiumSession } from './chromium';
import { ipcMain } from './ipcMain';
import { Menu } from './menu';
import { toImage } from './nativeImage';
import { fromChromium, toChromium } from './protocol';
import { preventableEvent, requireReady, runtime } from './runtime';
import { session } from './services';

/** The isolated world Electron gives the preload (contextIsolation). */
const PRELOAD_WORLD = 'electron-isolated-world';

const byPage = new Map<Page, WebContents>();
const allWebContents = new Set<WebContents>();
/** Decisions on windows the page opened, keyed by the new page: true = may load. */
const popupDecisions = new Map<Page, { promise: Promise<boolean>; resolve(allowed: boolean): void }>();
let contextWired = false;

function popupDecision(page: Page) {
  let entry = popupDecisions.get(page);
  if (!entry) {
    let resolve: (allowed: boolean) => void = () => undefined;
    const promise = new Promise<boolean>((r) => (resolve = r));
    entry = { promise, resolve };
    popupDecisions.set(page, entry);
  }
  return entry;
}

/** One route and one page listener for the whole session, dispatching to the webContents that owns the page. */
function wireContext(): void {
  if (contextWired) return;
  contextWired = true;
  const { context } = chromiumSession();
  void context.route('**/*', async (route: Route, request: Request) => {
    let page: Page | null = null;
    try {
      page = request.frame().page();
    } catch {
      // a service worker's request: not ours to judge
    }
    const owner = page ? byPage.get(page) : undefined;
    if (owner) return owner.routeRequest(route, request);
    if (page && !(await popupDecision(page).promise)) return route.abort('blockedbyclient').catch(() => undefined);
    return route.continue().catch(() => undefined);
  });
  context.on('page', (page) => void onNewPage(page));
}

/** A page we did not create: a window the page opened (window.open, target=_blank). */
async function onNewPage(page: Page): Promise<void> {
  if (byPage.has(page)) return;
  const opener = await page.opener().catch(() => null);
  const owner = opener ? byPage.get(opener) : undefined;
  const decision = popupDecision(page);
  if (!owner) {
    decision.resolve(false);
    return;
  }
  const allowed = owner.decideWindowOpen(page);
  decision.resolve(false);
  if (!allowed) record('harness.note', { note: 'an allowed window.open is not emulated: the window was closed' });
  await page.close().catch(() => undefined);
}

const ERROR_CODES: Record<string, number> = {
  ERR_FAILED: -2,
  ERR_ABORTED: -3,
  ERR_FILE_NOT_FOUND: -6,
  ERR_TIMED_OUT: -7,
  ERR_BLOCKED_BY_CLIENT: -20,
  ERR_CONNECTION_REFUSED: -102,
  ERR_NAME_NOT_RESOLVED: -105,
  ERR_INVALID_URL: -300,
};

interface WindowOpen {
  url: string;
  windowName: string;
  windowFeatures: string[];
}

interface WebPreferences {
  preload?: string;
  sandbox?: boolean;
  contextIsolation?: boolean;
  nodeIntegration?: boolean;
  [key: string]: unknown;
}

export class WebContents extends EventEmitter {
  static #nextId = 1;
  readonly id = WebContents.#nextId++;
  readonly #window: BrowserWindow;
  readonly #preload: PreloadSource | null;
  readonly #channel = `magflow-bridge-${randomUUID()}`;
  #page: Page | null = null;
  #cdp: CDPSession | null = null;
  #pageReady: Promise<Page> | null = null;
  #contextId: number | null = null;
  #url = '';
  #pageTitle = '';
  #loading = false;
  #crashed = false;
  #destroyed = false;
  #browserNavigation = false;
  #windowOpens: WindowOpen[] = [];
  #windowOpenHandler: ((details: object) => { action: string }) | null = null;
  #viewport: { width: number; height: number };

  constructor(window: BrowserWindow, prefs: WebPreferences, viewport: { width: number; height: number }) {
    super();
    this.#window = window;
    this.#viewport = viewport;
    this.#preload = prefs.preload
      ? readPreload(prefs.preload, {
          channelName: this.#channel,
          process: {
            platform: process.platform,
            arch: process.arch,
            versions: { ...process.versions } as Record<string, string>,
            argv: [],
            env: {},
          },
        })
      : null;
    allWebContents.add(this);
    // lib/browser/api/web-contents.ts: every new webContents is announced, synchronously, on the app.
    app.emit('web-contents-created', preventableEvent({ sender: this }), this);
    record('webContents.created', { id: this.id, window: window.id });
  }

  get session(): unknown {
    return session.defaultSession;
  }

  // ---- the Chromium page -------------------------------------------------------------------------------------

  #ensurePage(): Promise<Page> {
    this.#pageReady ??= this.#openPage();
    return this.#pageReady;
  }

  async #openPage(): Promise<Page> {
    wireContext();
    const { context } = chromiumSession();
    const page = await context.newPage();
    byPage.set(page, this);
    await page.setViewportSize(this.#viewport);
    const cdp = await context.newCDPSession(page);
    this.#page = page;
    this.#cdp = cdp;
    this.#crashed = false;
    this.#contextId = null;
    await cdp.send('Runtime.enable');
    await cdp.send('Page.enable');
    await cdp.send('Log.enable');
    cdp.on('Runtime.bindingCalled', (e: { name: string; payload: string; executionContextId: number }) => {
      if (e.name === BINDING && page === this.#page)
        this.#fromPage(JSON.parse(e.payload) as FromPage, e.executionContextId);
    });
    cdp.on('Runtime.executionContextDestroyed', (e: { executionContextId: number }) => {
      if (e.executionContextId === this.#contextId) this.#contextId = null;
    });
    cdp.on('Runtime.executionContextsCleared', () => (this.#contextId = null));
    cdp.on('Runtime.consoleAPICalled', (e: ConsoleApiCall) => this.#consoleApi(e));
    cdp.on('Runtime.exceptionThrown', (e: { exceptionDetails: ExceptionDetails }) =>
      this.#exception(e.exceptionDetails),
    );
    cdp.on('Log.entryAdded', (e: { entry: LogEntry }) => this.#logEntry(e.entry));
    cdp.on('Page.windowOpen', (e: WindowOpen) => this.#windowOpens.push(e));
    await cdp.send('Runtime.addBinding', { name: BINDING, executionContextName: PRELOAD_WORLD });
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: mainWorldScript(this.#channel) });
    if (this.#preload) {
      await cdp.send('Page.addScriptToEvaluateOnNewDocument', {
        source: isolatedScript(this.#preload),
        worldName: PRELOAD_WORLD,
      });
    }
    page.on('domcontentloaded', () => page === this.#page && this.emit('dom-ready', preventableEvent()));
    page.on('load', () => page === this.#page && void this.#loaded(page));
    page.on('framenavigated', (frame) => {
      if (page !== this.#page || frame !== page.mainFrame()) return;
      const previous = this.#url;
      this.#url = fromChromium(frame.url());
      const sameDocument = previous.split('#')[0] === this.#url.split('#')[0] && previous !== '';
      if (sameDocument) this.emit('did-navigate-in-page', preventableEvent(), this.#url, true);
      else this.emit('did-navigate', preventableEvent(), this.#url, 200, 'OK');
    });
    page.on('crash', () => page === this.#page && this.#gone('crashed'));
    return page;
  }

  async #loaded(page: Page): Promise<void> {
    this.#loading = false;
    record('webContents.did-finish-load', { id: this.id, url: this.#url });
    this.emit('did-finish-load', preventableEvent());
    this.#window.firstLoad();
    const title = await page.title().catch(() => '');
    if (title && title !== this.#pageTitle) {
      this.#pageTitle = title;
      this.#window.pageTitleUpdated(title);
      this.emit('page-title-updated', preventableEvent(), title, true);
    }
  }

  #gone(reason: 'crashed' | 'killed'): void {
    this.#crashed = true;
    this.#contextId = null;
    this.#loading = false;
    // Playwright does not report the renderer's exit status; Linux Chromium reports a crash by its signal number.
    const details = { reason, exitCode: reason === 'crashed' ? 11 : 9 };
    record('webContents.render-process-gone', { id: this.id, ...details });
    const event = preventableEvent();
    this.emit('render-process-gone', event, details);
    app.emit('render-process-gone', event, this, details);
  }

  /** A crashed renderer is gone for good: the next load starts a new one (a new page) for this webContents. */
  async #replaceCrashedPage(): Promise<Page> {
    const old = this.#page;
    if (old) {
      byPage.delete(old);
      await old.close().catch(() => undefined);
    }
    this.#page = null;
    this.#cdp = null;
    this.#pageReady = this.#openPage();
    return this.#pageReady;
  }

  // ---- navigation ---------------------------------------------------------------------------------------------

  async loadURL(url: string, _options?: object): Promise<void> {
    if (this.#destroyed) throw new Error('Object has been destroyed');
    record('webContents.loadURL', { id: this.id, url });
    const page = this.#crashed ? await this.#replaceCrashedPage() : await this.#ensurePage();
    const target = await toChromium(url);
    this.#browserNavigation = true;
    this.#loading = true;
    this.#url = url;
    this.emit('did-start-loading');
    try {
      await page.goto(target, { waitUntil: 'load', timeout: 60_000 });
    } catch (error) {
      this.#loading = false;
      const text = error instanceof Error ? error.message : String(error);
      const name = /net::(ERR_[A-Z_]+)/.exec(text)?.[1] ?? (/interrupted/i.test(text) ? 'ERR_ABORTED' : 'ERR_FAILED');
      const code = ERROR_CODES[name] ?? -2;
      this.emit('did-fail-load', preventableEvent(), code, name, url, true);
      throw Object.assign(new Error(`${name} (${code}) loading '${url}'`), { errno: code, code: name, url });
    }
  }

  reload(): void {
    record('webContents.reload', { id: this.id, crashed: this.#crashed });
    if (this.#crashed || !this.#page) {
      const url = this.#url;
      void this.loadURL(url).catch((error: unknown) => record('harness.error', { where: 'reload', error }));
      return;
    }
    this.#browserNavigation = true;
    this.#loading = true;
    void this.#page.reload({ waitUntil: 'load' }).catch(() => undefined);
  }

  /** Route of every request of this webContents' page: main-frame navigations the page starts go to the app first. */
  async routeRequest(route: Route, request: Request): Promise<void> {
    const page = this.#page;
    if (!page || !request.isNavigationRequest() || request.frame() !== page.mainFrame()) {
      return route.continue().catch(() => undefined);
    }
    const url = fromChromium(request.url());
    if (request.redirectedFrom()) {
      const event = preventableEvent({ url, isMainFrame: true, isSameDocument: false });
      this.emit('will-redirect', event, url, false, true);
      record('webContents.will-redirect', { id: this.id, url, prevented: event.defaultPrevented });
      if (event.defaultPrevented) return route.abort('aborted').catch(() => undefined);
      return route.continue().catch(() => undefined);
    }
    if (this.#browserNavigation) {
      this.#browserNavigation = false; // loadURL / reload: the app's own navigation, no will-navigate
      return route.continue().catch(() => undefined);
    }
    const event = preventableEvent({ url, isMainFrame: true, isSameDocument: false, frame: null });
    this.emit('will-navigate', event, url, false, true);
    record('webContents.will-navigate', { id: this.id, url, prevented: event.defaultPrevented });
    if (event.defaultPrevented) return route.abort('aborted').catch(() => undefined);
    this.#loading = true;
    return route.continue().catch(() => undefined);
  }

  setWindowOpenHandler(handler: (details: object) => { action: string }): void {
    this.#windowOpenHandler = handler;
  }

  /** A window the page opened: the handler decides (Electron's default, with no handler, is to allow). */
  decideWindowOpen(popup: Page): boolean {
    const open = this.#windowOpens.shift() ?? { url: popup.url(), windowName: '', windowFeatures: [] };
    const url = fromChromium(open.url);
    const details = {
      url,
      frameName: open.windowName,
      features: open.windowFeatures.join(','),
      disposition: open.windowFeatures.length > 0 ? 'new-window' : 'foreground-tab',
      referrer: { url: this.#url, policy: 'strict-origin-when-cross-origin' },
      postBody: undefined,
    };
    const action = this.#windowOpenHandler ? this.#windowOpenHandler(details).action : 'allow';
    record('webContents.window-open', { id: this.id, url, action });
    return action === 'allow';
  }

  // ---- IPC ------------------------------------------------------------------------------------------------------

  #fromPage(message: FromPage, contextId: number): void {
    switch (message.t) {
      case 'hello':
        this.#contextId = contextId;
        return;
      case 'invoke':
        void this.#invoke(message.id, message.channel, message.args, contextId);
        return;
      case 'send': {
        const event = this.#ipcEvent();
        const args = decodeCloned(message.args) as unknown[];
        this.emit('ipc-message', event, message.channel, ...args);
        ipcMain.emit(message.channel, event, ...args);
        return;
      }
      case 'exposed':
        record('contextBridge.exposeInMainWorld', { id: this.id, key: message.key, shape: message.shape });
        return;
      case 'preload-error': {
        const error = Object.assign(new Error(message.error.message), message.error);
        record('webContents.preload-error', { id: this.id, error: message.error.message });
        this.emit('preload-error', preventableEvent(), this.#preload?.config.preloadPath ?? '', error);
        return;
      }
    }
  }

  #ipcEvent() {
    const url = this.#url;
    const senderFrame = {
      url,
      origin: (() => {
        try {
          return new URL(url).origin;
        } catch {
          return 'null';
        }
      })(),
      name: '',
      parent: null,
      frameTreeNodeId: 1,
      processId: this.id,
      routingId: 1,
      isDestroyed: () => this.#destroyed,
    };
    return { type: 'frame', sender: this, senderFrame, frameId: 1, processId: this.id, ports: [] };
  }

  async #invoke(id: number, channel: string, args: unknown, contextId: number): Promise<void> {
    const event = this.#ipcEvent();
    record('ipc.invoke', { id: this.id, channel, frame: event.senderFrame.url });
    const answer = await ipcMain.dispatchInvoke(event, channel, decodeCloned(args) as unknown[]);
    let reply: ToPage;
    if (answer.error !== undefined) reply = { t: 'reply', id, error: answer.error };
    else {
      try {
        reply = { t: 'reply', id, result: encodeCloned(structuredClone(answer.result)) };
      } catch {
        reply = { t: 'reply', id, error: 'Error: An object could not be cloned.' };
      }
    }
    await this.#toPage(reply, contextId);
  }

  async #toPage(message: ToPage, contextId: number | null): Promise<boolean> {
    if (!this.#cdp || contextId === null) return false;
    try {
      await this.#cdp.send('Runtime.evaluate', {
        contextId,
        expression: `globalThis[${JSON.stringify(RECEIVE)}](${JSON.stringify(JSON.stringify(message))})`,
      });
      return true;
    } catch {
      return false; // the page navigated or crashed meanwhile
    }
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.#destroyed) throw new Error('Object has been destroyed');
    let encoded: unknown;
    try {
      encoded = encodeCloned(structuredClone(args));
    } catch {
      throw new Error('Failed to serialize arguments');
    }
    const contextId = this.#contextId;
    if (contextId === null) {
      record('webContents.send-dropped', { id: this.id, channel, why: 'no page ready to receive' });
      return;
    }
    void this.#toPage({ t: 'message', channel, args: encoded }, contextId);
  }

  // ---- console ------------------------------------------------------------------------------------------------

  #console(level: 'debug' | 'info' | 'warning' | 'error', message: string, sourceId: string, lineNumber: number) {
    const levels = { debug: 0, info: 1, warning: 2, error: 3 };
    const source = fromChromium(sourceId);
    if (level === 'error' || level === 'warning') {
      record('webContents.console-message', { id: this.id, level, message: message.slice(0, 500), source });
    }
    const event = preventableEvent({ level, message, lineNumber, sourceId: source, frame: null });
    this.emit('console-message', event, levels[level], message, lineNumber, source);
  }
  #consoleApi(e: ConsoleApiCall) {
    const text = e.args.map((a) => (a.value !== undefined ? String(a.value) : (a.description ?? a.type))).join(' ');
    const frame = e.stackTrace?.callFrames[0];
    const level =
      e.type === 'warning'
        ? 'warning'
        : e.type === 'error' || e.type === 'assert'
          ? 'error'
          : e.type === 'debug'
            ? 'debug'
            : 'info';
    this.#console(level, text, frame?.url ?? '', (frame?.lineNumber ?? 0) + 1);
  }
  #exception(details: ExceptionDetails) {
    const text = details.exception?.description ?? details.text;
    this.#console('error', `Uncaught ${text}`, details.url ?? '', details.lineNumber + 1);
  }
  #logEntry(entry: LogEntry) {
    const level = entry.level === 'verbose' ? 'debug' : entry.level;
    this.#console(level, entry.text, entry.url ?? '', (entry.lineNumber ?? 0) + 1);
  }

  // ---- the rest of the API MagFlow and electron-log use -----------------------------------------------------------

  getURL(): string {
    return this.#url;
  }
  getTitle(): string {
    return this.#pageTitle;
  }
  isLoading(): boolean {
    return this.#loading;
  }
  isCrashed(): boolean {
    return this.#crashed;
  }
  isDestroyed(): boolean {
    return this.#destroyed;
  }
  getOSProcessId(): number {
    return 0;
  }
  forcefullyCrashRenderer(): void {
    record('webContents.forcefullyCrashRenderer', { id: this.id });
    void this.crash();
  }
  openDevTools(): void {
    record('webContents.openDevTools', { id: this.id });
  }
  async executeJavaScript(code: string): Promise<unknown> {
    const page = await this.#ensurePage();
    return page.evaluate(code);
  }
  focus(): void {
    record('webContents.focus', { id: this.id });
  }

  // ---- for the harness and tests ------------------------------------------------------------------------------

  async page(): Promise<Page> {
    return this.#ensurePage();
  }
  /** The renderer process crashes (Chromium's Page.crash). */
  async crash(): Promise<void> {
    const page = await this.#ensurePage();
    const gone = new Promise<void>((resolve) => page.once('crash', () => resolve()));
    // A crashed target never answers the command itself (the call ends only when the page is closed): do not wait.
    void this.#cdp?.send('Page.crash').catch(() => undefined);
    await gone;
  }
  destroyInternal(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    allWebContents.delete(this);
    this.emit('destroyed');
    const page = this.#page;
    if (page) {
      byPage.delete(page);
      void page.close().catch(() => undefined);
    }
  }
}

interface ConsoleApiCall {
  type: string;
  args: { type: string; value?: unknown; description?: string }[];
  stackTrace?: { callFrames: { url: string; lineNumber: number }[] };
}
interface ExceptionDetails {
  text: string;
  lineNumber: number;
  url?: string;
  exception?: { description?: string };
}
interface LogEntry {
  level: 'verbose' | 'info' | 'warning' | 'error';
  text: string;
  url?: string;
  lineNumber?: number;
}

interface BrowserWindowOptions {
  width?: number;
  height?: number;
  x?: number;
  y?: number;
  show?: boolean;
  title?: string;
  icon?: unknown;
  autoHideMenuBar?: boolean;
  webPreferences?: WebPreferences;
  [key: string]: unknown;
}

export class BrowserWindow extends EventEmitter {
  static #nextId = 1;
  static getAllWindows(): BrowserWindow[] {
    return runtime.windows.filter((w): w is BrowserWindow => w instanceof BrowserWindow);
  }
  static fromId(id: number): BrowserWindow | null {
    return BrowserWindow.getAllWindows().find((w) => w.id === id) ?? null;
  }
  static fromWebContents(contents: WebContents): BrowserWindow | null {
    return BrowserWindow.getAllWindows().find((w) => w.webContents === contents) ?? null;
  }
  static getFocusedWindow(): BrowserWindow | null {
    return BrowserWindow.getAllWindows().find((w) => w.isFocused()) ?? null;
  }

  readonly id = BrowserWindow.#nextId++;
  readonly webContents: WebContents;
  #visible = false;
  #focused = false;
  #minimized = false;
  #maximized = false;
  #destroyed = false;
  #title: string;
  #bounds: { x: number; y: number; width: number; height: number };
  #menu: Menu | null;
  #autoHideMenuBar: boolean;
  #shownOnce = false;
  #readyToShowSent = false;

  constructor(options: BrowserWindowOptions = {}) {
    super();
    requireReady('Cannot create BrowserWindow before app is ready');
    const prefs = options.webPreferences ?? {};
    if (prefs.preload !== undefined && !isAbsolute(prefs.preload)) {
      throw new Error('harness: webPreferences.preload must be an absolute path');
    }
    if (prefs.sandbox === false || prefs.contextIsolation === false || prefs.nodeIntegration === true) {
      throw new Error('harness: only sandboxed, context-isolated windows without Node are emulated');
    }
    const width = options.width ?? 800;
    const height = options.height ?? 600;
    this.#bounds = { x: options.x ?? 0, y: options.y ?? 0, width, height };
    this.#title = options.title ?? app.getName();
    this.#menu = Menu.getApplicationMenu();
    this.#autoHideMenuBar = options.autoHideMenuBar === true;
    const icon = options.icon === undefined ? null : toImage(options.icon, 'BrowserWindow icon').toJSON();
    runtime.windows.push(this);
    record('window.created', {
      id: this.id,
      options: { ...options, webPreferences: prefs, icon },
      menu: this.#menu ? this.#menu.toJSON() : null,
    });
    this.webContents = new WebContents(this, prefs, { width, height });
    app.emit('browser-window-created', preventableEvent(), this);
    if (options.show !== false) this.show();
  }

  firstLoad(): void {
    if (this.#readyToShowSent) return;
    this.#readyToShowSent = true;
    this.emit('ready-to-show');
  }
  pageTitleUpdated(title: string): void {
    const event = preventableEvent();
    this.emit('page-title-updated', event, title, true);
    record('window.page-title-updated', { id: this.id, title, prevented: event.defaultPrevented });
    if (!event.defaultPrevented) this.setTitle(title);
  }

  #alive(): void {
    if (this.#destroyed) throw new TypeError('Object has been destroyed');
  }
  show(): void {
    this.#alive();
    record('window.show', { id: this.id, wasVisible: this.#visible });
    const wasVisible = this.#visible;
    this.#visible = true;
    this.#shownOnce = true;
    if (!wasVisible) this.emit('show');
    this.focus();
  }
  hide(): void {
    this.#alive();
    record('window.hide', { id: this.id });
    const wasVisible = this.#visible;
    this.#visible = false;
    this.#focused = false;
    if (wasVisible) this.emit('hide');
  }
  focus(): void {
    this.#alive();
    record('window.focus', { id: this.id });
    if (!this.#focused) {
      this.#focused = true;
      this.emit('focus', preventableEvent());
    }
  }
  blur(): void {
    this.#focused = false;
    this.emit('blur', preventableEvent());
  }
  minimize(): void {
    record('window.minimize', { id: this.id });
    this.#minimized = true;
    this.#focused = false;
    this.emit('minimize', preventableEvent());
  }
  restore(): void {
    record('window.restore', { id: this.id });
    this.#minimized = false;
    this.emit('restore');
  }
  maximize(): void {
    this.#maximized = true;
    this.emit('maximize');
  }
  unmaximize(): void {
    this.#maximized = false;
    this.emit('unmaximize');
  }
  isVisible(): boolean {
    return this.#visible;
  }
  isFocused(): boolean {
    return this.#focused;
  }
  isMinimized(): boolean {
    return this.#minimized;
  }
  isMaximized(): boolean {
    return this.#maximized;
  }
  isDestroyed(): boolean {
    return this.#destroyed;
  }
  isEnabled(): boolean {
    return true;
  }
  getBounds() {
    return { ...this.#bounds };
  }
  getNormalBounds() {
    return { ...this.#bounds };
  }
  getContentBounds() {
    return { ...this.#bounds };
  }
  setBounds(bounds: Partial<{ x: number; y: number; width: number; height: number }>): void {
    this.#bounds = { ...this.#bounds, ...bounds };
    this.emit('resize');
    this.emit('move');
  }
  setTitle(title: string): void {
    this.#alive();
    this.#title = String(title);
    record('window.setTitle', { id: this.id, title: this.#title });
  }
  getTitle(): string {
    return this.#title;
  }
  setMenu(menu: Menu | null): void {
    this.#menu = menu;
    record('window.setMenu', { id: this.id, menu: menu ? menu.toJSON() : null });
  }
  removeMenu(): void {
    this.setMenu(null);
  }
  setAutoHideMenuBar(hide: boolean): void {
    this.#autoHideMenuBar = hide;
  }
  isMenuBarAutoHide(): boolean {
    return this.#autoHideMenuBar;
  }
  setMenuBarVisibility(visible: boolean): void {
    record('window.setMenuBarVisibility', { id: this.id, visible });
  }
  setProgressBar(progress: number): void {
    record('window.setProgressBar', { id: this.id, progress });
  }
  flashFrame(flag: boolean): void {
    record('window.flashFrame', { id: this.id, flag });
  }
  loadURL(url: string, options?: object): Promise<void> {
    return this.webContents.loadURL(url, options);
  }
  reload(): void {
    this.webContents.reload();
  }

  /** Asks to close, like the close button: 'close' may be prevented (and then a quit in progress is cancelled). */
  close(): void {
    if (this.#destroyed) return;
    const event = preventableEvent();
    this.emit('close', event);
    record('window.close', { id: this.id, prevented: event.defaultPrevented });
    if (event.defaultPrevented) {
      app.windowCloseCancelled();
      return;
    }
    this.destroy();
  }

  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#visible = false;
    runtime.windows.splice(runtime.windows.indexOf(this), 1);
    this.webContents.destroyInternal();
    record('window.closed', { id: this.id });
    this.emit('closed');
    if (runtime.windows.length === 0) app.windowAllClosed();
  }

  /** For the journal and tests. */
  state(): object {
    return {
      id: this.id,
      visible: this.#visible,
      focused: this.#focused,
      minimized: this.#minimized,
      destroyed: this.#destroyed,
      title: this.#title,
      url: this.webContents.getURL(),
      crashed: this.webContents.isCrashed(),
      shownOnce: this.#shownOnce,
      menu: this.#menu ? this.#menu.toJSON() : null,
    };
  }
}

/** The `webContents` module. */
export const webContents = {
  getAllWebContents: () => [...allWebContents],
  fromId: (id: number) => [...allWebContents].find((c) => c.id === id),
  getFocusedWebContents: () => BrowserWindow.getFocusedWindow()?.webContents ?? null,
};
