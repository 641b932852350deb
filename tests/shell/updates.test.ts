// MagFlow's own updates in the shell: whether an installation updates itself (and with which electron-updater class),
// and the controller's rules with a fake updater: checks at start and every 4 hours, the states the window sees,
// errors with their codes, and an install that never runs while a sync does.
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../main/core/errors';
import { createMemoryLogger } from '../../main/core/logging';
import {
  CHECK_INTERVAL_MS,
  createUpdateController,
  updateErrorCode,
  type UpdateSyncGate,
  type UpdaterPort,
} from '../../main/shell/updates/controller';
import { chooseInstaller, prepareUpdates, readAppUpdateConfig } from '../../main/shell/updates/setup';
import type { UpdateStatusView } from '../../shared/updates';

class FakeUpdater extends EventEmitter implements UpdaterPort {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  logger: UpdaterPort['logger'] = null;
  checks = 0;
  installs: [boolean | undefined, boolean | undefined][] = [];
  /** What quitAndInstall does (a real one runs the installer and quits, or emits 'error'). */
  onInstall: () => void = () => undefined;
  async checkForUpdates() {
    this.checks++;
    this.emit('checking-for-update');
    return null;
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean) {
    this.installs.push([isSilent, isForceRunAfter]);
    this.onInstall();
  }
  /** electron-updater's sequence for a found update, downloaded and verified. */
  deliver(version: string) {
    this.emit('update-available', { version });
    this.emit('download-progress', { percent: 50, transferred: 512, total: 1024, bytesPerSecond: 100 });
    this.emit('update-downloaded', { version, downloadedFile: `/cache/magflow_${version}_amd64.deb` });
  }
}

class FakeSync extends EventEmitter implements UpdateSyncGate {
  running = false;
  paused = false;
  pauses = 0;
  resumes = 0;
  isRunning = () => this.running;
  isPaused = () => this.paused;
  pause = () => {
    this.paused = true;
    this.pauses++;
  };
  resume = () => {
    this.paused = false;
    this.resumes++;
  };
  onRunFinished(listener: () => void) {
    this.on('finished', listener);
    return () => void this.off('finished', listener);
  }
  finish() {
    this.running = false;
    this.emit('finished');
  }
}

const NOW = new Date('2026-11-23T10:00:00.000Z');

function setup(options: { firstCheckDelayMs?: number } = {}) {
  const updater = new FakeUpdater();
  const sync = new FakeSync();
  const published: UpdateStatusView[] = [];
  const controller = createUpdateController({
    disabledReason: null,
    feed: 'https://updates.example.ro/magflow/',
    installer: 'deb',
    updater,
    version: '0.1.0',
    logger: createMemoryLogger(),
    now: () => new Date(Date.now()),
    firstCheckDelayMs: options.firstCheckDelayMs ?? 5_000,
    syncPollMs: 60_000,
  });
  controller.start({ sync, publish: (status) => published.push(status) });
  return { updater, sync, published, controller, states: () => published.map((s) => s.state) };
}

