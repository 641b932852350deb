// §10 new orders in seconds (issue 17 §5), with the DEFAULT schedule, not scaled: the core as the app runs it (its
// scheduler and the quick new-order check, `intervals.newOrdersCheckSec` = 12 s), auto-acknowledge on. (a) The
// order-route requests of a quiet stretch, per hour. (b) Orders added to the sandbox at random moments: from the
// moment one appears to the later of its `order_new` (the pop-up) and its acknowledgement sent to eMAG.
import { closeBench, openBenchCore, settleAccount } from '../lib/core';
import { emitRows, percentileRows, progress, type Row } from '../lib/report';
import { startRemoteSandbox } from '../lib/remoteSandbox';
import { sleep } from '../lib/stats';

const ACCOUNT = { username: 'bench-fast', password: 'bench-fast-secret', kind: 'main' as const };
const ORDERS = Number(process.env.BENCH_FAST_ORDERS ?? 20);
const QUIET_SEC = Number(process.env.BENCH_FAST_QUIET_SEC ?? 180);
const ORDER_BUDGET_PER_HOUR = 720 * 60;

async function main(): Promise<void> {
  const sandbox = await startRemoteSandbox({ accounts: [{ ...ACCOUNT, orders: 300, offers: 50 }], rateLimit: true });
  const bench = await openBenchCore({ sandboxUrl: sandbox.url, accounts: [ACCOUNT] });
  const { core } = bench;
  const accountId = bench.ids[ACCOUNT.username]!;
  try {
    progress('first import…');
    await settleAccount(core, accountId);

    await core.start(); // the default schedule and the quick check, as the app runs them
    await sleep(35_000); // past the jittered first runs
    await sandbox.clearLog();
    progress(`quiet stretch of ${QUIET_SEC} s at the default schedule…`);
    await sleep(QUIET_SEC * 1000);
    const quiet = await sandbox.log();
    const orderRequests = quiet.filter((e) => e.bucket === 'orders');
    const perHour = (orderRequests.length * 3600) / QUIET_SEC;
    const byRoute = new Map<string, number>();
    for (const e of orderRequests) byRoute.set(e.route, (byRoute.get(e.route) ?? 0) + 1);

    const appeared = new Map<number, number>();
    const notified = new Map<number, number>();
    const acknowledged = new Map<number, number>();
    core.bus.on('order_new', (event) => void notified.set(event.orderId, Date.now()));
    core.bus.on('outbox_changed', ({ action }) => {
      if (action.kind === 'acknowledge' && action.state === 'sent' && action.orderId !== null)
        acknowledged.set(action.orderId, Date.now());
    });
    progress(`${ORDERS} new orders at random moments (each 0–15 s after the last)…`);
    for (let i = 0; i < ORDERS; i++) {
      await sleep(Math.random() * 15_000);
      const added = await sandbox.addOrders(ACCOUNT.username, 1);
      for (const id of added.ids) appeared.set(id, added.at);
    }
    const until = Date.now() + 90_000;
    while ((notified.size < appeared.size || acknowledged.size < appeared.size) && Date.now() < until) await sleep(200);
    await core.scheduler.stop({ abort: true });
    core.newOrderWatch.stop();

    const latencies: number[] = [];
    for (const [id, at] of appeared) {
      const n = notified.get(id);
      const a = acknowledged.get(id);
      if (n !== undefined && a !== undefined) latencies.push((Math.max(n, a) - at) / 1000);
    }
    const missed = appeared.size - latencies.length;
    progress(`latencies: ${latencies.map((s) => s.toFixed(1)).join(' ')}${missed ? ` (${missed} missed)` : ''}`);
    const rows: Row[] = [
      {
        section: '10',
        metric: 'new orders: order-route requests per hour, default schedule, quiet',
        unit: 'req/h',
        value: Math.round(perHour),
        ceiling: ORDER_BUDGET_PER_HOUR,
        target: { op: '<', value: 0.01, on: 'ratio' },
        note: `${QUIET_SEC} s measured, not scaled; routes ${JSON.stringify(Object.fromEntries(byRoute))}`,
      },
      ...percentileRows(
        { section: '10', unit: 's' },
        (p) => `order appears → notified + acknowledged p${p}, default schedule`,
        latencies,
        {
          target: { op: '<=', value: 20 },
          note: `${latencies.length} orders, measured, not scaled${missed ? `; ${missed} not both notified and acknowledged in 90 s` : ''}`,
        },
      ),
    ];
    emitRows(rows);
  } finally {
    await closeBench(bench, sandbox);
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
