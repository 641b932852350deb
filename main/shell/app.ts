// Assembles the desktop app from the Electron pieces (passed in, so tests give fakes) and the headless core:
// lifecycle, the secure window (and its recovery from a failed renderer), the application menu, IPC, tray, badge,
// notifications, power/network catch-up, login item, secrets and Chromium's language.
import { join } from 'node:path';
import { OrdersQuerySchema } from '../../shared/ipc';
import type { Settings } from '../../shared/settings';
import { createMagflowCore, type MagflowCore, type MagflowCoreOptions } from '../core/magflow';
import { messages } from '../core/messages/catalogue';
import { DEMO_PASSWORDS, type DemoOptions } from '../core/demo';
import type { DataDirLock } from '../core/lock/dataDirLock';
import type { Logger } from '../core/logging';
import { createBadge, type Badge } from './badge';
import { applyApplicationMenu } from './appMenu';
import { applyChromiumLanguage, readSavedLanguage, saveLanguage } from './chromiumLanguage';
import { claimDataDir } from './dataDirClaim';
import { trayIconFile, windowIconFile } from './icons';
import { forwardEvents, logRendererProblems, registerIpcHandlers, sendToWindow } from './ipc';
import { setupLifecycle } from './lifecycle';
import { applyLoginItem, startedAtLogin, type LoginItemDeps } from './loginItem';
import { createNotifier, type NavigateTarget, type Notifier } from './notifier';
import { watchPowerAndNetwork } from './power';
import type {
  AppPort,
  CreateWindow,
  DialogPort,
  ImagesPort,
  IpcMainPort,
  MenuFactory,
  NetPort,
  NotificationsPort,
  PowerMonitorPort,
  ProtocolPort,
  SafeStoragePort,
  ScreenPort,
  SessionPort,
  ShellPort,
  TrayPort,
  WindowPort,
} from './ports';
import { watchChildProcesses, watchRenderer } from './rendererRecovery';
import { registerRendererProtocol, APP_INDEX_URL } from './rendererProtocol';
import { SECRETS_FILE, safeStorageSecretStore, unencryptedConsentText, type SafeSecretStore } from './secrets';
import { guardAllWebContents, hardenSession, isAllowedExternalUrl, isAppUrl } from './security';
import { createTrayController, type TrayController } from './tray';
import type { TrayState } from './trayModel';
import { createUpdateController, schedulerGate } from './updates/controller';
import type { UpdatesSetup } from './updates/setup';
import { mainWindow, type MainWindow } from './window';

/** Everything the shell needs from Electron. */
export interface ShellElectron<M> {
  app: AppPort;
  createWindow: CreateWindow;
  createTray(iconPath: string): TrayPort<M>;
  menu: MenuFactory<M>;
  notifications: NotificationsPort;
  safeStorage: SafeStoragePort;
  ipcMain: IpcMainPort;
  shell: ShellPort;
  powerMonitor: PowerMonitorPort;
  net: NetPort;
  screen: ScreenPort;
  session(): SessionPort;
  protocol: ProtocolPort;
  dialog: DialogPort;
  images: ImagesPort;
}

export interface ShellOptions {
  platform: NodeJS.Platform;
  argv: readonly string[];
  /** out/preload/index.js */
  preloadPath: string;
  /** out/renderer (served as magflow://app/). */
  rendererRoot: string;
  /** electron-vite's dev server URL while developing, else null. */
  devServerUrl: string | null;
  /** The folder holding tray-*.png and icon.png. */
  resourcesDir: string;
  logsDir: string;
  logger: Logger;
  demo?: boolean | DemoOptions;
  /** Replaced in tests (e.g. to shorten the demo stream); defaults to createMagflowCore. */
  createCore?: (options: MagflowCoreOptions) => Promise<MagflowCore>;
  /** Timings tests set to 0. */
  redrawDelayMs?: number;
  /** Linux launch at login: the XDG autostart folder and the packaged executable (AppImage path or binary). */
  linuxAutostart?: LoginItemDeps['linux'];
  /** Delay between the page having loaded and a navigation being sent (the window subscribes right after load). */
  navigateDelayMs?: number;
  /** Longest wait for the core to stop on quit (tests shorten it). */
  quitTimeoutMs?: number;
  /** MagFlow's own updates (main/shell/updates/setup.ts); without it updates are off. */
  updates?: UpdatesSetup;
}

