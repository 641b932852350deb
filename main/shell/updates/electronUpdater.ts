// electron-updater's updater for each kind of installation, chosen by setup.ts (not by electron-updater's own
// `autoUpdater` guess, see there): NSIS on Windows, Squirrel.Mac's zip on macOS, dpkg for the deb, a file swap for
// the AppImage. Each is built with no arguments, so it talks to Electron itself: `app` (version, name, paths, 'quit'),
// `net.request` through its own session partition for every download, and on macOS Electron's `autoUpdater`.
import { AppImageUpdater, DebUpdater, MacUpdater, NsisUpdater, type AppUpdater } from 'electron-updater';
import type { UpdateInstaller } from '../../../shared/updates';
import type { UpdaterPort } from './controller';

export function createElectronUpdater(installer: UpdateInstaller): UpdaterPort {
  const updaters: Record<UpdateInstaller, () => AppUpdater> = {
    deb: () => new DebUpdater(),
    appimage: () => new AppImageUpdater(),
    nsis: () => new NsisUpdater(),
    mac: () => new MacUpdater(),
  };
  return updaters[installer]();
}
