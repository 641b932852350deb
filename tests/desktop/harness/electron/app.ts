// `app`: Electron's lifecycle in the order shell/browser/browser.cc runs it (v41):
// - ready: after the main script's first tick, 'will-finish-launching' then 'ready' (docs/api/app.md, "Event:
//   'ready'"); the harness launches Chromium in between, with the switches appended before ready.
// - quit(): 'before-quit' (preventable) → every window asked to close (a prevented 'close' cancels the quit,
//   Browser::OnWindowCloseCancelled) → 'will-quit' (preventable) → 'quit' → the process exits (Browser::Quit,
//   NotifyAndShutdown, Shutdown).
// - exit(code): windows destroyed without asking, no before-quit/will-quit, then 'quit' (Browser::ExitWithCode).
// - the last window closed while not quitting: 'window-all-closed'; with no listener the app quits
//   (lib/browser/init.ts).
// - 'second-instance' only after 'ready' (docs/api/app.md, "Event: 'second-instance'").
import { EventEmitter } from 'node:events';
import { mkdirSync, readFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { record } from '../journal';
import { launchChromium } from './chromium';
import { setDefaultApplicationMenu } from './menu';
import { preventableEvent, runtime } from './runtime';
import { requestLock, type SecondLaunch } from './singleInstance';

interface PackageJson {
  name: string;
  productName?: string;
  version: string;
}

const packageJson = JSON.parse(readFileSync(join(runtime.appPath, 'package.json'), 'utf8')) as PackageJson;

/** Chromium switches given on the command line (`--name` or `--name=value`). */
function launchSwitches(): Map<string, string> {
  const switches = new Map<string, string>();
  for (const arg of process.argv.slice(2)) {
    const match = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (match) switches.set(match[1]!, match[2] ?? '');
  }
  return switches;
}

export class App extends EventEmitter {
  /**
   * Run like `electron .` (electron-vite preview); or, with MAGFLOW_HARNESS_RESOURCES, like the packaged app whose
   * resources folder (process.resourcesPath, set by boot.ts) is that one: what electron-builder puts there (the
   * tray icons, app-update.yml, package-type) is what the test put there.
   */
  readonly isPackaged = Boolean(process.env['MAGFLOW_HARNESS_RESOURCES']);
  name = packageJson.productName ?? packageJson.name;
  #ready = false;
  #quitting = false;
  #exiting = false;
  #shutdown = false;
  #exitCode = 0;
  #badge = 0;
  #lock: boolean | null = null;
  #pendingSecond: SecondLaunch[] = [];
  #relaunch: { args: string[]; execPath: string } | null = null;
  #resolveReady: () => void = () => undefined;
  readonly #readyPromise = new Promise<void>((resolve) => (this.#resolveReady = resolve));
  readonly #paths = new Map<string, string>();
  readonly #switches = launchSwitches();
  /** Switches appended before ready reach Chromium; later ones are recorded as ignored. */
  readonly #appended: string[] = [];

  readonly commandLine = {
    appendSwitch: (name: string, value?: string) => {
      record('app.commandLine.appendSwitch', { name, value, afterReady: this.#ready });
      this.#switches.set(name, value ?? '');
      if (!this.#ready) this.#appended.push(value === undefined ? `--${name}` : `--${name}=${value}`);
    },
    appendArgument: (value: string) => record('app.commandLine.appendArgument', { value, afterReady: this.#ready }),
    hasSwitch: (name: string) => this.#switches.has(name),
    getSwitchValue: (name: string) => this.#switches.get(name) ?? '',
    removeSwitch: (name: string) => void this.#switches.delete(name),
  };

  getName(): string {
    return this.name;
  }
  getVersion(): string {
    return packageJson.version;
  }
  getAppPath(): string {
    return runtime.appPath;
  }
  getLocale(): string {
    return this.#switches.get('lang') ?? 'en-US';
  }

  /** Linux folders, as docs/api/app.md "app.getPath(name)" describes them. */
  getPath(name: string): string {
    const set = this.#paths.get(name);
    if (set) return set;
    const home = homedir();
    const appData = process.env['XDG_CONFIG_HOME'] || join(home, '.config');
    const userData = this.#paths.get('userData') ?? join(appData, this.name);
    const paths: Record<string, string> = {
      home,
      appData,
      userData,
      sessionData: userData,
      temp: tmpdir(),
      exe: process.execPath,
      module: process.execPath,
      desktop: join(home, 'Desktop'),
      documents: join(home, 'Documents'),
      downloads: join(home, 'Downloads'),
      music: join(home, 'Music'),
      pictures: join(home, 'Pictures'),
      videos: join(home, 'Videos'),
      logs: join(userData, 'logs'),
      crashDumps: join(userData, 'Crashpad'),
    };
    const path = paths[name];
    if (!path) throw new Error(`Failed to get '${name}' path`);
    return path;
  }
  setPath(name: string, path: string): void {
    record('app.setPath', { name, path });
    this.#paths.set(name, path);
  }

  isReady(): boolean {
    return this.#ready;
  }
  whenReady(): Promise<void> {
    return this.#readyPromise;
  }

  requestSingleInstanceLock(additionalData?: unknown): boolean {
    if (this.#lock !== null) return this.#lock;
    this.#lock = requestLock(this.getPath('userData'), additionalData ?? null, (launch) => {
      if (this.#ready) this.#emitSecondInstance(launch);
      else this.#pendingSecond.push(launch);
    });
    record('app.requestSingleInstanceLock', { granted: this.#lock });
    return this.#lock;
  }
  hasSingleInstanceLock(): boolean {
    return this.#lock === true;
  }
  releaseSingleInstanceLock(): void {
    record('app.releaseSingleInstanceLock');
  }
  #emitSecondInstance(launch: SecondLaunch): void {
    this.#lifecycleEvent(
      'second-instance',
      preventableEvent(),
      launch.argv,
      launch.workingDirectory,
      launch.additionalData,
    );
  }

  /** Journals one of the lifecycle events, emits it, and says (and journals) whether a listener prevented it. */
  #lifecycleEvent(name: string, event: { defaultPrevented: boolean }, ...args: unknown[]): boolean {
    record('app.event', { name, listeners: this.listenerCount(name) });
    this.emit(name, event, ...args);
    if (event.defaultPrevented) record('app.event-prevented', { name });
    return event.defaultPrevented;
  }

  focus(options?: { steal?: boolean }): void {
    record('app.focus', { steal: options?.steal ?? false });
  }
  setBadgeCount(count?: number): boolean {
    // docs/api/app.md "app.setBadgeCount": on Linux it works only for the Unity launcher; the harness records it.
    this.#badge = count ?? 0;
    record('app.setBadgeCount', { count: this.#badge });
    return true;
  }
  getBadgeCount(): number {
    return this.#badge;
  }
  getLoginItemSettings(): { openAtLogin: boolean; wasOpenedAtLogin: boolean } {
    return { openAtLogin: false, wasOpenedAtLogin: false };
  }
  setLoginItemSettings(settings: object): void {
    record('app.setLoginItemSettings', { settings });
  }

  /**
   * docs/api/app.md, "app.relaunch([options])": the app starts again when this instance exits (with its own arguments
   * unless `args` is given); it does not quit by itself. The harness journals it, and at exit the relaunch Electron
   * would do now; it starts no second app.
   */
  relaunch(options: { args?: string[]; execPath?: string } = {}): void {
    this.#relaunch = { args: options.args ?? process.argv.slice(1), execPath: options.execPath ?? process.execPath };
    record('app.relaunch', { ...this.#relaunch });
  }

  /** Called by boot.ts after the main script's first tick. */
  async start(): Promise<void> {
    // lib/browser/init.ts sets Electron's default menu at 'will-finish-launching' unless the app set one already.
    setDefaultApplicationMenu();
    this.#lifecycleEvent('will-finish-launching', preventableEvent());
    if (!this.#shutdown) {
      await launchChromium(this.#appended);
    }
    // Browser::DidFinishLaunching makes sure the user data folder exists.
    mkdirSync(this.getPath('userData'), { recursive: true });
    this.#ready = true;
    runtime.ready = true;
    this.#lifecycleEvent('ready', preventableEvent(), {});
    this.#resolveReady();
    for (const launch of this.#pendingSecond.splice(0)) this.#emitSecondInstance(launch);
    // A quit before ready (Browser::Shutdown "wait until the quit_main_message_loop_ is available") ends here.
    if (this.#shutdown) setImmediate(() => void this.#finish());
  }

  quit(): void {
    record('app.quit', { quitting: this.#quitting });
    if (this.#quitting) return;
    this.#quitting = !this.#lifecycleEvent('before-quit', preventableEvent());
    if (!this.#quitting) return;
    if (runtime.windows.length === 0) this.#notifyAndShutdown();
    else for (const window of [...runtime.windows]) window.close();
  }

  exit(exitCode = 0): void {
    record('app.exit', { exitCode });
    this.#exitCode = exitCode;
    if (!this.#ready) {
      // Browser::ExitWithCode: no message loop yet, exit directly.
      process.exit(exitCode);
    }
    this.#quitting = true;
    this.#exiting = true;
    if (runtime.windows.length === 0) this.#doShutdown();
    else for (const window of [...runtime.windows]) window.destroy();
  }

  /** A window's 'close' was prevented while quitting: Browser::OnWindowCloseCancelled cancels the quit. */
  windowCloseCancelled(): void {
    if (this.#quitting && !this.#exiting) {
      this.#quitting = false;
      record('app.quit-cancelled', { by: 'window close prevented' });
    }
  }

  /** The last window is gone (Browser::OnWindowAllClosed). */
  windowAllClosed(): void {
    if (this.#exiting) this.#doShutdown();
    else if (this.#quitting) this.#notifyAndShutdown();
    else {
      const listeners = this.listenerCount('window-all-closed');
      this.#lifecycleEvent('window-all-closed', preventableEvent());
      if (listeners === 0) this.quit();
    }
  }

  #notifyAndShutdown(): void {
    if (this.#shutdown) return;
    if (this.#lifecycleEvent('will-quit', preventableEvent())) {
      this.#quitting = false;
      return;
    }
    this.#doShutdown();
  }

  #doShutdown(): void {
    if (this.#shutdown) return;
    this.#shutdown = true;
    this.#quitting = true;
    this.#lifecycleEvent('quit', preventableEvent(), this.#exitCode);
    if (this.#ready) setImmediate(() => void this.#finish());
  }

  /** The main loop has quit: tear down Chromium and the servers, then the process exits. */
  async #finish(): Promise<void> {
    await Promise.allSettled([...runtime.pending]);
    for (const step of runtime.teardown.reverse()) {
      try {
        await step();
      } catch {
        // exiting anyway
      }
    }
    if (this.#relaunch) record('process.relaunch', { ...this.#relaunch });
    record('process.exit', { exitCode: this.#exitCode });
    process.exit(this.#exitCode);
  }
}

export const app = new App();
