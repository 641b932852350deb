// What the packaged app ships and how it is packaged, checked as far as a machine without Electron's binaries can
// (electron-builder cannot package here; docs/desktop.md, "Releasing", is what a maintainer does on one that can):
// - the build (out/) electron-builder packs: the runtime dependencies are exactly the packages the built main process
//   requires (electron-builder copies every `dependencies` entry into the app, so a renderer-only package there would
//   ship a second, unused copy); the renderer bundle needs no package at run time; the preload needs only electron;
//   `scripts/native.cjs` decides by loading better-sqlite3;
// - the electron-builder configuration of every build choice (scripts/builder-config.cjs) against electron-builder's
//   own schema; every file it names exists; the fuses and the asar's unpacked part against the native modules and
//   the database worker; the update feed a build chooses against what the app reads at run time (app-update.yml made
//   by electron-builder's own code, read by main/shell/updates/setup.ts); signing settings only from the environment;
//   Linux's sandbox left to the deb's own install script and never --no-sandbox.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ID } from '../../main/shell/app';
import { trayIconFile } from '../../main/shell/icons';
import { describeFeed, readAppUpdateConfig } from '../../main/shell/updates/setup';
import { readIco, readPng } from '../shell/iconFiles';
import { ROOT } from './harness/client';
import { appUpdateYml, buildConfig, type BuilderConfig } from './harness/release';

const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
};

/** The packages a bundle requires (bare specifiers, reduced to the package name; no builtins, no electron). */
function requiredPackages(file: string): string[] {
  const source = readFileSync(join(ROOT, file), 'utf8');
  const names = [...source.matchAll(/require\(\s*["']([^"'.][^"']*)["']\s*\)/g)].map((m) => m[1]!);
  const packages = names
    .filter((name) => !name.startsWith('node:') && !builtinModules.includes(name) && name !== 'electron')
    .map((name) => (name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]!));
  return [...new Set(packages)].sort();
}

describe('what the packaged app ships', () => {
  it('its runtime dependencies are exactly what the built main process requires', () => {
    expect(existsSync(join(ROOT, 'out/main/index.js')), 'run `npm run build` first').toBe(true);
    expect(requiredPackages('out/main/index.js')).toEqual(Object.keys(packageJson.dependencies).sort());
  });

  it('the renderer is one self-contained bundle: React, zustand, i18next and uPlot are build-time packages', () => {
    const assets = join(ROOT, 'out/renderer/assets');
    for (const file of readdirSync(assets).filter((f) => f.endsWith('.js'))) {
      expect(requiredPackages(`out/renderer/assets/${file}`), file).toEqual([]);
      expect(readFileSync(join(assets, file), 'utf8')).not.toMatch(/\bfrom\s*["'](react|zustand|i18next|uplot)["']/);
    }
    for (const name of [
      'react',
      'react-dom',
      'zustand',
      'i18next',
      'react-i18next',
      '@tanstack/react-virtual',
      'uplot',
    ]) {
      expect(packageJson.dependencies[name], name).toBeUndefined();
      expect(packageJson.devDependencies[name], name).toBeDefined();
    }
  });

  it('the preload requires nothing but electron', () => {
    expect(requiredPackages('out/preload/index.js')).toEqual([]);
  });

  it('native.cjs checks by loading better-sqlite3, not by a note of the last build; hooks before dist and start:prod', () => {
    // A stale note saying "built for Electron" used to trigger a rebuild (and a wrong one was trusted): now only a
    // failed load does, and the note is removed.
    const marker = join(ROOT, 'node_modules/.magflow-native-target');
    mkdirSync(join(ROOT, 'node_modules'), { recursive: true });
    writeFileSync(marker, 'electron-41.7.1\n');
    const node = spawnSync(process.execPath, ['scripts/native.cjs', 'node'], { cwd: ROOT, encoding: 'utf8' });
    expect(node.status).toBe(0);
    expect(node.stdout).toBe('');
    expect(existsSync(marker)).toBe(false);
    expect(packageJson.scripts['predist']).toBe('node scripts/native.cjs electron');
    expect(packageJson.scripts['prestart:prod']).toBe('node scripts/native.cjs electron');
    expect(packageJson.scripts['prestart']).toBe('node scripts/native.cjs electron');
  });
});

const require = createRequire(__filename);
// electron-builder's own matcher for `files`, `asarUnpack` and filters (the minimatch app-builder-lib resolves).
const { minimatch } = createRequire(require.resolve('app-builder-lib/package.json'))('minimatch') as {
  minimatch(path: string, pattern: string, options?: object): boolean;
};
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util/out/DebugLogger.js') as { DebugLogger: new (on: boolean) => unknown };
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as {
  definitions: Record<string, { properties: Record<string, unknown> }>;
};
const { publishFromEnv } = require('../../scripts/builder-config.cjs') as {
  publishFromEnv(env: Record<string, string>): unknown;
};

const AZURE_ENV = {
  MAGFLOW_AZURE_SIGNING_ENDPOINT: 'https://weu.codesigning.azure.net',
  MAGFLOW_AZURE_SIGNING_ACCOUNT: 'magflow',
  MAGFLOW_AZURE_SIGNING_PROFILE: 'magflow-public',
  MAGFLOW_WIN_PUBLISHER: 'MagFlow SRL',
};
/** The build choices a maintainer has (docs/desktop.md, "Releasing"). */
const BUILDS: Record<string, Record<string, string>> = {
  'no feed (a local build)': {},
  'generic HTTPS feed': { MAGFLOW_UPDATE_URL: 'https://updates.magflow.example/desktop' },
  'GitHub releases': { MAGFLOW_UPDATE_GITHUB: 'magflow-example/magflow' },
  'release CI: signing required, Windows through Azure': {
    MAGFLOW_UPDATE_URL: 'https://updates.magflow.example/desktop/',
    MAGFLOW_REQUIRE_SIGNING: '1',
    ...AZURE_ENV,
  },
};
const base = buildConfig({});

/** Every file path of the project below `dir` (relative to the root, with /). */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(ROOT, path).split('\\').join('/'));
    }
  };
  walk(join(ROOT, dir));
  return out;
}

