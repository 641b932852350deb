// The `electron` module the built main process gets under the harness (boot.ts resolves `require('electron')` to
// this file). A main-process module Electron has and the harness does not emulate throws a clear error when used,
// instead of being silently undefined.
import { app } from './app';
import { autoUpdater } from './autoUpdater';
import { dialog } from './dialog';
import { ipcMain } from './ipcMain';
import { Menu, MenuItem } from './menu';
import { nativeImage, NativeImage } from './nativeImage';
import { Notification } from './notification';
import { protocol } from './protocol';
import { net, powerMonitor, safeStorage, screen, session, shell } from './services';
import { Tray } from './tray';
import { BrowserWindow, webContents } from './windows';

const emulated: Record<string, unknown> = {
  app,
  autoUpdater,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  MenuItem,
  nativeImage,
  NativeImage,
  net,
  Notification,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  Tray,
  webContents,
};

/**
 * Electron's main-process modules (lib/browser/api/module-list.ts, v41) that the harness does not emulate: using one
 * throws. Any other name (a renderer module such as ipcRenderer, which electron-log probes) is undefined in the
 * main process, as in Electron.
 */
const NOT_EMULATED = new Set([
  'BaseWindow',
  'BrowserView',
  'clipboard',
  'contentTracing',
  'crashReporter',
  'desktopCapturer',
  'globalShortcut',
  'ImageView',
  'inAppPurchase',
  'MessageChannelMain',
  'nativeTheme',
  'netLog',
  'powerSaveBlocker',
  'pushNotifications',
  'ServiceWorkerMain',
  'sharedTexture',
  'ShareMenu',
  'systemPreferences',
  'TouchBar',
  'utilityProcess',
  'View',
  'WebContentsView',
  'webFrameMain',
]);

module.exports = new Proxy(emulated, {
  get(target, key) {
    if (typeof key === 'string' && NOT_EMULATED.has(key)) throw new Error(`harness: electron.${key} is not emulated`);
    return typeof key === 'string' ? target[key] : undefined;
  },
});
