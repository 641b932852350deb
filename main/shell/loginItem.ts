// Launch at login, started hidden in the tray. macOS and Windows have an OS API (app.setLoginItemSettings); Linux
// desktops follow the XDG autostart spec: a .desktop file in ~/.config/autostart.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../core/logging';
import type { AppPort } from './ports';

/** The launch flag a login start passes, so MagFlow stays in the tray. */
export const HIDDEN_FLAG = '--hidden';
export const AUTOSTART_FILE = 'magflow.desktop';

export interface LoginItemDeps {
  platform: NodeJS.Platform;
  app: Pick<AppPort, 'setLoginItemSettings'>;
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
      deps.app.setLoginItemSettings({ openAtLogin: launchAtLogin, openAsHidden: true });
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
