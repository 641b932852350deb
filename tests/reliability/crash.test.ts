// Crash chaos: the headless core syncs 5,000 orders with auto-acknowledge against a sandbox failing ~10% of
// requests, and is killed with SIGKILL at random moments (during start-up, import, acknowledgements, seller actions),
// restarted each time, while eMAG keeps changing. After a final clean sync nothing may be lost, doubled or left open.
import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../main/sandbox';
import { Invariants, QUICK } from './support/report';
import { tempDirForSuite } from '../support/tempDir';
import { headlessCoreEnv, lastJson, runFixture, startFixture } from './support/spawn';
import { checkChaosDataDir, MIXED_FAULTS, MIXED_FAULTS_TEXT, seeded } from './support/world';

const ORDERS = QUICK ? 1_500 : 5_000;
const KILLS = QUICK ? 6 : 20;
const SEED = Number(process.env.RELIABILITY_SEED ?? Date.now() % 1_000_000);

const MAIN = { username: 'chaos-main', password: 'Chaos-Main-Pa55!', kind: 'main' as const, orders: ORDERS, offers: 5 };
const FBE = { username: 'chaos-fbe', password: 'Chaos-Fbe-Pa55!', kind: 'fbe' as const, orders: 300, offers: 5 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

function readyOf(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    let buffer = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      if (buffer.includes('READY')) resolve();
    });
    child.once('exit', () => resolve());
  });
}

describe('crash chaos', () => {
  let sandbox: Sandbox | null = null;
  const dir = tempDirForSuite('magflow-chaos-', () => sandbox?.close());

  it(`keeps every order and action through ${KILLS} SIGKILLs`, async () => {
    const inv = new Invariants(`crash chaos (${ORDERS} orders, ${KILLS} kills)`);
    const random = seeded(SEED);
    sandbox = await startSandbox({ port: 0, seed: 1000 + (SEED % 1000), accounts: [MAIN, FBE], rateLimit: false });
    inv.inject(`SIGKILL x${KILLS} at random moments (seed ${SEED})`);
    inv.inject(MIXED_FAULTS_TEXT);
    inv.inject('eMAG changes meanwhile: new orders, cancellations, status moves');

    // The seller moves 25 in-progress orders to "prepared" while the chaos goes on.
    const inProgress = sandbox.orders(MAIN.username).filter((o) => o.status === 2);
    const planned = new Map<number, number>();
    for (let i = 0; i < inProgress.length && planned.size < 25; i += Math.max(1, Math.floor(inProgress.length / 25)))
      planned.set(inProgress[i]!.id, 3);
    sandbox.setFaults(MIXED_FAULTS);

    const env = {
      ...headlessCoreEnv(dir, sandbox.url, MAIN, FBE),
      MF_ACTIONS: JSON.stringify([...planned].map(([orderId, status]) => ({ orderId, status }))),
    };

    let killedBeforeReady = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const child = startFixture('headlessCore.ts', env);
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
      const ready = readyOf(child);
      if (random() < 0.25) {
        // During start-up: opening the database, migrations, stuck-run recovery, first jobs.
        await sleep(300 + random() * 1_500);
        killedBeforeReady++;
      } else {
        await ready;
        await sleep(100 + random() * (QUICK ? 2_000 : 3_000));
      }
      const early = child.exitCode;
      child.kill('SIGKILL');
      await exited(child);
      inv.check(
        'the core never exits on its own during chaos',
        early === null,
        () => `exit ${early}: ${stderr.slice(-500)}`,
      );

      // eMAG keeps moving between restarts: new orders, customers cancelling, orders progressing.
      sandbox.addOrders(MAIN.username, 10 + Math.floor(random() * 20));
      sandbox.addOrders(FBE.username, 2);
      const remote = sandbox.orders(MAIN.username);
      const fresh = remote.filter((o) => o.status === 1);
      for (let i = 0; i < 2 && fresh.length > 0; i++) {
        const victim = fresh[Math.floor(random() * fresh.length)]!;
        sandbox.setOrderStatus(MAIN.username, victim.id, 0);
      }
      const moving = remote.filter((o) => o.status === 2 && !planned.has(o.id));
      const moved = moving[Math.floor(random() * moving.length)];
      if (moved) sandbox.setOrderStatus(MAIN.username, moved.id, 4);
    }
    inv.note(`${killedBeforeReady} of ${KILLS} kills landed during start-up`);

    // The last restart runs until everything is synced and sent, then stops cleanly.
    const { code, stdout: out, stderr: err } = await runFixture('headlessCore.ts', { ...env, MF_FINAL: '1' });
    const summary = lastJson<{ done: boolean; rounds?: number; error?: string }>(out || '{}');
    inv.check(
      'the final sync finishes',
      code === 0 && summary.done,
      () => `${code} ${summary.error ?? err.slice(-800)}`,
    );
    inv.note(`final sync took ${summary.rounds ?? '?'} extra rounds`);

    const faults = sandbox.requestLog.filter((e) => e.fault).length;
    inv.note(`${sandbox.requestLog.length} requests to eMAG, ${faults} with an injected fault`);
    inv.check('faults were really injected', faults > 0);

    checkChaosDataDir(inv, { dataDir: dir, sandbox, main: MAIN, fbe: FBE, planned });
    expect(inv.finish()).toEqual([]);
  });
});
