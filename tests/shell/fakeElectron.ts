// A fake `electron` for the shell tests: every object records what the shell asked Electron to do (windows and
// their options, tray images/tooltips/menus, notifications, IPC handlers, app events, safeStorage calls...), and
// lets a test play the user or the OS (click a menu item, click a notification, navigate, launch a second copy).
import type {
  AppPort,
  ConsoleMessageDetails,
  IpcInvokeEvent,
  LoginItemSettingsSpec,
  MenuItemSpec,
  MessageBoxSpec,
  NativeImagePort,
  NotificationPort,
  NotificationSpec,
  PreventableEvent,
  Rectangle,
  SafeStoragePort,
  SessionPort,
  ShellElectronForTests,
  TrayPort,
  WindowOpenDetails,
  WindowPort,
  WindowSpec,
} from './fakeTypes';

type Listener = (...args: never[]) => unknown;

export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    const wrapped = ((...args: never[]) => {
      this.off(event, wrapped);
      return listener(...args);
    }) as Listener;
    return this.on(event, wrapped);
  }
  off(event: string, listener: Listener): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((l) => l !== listener),
    );
    return this;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) (listener as (...a: unknown[]) => unknown)(...args);
  }
  count(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

export function preventable(): PreventableEvent & { defaultPrevented: boolean } {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

export class FakeWebContents extends FakeEmitter {
  readonly sent: { channel: string; args: unknown[] }[] = [];
  openHandler: ((details: WindowOpenDetails) => { action: 'deny' }) | null = null;
  destroyed = false;
  loading = true;
  reloads = 0;
  killed = 0;
  reload(): void {
    this.reloads++;
    this.loading = true;
  }
  forcefullyCrashRenderer(): void {
    this.killed++;
  }
  /** The renderer process ends (a crash, the OOM killer...). */
  gone(reason = 'crashed', exitCode = 11): void {
    this.emit('render-process-gone', {}, { reason, exitCode });
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isLoading(): boolean {
    return this.loading;
  }
  setWindowOpenHandler(handler: (details: WindowOpenDetails) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
  /** The page tries to navigate: true when the shell let it. */
  navigate(url: string): boolean {
    const event = preventable();
    this.emit('will-navigate', event, url);
    return !event.defaultPrevented;
  }
  /** The page calls window.open: the handler's answer. */
  open(url: string): { action: string } | null {
    return this.openHandler ? this.openHandler({ url }) : null;
  }
  finishLoad(): void {
    this.loading = false;
    this.emit('did-finish-load');
  }
  consoleMessage(details: ConsoleMessageDetails): void {
    this.emit('console-message', details);
  }
}

export class FakeWindow extends FakeEmitter implements WindowPort {
  readonly webContents = new FakeWebContents();
  visible = false;
  minimized = false;
  maximized = false;
  destroyed = false;
  focused = 0;
  title: string;
  loadedUrl: string | null = null;
  bounds: Rectangle;
  readonly overlays: { image: NativeImagePort | null; description: string }[] = [];
  constructor(readonly spec: WindowSpec) {
    super();
    this.title = spec.title;
    this.bounds = { x: spec.x ?? 100, y: spec.y ?? 100, width: spec.width, height: spec.height };
  }
  show() {
    this.visible = true;
  }
  hide() {
    this.visible = false;
  }
  focus() {
    this.focused++;
  }
  restore() {
    this.minimized = false;
  }
  minimize() {
    this.minimized = true;
  }
  isMinimized() {
    return this.minimized;
  }
  isVisible() {
    return this.visible;
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMaximized() {
    return this.maximized;
  }
  maximize() {
    this.maximized = true;
  }
  getNormalBounds() {
    return { ...this.bounds };
  }
  setTitle(title: string) {
    this.title = title;
  }
  setOverlayIcon(image: NativeImagePort | null, description: string) {
    this.overlays.push({ image, description });
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.visible = false;
    this.emit('closed');
  }
  /** The page's <title> arrives: true when the window title was left alone (the event prevented). */
  pageTitle(title: string): boolean {
    const event = preventable();
    this.emit('page-title-updated', event, title);
    return event.defaultPrevented;
  }
  /** The user clicks the close button: true when the window really closed. */
  close(): boolean {
    const event = preventable();
    this.emit('close', event);
    if (event.defaultPrevented) return false;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.visible = false;
    this.emit('closed');
    return true;
  }
  /** The user drags the window somewhere. */
  moveTo(bounds: Rectangle) {
    this.bounds = bounds;
    this.emit('move');
  }
}

export interface FakeMenu {
  template: MenuItemSpec[];
}

export class FakeTray extends FakeEmitter implements TrayPort<FakeMenu> {
  readonly images: string[] = [];
  toolTip = '';
  menu: FakeMenu | null = null;
  destroyed = false;
  constructor(initialImage: string) {
    super();
    this.images.push(initialImage);
  }
  setImage(path: string) {
    this.images.push(path);
  }
  setToolTip(toolTip: string) {
    this.toolTip = toolTip;
  }
  setContextMenu(menu: FakeMenu | null) {
    this.menu = menu;
  }
  destroy() {
    this.destroyed = true;
  }
  /** The menu item with this id (throws when missing, so a test names what it expected). */
  item(id: string): MenuItemSpec {
    const found = this.menu?.template.find((item) => item.id === id);
    if (!found) throw new Error(`no tray menu item "${id}" in ${JSON.stringify(this.labels())}`);
    return found;
  }
  labels(): string[] {
    return (this.menu?.template ?? []).filter((i) => i.type !== 'separator').map((i) => i.label ?? '');
  }
  clickItem(id: string): void {
    const item = this.item(id);
    if (item.enabled === false) throw new Error(`tray menu item "${id}" is disabled`);
    item.click?.();
  }
}

export class FakeNotification extends FakeEmitter implements NotificationPort {
  shown = false;
  closed = false;
  constructor(readonly spec: NotificationSpec) {
    super();
  }
  show() {
    this.shown = true;
  }
  close() {
    this.closed = true;
    this.emit('close');
  }
  click() {
    this.emit('click');
  }
}

export class FakeImage implements NativeImagePort {
  constructor(
    readonly source: string,
    readonly size?: { width: number; height: number },
  ) {}
  isEmpty() {
    return false;
  }
}

/** A safeStorage whose "encryption" is reversible but visibly not the plain text (and records every call). */
export function fakeSafeStorage(available = true): SafeStoragePort & {
  available: boolean;
  backend: string;
  calls: { method: string; value: string }[];
} {
  const calls: { method: string; value: string }[] = [];
  const fake = {
    available,
    backend: 'gnome_libsecret',
    calls,
    isEncryptionAvailable: () => fake.available,
    getSelectedStorageBackend: () => fake.backend,
    encryptString(plain: string): Buffer {
      if (!fake.available) throw new Error('Encryption is not available');
      calls.push({ method: 'encryptString', value: plain });
      return Buffer.from(`ENC(${Buffer.from(plain, 'utf8').toString('hex')})`, 'utf8');
    },
    decryptString(encrypted: Buffer): string {
      const text = encrypted.toString('utf8');
      calls.push({ method: 'decryptString', value: text });
      const match = /^ENC\(([0-9a-f]*)\)$/.exec(text);
      if (!match) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(match[1]!, 'hex').toString('utf8');
    },
  };
  return fake;
}

export class FakeApp extends FakeEmitter implements AppPort {
  isPackaged = false;
  lockAvailable = true;
  quitCalls = 0;
  exitCode: number | null = null;
  focusCalls = 0;
  /** macOS: the system started the app at login. */
  openedAtLogin = false;
  readonly badgeCounts: number[] = [];
  readonly loginItems: LoginItemSettingsSpec[] = [];
  /** Chromium switches the shell set, with the moment: before or after the app was ready. */
  readonly switches: { name: string; value: string | undefined; beforeReady: boolean }[] = [];
  /** Switches given on the command line that launched the app. */
  readonly launchSwitches = new Map<string, string>();
  private isReady = false;
  readonly commandLine = {
    appendSwitch: (name: string, value?: string) =>
      void this.switches.push({ name, value, beforeReady: !this.isReady }),
    hasSwitch: (name: string) => this.launchSwitches.has(name) || this.switches.some((s) => s.name === name),
  };
  private resolveReady: () => void = () => undefined;
  private readonly readyPromise = new Promise<void>((resolve) => (this.resolveReady = resolve));
  constructor(private readonly paths: { userData: string; logs: string }) {
    super();
  }
  requestSingleInstanceLock() {
    return this.lockAvailable;
  }
  whenReady() {
    return this.readyPromise;
  }
  /** The OS says the app is ready. */
  ready() {
    this.isReady = true;
    this.resolveReady();
  }
  /** Like Electron: before-quit, then will-quit; when nobody prevents it the app has exited. */
  quit() {
    this.quitCalls++;
    const before = preventable();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    const will = preventable();
    this.emit('will-quit', will);
    if (!will.defaultPrevented) this.exitCode = 0;
  }
  exit(code = 0) {
    this.exitCode = code;
  }
  focus() {
    this.focusCalls++;
  }
  getPath(name: 'userData' | 'logs') {
    return this.paths[name];
  }
  getAppPath() {
    return '/app';
  }
  getVersion() {
    return '1.2.3';
  }
  setBadgeCount(count?: number) {
    this.badgeCounts.push(count ?? 0);
    return true;
  }
  setLoginItemSettings(settings: LoginItemSettingsSpec) {
    this.loginItems.push(settings);
  }
  getLoginItemSettings() {
    return { wasOpenedAtLogin: this.openedAtLogin };
  }
  /** Another copy of MagFlow was launched. */
  secondInstance(argv: string[] = ['magflow']) {
    this.emit('second-instance', preventable(), argv);
  }
}

export class FakeIpcMain {
  readonly handlers = new Map<string, (event: IpcInvokeEvent, ...args: unknown[]) => unknown>();
  handle(channel: string, listener: (event: IpcInvokeEvent, ...args: unknown[]) => unknown) {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  /** What ipcRenderer.invoke would get back, called from a frame showing `frameUrl`. */
  async invoke(channel: string, frameUrl: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ senderFrame: { url: frameUrl } }, ...args);
  }
}

export function fakeSession(): SessionPort & {
  permissionAnswers: boolean[];
  headerListener: Parameters<SessionPort['webRequest']['onHeadersReceived']>[0] | null;
  askPermission(permission: string): boolean;
  checkPermission(permission: string): boolean;
} {
  let requestHandler: Parameters<SessionPort['setPermissionRequestHandler']>[0] = null;
  let checkHandler: Parameters<SessionPort['setPermissionCheckHandler']>[0] = null;
  const session = {
    permissionAnswers: [] as boolean[],
    headerListener: null as Parameters<SessionPort['webRequest']['onHeadersReceived']>[0] | null,
    setPermissionRequestHandler(handler: typeof requestHandler) {
      requestHandler = handler;
    },
    setPermissionCheckHandler(handler: typeof checkHandler) {
      checkHandler = handler;
    },
    webRequest: {
      onHeadersReceived(listener: Parameters<SessionPort['webRequest']['onHeadersReceived']>[0]) {
        session.headerListener = listener;
      },
    },
    askPermission(permission: string): boolean {
      let answer = true;
      requestHandler?.({}, permission, (granted) => (answer = granted));
      session.permissionAnswers.push(answer);
      return answer;
    },
    checkPermission(permission: string): boolean {
      return checkHandler ? checkHandler({}, permission) : true;
    },
  };
  return session;
}

export interface FakeElectron extends ShellElectronForTests<FakeMenu> {
  app: FakeApp;
  windows: FakeWindow[];
  trays: FakeTray[];
  notificationsShown: FakeNotification[];
  ipc: FakeIpcMain;
  safe: ReturnType<typeof fakeSafeStorage>;
  openedExternal: string[];
  openedPaths: string[];
  dialogs: MessageBoxSpec[];
  /** The window each message box was attached to (null: none). */
  dialogParents: (WindowPort | null)[];
  errorBoxes: { title: string; content: string }[];
  /** The button the seller clicks; null leaves the box open (answer it with answerDialog). */
  dialogAnswer: number | null;
  answerDialog(response: number): void;
  applicationMenus: (FakeMenu | null)[];
  protocolHandlers: Map<string, (request: Request) => Response | Promise<Response>>;
  fakeSession: ReturnType<typeof fakeSession>;
  powerMonitor: FakeEmitter & {
    on(event: 'resume', listener: () => void): unknown;
    on(event: 'shutdown', listener: (event?: PreventableEvent) => void): unknown;
  };
  online: boolean;
  /** The one window (throws when none was created). */
  window(): FakeWindow;
  tray(): FakeTray;
}

export function createFakeElectron(paths: { userData: string; logs: string }): FakeElectron {
  const windows: FakeWindow[] = [];
  const trays: FakeTray[] = [];
  const notificationsShown: FakeNotification[] = [];
  const ipc = new FakeIpcMain();
  const session = fakeSession();
  const protocolHandlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  const openDialogs: ((response: number) => void)[] = [];
  const fake: FakeElectron = {
    app: new FakeApp(paths),
    windows,
    trays,
    notificationsShown,
    ipc,
    ipcMain: ipc,
    safe: fakeSafeStorage(true),
    safeStorage: undefined as unknown as SafeStoragePort,
    openedExternal: [],
    openedPaths: [],
    dialogs: [],
    dialogParents: [],
    errorBoxes: [],
    dialogAnswer: 0,
    answerDialog(response: number) {
      const open = openDialogs.shift();
      if (!open) throw new Error('no message box is open');
      open(response);
    },
    applicationMenus: [],
    protocolHandlers,
    fakeSession: session,
    online: true,
    powerMonitor: new FakeEmitter() as FakeElectron['powerMonitor'],
    createWindow(spec: WindowSpec) {
      const window = new FakeWindow(spec);
      windows.push(window);
      // Like Electron: every new webContents is announced on the app, synchronously.
      fake.app.emit('web-contents-created', preventable(), window.webContents);
      return window;
    },
    createTray(iconPath: string) {
      const tray = new FakeTray(iconPath);
      trays.push(tray);
      return tray;
    },
    menu: {
      buildFromTemplate: (template: MenuItemSpec[]) => ({ template }),
      setApplicationMenu: (menu: FakeMenu | null) => void fake.applicationMenus.push(menu),
    },
    notifications: {
      isSupported: () => true,
      create(spec: NotificationSpec) {
        const notification = new FakeNotification(spec);
        notificationsShown.push(notification);
        return notification;
      },
    },
    shell: {
      openExternal: async (url: string) => void fake.openedExternal.push(url),
      openPath: async (path: string) => {
        fake.openedPaths.push(path);
        return '';
      },
    },
    net: { isOnline: () => fake.online },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: () => session,
    protocol: { handle: (scheme, handler) => void protocolHandlers.set(scheme, handler) },
    dialog: {
      showMessageBox(parent: WindowPort | null, options: MessageBoxSpec) {
        fake.dialogs.push(options);
        fake.dialogParents.push(parent);
        if (fake.dialogAnswer !== null) return Promise.resolve({ response: fake.dialogAnswer });
        return new Promise<{ response: number }>((resolve) => {
          const answer = (response: number) => resolve({ response });
          openDialogs.push(answer);
          options.signal?.addEventListener('abort', () => {
            openDialogs.splice(openDialogs.indexOf(answer), 1);
            resolve({ response: options.cancelId });
          });
        });
      },
      showErrorBox(title: string, content: string) {
        fake.errorBoxes.push({ title, content });
      },
    },
    images: {
      createFromPath: (path: string) => new FakeImage(path),
      createFromBitmap: (buffer: Buffer, size: { width: number; height: number }) =>
        new FakeImage(`bitmap:${buffer.length}`, size),
    },
    window() {
      const window = windows.at(-1);
      if (!window) throw new Error('no window was created');
      return window;
    },
    tray() {
      const tray = trays.at(-1);
      if (!tray) throw new Error('no tray was created');
      return tray;
    },
  };
  fake.safeStorage = fake.safe;
  return fake;
}
