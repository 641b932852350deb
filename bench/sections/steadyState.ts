// §3 steady state. (a) Requests per hour per account when nothing changes: the real scheduler runs one "hour" with
// every interval divided by 60 (so one real minute is one scheduled hour). (b) Latency from an order appearing in
// the sandbox to MagFlow's order_new event, with the intervals divided by 10; the part of each latency spent
// waiting for the next new-orders run is scaled back up to estimate the default schedule.
import { closeBench, openBenchCore, scaledScheduler, settleAccount } from '../lib/core';
import { emitRows, percentileRows, progress, type Row } from '../lib/report';
import { startRemoteSandbox } from '../lib/remoteSandbox';
import { sleep } from '../lib/stats';

const ACCOUNT = { username: 'bench-steady', password: 'bench-steady-secret', kind: 'main' as const };
const HOUR_SCALE = 60;
const LATENCY_SCALE = 10;
const LATENCY_ORDERS = Number(process.env.BENCH_LATENCY_ORDERS ?? 24);
const ORDER_BUDGET_PER_HOUR = 720 * 60;
const OTHER_BUDGET_PER_HOUR = 180 * 60;

async function main(): Promise<void> {
  const sandbox = await startRemoteSandbox({
    accounts: [{ ...ACCOUNT, orders: 2_000, offers: 1_000 }],
    rateLimit: true,
  });
  const bench = await openBenchCore({ sandboxUrl: sandbox.url, accounts: [ACCOUNT] });
  const { core } = bench;
  const accountId = bench.ids[ACCOUNT.username]!;
  try {
    // Bring the account to a settled state: imported, new orders acknowledged, their status change read back.
    progress('first import (2,000 orders, 1,000 offers)…');
    await settleAccount(core, accountId);
    await core.engine.runJob('health', null, 'manual');
    await core.engine.runJob('maintenance', null, 'manual');

    // (a) one scheduled hour in one real minute.
    const scale = { value: HOUR_SCALE };
    const scheduler = scaledScheduler(core, scale);
    await sandbox.clearLog();
    progress(`one scheduled hour at 1/${HOUR_SCALE} (60 s)…`);
    scheduler.start();
    await sleep(3_600_000 / HOUR_SCALE);
    const hourLog = await sandbox.log();
    const ordersPerHour = hourLog.filter((e) => e.bucket === 'orders').length;
    const otherPerHour = hourLog.filter((e) => e.bucket === 'other').length;
    const byRoute = new Map<string, number>();
    for (const e of hourLog) byRoute.set(e.route, (byRoute.get(e.route) ?? 0) + 1);
    progress(`requests in the scheduled hour: ${JSON.stringify(Object.fromEntries(byRoute))}`);

    // (b) order appearance → order_new.
    scale.value = LATENCY_SCALE;
    scheduler.reschedule();
    const appeared = new Map<number, number>();
    const seen = new Map<number, number>();
    const runStarts: number[] = [];
    core.bus.on('order_new', (event) => void seen.set(event.orderId, Date.now()));
    core.bus.on('sync_finished', ({ run }) => {
      if (run.job === 'new-orders') runStarts.push(Date.parse(run.startedAt));
    });
    progress(`${LATENCY_ORDERS} new orders at random times, intervals at 1/${LATENCY_SCALE}…`);
    for (let i = 0; i < LATENCY_ORDERS; i++) {
      await sleep(500 + Math.random() * 3_000);
      const added = await sandbox.addOrders(ACCOUNT.username, 1);
      for (const id of added.ids) appeared.set(id, added.at);
    }
    const deadline = Date.now() + (3 * 60_000) / LATENCY_SCALE + 5_000;
    while (seen.size < appeared.size && Date.now() < deadline) await sleep(100);
    await scheduler.stop({ abort: true });

    const measured: number[] = [];
    const estimated: number[] = [];
    for (const [id, at] of appeared) {
      const eventAt = seen.get(id);
      if (eventAt === undefined) continue;
      measured.push((eventAt - at) / 1000);
      // The run that found it is the last new-orders run started before the event (and after the order appeared).
      const runStart = Math.max(...runStarts.filter((s) => s >= at - 1_000 && s <= eventAt), at);
      const waiting = Math.max(0, runStart - at);
      estimated.push((waiting * LATENCY_SCALE + (eventAt - runStart)) / 1000);
    }
    const missed = appeared.size - measured.length;
    progress(
      `latency samples: ${measured.map((s) => s.toFixed(1)).join(' ')}${missed ? ` (${missed} never announced)` : ''}`,
    );

    const rows: Row[] = [
      {
        section: '3',
        metric: 'steady state: order-route requests per hour, nothing changing',
        unit: 'req/h',
        value: ordersPerHour,
        ceiling: ORDER_BUDGET_PER_HOUR,
        target: { op: '<', value: 0.01, on: 'ratio' },
        note: `one scheduled hour run at 1/${HOUR_SCALE} (60 s real); 2,000 orders, 1,000 offers; routes ${JSON.stringify(Object.fromEntries(byRoute))}`,
      },
      {
        section: '3',
        metric: 'steady state: other-route requests per hour (offers walk)',
        unit: 'req/h',
        value: otherPerHour,
        ceiling: OTHER_BUDGET_PER_HOUR,
      },
      ...percentileRows(
        { section: '3', unit: 's' },
        (p) => `order appears → order_new p${p}, intervals at 1/${LATENCY_SCALE} (measured)`,
        measured,
      ),
      ...percentileRows(
        { section: '3', unit: 's' },
        (p) => `order appears → order_new p${p}, default schedule (estimated)`,
        estimated,
        {
          target: { op: '<=', value: 60 },
          note: `${measured.length} orders${missed ? ` (${missed} never announced)` : ''}; estimate = wait for the next new-orders run × ${LATENCY_SCALE} + the run's own time`,
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
  process.exit(1);
});