describe('which installations update themselves', () => {
  let dir = '';
  beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'magflow-updates-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const prepare = (patch: Partial<Parameters<typeof prepareUpdates>[0]> = {}) => {
    const created: string[] = [];
    const setupResult = prepareUpdates({
      platform: 'linux',
      isPackaged: true,
      devServerUrl: null,
      resourcesPath: dir,
      env: {},
      logger: createMemoryLogger(),
      createUpdater: (installer) => {
        created.push(installer);
        return new FakeUpdater();
      },
      ...patch,
    });
    return { ...setupResult, created };
  };
  const feed = (yaml: string) => writeFileSync(join(dir, 'app-update.yml'), yaml);

  it('is off in development and without a feed file, and builds no updater then', () => {
    feed('provider: generic\nurl: https://updates.example.ro/magflow/\nupdaterCacheDirName: magflow-updater\n');
    expect(prepare({ isPackaged: false })).toMatchObject({ disabledReason: 'development', updater: null });
    expect(prepare({ devServerUrl: 'http://localhost:5173' })).toMatchObject({ disabledReason: 'development' });
    rmSync(join(dir, 'app-update.yml'));
    const none = prepare();
    expect(none).toMatchObject({ disabledReason: 'no-feed', feed: null, updater: null });
    expect(none.created).toEqual([]);
  });

  it('reads the generic and GitHub feeds electron-builder writes; refuses plain http off this machine', () => {
    feed('provider: generic\nurl: https://updates.example.ro/magflow/\nupdaterCacheDirName: magflow-updater\n');
    expect(readAppUpdateConfig(dir)).toMatchObject({ ok: true, config: { provider: 'generic' } });
    feed('owner: acme\nrepo: magflow\nprovider: github\nreleaseType: draft\nupdaterCacheDirName: magflow-updater\n');
    writeFileSync(join(dir, 'package-type'), 'deb');
    expect(prepare()).toMatchObject({ disabledReason: null, feed: 'github:acme/magflow', installer: 'deb' });
    feed('provider: generic\nurl: http://updates.example.ro/magflow/\nupdaterCacheDirName: magflow-updater\n');
    expect(readAppUpdateConfig(dir)).toEqual({ ok: false, problem: expect.stringMatching(/https/) });
    expect(prepare()).toMatchObject({ disabledReason: 'no-feed' });
    feed('provider: generic\nurl: http://127.0.0.1:8080/\nupdaterCacheDirName: magflow-updater\n');
    expect(prepare()).toMatchObject({ disabledReason: null, feed: 'http://127.0.0.1:8080/' });
    feed('provider: s3\nbucket: x\n');
    expect(prepare()).toMatchObject({ disabledReason: 'no-feed' });
    feed(': not yaml : [');
    expect(readAppUpdateConfig(dir).ok).toBe(false);
  });

  it('picks the updater class: AppImage when running as one (whatever package-type says), deb, NSIS, Squirrel.Mac', () => {
    feed('provider: generic\nurl: https://updates.example.ro/magflow/\nupdaterCacheDirName: magflow-updater\n');
    expect(chooseInstaller('linux', {}, dir)).toBeNull();
    expect(prepare()).toMatchObject({ disabledReason: 'unsupported-install', feed: expect.any(String) });
    writeFileSync(join(dir, 'package-type'), 'deb\n');
    expect(chooseInstaller('linux', {}, dir)).toBe('deb');
    expect(chooseInstaller('linux', { APPIMAGE: '/home/s/MagFlow.AppImage' }, dir)).toBe('appimage');
    writeFileSync(join(dir, 'package-type'), 'rpm');
    expect(chooseInstaller('linux', {}, dir)).toBeNull();
    expect(chooseInstaller('win32', {}, dir)).toBe('nsis');
    expect(chooseInstaller('darwin', {}, dir)).toBe('mac');
    const on = prepare({ platform: 'win32' });
    expect(on.created).toEqual(['nsis']);
    expect(on.updater).not.toBeNull();
  });
});

