// §2: two accounts importing at once. Each account has its own eMAG budget and its own client limiter: both should
// stay under their limits (the sandbox's sliding windows say so, and would answer 429 otherwise) and neither should
// starve the other on the shared event loop and database.
import { openBenchCore } from '../lib/core';
import { busiestWindow, count429, ofAccount } from '../lib/requests';
import { emitRows, progress, type Row } from '../lib/report';
import { startRemoteSandbox } from '../lib/remoteSandbox';
import { summarize } from '../lib/stats';

const ORDERS_EACH = 10_000;
const RUNS = Number(process.env.BENCH_TWO_RUNS ?? 2);
const ACCOUNTS = [
  { username: 'bench-a', password: 'bench-a-secret', kind: 'main' as const },
  { username: 'bench-b', password: 'bench-b-secret', kind: 'fbe' as const },
];

interface PerAccount {
  reqPerSec: number;
  busiestSecond: number;
  http429: number;
  seconds: number;
}

async function once(): Promise<PerAccount[]> {
  const sandbox = await startRemoteSandbox({
    accounts: ACCOUNTS.map((a) => ({ ...a, orders: ORDERS_EACH, offers: 10 })),
    rateLimit: true,
  });
  const bench = await openBenchCore({ sandboxUrl: sandbox.url, accounts: ACCOUNTS });
  try {
    const started = performance.now();
    const seconds = await Promise.all(
      ACCOUNTS.map(async (a) => {
        await bench.core.engine.runJob('order-changes', bench.ids[a.username]!, 'manual');
        return (performance.now() - started) / 1000;
      }),
    );
    const log = await sandbox.log();
    return ACCOUNTS.map((a, i) => {
      const mine = ofAccount(log, a.username);
      const reads = mine.filter((e) => e.route === 'order/read').length;
      return {
        reqPerSec: reads / seconds[i]!,
        busiestSecond: busiestWindow(mine.filter((e) => e.bucket === 'orders')),
        http429: count429(mine),
        seconds: seconds[i]!,
      };
    });
  } finally {
    await bench.close();
    await sandbox.close();
  }
}

async function main(): Promise<void> {
  const runs: PerAccount[][] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await once();
    progress(
      `run ${i + 1}: ${r.map((a, k) => `${ACCOUNTS[k]!.username} ${a.reqPerSec.toFixed(2)} req/s in ${a.seconds.toFixed(1)} s, busiest second ${a.busiestSecond}, ${a.http429} x 429`).join('; ')}`,
    );
    runs.push(r);
  }
  const rows: Row[] = ACCOUNTS.flatMap((a, k): Row[] => [
    {
      section: '2',
      metric: `two accounts at once: ${a.username} (${a.kind}) order/read req/s`,
      unit: 'req/s',
      value: summarize(runs.map((r) => r[k]!.reqPerSec)),
      ceiling: 12,
      target: { op: '>=', value: 0.9, on: 'ratio' },
    },
    {
      section: '2',
      metric: `two accounts at once: ${a.username} busiest 1 s (sandbox-side)`,
      unit: 'req',
      value: summarize(runs.map((r) => r[k]!.busiestSecond)),
      ceiling: 12,
      target: { op: '<=', value: 12 },
    },
  ]);
  rows.push(
    {
      section: '2',
      metric: 'two accounts at once: HTTP 429 (both accounts, all runs)',
      unit: 'x 429',
      value: runs.flat().reduce((sum, a) => sum + a.http429, 0),
      target: { op: '=', value: 0 },
    },
    {
      section: '2',
      metric: 'two accounts at once: slower ÷ faster account throughput',
      unit: '',
      value: summarize(
        runs.map((r) => Math.min(...r.map((a) => a.reqPerSec)) / Math.max(...r.map((a) => a.reqPerSec))),
      ),
      target: { op: '>=', value: 0.9 },
      note: `${ORDERS_EACH.toLocaleString('en-US')} orders per account, both first imports started together; 1.0 = neither starves`,
    },
  );
  emitRows(rows);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
