// Where the 100,000-order fixture lives between sections, and how a section opens a core on it.
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../main/core/logging';
import { createMagflowCore, type MagflowCore } from '../../main/core/magflow';
import type { FixtureAccount } from './fixture';

/** The accounts of the fixture; their API URL points at a closed loopback port (nothing is synced from it). */
export const FIXTURE_ACCOUNTS: (Omit<FixtureAccount, 'id'> & { password: string })[] = [
  { username: 'fixture-main', kind: 'main', password: 'fixture-main-secret' },
  { username: 'fixture-fbe', kind: 'fbe', password: 'fixture-fbe-secret' },
];
export const UNUSED_API_URL = 'http://127.0.0.1:9/api-3';

export const fixtureDir = (): string => join(process.env.BENCH_DIR ?? tmpdir(), 'fixture-100k');
export const fixtureReadyFile = (): string => join(fixtureDir(), 'READY');
export const fixtureIsReady = (): boolean => existsSync(fixtureReadyFile());

/** A core (not started: no scheduler, no sync) on a data folder, with the fixture's accounts created if missing. */
export async function openFixtureCore(dataDir: string): Promise<{ core: MagflowCore; accounts: FixtureAccount[] }> {
  mkdirSync(dataDir, { recursive: true });
  const core = await createMagflowCore({ dataDir, demo: false, logger: silentLogger });
  const accounts = FIXTURE_ACCOUNTS.map((spec) => {
    const account =
      core.repos.accounts.getByName(spec.username) ??
      core.accounts.save({
        name: spec.username,
        platform: 'emag-ro',
        kind: spec.kind,
        username: spec.username,
        password: spec.password,
        apiUrl: UNUSED_API_URL,
      });
    return { id: account.id, username: spec.username, kind: spec.kind };
  });
  return { core, accounts };
}
