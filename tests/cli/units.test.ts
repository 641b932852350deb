// The CLI's small pure parts: the default data folder per OS, the data-folder lock, static path resolution,
// the sync plan and one-line errors.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { JOB_NAMES } from '../../shared/domain';
import { jobOption } from '../../main/cli/jobOption';
import { planRuns } from '../../main/cli/commands/sync';
import { chooseDataDir, defaultDataDir } from '../../main/cli/dataDir';
import { oneLine, UsageError } from '../../main/cli/errors';
import { lockForCommand } from '../../main/cli/lock';
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

describe('data-folder lock, as the CLI reports it', () => {
  let dir: string | null = null;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });

  it('a folder in use is a usage error naming the holder and what still works', () => {
    dir = mkdtempSync(join(tmpdir(), 'magflow-lock-'));
    const lock = lockForCommand(dir, 'run');
    expect(lock.holder.command).toBe('magflow run');
    expect(() => lockForCommand(dir!, 'sync')).toThrow(UsageError);
    expect(() => lockForCommand(dir!, 'sync')).toThrow(
      new RegExp(`in use by magflow run \\(pid ${process.pid}, since [^)]+\\); stop it before 'sync' \\(read-only`),
    );
    lock.release();
    lockForCommand(dir, 'sync').release();
  });

  it('a lock that cannot be taken is a usage error too', () => {
    dir = mkdtempSync(join(tmpdir(), 'magflow-lock-'));
    writeFileSync(join(dir, 'file'), 'x');
    expect(() => lockForCommand(join(dir!, 'file', 'data'), 'sync')).toThrow(UsageError);
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
        { accountId: 1, jobs: ['new-orders', 'send-actions', 'order-changes', 'offers', 'returns'] },
        { accountId: 2, jobs: ['new-orders', 'send-actions', 'order-changes', 'offers', 'returns'] },
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

describe('--job', () => {
  const parseJob = (argv: string[]): unknown => {
    const command = new Command('sync')
      .exitOverride()
      .configureOutput({ writeErr: () => undefined })
      .addOption(jobOption('which job', ['all']));
    command.parse(argv, { from: 'user' });
    return command.opts().job;
  };

  it('takes every job name and `all`, and reads the former name `acknowledge` as `send-actions`', () => {
    for (const job of JOB_NAMES) expect(parseJob(['--job', job])).toBe(job);
    expect(parseJob(['--job', 'all'])).toBe('all');
    expect(parseJob(['--job', 'acknowledge'])).toBe('send-actions');
  });

  it('refuses any other name, listing the choices', () => {
    expect(() => parseJob(['--job', 'outbox'])).toThrow(/Allowed choices are new-orders, order-changes, send-actions/);
  });
});
