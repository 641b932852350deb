// Whether this installation updates itself, from where, and how, decided once at start from what the build left
// next to the app:
// - the feed: `app-update.yml` in the resources folder, which electron-builder writes from the build's `publish`
//   setting (scripts/builder-config.cjs); no file means the build chose no feed;
// - the installer: the electron-updater class for this kind of installation. On Linux electron-updater reads
//   `package-type` (written by electron-builder's deb target) and otherwise assumes an AppImage; MagFlow asks the
//   AppImage runtime's APPIMAGE variable first, because electron-builder 26 writes `package-type` into the unpacked
//   folder both Linux targets are made from, so an AppImage built after the deb can carry it too.
// Off in development (`npm start`, an unpackaged app) whatever the files say.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { z } from 'zod';
import type { UpdateDisabledReason, UpdateInstaller } from '../../../shared/updates';
import type { Logger } from '../../core/logging';
import type { UpdaterPort } from './controller';

export const APP_UPDATE_FILE = 'app-update.yml';
export const PACKAGE_TYPE_FILE = 'package-type';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** https, or http to this machine only (a feed the tests serve on 127.0.0.1); never plain http across a network. */
const feedUrl = z
  .string()
  .url()
  .refine((value) => {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  }, 'an update feed must be https (or http on this machine)');

/** The part of app-update.yml MagFlow reads (electron-updater reads the whole file itself). */
export const AppUpdateConfigSchema = z.discriminatedUnion('provider', [
  z.object({ provider: z.literal('generic'), url: feedUrl, updaterCacheDirName: z.string().min(1) }),
  z.object({
    provider: z.literal('github'),
    owner: z.string().min(1),
    repo: z.string().min(1),
    updaterCacheDirName: z.string().min(1),
  }),
]);
export type AppUpdateConfig = z.infer<typeof AppUpdateConfigSchema>;

/** How the feed is shown in Settings: the URL, or github:owner/repo. */
export const describeFeed = (config: AppUpdateConfig): string =>
  config.provider === 'generic' ? config.url : `github:${config.owner}/${config.repo}`;

export type FeedReading = { ok: true; config: AppUpdateConfig } | { ok: false; problem: string | null };

/** Reads app-update.yml from the resources folder: missing (no feed: problem null), valid, or unusable (why). */
export function readAppUpdateConfig(resourcesPath: string): FeedReading {
  const file = join(resourcesPath, APP_UPDATE_FILE);
  if (!existsSync(file)) return { ok: false, problem: null };
  try {
    const parsed = AppUpdateConfigSchema.safeParse(load(readFileSync(file, 'utf8')));
    if (parsed.success) return { ok: true, config: parsed.data };
    return { ok: false, problem: parsed.error.issues.map((issue) => issue.message).join('; ') };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
}

/** The electron-updater class for this installation, or null when it cannot replace itself (an unpacked folder). */
export function chooseInstaller(
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
  resourcesPath: string,
): UpdateInstaller | null {
  if (platform === 'win32') return 'nsis';
  if (platform === 'darwin') return 'mac';
  if (platform !== 'linux') return null;
  if (env['APPIMAGE']) return 'appimage';
  const file = join(resourcesPath, PACKAGE_TYPE_FILE);
  return existsSync(file) && readFileSync(file, 'utf8').trim() === 'deb' ? 'deb' : null;
}

/** What the shell's update controller starts from. */
export interface UpdatesSetup {
  disabledReason: UpdateDisabledReason | null;
  feed: string | null;
  installer: UpdateInstaller | null;
  /** electron-updater's updater for this installation; null when updates are off. */
  updater: UpdaterPort | null;
}

export interface PrepareUpdatesOptions {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  devServerUrl: string | null;
  resourcesPath: string;
  env: Record<string, string | undefined>;
  logger: Logger;
  /** Builds electron-updater's updater for the installer (main/shell/updates/electronUpdater.ts). */
  createUpdater(installer: UpdateInstaller): UpdaterPort;
}

export function prepareUpdates(options: PrepareUpdatesOptions): UpdatesSetup {
  const off = (
    disabledReason: UpdateDisabledReason,
    feed: string | null = null,
    installer: UpdateInstaller | null = null,
  ) => {
    options.logger.info('updates are off', { reason: disabledReason });
    return { disabledReason, feed, installer, updater: null };
  };
  if (!options.isPackaged || options.devServerUrl) return off('development');
  const reading = readAppUpdateConfig(options.resourcesPath);
  if (!reading.ok) {
    if (reading.problem) options.logger.warn('the update feed file is unusable', { problem: reading.problem });
    return off('no-feed');
  }
  const feed = describeFeed(reading.config);
  const installer = chooseInstaller(options.platform, options.env, options.resourcesPath);
  if (!installer) return off('unsupported-install', feed);
  options.logger.info('updates are on', { feed, installer });
  return { disabledReason: null, feed, installer, updater: options.createUpdater(installer) };
}