describe('the update controller', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it('checks a few seconds after start and then every 4 hours, and says when', async () => {
    const { updater, controller } = setup();
    expect(controller.status()).toMatchObject({ state: 'idle', nextCheckAt: '2026-11-23T10:00:05.000Z' });
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(updater.checks).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(updater.checks).toBe(1);
    expect(controller.status().nextCheckAt).toBe(new Date(NOW.getTime() + 5_000 + CHECK_INTERVAL_MS).toISOString());
    await vi.advanceTimersByTimeAsync(CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(2);
    controller.stop();
    await vi.advanceTimersByTimeAsync(CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(2);
  });

  it('follows electron-updater: checking, downloading with progress, downloaded; a later check keeps it ready', async () => {
    const { updater, controller, states, published } = setup();
    await controller.check();
    updater.emit('update-not-available', { version: '0.1.0' });
    expect(controller.status()).toMatchObject({ state: 'idle', lastCheckedAt: NOW.toISOString() });
    await controller.check();
    updater.deliver('0.2.0');
    expect(states()).toEqual(['checking', 'idle', 'checking', 'downloading', 'downloading', 'downloaded']);
    expect(published[4]!.progress).toEqual({ percent: 50, transferred: 512, total: 1024, bytesPerSecond: 100 });
    expect(controller.status()).toMatchObject({ state: 'downloaded', availableVersion: '0.2.0', progress: null });
    // The 4-hourly check finds the same version again: electron-updater re-validates its cached file.
    await controller.check();
    updater.deliver('0.2.0');
    expect(controller.status().state).toBe('downloaded');
    expect(states().slice(6)).not.toContain('downloading');
    // A newer release than the downloaded one is downloaded in its place.
    await controller.check();
    updater.emit('update-available', { version: '0.3.0' });
    expect(controller.status()).toMatchObject({ state: 'downloading', availableVersion: '0.3.0' });
  });

  it('a download refused for its sha512 is an error with its code; the ready update survives a failed later check', async () => {
    const { updater, controller } = setup();
    await controller.check();
    updater.emit('update-available', { version: '0.2.0' });
    const mismatch = Object.assign(new Error('sha512 checksum mismatch, expected abc, got def'), {
      code: 'ERR_CHECKSUM_MISMATCH',
    });
    updater.emit('error', mismatch);
    expect(controller.status()).toMatchObject({
      state: 'error',
      progress: null,
      error: { code: 'ERR_CHECKSUM_MISMATCH', message: expect.stringContaining('sha512'), at: NOW.toISOString() },
    });
    await expect(controller.install()).rejects.toMatchObject({ kind: 'conflict', code: 'updates.not_downloaded' });
    await controller.check();
    expect(controller.status().error).toBeNull();
    updater.deliver('0.2.0');
    updater.emit('error', new Error('net::ERR_CONNECTION_REFUSED'));
    expect(controller.status()).toMatchObject({ state: 'downloaded', error: { code: 'ERR_CONNECTION_REFUSED' } });
    expect(updateErrorCode({ code: 'HTTP_ERROR_404' })).toBe('HTTP_ERROR_404');
    expect(updateErrorCode('plain')).toBeNull();
  });

  it('"Restart to update" with no sync running: the schedule pauses and the installer runs at once', async () => {
    const { updater, sync, controller } = setup();
    await controller.check();
    updater.deliver('0.2.0');
    const status = await controller.install();
    expect(status.state).toBe('installing');
    expect(sync.paused).toBe(true);
    expect(updater.installs).toEqual([[true, true]]); // silent, and start MagFlow again afterwards
  });

  it('waits for a running sync to finish, starting none meanwhile, and then installs', async () => {
    const { updater, sync, controller, states } = setup();
    await controller.check();
    updater.deliver('0.2.0');
    sync.running = true;
    expect((await controller.install()).state).toBe('waiting-for-sync');
    expect(sync.paused).toBe(true); // no new sync starts from the click on
    expect(updater.installs).toEqual([]);
    // Another periodic check is not made while waiting, and a click again changes nothing.
    await vi.advanceTimersByTimeAsync(CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(1);
    expect((await controller.install()).state).toBe('waiting-for-sync');
    sync.emit('finished'); // one job finished, another still runs
    await vi.advanceTimersByTimeAsync(0);
    expect(updater.installs).toEqual([]);
    sync.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(updater.installs).toEqual([[true, true]]);
    expect(states().slice(-2)).toEqual(['waiting-for-sync', 'installing']);
  });

  it('an installer that does not run (e.g. the password prompt cancelled) leaves MagFlow running and syncing', async () => {
    const { updater, sync, controller } = setup();
    await controller.check();
    updater.deliver('0.2.0');
    updater.onInstall = () => updater.emit('error', new Error('Command pkexec exited with code 126'));
    await controller.install();
    expect(controller.status()).toMatchObject({
      state: 'downloaded',
      error: { message: expect.stringMatching(/126/) },
    });
    expect(sync.paused).toBe(false);
    expect(sync.resumes).toBe(1);
    // A schedule the seller had paused stays paused.
    sync.paused = true;
    await controller.install();
    expect(sync.paused).toBe(true);
  });

  it('the system shutting down or logging off installs nothing on that quit', () => {
    const { updater, controller } = setup();
    controller.holdInstallOnQuit();
    expect(updater.autoInstallOnAppQuit).toBe(false);
  });

  it('off: says why, never checks, and refuses to install', async () => {
    const published: UpdateStatusView[] = [];
    const controller = createUpdateController({
      disabledReason: 'no-feed',
      feed: null,
      installer: null,
      updater: null,
      version: '0.1.0',
      logger: createMemoryLogger(),
    });
    controller.start({ sync: new FakeSync(), publish: (s) => published.push(s) });
    expect(await controller.check()).toMatchObject({ state: 'disabled', disabledReason: 'no-feed', nextCheckAt: null });
    const refusal = await controller.install().catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ kind: 'unavailable', code: 'updates.disabled' });
    await vi.advanceTimersByTimeAsync(CHECK_INTERVAL_MS);
    expect(published).toEqual([]);
  });
});
