// Diagnostics through the assembled core: each live client's breaker and buckets, with the limits its limiter keeps
// (eMAG's by default, the configured ones otherwise) and the requests it granted.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DiagnosticsView } from '../../shared/views';
import type { ClientTuning } from '../../main/core/emagClients';
import { createMagflowCore } from '../../main/core/magflow';
import { startSandbox } from '../../main/sandbox';

const MAIN = { username: 'diag-main', password: 'main-secret', kind: 'main' as const, orders: 5, offers: 2 };

/** Diagnostics after one new-orders run of an account on a sandbox, with the client configured by `clientTuning`. */
async function diagnosticsAfterOneSync(clientTuning: ClientTuning): Promise<DiagnosticsView> {
  const sandbox = await startSandbox({ port: 0, seed: 5, accounts: [MAIN], rateLimit: false });
  const dir = mkdtempSync(join(tmpdir(), 'magflow-diag-'));
  const core = await createMagflowCore({ dataDir: dir, demo: false, clientTuning });
  try {
    const account = core.accounts.save({
      name: 'DIAG',
      platform: 'emag-ro',
      kind: 'main',
      username: MAIN.username,
      password: MAIN.password,
      apiUrl: sandbox.url,
    });
    await core.engine.runJob('new-orders', account.id, 'manual');
    const result = await core.dispatcher.dispatch('diagnostics.get', undefined);
    if (!result.ok) throw new Error(JSON.stringify(result));
    return result.value as DiagnosticsView;
  } finally {
    await core.stop({ abort: true });
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('diagnostics', () => {
  it("shows eMAG's limits by default and what the account's limiter granted", async () => {
    const view = await diagnosticsAfterOneSync({ retry: { maxAttempts: 1 } });
    expect(view.accounts).toHaveLength(1);
    expect(view.accounts[0]).toMatchObject({ account: 'DIAG', breaker: 'closed' });
    const [orders, other] = view.accounts[0]!.buckets;
    expect(orders).toMatchObject({ bucket: 'orders', limitPerSecond: 12, limitPerMinute: 720, rateLimitHits: 0 });
    expect(orders!.lastMinute).toBeGreaterThanOrEqual(1);
    expect(other).toMatchObject({ bucket: 'other', limitPerSecond: 3, limitPerMinute: 180, lastMinute: 0 });
  });

  it('shows the limits the client was configured with', async () => {
    const view = await diagnosticsAfterOneSync({
      retry: { maxAttempts: 1 },
      rateLimits: { orders: { perSecond: 5, perMinute: 200 }, other: { perSecond: 2, perMinute: 90 } },
    });
    expect(view.accounts[0]!.buckets.map((b) => [b.bucket, b.limitPerSecond, b.limitPerMinute])).toEqual([
      ['orders', 5, 200],
      ['other', 2, 90],
    ]);
  });
});
