// What several shell tests build the same way: a main window for the fakes, and the options of a whole test shell.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../../main/core/logging';
import type { ShellOptions } from '../../main/shell/app';
import { secureWebPreferences } from '../../main/shell/security';
import { FakeWindow } from './fakeElectron';

/** A fake window with MagFlow's main window options, hidden. */
export function fakeMainWindow(): FakeWindow {
  return new FakeWindow({
    width: 1000,
    height: 700,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'MagFlow',
    backgroundColor: '#fff',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences('/p.js'),
  });
}

/** startShell options for Linux under `dir`, with a minimal renderer page written there and no delays. */
export function testShellOptions(dir: string, logger: Logger): ShellOptions {
  const rendererRoot = join(dir, 'renderer');
  mkdirSync(rendererRoot, { recursive: true });
  writeFileSync(join(rendererRoot, 'index.html'), '<!doctype html><div id="root"></div>');
  return {
    platform: 'linux',
    argv: ['magflow'],
    preloadPath: '/app/out/preload/index.js',
    rendererRoot,
    devServerUrl: null,
    resourcesDir: '/app/resources',
    logsDir: join(dir, 'logs'),
    logger,
    demo: false,
    redrawDelayMs: 0,
    navigateDelayMs: 0,
  };
}
