// §4 local data at 100,000 orders / 300,000 lines: the bulk upsert, the orders list (filter by status and account,
// newest first, a page of 100), full-text search and the dashboard statistics, all through the IPC dispatcher the
// window calls (validation included). Leaves the database behind as the fixture of §7 and §8.
import { rmSync, writeFileSync } from 'node:fs';
import { CACHE_KEYS } from '../../main/core/cache/entries';
import { FIXTURE_LINES_PER_ORDER, FIXTURE_ORDERS, generateOrderRecords, searchTerms } from '../lib/fixture';
import { fixtureDir, fixtureReadyFile, openFixtureCore } from '../lib/fixtureCore';
import { emitRows, progress, type Row } from '../lib/report';
import { scratchDir } from '../lib/core';
import { percentile, summarize, timeMs, timeMsAsync } from '../lib/stats';
import type { MagflowCore } from '../../main/core/magflow';
import type { OrderRecord } from '../../main/core/db';

const UPSERT_RUNS = Number(process.env.BENCH_UPSERT_RUNS ?? 3);
const SAMPLES = 300;

async function dispatch(core: MagflowCore, channel: string, input: unknown): Promise<unknown> {
  const result = await core.dispatcher.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`);
  return result.value;
}

async function samples(count: number, one: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 20; i++) await one(i); // warm-up: statements prepared, pages in the OS cache
  const times: number[] = [];
  for (let i = 0; i < count; i++) times.push(await timeMsAsync(() => one(i)));
  return times;
}

async function upsertInto(dataDir: string, records: OrderRecord[]): Promise<{ ms: number; core: MagflowCore }> {
  const { core } = await openFixtureCore(dataDir);
  const ms = timeMs(() => core.repos.orders.upsertMany(records));
  return { ms, core };
}

async function main(): Promise<void> {
  const dir = fixtureDir();
  rmSync(dir, { recursive: true, force: true });

  progress('generating 100,000 orders with the sandbox generator (parsed and mapped like a sync)…');
  const probe = await openFixtureCore(scratchDir('probe'));
  const accounts = probe.accounts;
  await probe.core.stop();
  rmSync(probe.core.dataDir, { recursive: true, force: true });
  const genStart = performance.now();
  const records = await generateOrderRecords(accounts);
  const lines = records.reduce((n, r) => n + r.lines.length, 0);
  progress(
    `${records.length} orders, ${lines} lines generated in ${((performance.now() - genStart) / 1000).toFixed(1)} s`,
  );

  const upserts: number[] = [];
  let core: MagflowCore | null = null;
  for (let i = 0; i < UPSERT_RUNS; i++) {
    const last = i === UPSERT_RUNS - 1;
    const target = last ? dir : scratchDir('upsert');
    const result = await upsertInto(target, records);
    upserts.push(result.ms);
    progress(`bulk upsert ${i + 1}: ${(result.ms / 1000).toFixed(2)} s`);
    if (last) core = result.core;
    else {
      await result.core.stop();
      rmSync(target, { recursive: true, force: true });
    }
  }
  if (!core) throw new Error('no upsert run');
  const terms = searchTerms(records, 100);
  records.length = 0; // let the generated data go before measuring the reads
  global.gc?.();

  const statusSets = [[1], [2], [3], [4], [0], [5], [1, 2, 3]];
  const list = await samples(SAMPLES, (i) =>
    dispatch(core, 'orders.list', {
      statuses: statusSets[i % statusSets.length],
      accountIds: [accounts[i % accounts.length]!.id],
      sort: { field: 'created', dir: 'desc' },
      offset: 100 * (i % 10),
      limit: 100,
    }),
  );
  const search = await samples(SAMPLES, (i) =>
    dispatch(core, 'orders.list', { search: terms[i % terms.length], limit: 100 }),
  );

  const uncached: number[] = [];
  for (let i = 0; i < 15; i++) {
    await core.cache.deletePrefix(CACHE_KEYS.orderStatsPrefix);
    uncached.push(await timeMsAsync(() => dispatch(core, 'dashboard.get', undefined)));
  }
  const cached = await samples(SAMPLES, () => dispatch(core, 'dashboard.get', undefined));
  const today = new Date().toISOString().slice(0, 10);
  const statsHit = await samples(SAMPLES, () =>
    core.cache.wrap(CACHE_KEYS.dashboardStats('bench'), 60_000, () => core.repos.stats.orderStats(today)),
  );

  await core.stop();
  writeFileSync(fixtureReadyFile(), `${JSON.stringify({ orders: FIXTURE_ORDERS, lines, accounts })}\n`);

  const rows: Row[] = [
    {
      section: '4',
      metric: `bulk upsert ${FIXTURE_ORDERS.toLocaleString('en-US')} orders / ${(FIXTURE_ORDERS * FIXTURE_LINES_PER_ORDER).toLocaleString('en-US')} lines (one transaction)`,
      unit: 's',
      value: summarize(upserts.map((ms) => ms / 1000)),
      target: { op: '<', value: 3 },
    },
    {
      section: '4',
      metric: 'orders list (status + account, newest first, page of 100) p50',
      unit: 'ms',
      value: percentile(list, 50),
    },
    {
      section: '4',
      metric: 'orders list p95',
      unit: 'ms',
      value: percentile(list, 95),
      target: { op: '<', value: 10 },
      note: `${SAMPLES} queries through the IPC dispatcher; pages 1–10; includes the total count the list shows`,
    },
    { section: '4', metric: 'FTS search (page of 100) p50', unit: 'ms', value: percentile(search, 50) },
    {
      section: '4',
      metric: 'FTS search p95',
      unit: 'ms',
      value: percentile(search, 95),
      target: { op: '<', value: 20 },
      note: `${SAMPLES} searches: customer names, product words, order ids`,
    },
    {
      section: '4',
      metric: 'dashboard.get uncached (stats computed) median',
      unit: 'ms',
      value: summarize(uncached),
    },
    {
      section: '4',
      metric: 'dashboard.get cached p50',
      unit: 'ms',
      value: percentile(cached, 50),
      target: { op: '<', value: 1 },
      note: 'the whole dashboard call: cached statistics plus the live sync state and health',
    },
    { section: '4', metric: 'statistics cache hit alone p50', unit: 'ms', value: percentile(statsHit, 50) },
  ];
  emitRows(rows);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
