// The few Electron pieces the shell uses, as small structural interfaces. main/index.ts passes the real Electron
// objects (so tsc checks them against electron.d.ts); tests pass recording fakes. Nothing here imports electron.

/** Anything that can be cancelled by an event handler (Electron's Event). */
export interface PreventableEvent {
  preventDefault(): void;
}

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WebPreferencesSpec {
  preload: string;
  contextIsolation: boolean;
  sandbox: boolean;
  nodeIntegration: boolean;
  nodeIntegrationInWorker: boolean;
  nodeIntegrationInSubFrames: boolean;
  webSecurity: boolean;
  allowRunningInsecureContent: boolean;
  webviewTag: boolean;
  navigateOnDragDrop: boolean;
  spellcheck: boolean;
}

export interface WindowSpec {
  x?: number;
  y?: number;
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  title: string;
  icon?: string;
  backgroundColor: string;
  autoHideMenuBar: boolean;
  webPreferences: WebPreferencesSpec;
}

export interface WindowOpenDetails {
  url: string;
}

export interface ConsoleMessageDetails {
  level: string;
  message: string;
  lineNumber: number;
  sourceId: string;
}

export interface WebContentsPort {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
  setWindowOpenHandler(handler: (details: WindowOpenDetails) => { action: 'deny' }): void;
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'console-message', listener: (details: ConsoleMessageDetails) => void): unknown;
  on(
    event: 'render-process-gone',
    listener: (event: unknown, details: { reason: string; exitCode: number }) => void,
  ): unknown;
  on(event: 'did-finish-load', listener: () => void): unknown;
  once(event: 'did-finish-load', listener: () => void): unknown;
  isLoading(): boolean;
  on(event: 'preload-error', listener: (event: unknown, preloadPath: string, error: Error) => void): unknown;
  /** Loads the page again; after a crash this starts a new renderer process. */
  reload(): void;
  /** Ends a hung renderer (Electron's way out of 'unresponsive', followed by reload()). */
  forcefullyCrashRenderer(): void;
}

/** Why a renderer or helper process ended (Electron's RenderProcessGoneDetails reasons). */
export interface ProcessGoneDetails {
  reason: string;
  exitCode: number;
}

/** app's 'child-process-gone': a GPU, utility or other helper process ended. */
export interface ChildProcessGoneDetails extends ProcessGoneDetails {
  type: string;
  serviceName?: string;
  name?: string;
}

