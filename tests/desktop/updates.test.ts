// MagFlow's own updates, with the built app run as the packaged Linux app (the harness's packaged mode: its resources
// folder holds what electron-builder puts there) against an update server on 127.0.0.1 serving a release this test
// makes (latest-linux.yml and the artefacts, hashed with electron-builder's own code). electron-updater runs for real
// inside the app: its requests go through the harness's net.request (Node's http in place of Chromium's network
// stack), its files to ~/.cache/magflow-updater. polkit's pkexec and dpkg are stand-ins on PATH that record what they
// are asked (the installing itself is the OS's). Screenshots of Settings → Updates in test-results/desktop/.
import { createHash, randomBytes } from 'node:crypto';
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
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { UpdateStatusView } from '../../shared/updates';
import { DesktopApp } from './harness/client';
import {
  appUpdateYml,
  buildConfig,
  packagedResources,
  startFeed,
  writeRelease,
  type FeedServer,
} from './harness/release';
import { appDatabase, demoControl, eventually, invokeInPage, syncRuns } from './harness/scenario';

const DEB = 'magflow_0.2.0_amd64.deb';
const APPIMAGE = 'MagFlow-0.2.0.AppImage';
const sha512hex = (path: string) => createHash('sha512').update(readFileSync(path)).digest('hex');
const base64ToHex = (b64: string) => Buffer.from(b64, 'base64').toString('hex');

/** polkit's pkexec and dpkg as stand-ins: record what they are asked and when; install nothing. */
function fakeInstallTools(logDir: string): string {
  const bin = join(logDir, 'bin');
  mkdirSync(bin, { recursive: true });
  const pkexec = `#!/bin/sh
# pkexec stand-in: records its arguments, then runs the command as if the administrator had allowed it.
[ "$1" = "--disable-internal-agent" ] && shift
printf '%s\\n' "$@" > "${logDir}/pkexec.args"
exec "$@"
`;
  const dpkg = `#!/bin/sh
# dpkg stand-in: records when it was asked to install what, and the sha512 of that file.
{ date +%s%3N; printf '%s\\n' "$@"; sha512sum "$2" | cut -d' ' -f1; } > "${logDir}/dpkg.log"
`;
  writeFileSync(join(bin, 'pkexec'), pkexec, { mode: 0o755 });
  writeFileSync(join(bin, 'dpkg'), dpkg, { mode: 0o755 });
  return bin;
}

