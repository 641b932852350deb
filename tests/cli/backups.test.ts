// `magflow backups`: take one, list it, restore it (the replaced database kept aside), and refuse the wrong ones.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './helpers';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const accountNames = (dataDir: string): string[] => {
  const db = new Database(join(dataDir, 'magflow.db'), { readonly: true });
  try {
    return (db.prepare('SELECT name FROM accounts ORDER BY name').all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
};

describe('magflow backups', () => {
  it('takes a checked backup, lists it, and restores it while keeping the replaced database', async () => {
    dir = mkdtempSync(join(tmpdir(), 'magflow-cli-backups-'));
    const env = { PW: 'secret-one' };
    const add = (name: string) =>
      runCli(
        dir,
        [
          'accounts',
          'add',
          '--name',
          name,
          '--platform',
          'emag-ro',
          '--kind',
          'main',
          '--username',
          'u',
          '--password-env',
          'PW',
          '--api-url',
          'http://127.0.0.1:9/',
        ],
        { env },
      );
    expect((await add('Before')).code).toBe(0);

    const empty = await runCli(dir, ['backups', 'list']);
    expect(empty.code).toBe(0);
    expect(empty.stdout).toContain('No backups yet');

    const now = await runCli(dir, ['backups', 'now']);
    expect(now.code).toBe(0);
    expect(now.stdout).toContain('Backup written');

    const list = await runCli(dir, ['--json', 'backups', 'list']);
    const backups = JSON.parse(list.stdout) as { day: string; path: string }[];
    expect(backups).toHaveLength(1);

    // A change after the backup, then the restore brings the earlier state back.
    expect((await add('After')).code).toBe(0);
    expect(accountNames(dir)).toEqual(['After', 'Before']);
    const restored = await runCli(dir, ['backups', 'restore', backups[0]!.day]);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(accountNames(dir)).toEqual(['Before']);
    const kept = /kept as (.+)\n/.exec(restored.stdout)?.[1];
    expect(kept && existsSync(kept)).toBe(true);
  });

  it('refuses an unknown backup with a one-line usage error and changes nothing', async () => {
    dir = mkdtempSync(join(tmpdir(), 'magflow-cli-backups-'));
    const result = await runCli(dir, ['backups', 'restore', '2020-01-01']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain("no backup '2020-01-01'");
    expect(existsSync(join(dir, 'magflow.db'))).toBe(false);
  });
});
