// `autoUpdater` as Electron has it on Linux (docs/api/auto-updater.md: "There is no built-in support for
// auto-updater on Linux"): the module exists on every platform, but outside macOS and Windows its native side does
// nothing (shell/browser/auto_updater.cc: getFeedURL() is "", setFeedURL, checkForUpdates and quitAndInstall are
// empty) and it emits no event of its own. electron-updater's Linux updaters use it for one thing: after their
// installer ran in quitAndInstall they emit 'before-quit-for-update' on it (BaseUpdater) and then call app.quit().
// Every call and emit is journaled. On macOS electron-updater hands the zip to Squirrel.Mac through this module,
// which only a real Mac can show.
import { EventEmitter } from 'node:events';
import { record } from '../journal';

class AutoUpdater extends EventEmitter {
  getFeedURL(): string {
    return '';
  }
  setFeedURL(options: unknown): void {
    record('autoUpdater.setFeedURL', { options });
  }
  checkForUpdates(): void {
    record('autoUpdater.checkForUpdates');
  }
  quitAndInstall(): void {
    record('autoUpdater.quitAndInstall');
  }
  override emit(event: string | symbol, ...args: unknown[]): boolean {
    record('autoUpdater.emit', { event: String(event) });
    return super.emit(event, ...args);
  }
}

export const autoUpdater = new AutoUpdater();
