// Fault soak: the real scheduler, its intervals shortened, runs the headless core for a bounded time against a
// sandbox answering with a mix of 500s, resets, slow answers, 429s and truncated bodies while new orders arrive and
// the seller acts. Afterwards one clean sync, then the crash invariants; memory must stay flat and every failure
// must be in the sync history with its reason.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { SyncRun } from '../../shared/domain';
import type { IpcResult, Paged } from '../../shared/ipc';
import { createMagflowCore, type MagflowCore } from '../../main/core/magflow';
import { startSandbox, type Sandbox } from '../../main/sandbox';
import { Invariants, QUICK } from './support/report';
import { saveSandboxAccount } from '../support/sandboxAccount';
import { tempDirForSuite } from '../support/tempDir';
import { CHAOS_ACCOUNT_NAMES, checkChaosDataDir, seeded } from './support/world';

const SOAK_MS = Number(process.env.RELIABILITY_SOAK_SEC ?? (QUICK ? 40 : 180)) * 1000;
const MAIN = { username: 'soak-main', password: 'Soak-Main-Pa55', kind: 'main' as const, orders: 1_000, offers: 50 };
const FBE = { username: 'soak-fbe', password: 'Soak-Fbe-Pa55', kind: 'fbe' as const, orders: 200, offers: 20 };
const SOAK_FAULTS = [
  { kind: 'http500' as const, probability: 0.06 },
  { kind: 'reset' as const, probability: 0.04 },
  { kind: 'slow' as const, probability: 0.04, delayMs: 1_500 },
  { kind: 'http429' as const, probability: 0.04 },
  { kind: 'malformedJson' as const, probability: 0.04 },
];

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMb = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1_048_576;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('fault soak', () => {
  let sandbox: Sandbox | null = null;
  let core: MagflowCore | null = null;
  const dir = tempDirForSuite('magflow-soak-', async () => {
    await core?.stop({ abort: true }).catch(() => undefined);
    await sandbox?.close();
  });

  it(`keeps every order and action through ${SOAK_MS / 1000} s of mixed faults`, async () => {
    const inv = new Invariants(`fault soak (${SOAK_MS / 1000} s, scheduler x500 faster)`);
    inv.inject('~22% of requests: 6% HTTP 500, 4% reset, 4% slow (1.5 s > 1 s timeout), 4% 429, 4% truncated JSON');
    inv.inject('real rate limit on; new orders every 2 s; seller actions');
    const random = seeded(99);
    sandbox = await startSandbox({ port: 0, seed: 31, accounts: [MAIN, FBE], rateLimit: true, faults: SOAK_FAULTS });
    core = await createMagflowCore({
      dataDir: dir,
      demo: false,
      clientTuning: { retry: { maxAttempts: 1 }, timeoutMs: 1_000 },
      syncTuning: { outboxRetryBaseMs: 200, outboxRetryMaxMs: 2_000 },
      schedulerIntervalScale: 0.002,
    });
    core.repos.settings.update({ autoAcknowledge: true, orderChangesLookbackDays: 91, newOrdersMaxPages: 100 });
    const ids: Record<string, number> = {};
    for (const [name, spec] of [
      [CHAOS_ACCOUNT_NAMES.main, MAIN],
      [CHAOS_ACCOUNT_NAMES.fbe, FBE],
    ] as const) {
      ids[spec.kind] = saveSandboxAccount(core, name, spec, sandbox.url).id;
    }
    await core.start();

    const planned = new Map<number, number>();
    const samples: number[] = [];
    const started = Date.now();
    let tick = 0;
    while (Date.now() - started < SOAK_MS) {
      await sleep(2_000);
      tick++;
      sandbox.addOrders(MAIN.username, 1 + Math.floor(random() * 4));
      if (tick % 3 === 0) sandbox.addOrders(FBE.username, 1);
      if (tick % 4 === 0) {
        // The seller moves an in-progress order to "prepared" from the window.
        const candidates = core.repos.orders
          .list({ statuses: [2], accountIds: [ids.main!], sort: { field: 'id', dir: 'asc' }, offset: 0, limit: 200 })
          .rows.filter(
            (o) => !planned.has(o.id) && sandbox!.orders(MAIN.username).find((r) => r.id === o.id)?.status === 2,
          );
        const pick = candidates[Math.floor(random() * candidates.length)];
        if (pick) {
          const queued = await core.dispatcher.dispatch('orders.changeStatus', {
            accountId: ids.main!,
            orderId: pick.id,
            status: 3,
          });
          if (queued.ok) planned.set(pick.id, 3);
        }
      }
      samples.push(heapMb());
    }

    // Failures are visible in the sync history, each with its reason.
    const failedRuns = (await core.dispatcher.dispatch('sync.runs', { status: 'failed', limit: 500 })) as IpcResult<
      Paged<SyncRun>
    >;
    const failures = failedRuns.ok ? failedRuns.value.rows : [];
    inv.check('failures show up in the sync history', failures.length > 0, () => 'no failed run recorded');
    inv.check(
      'every failed run says why (message and kind)',
      failures.every((r) => (r.error ?? '').length > 0 && (r.errorKind ?? '').length > 0),
    );
    const kinds = new Set(failures.map((r) => r.errorKind));
    inv.note(`${failures.length} failed runs in the history, kinds: ${[...kinds].join(', ')}`);
    const diagnostics = await core.dispatcher.dispatch('diagnostics.get', undefined);
    inv.check('diagnostics list the recent errors', diagnostics.ok);

    // One clean sync (faults off), as after an outage.
    sandbox.setFaults([]);
    const cleanStarted = Date.now();
    let rounds = 0;
    let lastRound: SyncRun[] = [];
    const roundTimes: string[] = [];
    for (; rounds < 60; rounds++) {
      const roundStarted = Date.now();
      lastRound = await core.scheduler.syncNow();
      roundTimes.push(
        `${((Date.now() - roundStarted) / 1000).toFixed(1)}s [${lastRound.map((r) => `${r.job}/${r.accountId}:${r.status}:${r.durationMs}ms`).join(' ')}]`,
      );
      const pending = core.repos.outbox.countByState('pending', ids.main!);
      if (pending === 0 && rounds >= 1 && lastRound.every((r) => r.status === 'completed')) break;
      await sleep(300);
    }
    inv.check(
      'the clean sync after the soak completes every job',
      lastRound.every((r) => r.status === 'completed'),
      () => lastRound.map((r) => `${r.job}:${r.status} ${r.error ?? ''}`).join('; '),
    );
    inv.note(`clean sync took ${((Date.now() - cleanStarted) / 1000).toFixed(1)} s: ${roundTimes.join('; ')}`);
    inv.note(`clean sync after the soak took ${rounds + 1} rounds`);
    const stopping = Date.now();
    await core.stop();
    core = null;
    inv.note(`stop took ${((Date.now() - stopping) / 1000).toFixed(1)} s`);

    const warm = samples.slice(Math.floor(samples.length / 4), Math.floor(samples.length / 2));
    const late = samples.slice(-Math.max(1, Math.floor(samples.length / 4)));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const growth = median(late) - median(warm);
    inv.check(
      'memory does not grow (heap after GC, late vs warm median, < 25 MB)',
      growth < 25,
      () => `${median(warm).toFixed(1)} MB -> ${median(late).toFixed(1)} MB`,
    );
    inv.note(`heap after GC: ${median(warm).toFixed(1)} MB warm, ${median(late).toFixed(1)} MB at the end`);
    const faults = sandbox.requestLog.filter((e) => e.fault).length;
    inv.note(`${sandbox.requestLog.length} requests, ${faults} with an injected fault, ${planned.size} seller actions`);

    checkChaosDataDir(inv, { dataDir: dir, sandbox, main: MAIN, fbe: FBE, planned });
    expect(inv.finish()).toEqual([]);
  });
});