export interface WindowPort {
  readonly webContents: WebContentsPort;
  show(): void;
  hide(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  isVisible(): boolean;
  isDestroyed(): boolean;
  isMaximized(): boolean;
  maximize(): void;
  getNormalBounds(): Rectangle;
  setTitle(title: string): void;
  setOverlayIcon(overlay: NativeImagePort | null, description: string): void;
  loadURL(url: string): Promise<void>;
  /** Closes without asking ('close' is not emitted); the tray keeps MagFlow running. */
  destroy(): void;
  on(event: 'close', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'page-title-updated', listener: (event: PreventableEvent, title: string) => void): unknown;
  on(
    event:
      | 'closed'
      | 'resize'
      | 'move'
      | 'ready-to-show'
      | 'maximize'
      | 'unmaximize'
      | 'unresponsive'
      | 'responsive'
      | 'query-session-end'
      | 'session-end',
    listener: () => void,
  ): unknown;
}

export type CreateWindow = (spec: WindowSpec) => WindowPort;

/** An opaque image (Electron's NativeImage). */
export interface NativeImagePort {
  isEmpty(): boolean;
}

export interface ImagesPort {
  createFromPath(path: string): NativeImagePort;
  createFromBitmap(buffer: Buffer, options: { width: number; height: number }): NativeImagePort;
}

export interface MenuItemSpec {
  id?: string;
  label?: string;
  type?: 'normal' | 'separator' | 'submenu';
  /** Electron's built-in items and menus (editMenu, appMenu...), which bring their own labels and shortcuts. */
  role?: 'appMenu' | 'editMenu' | 'windowMenu';
  enabled?: boolean;
  click?: () => void;
}

export interface MenuFactory<M = unknown> {
  buildFromTemplate(template: MenuItemSpec[]): M;
  /** The application menu (null: none, which on Windows and Linux also removes its shortcuts). */
  setApplicationMenu(menu: M | null): void;
}

export interface TrayPort<M = unknown> {
  /** A file path: Electron picks the @2x variant next to it on high-DPI screens. */
  setImage(imagePath: string): void;
  setToolTip(toolTip: string): void;
  setContextMenu(menu: M | null): void;
  on(event: 'click' | 'double-click', listener: () => void): unknown;
  destroy(): void;
}

export interface NotificationSpec {
  title: string;
  body: string;
  silent: boolean;
  icon?: string;
}

export interface NotificationPort {
  show(): void;
  close(): void;
  on(event: 'click' | 'close' | 'failed', listener: () => void): unknown;
}

export interface NotificationsPort {
  isSupported(): boolean;
  create(spec: NotificationSpec): NotificationPort;
}

export interface SafeStoragePort {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means a hard-coded key, i.e. no real protection. */
  getSelectedStorageBackend?(): string;
}

export interface IpcInvokeEvent {
  senderFrame: { url: string } | null;
}

export interface IpcMainPort {
  handle(channel: string, listener: (event: IpcInvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface ShellPort {
  openExternal(url: string): Promise<void>;
  openPath(path: string): Promise<string>;
}

export interface PowerMonitorPort {
  on(event: 'resume', listener: () => void): unknown;
  /**
   * Linux and macOS: the system is about to shut down or reboot; preventDefault delays it while MagFlow quits
   * (docs/api/power-monitor.md; Electron passes the event although its typings list none).
   */
  on(event: 'shutdown', listener: (event?: PreventableEvent) => void): unknown;
}

export interface LoginItemSettingsSpec {
  openAtLogin: boolean;
  openAsHidden?: boolean;
  args?: string[];
}

/** Chromium's command line (app.commandLine); switches only count when set before the app is ready. */
export interface CommandLinePort {
  appendSwitch(name: string, value?: string): void;
  hasSwitch(name: string): boolean;
}

export interface AppPort {
  readonly isPackaged: boolean;
  readonly commandLine: CommandLinePort;
  requestSingleInstanceLock(): boolean;
  whenReady(): Promise<unknown>;
  quit(): void;
  exit(exitCode?: number): void;
  focus(options?: { steal: boolean }): void;
  getPath(name: 'userData' | 'logs'): string;
  getAppPath(): string;
  getVersion(): string;
  setBadgeCount(count?: number): boolean;
  setLoginItemSettings(settings: LoginItemSettingsSpec): void;
  /** macOS: `wasOpenedAtLogin` says the system started MagFlow at login. */
  getLoginItemSettings(): { wasOpenedAtLogin?: boolean };
  on(event: 'second-instance', listener: (event: unknown, argv: string[]) => void): unknown;
  on(event: 'before-quit' | 'will-quit', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'window-all-closed' | 'activate', listener: () => void): unknown;
  on(event: 'web-contents-created', listener: (event: unknown, contents: WebContentsPort) => void): unknown;
  on(event: 'child-process-gone', listener: (event: unknown, details: ChildProcessGoneDetails) => void): unknown;
}

/** Response headers / permission hooks of the default session. */
export interface SessionPort {
  setPermissionRequestHandler(
    handler: ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null,
  ): void;
  setPermissionCheckHandler(handler: ((webContents: unknown, permission: string) => boolean) | null): void;
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
      ) => void,
    ): void;
  };
}

export interface ProtocolPort {
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}

export interface DisplayPort {
  workArea: Rectangle;
}

export interface ScreenPort {
  getAllDisplays(): DisplayPort[];
}

export interface MessageBoxSpec {
  type: 'none' | 'info' | 'error' | 'question' | 'warning';
  buttons: string[];
  defaultId: number;
  cancelId: number;
  title: string;
  message: string;
  detail: string;
  noLink: boolean;
  /** Closes the box (answering cancelId) when aborted. */
  signal?: AbortSignal;
}

export interface DialogPort {
  /** A message box attached to `parent` (modal to it) when there is a window; never blocks the main process. */
  showMessageBox(parent: WindowPort | null, options: MessageBoxSpec): Promise<{ response: number }>;
  showErrorBox(title: string, content: string): void;
}

export interface NetPort {
  isOnline(): boolean;
}
