// Launch at login: the OS login item on macOS/Windows, an XDG autostart file on Linux; always started hidden (by the
// --hidden argument, or on macOS 13+, which ignores openAsHidden, by asking wasOpenedAtLogin).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../main/core/logging';
import { applyLoginItem, AUTOSTART_FILE, autostartEntry, startedAtLogin } from '../../main/shell/loginItem';
import { FakeApp } from './fakeElectron';

describe('launch at login', () => {
  let dir = '';
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('macOS and Windows use the OS login item (macOS without the openAsHidden that 13+ ignores)', () => {
    const app = new FakeApp({ userData: '/u', logs: '/l' });
    applyLoginItem({ platform: 'darwin', app, logger: createMemoryLogger() }, true);
    applyLoginItem({ platform: 'win32', app, logger: createMemoryLogger() }, true);
    applyLoginItem({ platform: 'win32', app, logger: createMemoryLogger() }, false);
    expect(app.loginItems).toEqual([
      { openAtLogin: true },
      { openAtLogin: true, args: ['--hidden'] },
      { openAtLogin: false, args: ['--hidden'] },
    ]);
  });

  it('a start at login is recognised: --hidden (Windows, Linux), wasOpenedAtLogin (macOS)', () => {
    const app = new FakeApp({ userData: '/u', logs: '/l' });
    const logger = createMemoryLogger();
    expect(startedAtLogin({ platform: 'win32', app, logger }, ['magflow.exe', '--hidden'])).toBe(true);
    expect(startedAtLogin({ platform: 'linux', app, logger }, ['magflow'])).toBe(false);
    expect(startedAtLogin({ platform: 'darwin', app, logger }, ['MagFlow'])).toBe(false);
    app.openedAtLogin = true;
    expect(startedAtLogin({ platform: 'darwin', app, logger }, ['MagFlow'])).toBe(true);
    // Only macOS answers wasOpenedAtLogin.
    expect(startedAtLogin({ platform: 'win32', app, logger }, ['magflow.exe'])).toBe(false);
  });

  it('Linux writes and removes an XDG autostart entry that starts the packaged app hidden', () => {
    dir = mkdtempSync(join(tmpdir(), 'magflow-autostart-'));
    const autostartDir = join(dir, 'autostart');
    const app = new FakeApp({ userData: '/u', logs: '/l' });
    const deps = {
      platform: 'linux' as const,
      app,
      logger: createMemoryLogger(),
      linux: { autostartDir, executable: '/home/ana/Apps/MagFlow 1.0.AppImage' },
    };
    applyLoginItem(deps, true);
    const entry = readFileSync(join(autostartDir, AUTOSTART_FILE), 'utf8');
    expect(entry).toContain('Exec="/home/ana/Apps/MagFlow 1.0.AppImage" --hidden');
    expect(entry.startsWith('[Desktop Entry]\nType=Application\n')).toBe(true);
    applyLoginItem(deps, false);
    expect(existsSync(join(autostartDir, AUTOSTART_FILE))).toBe(false);
    expect(app.loginItems).toEqual([]);

    // In development there is no installed executable to register.
    applyLoginItem({ ...deps, linux: { autostartDir, executable: null } }, true);
    expect(existsSync(join(autostartDir, AUTOSTART_FILE))).toBe(false);
  });

  it('quotes the characters the Desktop Entry spec reserves', () => {
    expect(autostartEntry('/opt/a"b$c')).toContain('Exec="/opt/a\\"b\\$c" --hidden');
  });
});
