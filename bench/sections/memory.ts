// §6 memory of the headless core: RSS after a first import of 100,000 orders through the real sync path (two
// accounts of 50,000, eMAG's limits lifted so it takes seconds, not minutes), then during a soak of the real
// scheduler with shortened intervals while new orders keep arriving. The sandbox runs in its own process.
import { closeBench, openBenchCore, scaledScheduler, UNLIMITED_CLIENT } from '../lib/core';
import { emitRows, progress, type Row } from '../lib/report';
import { startRemoteSandbox } from '../lib/remoteSandbox';
import { sleep } from '../lib/stats';

const SOAK_SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 120);
const SOAK_SCALE = 60;
const ACCOUNTS = [
  { username: 'mem-main', password: 'mem-main-secret', kind: 'main' as const },
  { username: 'mem-fbe', password: 'mem-fbe-secret', kind: 'fbe' as const },
];
const mb = (bytes: number) => bytes / 1024 / 1024;

async function main(): Promise<void> {
  const sandbox = await startRemoteSandbox({
    accounts: ACCOUNTS.map((a) => ({ ...a, orders: 50_000, offers: 2_000 })),
    rateLimit: false,
  });
  const bench = await openBenchCore({ sandboxUrl: sandbox.url, accounts: ACCOUNTS, clientTuning: UNLIMITED_CLIENT });
  const { core } = bench;
  try {
    const rssBefore = mb(process.memoryUsage.rss());
    progress('importing 100,000 orders through the sync (limits lifted)…');
    const started = performance.now();
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 250);
    const runs = await Promise.all(
      ACCOUNTS.map(async (a) => {
        const id = bench.ids[a.username]!;
        const changes = await core.engine.runJob('order-changes', id, 'manual');
        await core.engine.runJob('offers', id, 'manual');
        return changes;
      }),
    );
    clearInterval(sampler);
    const orders = core.repos.orders.count();
    progress(
      `${orders} orders in ${((performance.now() - started) / 1000).toFixed(1)} s (${runs.map((r) => r.status).join(', ')})`,
    );
    const rssAfterImport = mb(process.memoryUsage.rss());
    peak = Math.max(peak, process.memoryUsage.rss()); // the sampler may have missed the last quarter second
    global.gc?.();
    await sleep(200);
    const rssAfterGc = mb(process.memoryUsage.rss());
    progress(
      `RSS: ${rssBefore.toFixed(0)} MB before, ${rssAfterImport.toFixed(0)} MB after import (peak ${mb(peak).toFixed(0)}), ${rssAfterGc.toFixed(0)} MB after GC`,
    );

    // Soak: the scheduler with every interval divided by 60, a new order every second.
    const scale = { value: SOAK_SCALE };
    const scheduler = scaledScheduler(core, scale);
    scheduler.start();
    const samples: number[] = [];
    const soakEnd = Date.now() + SOAK_SECONDS * 1000;
    let added = 0;
    while (Date.now() < soakEnd) {
      await sleep(1000);
      await sandbox.addOrders(ACCOUNTS[added % 2]!.username, 1);
      added++;
      if (added % 5 === 0) {
        // Retained memory, not garbage waiting for the next collection: growth here would be a leak.
        global.gc?.();
        samples.push(mb(process.memoryUsage.rss()));
      }
    }
    await scheduler.stop({ abort: true });
    const runsDuringSoak = core.repos.syncRuns.list({ limit: 10_000 }).rows.filter((r) => r.mode !== 'manual').length;
    const firstThird = samples.slice(0, Math.max(1, Math.floor(samples.length / 3)));
    const lastThird = samples.slice(-Math.max(1, Math.floor(samples.length / 3)));
    const avg = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const growth = avg(lastThird) - avg(firstThird);
    progress(
      `soak: ${SOAK_SECONDS} s, ${runsDuringSoak} scheduled runs, ${added} new orders, RSS ${samples.map((s) => s.toFixed(0)).join(' ')}`,
    );

    const rows: Row[] = [
      {
        section: '6',
        metric: 'RSS after importing 100,000 orders (sync path)',
        unit: 'MB',
        value: rssAfterImport,
        target: { op: '<', value: 250 },
        note: `peak during the import ${mb(peak).toFixed(0)} MB; after a forced GC ${rssAfterGc.toFixed(0)} MB; sandbox in its own process`,
      },
      {
        section: '6',
        metric: `RSS at the end of a ${SOAK_SECONDS} s scheduler soak (intervals ÷ ${SOAK_SCALE})`,
        unit: 'MB',
        value: samples.at(-1) ?? null,
        target: { op: '<', value: 250 },
        note: `${runsDuringSoak} scheduled runs, ${added} new orders; ${SOAK_SECONDS} s stand in for the issue's 10 minutes to keep the bench short`,
      },
      {
        section: '6',
        metric: 'RSS growth during the soak (after GC, last third − first third)',
        unit: 'MB',
        value: growth,
        target: { op: '<', value: 10 },
      },
    ];
    emitRows(rows);
  } finally {
    await closeBench(bench, sandbox);
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
