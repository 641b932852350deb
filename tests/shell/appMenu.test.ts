// The application menu: Electron's default one (View → Reload, Toggle Developer Tools, with their shortcuts) is
// replaced in the packaged app: no menu on Windows and Linux, App/Edit/Window on macOS (copy and paste need Edit).
import { describe, expect, it } from 'vitest';
import { applicationMenuTemplate, applyApplicationMenu } from '../../main/shell/appMenu';
import type { MenuItemSpec } from '../../main/shell/ports';

function recordingMenu() {
  const set: ({ template: MenuItemSpec[] } | null)[] = [];
  return {
    set,
    buildFromTemplate: (template: MenuItemSpec[]) => ({ template }),
    setApplicationMenu: (menu: { template: MenuItemSpec[] } | null) => void set.push(menu),
  };
}

describe('application menu', () => {
  it('Windows and Linux: no menu at all (and so no Reload or DevTools shortcut)', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const menu = recordingMenu();
      applyApplicationMenu(menu, platform, false);
      expect(menu.set).toEqual([null]);
    }
  });

  it('macOS: the app menu, Edit (copy and paste) and Window; nothing that reloads or opens DevTools', () => {
    const menu = recordingMenu();
    applyApplicationMenu(menu, 'darwin', false);
    expect(menu.set).toEqual([{ template: [{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }] }]);
    expect(JSON.stringify(applicationMenuTemplate('darwin'))).not.toMatch(/reload|devtools|viewMenu/i);
  });

  it('while developing against the dev server, Electron default menu (with DevTools) stays', () => {
    const menu = recordingMenu();
    applyApplicationMenu(menu, 'linux', true);
    expect(menu.set).toEqual([]);
  });
});
