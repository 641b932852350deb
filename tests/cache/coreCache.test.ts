// The cache as the assembled core uses it, against the sandbox over HTTP: courier accounts come from the cache for
// an hour, dashboard statistics for five minutes unless a sync writes orders, and the counts reach Diagnostics.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelInput, ChannelName, ChannelOutput, IpcResult } from '../../shared/ipc';
import { createMagflowCore, type MagflowCore } from '../../main/core/magflow';
import { startSandbox, type Sandbox } from '../../main/sandbox';
import { manualClock } from '../sync/harness';

const MAIN = { username: 'cache-main', password: 'main-secret', kind: 'main' as const, orders: 30, offers: 3 };

let core: MagflowCore | undefined;
let sandbox: Sandbox | undefined;
let dir = '';
afterEach(async () => {
  await core?.stop({ abort: true });
  await sandbox?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  core = undefined;
  sandbox = undefined;
});

async function call<C extends ChannelName>(c: MagflowCore, channel: C, input: ChannelInput<C>) {
  const result = (await c.dispatcher.dispatch(channel, input)) as IpcResult<ChannelOutput<C>>;
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result)}`);
  return result.value;
}

describe('cache in the core', () => {
  it('serves courier accounts and dashboard statistics from the cache until they expire or a sync changes orders', async () => {
    const clock = manualClock();
    sandbox = await startSandbox({ port: 0, seed: 71, accounts: [MAIN], rateLimit: false, now: () => clock.now() });
    dir = mkdtempSync(join(tmpdir(), 'magflow-cache-'));
    core = await createMagflowCore({
      dataDir: dir,
      demo: false,
      clock,
      random: () => 0.999,
      clientTuning: { retry: { maxAttempts: 1 }, timeoutMs: 5_000 },
    });
    const account = core.accounts.save({
      name: 'CACHE-MAIN',
      platform: 'emag-ro',
      kind: 'main',
      username: MAIN.username,
      password: MAIN.password,
      apiUrl: sandbox.url,
    });
    const couriersRead = () => sandbox!.requestLog.filter((e) => e.route === 'courier_accounts/read').length;

    const couriers = await call(core, 'couriers.list', { accountId: account.id });
    expect(couriers.length).toBeGreaterThan(0);
    expect(await call(core, 'couriers.list', { accountId: account.id })).toEqual(couriers);
    expect(couriersRead()).toBe(1);
    clock.advance(3_600_000 + 1);
    await call(core, 'couriers.list', { accountId: account.id });
    expect(couriersRead()).toBe(2);

    await core.scheduler.syncNow({ accountId: account.id, job: 'new-orders' });
    const before = core.cache.stats();
    const first = await call(core, 'dashboard.get', undefined);
    const again = await call(core, 'dashboard.get', undefined);
    expect(again.counts).toEqual(first.counts);
    expect(core.cache.stats().hits).toBe(before.hits + 1);

    // New orders arrive and a sync stores them: the next dashboard is computed afresh.
    sandbox.addOrders(MAIN.username, 2);
    await core.scheduler.syncNow({ accountId: account.id, job: 'new-orders' });
    const misses = core.cache.stats().misses;
    const after = await call(core, 'dashboard.get', undefined);
    expect(core.cache.stats().misses).toBe(misses + 1);
    const total = (view: typeof first) =>
      view.counts.reduce((sum, c) => sum + Object.values(c.byStatus).reduce((a, b) => a + b, 0), 0);
    expect(total(after)).toBe(total(first) + 2);

    const diagnostics = await call(core, 'diagnostics.get', undefined);
    expect(diagnostics.cache).toMatchObject({ hits: core.cache.stats().hits, misses: core.cache.stats().misses });
    expect(diagnostics.cache.keys).toBeGreaterThanOrEqual(2);
    expect(diagnostics.cache.hitRate).toBeGreaterThan(0);
  });
});
