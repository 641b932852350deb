// The application menu. Electron's default one has View → Reload, Force Reload and Toggle Developer Tools, whose
// shortcuts (Ctrl+R, Ctrl+Shift+I) work even while the menu bar is hidden: a seller could reload the window in the
// middle of an action or open the developer tools. The packaged app therefore sets its own: none at all on Windows
// and Linux (text fields keep their editing shortcuts, Chromium handles them), and on macOS, where copy and paste
// only work through menu items, the app menu (About, Hide, Quit), Edit and Window. While developing against the
// dev server Electron's default menu stays, developer tools included.
import type { MenuFactory, MenuItemSpec } from './ports';

export function applicationMenuTemplate(platform: NodeJS.Platform): MenuItemSpec[] | null {
  if (platform !== 'darwin') return null;
  return [{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }];
}

export function applyApplicationMenu<M>(menu: MenuFactory<M>, platform: NodeJS.Platform, developing: boolean): void {
  if (developing) return;
  const template = applicationMenuTemplate(platform);
  menu.setApplicationMenu(template ? menu.buildFromTemplate(template) : null);
}
