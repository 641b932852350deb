// Launch at login, started hidden in the tray. macOS and Windows have an OS API (app.setLoginItemSettings); Linux
// desktops follow the XDG autostart spec: a .desktop file in ~/.config/autostart. Windows and Linux start MagFlow
// with --hidden; macOS 13+ passes no arguments and ignores `openAsHidden` (deprecated in Electron), so there MagFlow
// asks `wasOpenedAtLogin` instead.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../core/logging';
import type { AppPort } from './ports';

/** The launch flag a login start passes, so MagFlow stays in the tray. */
export const HIDDEN_FLAG = '--hidden';
export const AUTOSTART_FILE = 'magflow.desktop';

export interface LoginItemDeps {
  platform: NodeJS.Platform;
  app: Pick<AppPort, 'setLoginItemSettings' | 'getLoginItemSettings'>;
  logger: Logger;
  /** Linux: the autostart folder ($XDG_CONFIG_HOME/autostart) and the command that starts MagFlow (null in dev). */
  linux?: { autostartDir: string; executable: string | null };
}

/** The XDG autostart entry (quoted Exec per the Desktop Entry spec). */
export function autostartEntry(executable: string): string {
  const quoted = `"${executable.replace(/(["`$\\])/g, '\\$1')}"`;
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=MagFlow',
    'Comment=Order desk for eMAG Marketplace sellers',
    `Exec=${quoted} ${HIDDEN_FLAG}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export function applyLoginItem(deps: LoginItemDeps, launchAtLogin: boolean): void {
  try {
    if (deps.platform === 'darwin') {
      deps.app.setLoginItemSettings({ openAtLogin: launchAtLogin });
    } else if (deps.platform === 'win32') {
      deps.app.setLoginItemSettings({ openAtLogin: launchAtLogin, args: [HIDDEN_FLAG] });
    } else if (deps.linux) {
      const file = join(deps.linux.autostartDir, AUTOSTART_FILE);
      if (!launchAtLogin) {
        if (existsSync(file)) rmSync(file, { force: true });
        return;
      }
      if (!deps.linux.executable) {
        deps.logger.info('launch at login: only the packaged app can register itself');
        return;
      }
      mkdirSync(deps.linux.autostartDir, { recursive: true });
      writeFileSync(file, autostartEntry(deps.linux.executable));
    }
  } catch (error) {
    deps.logger.warn('could not change launch at login', { error });
  }
}

/** True when the OS started MagFlow at login (it then starts in the tray). */
export function startedAtLogin(
  deps: Pick<LoginItemDeps, 'platform' | 'app' | 'logger'>,
  argv: readonly string[],
): boolean {
  if (argv.includes(HIDDEN_FLAG)) return true;
  if (deps.platform !== 'darwin') return false;
  try {
    return deps.app.getLoginItemSettings().wasOpenedAtLogin === true;
  } catch (error) {
    deps.logger.warn('could not read the login item settings', { error });
    return false;
  }
}