export interface RunningShell {
  readonly core: MagflowCore;
  readonly window: MainWindow;
  readonly tray: TrayController;
  readonly badge: Badge;
  readonly notifier: Notifier;
  readonly secrets: SafeSecretStore;
  /** Shows the window and sends it a navigation (what a notification click does). */
  openAt(to: NavigateTarget): void;
}

export interface ShellHandle {
  /** False when another instance owns the lock (this process quits). */
  primary: boolean;
  /** Resolves once the shell is up (or null for a secondary instance). */
  ready: Promise<RunningShell | null>;
}

/** The app id: electron-builder's appId and the Windows AppUserModelId (toasts need it to show). */
export const APP_ID = 'ro.magflow.desktop';

export function startShell<M>(electron: ShellElectron<M>, options: ShellOptions): ShellHandle {
  const { app } = electron;
  const logger = options.logger;
  let running: RunningShell | null = null;
  let stopShell: (() => Promise<void>) | null = null;

  const lifecycle = setupLifecycle({
    app,
    logger,
    showWindow: () => running?.window.show(),
    shutdown: async () => {
      if (stopShell) await stopShell();
    },
    ...(options.quitTimeoutMs !== undefined ? { quitTimeoutMs: options.quitTimeoutMs } : {}),
  });
  if (!lifecycle.primary) return { primary: false, ready: Promise.resolve(null) };

  // Before any window exists: every webContents gets the navigation guards, the system's shutdown quits MagFlow.
  const openExternal = async (url: string): Promise<boolean> => {
    if (!isAllowedExternalUrl(url)) {
      logger.warn('refused to open a link outside the allow-list', { url: url.slice(0, 200) });
      return false;
    }
    await electron.shell.openExternal(url);
    return true;
  };
  guardAllWebContents(app, {
    openExternal: (url) =>
      void openExternal(url).catch((error: unknown) => logger.warn('could not open a link', { error })),
    onBlocked: (kind, url) => logger.warn('window: blocked', { kind, url: url.slice(0, 200) }),
  });
  watchChildProcesses(app, logger);
  const updates = createUpdateController({
    ...(options.updates ?? { disabledReason: 'development', feed: null, installer: null, updater: null }),
    version: app.getVersion(),
    logger,
  });
  electron.powerMonitor.on('shutdown', (event) => {
    updates.holdInstallOnQuit();
    lifecycle.systemShutdown(event);
  });

  // Chromium reads its locale only before ready (date/time inputs follow it); the core is not open yet.
  const locale = applyChromiumLanguage(app.commandLine, app.getPath('userData'), logger);
  if (locale) logger.debug('Chromium language', { locale });

  let dataDirLock: DataDirLock | null = null;
  const ready = app.whenReady().then(async () => {
    // One syncing process per data folder: a `magflow run` (or sync, serve) holding it is named, and the seller
    // stops it or quits (docs/desktop.md).
    const userData = app.getPath('userData');
    const language = readSavedLanguage(userData, logger);
    dataDirLock = await claimDataDir({ dataDir: userData, dialog: electron.dialog, language, logger });
    if (!dataDirLock) {
      logger.info('quitting: the seller chose not to wait for the other MagFlow process');
      app.quit();
      return null;
    }
    running = await assemble(dataDirLock);
    lifecycle.setReady(true);
    return running;
  });
  ready.catch((error: unknown) => {
    dataDirLock?.release();
    // Nothing is running yet: tell the seller why (a database from a newer MagFlow, a full disk...) and exit.
    logger.error('MagFlow could not start', { error });
    const reason = error instanceof Error ? error.message : String(error);
    electron.dialog.showErrorBox('MagFlow', `MagFlow could not start.\n\n${reason}\n\nLog: ${options.logsDir}`);
    app.exit(1);
  });
  return { primary: true, ready };

  async function assemble(lock: DataDirLock): Promise<RunningShell> {
    const dataDir = app.getPath('userData');
    const devServerUrl = options.devServerUrl;
    hardenSession(electron.session(), devServerUrl);
    if (!devServerUrl) registerRendererProtocol(electron.protocol, options.rendererRoot);
    applyApplicationMenu(electron.menu, options.platform, devServerUrl !== null);

    let core: MagflowCore | null = null;
    let windowRef: MainWindow | null = null;
    const settings = (): Settings => core!.settings.get();
    const secrets = safeStorageSecretStore({
      path: join(dataDir, SECRETS_FILE),
      safeStorage: electron.safeStorage,
      logger,
      choice: () => (core ? settings().unencryptedSecrets : 'ask'),
      remember: (choice) => core?.settings.update({ unencryptedSecrets: choice }),
      ask: async () => {
        const text = unencryptedConsentText(core ? settings().language : 'ro');
        // Asked from inside an IPC call (accounts.save): a message box attached to the window, never the blocking
        // sync form, which would freeze the main process (tray, sync, every other call) until answered.
        const { response } = await electron.dialog.showMessageBox(windowRef?.current() ?? null, {
          type: 'warning',
          title: text.title,
          message: text.message,
          detail: text.detail,
          buttons: [...text.buttons],
          defaultId: 0,
          cancelId: 0,
          noLink: true,
        });
        return response === 1;
      },
      isPublic: (value) => DEMO_PASSWORDS.has(value),
    });

    const createCore = options.createCore ?? createMagflowCore;
    core = await createCore({
      dataDir,
      version: app.getVersion(),
      runtime: 'electron',
      logsDir: options.logsDir,
      logger,
      secrets,
      demo: options.demo ?? true,
      openExternal,
      // #17: a saved AWB label opens in the system's PDF viewer (openPath answers '' on success, else the reason).
      fileOpener: {
        open: async (path) => {
          const failure = await electron.shell.openPath(path);
          if (failure) logger.warn('could not open a file', { path, failure });
          return failure === '';
        },
      },
      dataDirLock: lock,
      updates,
    });
    const theCore = core;
    try {
      await theCore.start();
    } catch (error) {
      await theCore.stop({ abort: true }).catch(() => undefined);
      throw error;
    }
    // The copy Chromium reads on the next start follows the settings (also when another tool changed them).
    saveLanguage(dataDir, settings().language, logger);
    const loginItem: LoginItemDeps = {
      platform: options.platform,
      app,
      logger,
      ...(options.linuxAutostart ? { linux: options.linuxAutostart } : {}),
    };

    const titleFor = () => (theCore.isDemo() ? 'MagFlow — demo' : 'MagFlow');
    const icon = (name: string) => join(options.resourcesDir, name);
    let badge: Badge | null = null;

    const window = mainWindow({
      createWindow: electron.createWindow,
      screen: electron.screen,
      state: theCore.repos.settings,
      logger,
      preloadPath: options.preloadPath,
      url: devServerUrl ?? APP_INDEX_URL,
      iconPath: icon(windowIconFile(options.platform)),
      title: titleFor(),
      isQuitting: lifecycle.isQuitting,
      onCreated: (created) => {
        logRendererProblems(created, logger);
        watchRenderer({
          window: created,
          dialog: electron.dialog,
          logger,
          language: () => settings().language,
          logsDir: options.logsDir,
        });
        // Windows: logging off or shutting down ends MagFlow, it does not hide it in the tray (and runs no installer).
        created.on('query-session-end', () => {
          updates.holdInstallOnQuit();
          lifecycle.sessionEnding();
        });
        created.on('session-end', () => lifecycle.endSession());
        // A new window has no overlay yet (Windows).
        setTimeout(() => badge?.invalidate(), 0);
      },
    });
    windowRef = window;

    const openAt = (to: NavigateTarget) => {
      const target = window.show();
      const send = () => sendToWindow(target, { type: 'navigate', to });
      const delay = options.navigateDelayMs ?? 800;
      // A window still loading would miss the event: send it once the page has loaded and subscribed.
      if (target.webContents.isLoading())
        target.webContents.once('did-finish-load', () => void setTimeout(send, delay));
      else send();
    };

    const unregisterIpc = registerIpcHandlers({
      ipcMain: electron.ipcMain,
      dispatcher: theCore.dispatcher,
      logger,
      isTrustedUrl: (url) => isAppUrl(url, devServerUrl),
    });
    // What lives outside the core follows its changes (the tray follows them itself).
    const stopFollowingChanges = [
      theCore.bus.on('settings_changed', ({ settings: saved }) => {
        applyLoginItem(loginItem, saved.launchAtLogin);
        saveLanguage(dataDir, saved.language, logger);
        secrets.persistSessionSecrets();
      }),
      theCore.bus.on('accounts_changed', () => window.setTitle(titleFor())),
    ];
    const stopForwarding = forwardEvents(theCore.bus, () => window.current());

    const newOrders = () => theCore.repos.orders.list(OrdersQuerySchema.parse({ statuses: [1], limit: 1 })).total;
    const notifier = createNotifier({
      bus: theCore.bus,
      notifications: electron.notifications,
      settings,
      accountName: (id) => theCore.repos.accounts.get(id)?.name ?? `#${id}`,
      open: openAt,
      logger,
      iconPath: icon('icon.png'),
      today: () => theCore.today(),
    });
    const trayIcon = (state: TrayState) => icon(trayIconFile(options.platform, state));
    const trayPort = electron.createTray(trayIcon('ok'));
    const tray = createTrayController({
      tray: trayPort,
      menu: electron.menu,
      iconPath: trayIcon,
      sync: theCore.scheduler,
      bus: theCore.bus,
      settings,
      newOrders,
      todayCounts: () => theCore.today().counts,
      openToday: () => openAt({ screen: 'today' }),
      isDemo: () => theCore.isDemo(),
      showWindow: () => void window.show(),
      openLogs: () => {
        electron.shell
          .openPath(options.logsDir)
          .then((problem) => problem && logger.warn('could not open the logs folder', { problem }))
          .catch((error: unknown) => logger.warn('could not open the logs folder', { error }));
      },
      quit: () => app.quit(),
      openOnClick: options.platform !== 'darwin',
      logger,
      ...(options.redrawDelayMs !== undefined ? { redrawDelayMs: options.redrawDelayMs } : {}),
    });
    badge = createBadge({
      platform: options.platform,
      app,
      images: electron.images,
      currentWindow: () => window.current(),
      count: newOrders,
      bus: theCore.bus,
      logger,
      describe: (n) => messages(settings().language).badge(n),
      ...(options.redrawDelayMs !== undefined ? { redrawDelayMs: options.redrawDelayMs } : {}),
    });
    const power = watchPowerAndNetwork({
      powerMonitor: electron.powerMonitor,
      net: electron.net,
      catchUp: (reason) => theCore.scheduler.catchUp(reason),
      logger,
    });
    applyLoginItem(loginItem, settings().launchAtLogin);
    updates.start({
      sync: schedulerGate(theCore.scheduler, theCore.bus),
      publish: (status) => theCore.bus.emit({ type: 'update_status', status }),
    });

    const startHidden = settings().startMinimized || startedAtLogin(loginItem, options.argv);
    if (!startHidden) window.show();
    logger.info('MagFlow started', { demo: theCore.isDemo(), version: app.getVersion(), hidden: startHidden });

    const activeBadge = badge;
    stopShell = async () => {
      logger.info('MagFlow quitting: stopping the core');
      updates.stop();
      power.stop();
      notifier.stop();
      tray.stop();
      activeBadge.stop();
      stopForwarding();
      for (const stopFollowing of stopFollowingChanges) stopFollowing();
      unregisterIpc();
      await theCore.stop({ abort: true });
      lock.release();
      trayPort.destroy();
      logger.info('MagFlow stopped cleanly');
    };

    return { core: theCore, window, tray, badge: activeBadge, notifier, secrets, openAt };
  }
}

export type { WindowPort };
