// The CLI's small pure parts: the default data folder per OS, the data-folder lock, static path resolution,
// the sync plan and one-line errors.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planRuns } from '../../main/cli/commands/sync';
import { chooseDataDir, defaultDataDir } from '../../main/cli/dataDir';
import { oneLine, UsageError } from '../../main/cli/errors';
import { LOCK_FILE, lockDataDir } from '../../main/cli/lock';
import { resolveStaticPath } from '../../main/cli/serve';

describe('default data folder', () => {
  it('matches where Electron keeps userData for productName MagFlow', () => {
    expect(defaultDataDir({}, 'linux', '/home/ana')).toBe('/home/ana/.config/MagFlow');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/ana')).toBe('/cfg/MagFlow');
    expect(defaultDataDir({}, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Application Support/MagFlow');
    expect(defaultDataDir({ APPDATA: 'C:/Users/ana/AppData/Roaming' }, 'win32', 'C:/Users/ana')).toBe(
      join('C:/Users/ana/AppData/Roaming', 'MagFlow'),
    );
  });

  it('prefers --data-dir, then MAGFLOW_DATA_DIR', () => {
    expect(chooseDataDir('/flag', { MAGFLOW_DATA_DIR: '/env' })).toBe(resolve('/flag'));
    expect(chooseDataDir(undefined, { MAGFLOW_DATA_DIR: '/env' })).toBe(resolve('/env'));
  });
});

describe('data-folder lock', () => {
  let dir: string | null = null;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });

  it('refuses while a live process holds it, and releases it', () => {
    dir = mkdtempSync(join(tmpdir(), 'magflow-lock-'));
    const lock = lockDataDir(dir, 'run');
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    // Another live process holds it (the test runner's parent stands in for it).
    writeFileSync(join(dir, LOCK_FILE), `${process.ppid}\n`);
    expect(() => lockDataDir(dir!, 'run')).toThrow(UsageError);
    expect(() => lockDataDir(dir!, 'run')).toThrow(/already running/);
    writeFileSync(join(dir, LOCK_FILE), `${process.pid}\n`);
    lock.release();
    expect(() => readFileSync(join(dir!, LOCK_FILE))).toThrow();
  });

  it('takes over a lock left by a process that is gone', () => {
    dir = mkdtempSync(join(tmpdir(), 'magflow-lock-'));
    writeFileSync(join(dir, LOCK_FILE), '2147483646\n');
    const lock = lockDataDir(dir, 'run');
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    lock.release();
  });
});

describe('static path resolution', () => {
  const root = resolve('/srv/renderer');
  it('keeps paths inside the folder and refuses traversal, dotfiles and malformed escapes', () => {
    expect(resolveStaticPath(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveStaticPath(root, '/')).toBe(root);
    for (const bad of [
      '/../etc/passwd',
      '/%2e%2e/etc/passwd',
      '/a/..%2f..%2fx',
      '/.env',
      '/a%5c..%5cb',
      '/%E0%A4%A',
      '/x%00',
    ]) {
      expect(resolveStaticPath(root, bad), bad).toBeNull();
    }
  });
});

describe('sync plan', () => {
  it('runs every account job per account, then the app-wide jobs unless one account was asked for', () => {
    expect(planRuns('all', [1, 2], true)).toEqual({
      perAccount: [
        { accountId: 1, jobs: ['new-orders', 'acknowledge', 'order-changes', 'offers'] },
        { accountId: 2, jobs: ['new-orders', 'acknowledge', 'order-changes', 'offers'] },
      ],
      global: ['maintenance', 'health'],
    });
    expect(planRuns('all', [2], false).global).toEqual([]);
    expect(planRuns('offers', [1], false)).toEqual({ perAccount: [{ accountId: 1, jobs: ['offers'] }], global: [] });
    expect(planRuns('health', [1, 2], true)).toEqual({ perAccount: [], global: ['health'] });
  });
});

describe('one-line errors', () => {
  it('joins lines and strips control characters', () => {
    expect(oneLine(new Error('first\n  second\u0007'))).toBe('first second');
    expect(oneLine('')).toBe('unknown error');
  });
});
