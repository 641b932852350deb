// What a release puts where, made here with electron-builder's own code wherever it has it, so the tests see the
// files a real build and a real update server would give the app:
// - app-update.yml, which electron-builder writes into the app's resources folder from the `publish` setting
//   (app-builder-lib's getAppUpdatePublishConfiguration, serialised with builder-util's serializeToYaml);
// - the packaged app's resources folder: the icons extraResources copies, app-update.yml, and `package-type` as the
//   deb target writes it;
// - a release on an update server: the artefacts and latest-linux.yml listing each with its sha512 (app-builder-lib's
//   hashFile) and size, the fields electron-builder's update info has;
// - the update server itself on 127.0.0.1, which can hold a download halfway so a test sees the progress.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './client';

const require = createRequire(__filename);
interface BuilderPlatform {
  name: string;
}
const { Platform } = require('app-builder-lib') as { Platform: Record<'LINUX' | 'WINDOWS' | 'MAC', BuilderPlatform> };
const { getAppUpdatePublishConfiguration } = require('app-builder-lib/out/publish/PublishManager.js') as {
  getAppUpdatePublishConfiguration(packager: unknown, arch: number, errorIfCannot: boolean): Promise<object | null>;
};
const { AppInfo } = require('app-builder-lib/out/appInfo.js') as {
  AppInfo: new (info: unknown, buildVersion: string | null, platformOptions: unknown) => unknown;
};
const { expandMacro } = require('app-builder-lib/out/util/macroExpander.js') as {
  expandMacro(pattern: string, arch: string | null, appInfo: unknown): string;
};
const { hashFile } = require('app-builder-lib/out/util/hash.js') as { hashFile(file: string): Promise<string> };
const { serializeToYaml } = require('builder-util') as { serializeToYaml(value: object): string };
// electron-builder's own matcher (the minimatch app-builder-lib resolves), for extraResources' filters.
const { minimatch } = createRequire(require.resolve('app-builder-lib/package.json'))('minimatch') as {
  minimatch(path: string, pattern: string): boolean;
};

export type BuilderConfig = Record<string, unknown> & {
  linux: Record<string, unknown>;
  win: Record<string, unknown>;
  mac: Record<string, unknown>;
  extraResources: { from: string; to: string; filter: string[] }[];
  publish: unknown;
};
export const { buildConfig } = require('../../../scripts/builder-config.cjs') as {
  buildConfig(env: Record<string, string | undefined>): BuilderConfig;
};

const PLATFORMS = {
  linux: { platform: Platform.LINUX, section: 'linux' },
  win32: { platform: Platform.WINDOWS, section: 'win' },
  darwin: { platform: Platform.MAC, section: 'mac' },
} as const;

/**
 * The app-update.yml electron-builder would write for `config` on `platform` (x64), or null when it writes none
 * (no feed).
 */
export async function appUpdateYml(config: BuilderConfig, platform: keyof typeof PLATFORMS): Promise<string | null> {
  const metadata = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as object;
  const { platform: builderPlatform, section } = PLATFORMS[platform];
  const platformOptions = config[section] as Record<string, unknown>;
  const info: Record<string, unknown> = { config, metadata, repositoryInfo: Promise.resolve(null) };
  info['appInfo'] = new AppInfo(info, null, platformOptions);
  const packager = {
    platform: builderPlatform,
    platformSpecificBuildOptions: platformOptions,
    config,
    info,
    appInfo: info['appInfo'],
    expandMacro: (pattern: string, arch: string | null) => expandMacro(pattern, arch, info['appInfo']),
    isForceCodeSigningVerification: false,
  };
  const publishConfig = await getAppUpdatePublishConfiguration(packager, 1 /* Arch.x64 */, true);
  return publishConfig === null ? null : serializeToYaml(publishConfig);
}

/** A resources folder laid out as electron-builder lays out the Linux app's, for the harness's packaged mode. */
export function packagedResources(options: { appUpdateYml: string | null; packageType?: string }): string {
  const dir = mkdtempSync(join(tmpdir(), 'magflow-resources-'));
  const config = buildConfig({});
  for (const { from, to, filter } of config.extraResources) {
    mkdirSync(join(dir, to), { recursive: true });
    for (const name of readdirSync(join(ROOT, from))) {
      if (filter.some((pattern) => minimatch(name, pattern))) copyFileSync(join(ROOT, from, name), join(dir, to, name));
    }
  }
  if (options.appUpdateYml !== null) writeFileSync(join(dir, 'app-update.yml'), options.appUpdateYml);
  if (options.packageType) writeFileSync(join(dir, 'package-type'), options.packageType);
  return dir;
}

export interface Artefact {
  name: string;
  content: Buffer;
  mode?: number;
}

/**
 * Writes a release into `dir`: the artefacts and latest-linux.yml (x64). With `wrongSha512For`, that artefact is
 * listed with the sha512 of other bytes, as if the file had been replaced after the release was made.
 */
export async function writeRelease(
  dir: string,
  version: string,
  artefacts: Artefact[],
  options: { wrongSha512For?: string } = {},
): Promise<{ sha512: Record<string, string>; yml: string }> {
  mkdirSync(dir, { recursive: true });
  const sha512: Record<string, string> = {};
  const files = [];
  for (const artefact of artefacts) {
    const file = join(dir, artefact.name);
    writeFileSync(file, artefact.content, { mode: artefact.mode ?? 0o644 });
    sha512[artefact.name] = await hashFile(file);
    let listed = sha512[artefact.name]!;
    if (options.wrongSha512For === artefact.name) {
      const other = join(dir, `${artefact.name}.other`);
      writeFileSync(other, Buffer.concat([artefact.content, Buffer.from('tampered')]));
      listed = await hashFile(other);
    }
    files.push({ url: artefact.name, sha512: listed, size: statSync(file).size });
  }
  const info = {
    version,
    files,
    path: files[0]!.url,
    sha512: files[0]!.sha512,
    releaseDate: new Date().toISOString(),
  };
  const yml = serializeToYaml(info);
  writeFileSync(join(dir, 'latest-linux.yml'), yml);
  return { sha512, yml };
}

export interface FeedServer {
  url: string;
  requests: { path: string; at: number }[];
  /** Holds the next download of `name` halfway, until the returned function is called. */
  hold(name: string): () => void;
  close(): Promise<void>;
}

/** A plain update server on 127.0.0.1 serving the files of `dir`. */
export async function startFeed(dir: string): Promise<FeedServer> {
  const requests: { path: string; at: number }[] = [];
  const holds = new Map<string, Promise<void>>();
  const releases: (() => void)[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    requests.push({ path, at: Date.now() });
    const name = path.replace(/^\/+/, '');
    let body: Buffer;
    try {
      if (name.includes('/') || name.startsWith('.')) throw new Error('outside the release');
      body = readFileSync(join(dir, name));
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const type = name.endsWith('.yml') ? 'text/yaml' : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'content-length': body.length });
    const held = holds.get(name);
    if (!held) return void res.end(body);
    holds.delete(name);
    // A quarter at once and another after 1.2 s (electron-updater reports progress at most once a second), then the
    // rest once released.
    const quarter = Math.floor(body.length / 4);
    res.write(body.subarray(0, quarter));
    setTimeout(() => res.write(body.subarray(quarter, 2 * quarter)), 1_200);
    void held.then(() => setTimeout(() => res.end(body.subarray(2 * quarter)), 1_300));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    hold(name) {
      let release: () => void = () => undefined;
      holds.set(name, new Promise<void>((resolve) => (release = resolve)));
      releases.push(() => release());
      return () => release();
    },
    async close() {
      for (const release of releases) release();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
