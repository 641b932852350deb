// The assembled headless core, as the shell and the CLI start it: demo mode, the IPC surface end to end, leaving demo.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MagflowEvent } from '../../shared/events';
import type { ChannelInput, ChannelName, ChannelOutput, IpcResult } from '../../shared/ipc';
import { createMagflowCore, type MagflowCore } from '../../main/core/magflow';
import { DEMO_ACCOUNT_NAMES } from '../../main/core/demo';
import { DEMO_ACCOUNTS, startSandbox, type Sandbox } from '../../main/sandbox';

const fastClient = { retry: { maxAttempts: 2, initialDelayMs: 5, maxDelayMs: 20 }, timeoutMs: 5_000 };

/** A typed call through the dispatcher, the same path the preload and the browser bridge take. */
async function call<C extends ChannelName>(core: MagflowCore, channel: C, input: ChannelInput<C>) {
  return (await core.dispatcher.dispatch(channel, input)) as IpcResult<ChannelOutput<C>>;
}

describe('createMagflowCore', () => {
  let core: MagflowCore | null = null;
  let sandbox: Sandbox | null = null;
  let dir = '';

  afterEach(async () => {
    await core?.stop({ abort: true });
    await sandbox?.close();
    core = null;
    sandbox = null;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function startCore(): Promise<MagflowCore> {
    dir = mkdtempSync(join(tmpdir(), 'magflow-core-'));
    core = await createMagflowCore({
      dataDir: dir,
      version: '9.9.9',
      demo: { seed: 3, ordersPerAccount: 40, offersPerAccount: 10, newOrderEverySec: 0 },
      clientTuning: fastClient,
    });
    return core;
  }

  it('starts in demo mode with two demo accounts, syncs them, and answers the window through the dispatcher', async () => {
    const c = await startCore();
    await c.start();
    expect(c.isDemo()).toBe(true);

    const info = await call(c, 'app.info', undefined);
    expect(info.ok && info.value.demo).toBe(true);
    expect(info.ok && info.value.version).toBe('9.9.9');
    const names = info.ok ? info.value.accounts.map((a) => a.name).sort() : [];
    expect(names).toEqual([DEMO_ACCOUNT_NAMES.fbe, DEMO_ACCOUNT_NAMES.main].sort());

    const events: MagflowEvent[] = [];
    c.bus.on('sync_finished', (event) => events.push(event));
    const triggered = await call(c, 'sync.now', { job: 'new-orders' });
    expect(triggered).toEqual({ ok: true, value: { triggered: 2 } });
    // The call returns at once; the runs finish in the background and announce themselves.
    const runs = await c.scheduler.syncNow({ job: 'new-orders' });
    expect(runs.map((run) => run.status)).toEqual(['completed', 'completed']);
    expect(events.length).toBeGreaterThanOrEqual(2);

    const page = await call(c, 'orders.list', { limit: 500 });
    expect(page.ok).toBe(true);
    if (!page.ok) return;
    const mainSandboxNewOrders = c
      .demo()!
      .sandbox.orders('demo-main')
      .filter((order) => order.status === 1).length;
    expect(mainSandboxNewOrders).toBeGreaterThan(0);
    expect(page.value.rows.length).toBeGreaterThanOrEqual(mainSandboxNewOrders);

    const dashboard = await call(c, 'dashboard.get', undefined);
    expect(dashboard.ok).toBe(true);
    if (dashboard.ok) {
      const stored = dashboard.value.counts.reduce(
        (sum, account) => sum + Object.values(account.byStatus).reduce((a, b) => a + b, 0),
        0,
      );
      expect(stored).toBe(page.value.rows.length);
    }
  });

  it('answers a malformed call with a validation error and stays usable', async () => {
    const c = await startCore();
    const bad = await c.dispatcher.dispatch('orders.list', { limit: 'lots' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.kind).toBe('validation');
    const unknown = await c.dispatcher.dispatch('orders.delete', {});
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.kind).toBe('unknown_channel');
    const good = await call(c, 'accounts.list', undefined);
    expect(good.ok).toBe(true);
  });

  it('leaves demo mode when a real account is saved: demo accounts go, the real one syncs', async () => {
    const c = await startCore();
    await c.start();
    expect(c.isDemo()).toBe(true);

    sandbox = await startSandbox({ port: 0, seed: 11, ordersPerAccount: 15, offersPerAccount: 0, newOrderEverySec: 0 });
    const credentials = DEMO_ACCOUNTS[0]!;
    const saved = await call(c, 'accounts.save', {
      name: 'Magazinul meu',
      platform: 'emag-ro',
      kind: 'main',
      username: credentials.username,
      password: credentials.password,
      apiUrl: sandbox.url,
    });
    expect(saved.ok).toBe(true);
    // Leaving demo mode stops the demo sandbox asynchronously.
    await expect.poll(() => c.isDemo()).toBe(false);

    const accounts = c.repos.accounts.list();
    expect(accounts.map((a) => a.name)).toEqual(['Magazinul meu']);
    const runs = await c.scheduler.syncNow({ job: 'new-orders' });
    expect(runs).toHaveLength(1);
    expect(runs[0]!.status).toBe('completed');
    const expected = sandbox.orders(credentials.username).filter((order) => order.status === 1).length;
    const stored = await call(c, 'orders.list', { limit: 500 });
    expect(stored.ok && stored.value.rows).toHaveLength(expected);
  });

  it('serves the offer list from the cache until the offers job writes offers', async () => {
    const c = await startCore();
    await c.start();
    await c.scheduler.syncNow({ job: 'offers' });
    const first = await call(c, 'offers.list', { limit: 100 });
    expect(first.ok && first.value.rows.length).toBeGreaterThan(0);
    const before = c.cache.stats();
    const again = await call(c, 'offers.list', { limit: 100 });
    expect(again).toEqual(first);
    expect(c.cache.stats().hits).toBe(before.hits + 1);

    // A price change in eMAG reaches the list once the offers job has stored it.
    const demo = c.demo()!;
    const offer = demo.sandbox.offers('demo-main')[0]!;
    const cachedPrice = first.ok
      ? first.value.rows.find((row) => row.id === offer.id && row.account === DEMO_ACCOUNT_NAMES.main)?.salePrice
      : undefined;
    offer.sale_price += 10;
    await c.scheduler.syncNow({ job: 'offers' });
    const fresh = await call(c, 'offers.list', { limit: 100 });
    const freshPrice = fresh.ok
      ? fresh.value.rows.find((row) => row.id === offer.id && row.account === DEMO_ACCOUNT_NAMES.main)?.salePrice
      : undefined;
    expect(Number(freshPrice)).toBeCloseTo(Number(cachedPrice) + 10, 2);
  });

  it('with demo off and no account, starts quietly and schedules nothing', async () => {
    dir = mkdtempSync(join(tmpdir(), 'magflow-core-'));
    core = await createMagflowCore({ dataDir: dir, demo: false });
    await core.start();
    expect(core.isDemo()).toBe(false);
    expect(core.repos.accounts.list()).toEqual([]);
    const runs = await core.scheduler.syncNow({ job: 'new-orders' });
    expect(runs).toEqual([]);
  });
});