/** electron-builder's `files` rule: in the app when some pattern takes it and no "!" pattern leaves it out. */
function packed(config: BuilderConfig, path: string): boolean {
  const patterns = config['files'] as string[];
  const take = patterns.filter((p) => !p.startsWith('!')).some((p) => minimatch(path, p, { dot: true }));
  return take && !patterns.filter((p) => p.startsWith('!')).some((p) => minimatch(path, p.slice(1), { dot: true }));
}
const unpacked = (config: BuilderConfig, path: string) =>
  (config['asarUnpack'] as string[]).some((p) => minimatch(path, p, { dot: true }));

/** Every value in the configuration (deep), with its key path. */
function entries(value: unknown, path: string[] = []): { path: string[]; value: unknown }[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => [
    { path: [...path, key], value: item },
    ...entries(item, [...path, key]),
  ]);
}

describe('the electron-builder configuration of each build', () => {
  it.each(Object.entries(BUILDS))("%s passes electron-builder's own schema", async (_name, env) => {
    const config = buildConfig(env);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, bogus: 1 }, new DebugLogger(false))).rejects.toThrow(/bogus/);
  });

  it('refuses build choices that cannot work, saying which variable', () => {
    const refusal = (env: Record<string, string>) => {
      try {
        buildConfig(env);
        return null;
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(refusal({ MAGFLOW_UPDATE_URL: 'https://a.example/', MAGFLOW_UPDATE_GITHUB: 'a/b' })).toMatch(/not both/);
    expect(refusal({ MAGFLOW_UPDATE_URL: 'http://updates.magflow.example/' })).toMatch(/must be an https/);
    expect(refusal({ MAGFLOW_UPDATE_URL: 'http://127.0.0.1:8080/' })).toMatch(/must be an https/);
    expect(refusal({ MAGFLOW_UPDATE_URL: 'https://user:pw@updates.example/' })).toMatch(/no credentials/);
    expect(refusal({ MAGFLOW_UPDATE_URL: 'not a url' })).toMatch(/not a URL/);
    expect(refusal({ MAGFLOW_UPDATE_GITHUB: 'https://github.com/a/b' })).toMatch(/owner\/repo/);
    expect(refusal({ MAGFLOW_AZURE_SIGNING_ENDPOINT: 'https://weu.codesigning.azure.net' })).toMatch(
      /MAGFLOW_AZURE_SIGNING_ACCOUNT, MAGFLOW_AZURE_SIGNING_PROFILE, MAGFLOW_WIN_PUBLISHER/,
    );
    expect(refusal({ ...AZURE_ENV, CSC_LINK: '/secrets/magflow.pfx' })).toMatch(/not both/);
    expect(refusal({})).toBeNull();
  });

  it('every file it names exists, and the icons are what each OS reads', () => {
    const named = entries(base).filter(
      ({ path, value }) =>
        typeof value === 'string' &&
        [
          'icon',
          'entitlements',
          'entitlementsInherit',
          'afterInstall',
          'afterRemove',
          'license',
          'include',
          'installerIcon',
          'uninstallerIcon',
          'background',
          'buildResources',
        ].includes(path.at(-1)!),
    );
    expect(named.map(({ path }) => path.join('.')).sort()).toEqual(
      [
        'directories.buildResources',
        'linux.icon',
        'mac.entitlements',
        'mac.entitlementsInherit',
        'mac.icon',
        'win.icon',
      ].sort(),
    );
    for (const { path, value } of named) expect(existsSync(join(ROOT, value as string)), path.join('.')).toBe(true);
    // Linux: an icon set directory whose files are named by size; Windows: an .ico up to 256 px; macOS: a 512 px PNG
    // electron-builder turns into the .icns.
    const linuxIcons = readdirSync(join(ROOT, base.linux['icon'] as string));
    for (const file of linuxIcons)
      expect(readPng(join(ROOT, base.linux['icon'] as string, file)).width, file).toBe(
        Number(/^(\d+)x\1\.png$/.exec(file)?.[1]),
      );
    expect(readIco(join(ROOT, base.win['icon'] as string)).map((i) => i.width)).toContain(256);
    expect(readPng(join(ROOT, base.mac['icon'] as string)).width).toBeGreaterThanOrEqual(512);
    // The entitlements are a property list granting what V8's JIT needs under the hardened runtime.
    const plist = readFileSync(join(ROOT, base.mac['entitlements'] as string), 'utf8');
    expect(plist).toMatch(/^<\?xml[\s\S]*<plist version="1.0">[\s\S]*<\/plist>\s*$/);
    expect(plist).toContain('<key>com.apple.security.cs.allow-jit</key>');
    expect(plist).toContain('<key>com.apple.security.cs.allow-unsigned-executable-memory</key>');

    // extraResources: each filter takes some file, and every tray icon the shell asks for on any OS is shipped.
    const shipped = base.extraResources.find((r) => r.to === 'resources')!;
    const resources = readdirSync(join(ROOT, shipped.from));
    for (const pattern of shipped.filter)
      expect(
        resources.some((f) => minimatch(f, pattern)),
        pattern,
      ).toBe(true);
    const ships = (file: string) =>
      shipped.filter.some((pattern) => minimatch(file, pattern)) && resources.includes(file);
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      for (const state of ['ok', 'syncing', 'error', 'paused'] as const) {
        const file = trayIconFile(platform, state);
        expect(ships(file), file).toBe(true);
        if (file.endsWith('.png')) expect(ships(file.replace(/\.png$/, '@2x.png')), file).toBe(true);
      }
    }
    expect(ships('icon.png') && ships('icon.ico')).toBe(true);
  });

  it('the app is the built out/ (main, its database worker, preload, renderer) and package.json; not the CLI or maps', () => {
    expect(existsSync(join(ROOT, 'out/main/index.js')), 'run `npm run build` first').toBe(true);
    for (const file of [
      'out/main/index.js',
      'out/main/dbWorker.js',
      'out/preload/index.js',
      'out/renderer/index.html',
      'package.json',
    ]) {
      expect(packed(base, file), file).toBe(true);
    }
    for (const file of [
      'out/cli/magflow.cjs',
      'out/main/index.js.map',
      'electron-builder.config.cjs',
      'scripts/builder-config.cjs',
    ]) {
      expect(packed(base, file), file).toBe(false);
    }
    expect(base.appId).toBe(APP_ID);
  });

  it('fuses: every one set; the asar holds all JavaScript (integrity-checked), only native binaries are unpacked', () => {
    const fuses = base['electronFuses'] as Record<string, boolean>;
    // Every fuse electron-builder 26 knows is decided here, none left to Electron's default.
    expect(Object.keys(fuses).sort()).toEqual(Object.keys(schema.definitions['FuseOptionsV1']!.properties).sort());
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: true,
    });
    // onlyLoadAppFromAsar and the integrity check need the asar; runAsNode off is only safe when nothing in main
    // re-runs Electron as Node (child_process.fork relies on ELECTRON_RUN_AS_NODE).
    expect(base['asar']).toBe(true);
    for (const file of filesUnder('out/main').filter((f) => f.endsWith('.js'))) {
      expect(readFileSync(join(ROOT, file), 'utf8'), file).not.toMatch(/ELECTRON_RUN_AS_NODE|\bfork\(/);
    }

    // Native modules among the production dependencies: each package with a binding.gyp or a .node file.
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean }>;
    };
    const production = Object.entries(lock.packages)
      .filter(([key, info]) => key.startsWith('node_modules/') && !info.dev)
      .map(([key]) => key);
    const nativeFiles = production.flatMap((dir) => {
      if (!existsSync(join(ROOT, dir))) return [];
      const own = filesUnder(dir).filter((f) => !f.slice(dir.length + 1).includes('node_modules/'));
      return own.filter((f) => f.endsWith('.node') || f.endsWith('/binding.gyp'));
    });
    const nativePackages = [...new Set(nativeFiles.map((f) => f.split('/').slice(0, 2).join('/')))];
    expect(nativePackages).toEqual(['node_modules/better-sqlite3']);
    // A .node file cannot be loaded from inside an asar: every one of them is unpacked.
    for (const file of nativeFiles.filter((f) => f.endsWith('.node'))) expect(unpacked(base, file), file).toBe(true);
    expect(unpacked(base, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(true);
    // Nothing of MagFlow's own is: the integrity fuse covers all of it, the database worker included, which Electron
    // runs in a worker thread straight from app.asar (electron/electron#33216, Electron 18+). Its requires are
    // builtins, better-sqlite3 (unpacked) and the bundle's own chunks (in the asar too).
    for (const file of filesUnder('out')) expect(unpacked(base, file), file).toBe(false);
    const workerRequires = [
      ...readFileSync(join(ROOT, 'out/main/dbWorker.js'), 'utf8').matchAll(/require\(\s*["']([^"']+)["']\s*\)/g),
    ].map((m) => m[1]!);
    for (const name of workerRequires) {
      if (name.startsWith('./')) expect(packed(base, `out/main/${name.slice(2)}`), name).toBe(true);
      else
        expect(name.startsWith('node:') || builtinModules.includes(name) || name === 'better-sqlite3', name).toBe(true);
    }
    expect(base['npmRebuild']).toBe(true); // better-sqlite3 rebuilt for Electron's ABI on the packaging machine
  });

  it('the update feed a build chooses is the one the app reads: app-update.yml made by electron-builder, read by the shell', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'magflow-app-update-'));
    try {
      const read = async (env: Record<string, string>, platform: 'linux' | 'win32' | 'darwin') => {
        const yml = await appUpdateYml(buildConfig(env), platform);
        rmSync(join(dir, 'app-update.yml'), { force: true });
        if (yml !== null) writeFileSync(join(dir, 'app-update.yml'), yml);
        return { yml, reading: readAppUpdateConfig(dir) };
      };
      for (const platform of ['linux', 'win32', 'darwin'] as const) {
        // No feed chosen: no file at all, which the app reads as "no feed" (Settings says updates are off). The
        // explicit `publish: null` keeps electron-builder from choosing GitHub itself when GH_TOKEN is set.
        expect(await read({}, platform)).toEqual({ yml: null, reading: { ok: false, problem: null } });
        const generic = await read(BUILDS['generic HTTPS feed']!, platform);
        expect(generic.reading.ok && describeFeed(generic.reading.config)).toBe(
          'https://updates.magflow.example/desktop/',
        );
        expect(generic.yml).toContain('updaterCacheDirName: magflow-updater');
        const github = await read(BUILDS['GitHub releases']!, platform);
        expect(github.reading.ok && describeFeed(github.reading.config)).toBe('github:magflow-example/magflow');
      }
      const saved = process.env['GH_TOKEN'];
      process.env['GH_TOKEN'] = 'a-token-from-ci';
      try {
        expect((await read({}, 'linux')).yml).toBeNull();
      } finally {
        if (saved === undefined) delete process.env['GH_TOKEN'];
        else process.env['GH_TOKEN'] = saved;
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // The app's feed file and installer kind are the ones electron-builder 26 writes and electron-updater 6.6 reads.
    const fpmTarget = readFileSync(require.resolve('app-builder-lib/out/targets/FpmTarget.js'), 'utf8');
    expect(fpmTarget).toMatch(/"app-update\.yml"/);
    expect(fpmTarget).toMatch(/"package-type"\), target\)/);
    const updaterMain = readFileSync(require.resolve('electron-updater/out/main.js'), 'utf8');
    expect(updaterMain).toMatch(/"package-type"/);
    // electron-updater is pinned, and shares electron-builder's runtime (the update info's format) at one version.
    expect(packageJson.dependencies['electron-updater']).toMatch(/^\d+\.\d+\.\d+$/);
    const runtimeOf = (pkg: string) =>
      (
        JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as {
          dependencies: Record<string, string>;
        }
      ).dependencies['builder-util-runtime'];
    expect(runtimeOf('electron-updater')).toBe(runtimeOf('app-builder-lib'));
    // macOS updates come from the zip (Squirrel.Mac); Windows from NSIS, checked for the same publisher's signature.
    expect((base.mac['target'] as { target: string }[]).map((t) => t.target)).toEqual(['dmg', 'zip']);
    expect(base.win['verifyUpdateCodeSignature']).toBe(true);
    expect(publishFromEnv({ MAGFLOW_UPDATE_URL: 'https://u.example/x' })).toEqual({
      provider: 'generic',
      url: 'https://u.example/x/',
    });
  });

  it('signing: no identity, certificate, password or token in the configuration; what a build adds comes from its environment', () => {
    const forbidden =
      /^(identity|certificateFile|certificatePassword|certificateSubjectName|certificateSha1|appleId|appleIdPassword|teamId|password|token|keychain|sign)$/;
    for (const { path, value } of entries(base)) {
      expect(forbidden.test(path.at(-1)!), path.join('.')).toBe(false);
      if (typeof value === 'string') expect(value, path.join('.')).not.toMatch(/\.(p12|pfx|p8)$|CSC_|APPLE_|AZURE_/);
    }
    expect(base.mac).toMatchObject({ hardenedRuntime: true, notarize: true });
    expect(base.win['azureSignOptions']).toBeUndefined();
    expect(base.win['forceCodeSigning'] ?? false).toBe(false);
    const release = buildConfig(BUILDS['release CI: signing required, Windows through Azure']!);
    expect(release.win['azureSignOptions']).toEqual({
      endpoint: AZURE_ENV.MAGFLOW_AZURE_SIGNING_ENDPOINT,
      codeSigningAccountName: AZURE_ENV.MAGFLOW_AZURE_SIGNING_ACCOUNT,
      certificateProfileName: AZURE_ENV.MAGFLOW_AZURE_SIGNING_PROFILE,
      publisherName: AZURE_ENV.MAGFLOW_WIN_PUBLISHER,
    });
    expect([release.win['forceCodeSigning'], release.mac['forceCodeSigning']]).toEqual([true, true]);
    // Everything else of a release build is the checked-in file's.
    const { win: _w, mac: _m, publish: _p, ...rest } = release;
    const { win: _bw, mac: _bm, publish: _bp, ...baseRest } = base;
    expect(rest).toEqual(baseRest);
    // The release checklist names every variable the configuration reads.
    const variables = [
      ...readFileSync(join(ROOT, 'scripts/builder-config.cjs'), 'utf8').matchAll(/\b(MAGFLOW_[A-Z_]+)\b/g),
    ].map((m) => m[1]!);
    const docs = readFileSync(join(ROOT, 'docs/desktop.md'), 'utf8');
    for (const name of new Set(variables)) expect(docs, name).toContain(name);
    for (const name of [
      'CSC_LINK',
      'CSC_KEY_PASSWORD',
      'APPLE_API_KEY',
      'APPLE_API_KEY_ID',
      'APPLE_API_ISSUER',
      'AZURE_CLIENT_SECRET',
      'GH_TOKEN',
    ]) {
      expect(docs, name).toContain(name);
    }
  });

  it("Linux: the deb first; its sandbox set up by electron-builder's own install script; never --no-sandbox", () => {
    expect(base.linux['target']).toEqual(['deb', 'AppImage']);
    const deb = base['deb'] as Record<string, unknown>;
    expect(deb['afterInstall']).toBeUndefined(); // electron-builder's script runs, see below
    const afterInstall = readFileSync(require.resolve('app-builder-lib/templates/linux/after-install.tpl'), 'utf8');
    // Where user namespaces do not work, chrome-sandbox gets the setuid bit (the deb installs it owned by root)...
    expect(afterInstall).toMatch(/chmod 4755 '\/opt\/\$\{sanitizedProductName\}\/chrome-sandbox'/);
    // ...and where AppArmor restricts them (Ubuntu 24.04+), the bundled profile lets MagFlow use them.
    expect(afterInstall).toMatch(/apparmor_parser --replace/);
    expect(readFileSync(require.resolve('app-builder-lib/templates/linux/apparmor-profile.tpl'), 'utf8')).toMatch(
      /userns,/,
    );
    expect(JSON.stringify(base)).not.toMatch(/no-sandbox/);
    for (const file of filesUnder('out/main'))
      expect(readFileSync(join(ROOT, file), 'utf8'), file).not.toMatch(/no-sandbox/);
    expect(deb['depends']).toEqual(expect.arrayContaining(['libgtk-3-0', 'libnss3', 'libsecret-1-0', 'libnotify4']));
    expect(statSync(join(ROOT, 'resources/icons')).isDirectory()).toBe(true);
  });
});