async function status(app: DesktopApp): Promise<UpdateStatusView> {
  const result = await invokeInPage<UpdateStatusView>(app, 'updates.status');
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const stateIs = (app: DesktopApp, state: string, timeoutMs = 30_000) =>
  app.command('page.waitFor', { selector: `[data-testid="updates-state"][data-state="${state}"]`, timeout: timeoutMs });

async function openSettings(app: DesktopApp): Promise<void> {
  await app.command('page.waitFor', { selector: '[data-testid="nav-settings"]' });
  await app.command('page.click', { selector: '[data-testid="nav-settings"]' });
  await app.command('page.waitFor', { selector: '[data-testid="settings-updates"]' });
  await app.evaluate(`document.querySelector('[data-testid="settings-updates"]').scrollIntoView({ block: 'center' })`);
}

describe('updates of the packaged app (Linux) against a local feed', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  async function release(
    options: { wrongSha512For?: string; artefacts?: { name: string; content: Buffer; mode?: number }[] } = {},
  ) {
    const dir = mkdtempSync(join(tmpdir(), 'magflow-feed-'));
    const artefacts = options.artefacts ?? [
      { name: APPIMAGE, content: randomBytes(1024 * 1024) },
      { name: DEB, content: randomBytes(3 * 1024 * 1024) },
    ];
    const written = await writeRelease(dir, '0.2.0', artefacts, options);
    const feed = await startFeed(dir);
    cleanup.push(async () => {
      await feed.close();
      rmSync(dir, { recursive: true, force: true });
    });
    return { dir, feed, ...written };
  }

  async function launch(feed: FeedServer | null, options: { packageType?: string; env?: Record<string, string> } = {}) {
    // app-update.yml as electron-builder writes it for a generic feed (here on 127.0.0.1, which only the tests use).
    const yml = feed
      ? await appUpdateYml({ ...buildConfig({}), publish: { provider: 'generic', url: feed.url } }, 'linux')
      : null;
    const resources = packagedResources({
      appUpdateYml: yml,
      ...(options.packageType ? { packageType: options.packageType } : {}),
    });
    const logs = mkdtempSync(join(tmpdir(), 'magflow-install-'));
    const bin = fakeInstallTools(logs);
    const app = DesktopApp.launch({
      packagedResources: resources,
      env: { PATH: `${bin}:${process.env['PATH'] ?? ''}`, ...options.env },
    });
    cleanup.push(async () => {
      await app.dispose({ removeHome: true });
      rmSync(resources, { recursive: true, force: true });
      rmSync(logs, { recursive: true, force: true });
    });
    await app.waitFor('webContents.did-finish-load', () => true, 60_000);
    return { app, logs, resources };
  }

  it('deb: found at start, downloaded in the background with its progress, verified by sha512; "Restart to update" waits for the running sync, then dpkg installs that file and MagFlow restarts', async () => {
    const { feed, sha512 } = await release();
    const releaseDownload = feed.hold(DEB);
    const { app, logs } = await launch(feed, { packageType: 'deb' });
    expect(await status(app)).toMatchObject({ installer: 'deb', feed: feed.url, currentVersion: '0.1.0' });

    // Checked a few seconds after start, by electron-updater's DebUpdater through net.request in its own session.
    const check = await app.waitFor('net.request', (e) => String(e['url']).includes('/latest-linux.yml'));
    expect(check).toMatchObject({ method: 'GET', partition: 'electron-updater' });
    await app.waitFor('net.request', (e) => String(e['url']).endsWith(`/${DEB}`));
    expect(feed.requests.map((r) => r.path)).not.toContain(`/${APPIMAGE}`); // the deb updater takes the .deb

    await openSettings(app);
    await app.command('page.waitFor', { selector: '[data-testid="updates-progress"]' });
    await eventually('download progress reported', async () => ((await status(app)).progress?.percent ?? 0) > 0);
    const downloading = await status(app);
    expect(downloading).toMatchObject({ state: 'downloading', availableVersion: '0.2.0' });
    expect(downloading.progress!.total).toBe(3 * 1024 * 1024);
    await app.screenshot('20-update-downloading');

    releaseDownload();
    await stateIs(app, 'downloaded');
    await app.command('page.waitFor', { selector: '[data-testid="updates-install"]' });
    await app.screenshot('21-update-downloaded');
    const pending = join(app.home, '.cache', 'magflow-updater', 'pending');
    expect(readdirSync(pending).sort()).toEqual([DEB, 'update-info.json']);
    expect(sha512hex(join(pending, DEB))).toBe(base64ToHex(sha512[DEB]!)); // what was listed is what was kept

    // A sync is running when the seller clicks: MagFlow waits for it, and starts no other meanwhile.
    const control = await demoControl(app);
    await control('POST', '/stream', { everySec: 0 });
    await control('POST', '/faults', [{ kind: 'slow', route: 'order', delayMs: 4_000, count: 2 }]);
    const clickedAt = new Date().toISOString();
    await app.command('tray.clickItem', { item: 'sync-now' });
    await eventually(
      'a sync running',
      () => syncRuns(app, `status = 'running' AND started_at >= '${clickedAt}'`).length > 0,
    );
    await app.command('page.click', { selector: '[data-testid="updates-install"]' });
    await stateIs(app, 'waiting-for-sync');
    await app.screenshot('22-update-waiting-for-sync');
    expect(existsSync(join(logs, 'dpkg.log'))).toBe(false);

    const exit = await app.exited;
    expect(exit.code).toBe(0);
    const [askedAt, ...dpkg] = readFileSync(join(logs, 'dpkg.log'), 'utf8').trim().split('\n');
    expect(dpkg).toEqual(['-i', join(pending, DEB), base64ToHex(sha512[DEB]!)]);
    expect(readFileSync(join(logs, 'pkexec.args'), 'utf8').trim().split('\n')).toEqual([
      '/bin/bash',
      '-c',
      `dpkg -i ${join(pending, DEB)} || apt-get install -f -y`,
    ]);
    // Every run of this session had finished before dpkg was asked; none was cut short.
    const runs = syncRuns(app);
    expect(runs.filter((r) => r.status === 'running' || r.status === 'cancelled')).toEqual([]);
    expect(runs.length).toBeGreaterThan(0);
    expect(Math.max(...runFinishTimes(app))).toBeLessThanOrEqual(Number(askedAt));
    // electron-updater's quitAndInstall: installer, then 'before-quit-for-update' and quit; Electron relaunches.
    const kinds = app.journal().map((e) => e.kind);
    expect(app.entries('autoUpdater.emit')).toEqual([expect.objectContaining({ event: 'before-quit-for-update' })]);
    expect(kinds.indexOf('app.relaunch')).toBeLessThan(kinds.indexOf('process.relaunch'));
    expect(kinds.at(-1)).toBe('process.exit');
  });

  it('a download that does not match its sha512 is refused, deleted and explained; nothing is installed on quit', async () => {
    const { feed } = await release({ wrongSha512For: DEB });
    const { app, logs } = await launch(feed, { packageType: 'deb' });
    await openSettings(app);
    await app.command('page.select', { selector: '[data-testid="settings-language"]', value: 'en' });
    await stateIs(app, 'error');
    const refused = await status(app);
    expect(refused).toMatchObject({
      state: 'error',
      error: { code: 'ERR_CHECKSUM_MISMATCH' },
      availableVersion: '0.2.0',
    });
    expect(refused.error!.message).toMatch(/sha512 checksum mismatch/);
    await app.command('page.waitFor', { selector: '[data-testid="updates-error"][data-code="ERR_CHECKSUM_MISMATCH"]' });
    expect(await app.evaluate(`document.querySelector('[data-testid="updates-error"]').textContent`)).toContain(
      "The download did not match the release's checksum (sha512) and was deleted.",
    );
    expect(await app.evaluate(`document.querySelector('[data-testid="updates-install"]')`)).toBeNull();
    await app.screenshot('23-update-refused-checksum-en');
    const pending = join(app.home, '.cache', 'magflow-updater', 'pending');
    expect(existsSync(pending) ? readdirSync(pending).filter((f) => f.endsWith('.deb')) : []).toEqual([]);

    await app.command('tray.clickItem', { item: 'quit' });
    expect((await app.exited).code).toBe(0);
    expect(existsSync(join(logs, 'dpkg.log'))).toBe(false);
    expect(app.entries('autoUpdater.emit')).toEqual([]);
    expect(app.entries('process.relaunch')).toEqual([]);
  });

  it('AppImage: the update downloaded in the background is installed when the seller quits (the file replaced in place)', async () => {
    // The "AppImage" of the new release is a script recording how electron-updater started it after the swap.
    const newAppImage = Buffer.from(
      `#!/bin/sh\nprintf 'silent=%s exit=%s\\n' "$APPIMAGE_SILENT_INSTALL" "$APPIMAGE_EXIT_AFTER_INSTALL" > "$(dirname "$0")/ran-after-install"\n`,
    );
    const { feed, sha512 } = await release({
      artefacts: [
        { name: DEB, content: randomBytes(1024) },
        { name: APPIMAGE, content: newAppImage, mode: 0o755 },
      ],
    });
    const installed = mkdtempSync(join(tmpdir(), 'magflow-appimage-'));
    const appImage = join(installed, 'MagFlow.AppImage'); // no version in the name: replaced in place
    writeFileSync(appImage, '#!/bin/sh\n# version 0.1.0\n', { mode: 0o755 });
    cleanup.push(() => rmSync(installed, { recursive: true, force: true }));
    // A deb build may leave package-type behind; running as an AppImage wins (main/shell/updates/setup.ts).
    const { app } = await launch(feed, { packageType: 'deb', env: { APPIMAGE: appImage } });
    expect(await status(app)).toMatchObject({ installer: 'appimage' });
    await eventually('downloaded', async () => (await status(app)).state === 'downloaded', 30_000);
    expect(feed.requests.map((r) => r.path)).toContain(`/${APPIMAGE}`);
    expect(readFileSync(appImage, 'utf8')).toContain('version 0.1.0'); // nothing replaced while running

    await app.command('tray.clickItem', { item: 'quit' });
    expect((await app.exited).code).toBe(0);
    expect(sha512hex(appImage)).toBe(base64ToHex(sha512[APPIMAGE]!));
    expect(statSync(appImage).mode & 0o111).not.toBe(0);
    expect(readFileSync(join(installed, 'ran-after-install'), 'utf8').trim()).toBe('silent=true exit=true');
    expect(app.entries('process.relaunch')).toEqual([]); // quitting is quitting: no restart
  });

  it('a build without a feed: updates are off and Settings says so; nothing is asked of any server', async () => {
    const { app } = await launch(null, { packageType: 'deb' });
    expect(await status(app)).toMatchObject({ state: 'disabled', disabledReason: 'no-feed', feed: null });
    await openSettings(app);
    await stateIs(app, 'disabled');
    expect(await app.evaluate(`document.querySelector('[data-testid="updates-check"]')`)).toBeNull();
    await app.screenshot('24-updates-off-no-feed');
    const refused = await invokeInPage(app, 'updates.install');
    expect(refused).toMatchObject({ ok: false, error: { kind: 'unavailable', code: 'updates.disabled' } });
    await new Promise((resolve) => setTimeout(resolve, 6_000)); // past the first check's time
    expect(app.entries('net.request')).toEqual([]);
    expect(app.entries('session.fromPartition')).toEqual([]);
  });
});

/** When each run of the app's database finished (ms). */
function runFinishTimes(app: DesktopApp): number[] {
  const db = appDatabase(app);
  try {
    const rows = db.prepare('SELECT finished_at FROM sync_runs').all() as { finished_at: string | null }[];
    return rows.map((row) => (row.finished_at === null ? Number.POSITIVE_INFINITY : Date.parse(row.finished_at)));
  } finally {
    db.close();
  }
}
