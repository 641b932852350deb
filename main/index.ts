// The Electron main entry: the only file that imports electron. It hands the real Electron objects to the shell
// (main/shell), which the tests drive with fakes instead.
import { homedir } from 'node:os';
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  net,
  Notification,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  Tray,
} from 'electron';
import log from 'electron-log/main';
import { LOG_LEVELS, type LogLevel } from './core/logging';
import { APP_ID, startShell } from './shell/app';
import { configureElectronLog } from './shell/logging';
import { APP_SCHEME_PRIVILEGES } from './shell/rendererProtocol';
import { createElectronUpdater } from './shell/updates/electronUpdater';
import { prepareUpdates } from './shell/updates/setup';

// Before the app is ready: the renderer's own scheme, with https-like privileges.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
// Windows shows notifications only for an app with a user model id: the installer registers APP_ID; `npm start` runs
// Electron's own executable, whose id is its path (Electron's notifications tutorial, "Windows").
if (process.platform === 'win32') app.setAppUserModelId(app.isPackaged ? APP_ID : process.execPath);

const requestedLevel = process.env['MAGFLOW_LOG_LEVEL'];
const level: LogLevel = LOG_LEVELS.includes(requestedLevel as LogLevel) ? (requestedLevel as LogLevel) : 'info';
const logsDir = app.getPath('logs');
const logger = configureElectronLog(log, { logsDir, level });

const devServerUrl = !app.isPackaged ? (process.env['ELECTRON_RENDERER_URL'] ?? null) : null;

startShell(
  {
    app,
    createWindow: (spec) => new BrowserWindow(spec),
    createTray: (iconPath) => new Tray(iconPath),
    menu: Menu,
    notifications: {
      isSupported: () => Notification.isSupported(),
      create: (spec) => new Notification(spec),
    },
    safeStorage,
    ipcMain,
    shell,
    powerMonitor,
    net,
    screen,
    session: () => session.defaultSession,
    protocol,
    dialog: {
      // The parent is always a window createWindow made, i.e. a BrowserWindow.
      showMessageBox: (parent, options) =>
        parent ? dialog.showMessageBox(parent as BrowserWindow, options) : dialog.showMessageBox(options),
      showErrorBox: (title, content) => dialog.showErrorBox(title, content),
    },
    images: nativeImage,
  },
  {
    platform: process.platform,
    argv: process.argv,
    preloadPath: join(__dirname, '../preload/index.js'),
    rendererRoot: join(__dirname, '../renderer'),
    devServerUrl,
    resourcesDir: app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources'),
    logsDir,
    logger,
    linuxAutostart: {
      autostartDir: join(process.env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), 'autostart'),
      // An AppImage must be started through its own file; a deb install through the binary.
      executable: app.isPackaged ? (process.env['APPIMAGE'] ?? process.execPath) : null,
    },
    updates: prepareUpdates({
      platform: process.platform,
      isPackaged: app.isPackaged,
      devServerUrl,
      resourcesPath: process.resourcesPath,
      env: process.env,
      logger,
      createUpdater: createElectronUpdater,
    }),
  },
);
