// §9 the main thread while the database is checked and backed up, on the §4 fixture (100,000 orders): the health job
// (quick_check in the database worker, the accounts asked meanwhile) and then the daily backup (copy and
// integrity_check in the worker), through the core, as the scheduler runs them. A probe timer on the main thread
// records the longest gap between its firings beyond its period: how long the tray, IPC and the window would have
// waited. For comparison, the same reads on the main thread (what MagFlow did before #14) are timed once each.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { systemClock } from '../../main/core/clock';
import { dailyBackup } from '../../main/core/db/backup';
import { checkDatabaseFile } from '../../main/core/db/check';
import { silentLogger } from '../../main/core/logging';
import { createMagflowCore, DATABASE_FILE } from '../../main/core/magflow';
import { scratchDir } from '../lib/core';
import { fixtureDir, fixtureIsReady } from '../lib/fixtureCore';
import { emitRows, progress, type Row } from '../lib/report';
import { summarize, timeMs, timeMsAsync } from '../lib/stats';

const RUNS = Number(process.env.BENCH_STALL_RUNS ?? 5);
const PROBE_PERIOD_MS = 2;
const IDLE_MS = 4_000;

/** Starts a timer that notes the longest time the main thread kept it waiting, and the event-loop delay. */
function stallProbe() {
  let last = performance.now();
  let longest = 0;
  let phase = '';
  let longestIn = '';
  const note = (now: number) => {
    const gap = now - last - PROBE_PERIOD_MS;
    if (gap > longest) [longest, longestIn] = [gap, phase];
    last = now;
  };
  const timer = setInterval(() => note(performance.now()), PROBE_PERIOD_MS);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  return {
    /** Names what runs from now on, so the longest stall can be told apart (health or backup). */
    phase(name: string) {
      phase = name;
    },
    stop() {
      clearInterval(timer);
      loop.disable();
      // The last stretch, up to now, counts too (a stall right at the end would not have fired the timer yet).
      note(performance.now());
      return { longestMs: longest, longestIn, loopMaxMs: loop.max / 1e6 };
    },
  };
}

async function main(): Promise<void> {
  if (!fixtureIsReady()) throw new Error('the 100,000-order fixture is missing: run the "local" section first');
  const dataDir = fixtureDir();
  const dbPath = join(dataDir, DATABASE_FILE);
  const core = await createMagflowCore({ dataDir, demo: false, logger: silentLogger });
  const orders = (core.db.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n;
  const fileMb = (core.db.pragma('page_count', { simple: true }) as number) / 256; // 4 KiB pages
  progress(`fixture: ${orders} orders, ${fileMb.toFixed(0)} MB`);

  // Not counted: the first eMAG request of a process loads Node's fetch (undici), ≈ 60 ms once; in the app the first
  // sync pays it at start, long before a health check. The accounts point at a closed port (nothing is synced).
  await core.engine.runJob('health', null, 'manual');
  // The same probe with nothing to do: what the machine itself (other processes on 2 cores) costs the main thread.
  const idle = stallProbe();
  await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
  const idleMs = idle.stop().longestMs;
  progress(`idle main thread: longest gap ${idleMs.toFixed(1)} ms in ${IDLE_MS / 1000} s`);

  const stalls: number[] = [];
  const loopMax: number[] = [];
  const healthMs: number[] = [];
  const backupMs: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const backups = scratchDir('stall-backups');
      const probe = stallProbe();
      probe.phase('health');
      const health = await timeMsAsync(async () => {
        const run = await core.engine.runJob('health', null, 'manual');
        if (core.engine.healthReport().database.ok !== true) throw new Error(`health: ${run.error ?? 'database'}`);
      });
      probe.phase('backup');
      const backup = await timeMsAsync(async () => {
        const outcome = await dailyBackup(dbPath, backups, { clock: systemClock });
        if (!outcome.created) throw new Error('no backup was taken');
      });
      const measured = probe.stop();
      rmSync(backups, { recursive: true, force: true });
      stalls.push(measured.longestMs);
      loopMax.push(measured.loopMaxMs);
      healthMs.push(health);
      backupMs.push(backup);
      progress(
        `run ${i + 1}: longest main-thread stall ${measured.longestMs.toFixed(1)} ms during the ${measured.longestIn} (event-loop max ` +
          `${measured.loopMaxMs.toFixed(1)} ms); health ${(health / 1000).toFixed(2)} s, backup ${(backup / 1000).toFixed(2)} s`,
      );
    }
  } finally {
    await core.stop();
  }

  // Before #14 the same reads ran on the main thread: each of these is how long it would have stood still.
  const quickOnMain = timeMs(() => checkDatabaseFile(dbPath, 'quick'));
  const copyDir = scratchDir('stall-copy');
  const copyPath = join(copyDir, 'copy.db');
  const source = new Database(dbPath, { readonly: true });
  await source.backup(copyPath);
  source.close();
  const fullOnMain = timeMs(() => checkDatabaseFile(copyPath, 'full'));
  rmSync(copyDir, { recursive: true, force: true });
  progress(`on the main thread: quick_check ${quickOnMain.toFixed(0)} ms, integrity_check ${fullOnMain.toFixed(0)} ms`);

  const rows: Row[] = [
    {
      section: '9',
      metric: 'main thread longest stall: health check + backup, 100k orders',
      unit: 'ms',
      value: summarize(stalls),
      target: { op: '<', value: 50 },
      note:
        `probe timer every ${PROBE_PERIOD_MS} ms on the main thread (idle, doing nothing: ${idleMs.toFixed(0)} ms) ` +
        `through the health job (quick_check in the ` +
        `database worker) and the daily backup (copy + integrity_check in the worker), ${fileMb.toFixed(0)} MB ` +
        `database; event-loop delay max ${summarize(loopMax).median.toFixed(1)} ms (median of runs); health ` +
        `${(summarize(healthMs).median / 1000).toFixed(2)} s, backup ${(summarize(backupMs).median / 1000).toFixed(2)} s`,
    },
    {
      section: '9',
      metric: 'for comparison, on the main thread: quick_check / integrity_check',
      unit: 'ms',
      value: quickOnMain,
      note: `quick_check of the database ${quickOnMain.toFixed(0)} ms; integrity_check of the backup copy ${fullOnMain.toFixed(0)} ms: the stalls before #14`,
    },
  ];
  emitRows(rows);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
