// electron-builder.yml cannot be run here (it downloads Electron); this checks it against electron-builder's own
// schema and against what the code expects at run time (icons, app id, native module outside the asar).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ID } from '../../main/shell/app';

const require = createRequire(import.meta.url);
const root = join(__dirname, '..', '..');
const yaml = require('js-yaml') as { load(text: string): unknown };
const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  appId: string;
  asarUnpack: string[];
  extraResources: { from: string; to: string; filter: string[] }[];
  linux: { icon: string; target: string[] };
  win: { icon: string };
  mac: { icon: string };
  deb: { depends: string[] };
  npmRebuild: boolean;
};

describe('electron-builder.yml', () => {
  it("passes electron-builder's own configuration schema", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util/out/DebugLogger.js') as { DebugLogger: new (on: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, bogus: 1 }, new DebugLogger(false))).rejects.toThrow(/bogus/);
  });

  it('uses the app id the shell registers and icons that exist', () => {
    expect(config.appId).toBe(APP_ID);
    for (const icon of [config.linux.icon, config.win.icon, config.mac.icon]) {
      expect(existsSync(join(root, icon)), icon).toBe(true);
    }
    // Every tray state the shell shows is shipped next to the app (process.resourcesPath/resources).
    const shipped = config.extraResources.find((r) => r.to === 'resources');
    expect(shipped?.filter).toEqual(expect.arrayContaining(['tray-*.png', 'icon*.png']));
    for (const state of ['ok', 'syncing', 'error', 'paused']) {
      expect(existsSync(join(root, 'resources', `tray-${state}.png`)), state).toBe(true);
      expect(existsSync(join(root, 'resources', `tray-${state}@2x.png`)), state).toBe(true);
    }
  });

  it('keeps the native SQLite module outside the asar and rebuilds it for Electron', () => {
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/*.node', '**/node_modules/better-sqlite3/**']));
    expect(config.npmRebuild).toBe(true);
    expect(config.deb.depends).toEqual(
      expect.arrayContaining(['libgtk-3-0', 'libnss3', 'libsecret-1-0', 'libnotify4']),
    );
  });
});
