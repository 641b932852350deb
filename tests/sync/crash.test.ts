// Crash safety: a MagFlow core in a child process syncs against a sandbox in this process and is killed with SIGKILL
// in the middle of an import and an acknowledgement drain. A fresh core on the same data folder then finds every run
// the dead one left `running`, marks it failed, and finishes the work: no order lost or stored twice, every pending
// acknowledgement sent, none repeated except the few the dead process may have had in flight.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { createMagflowCore, type MagflowCore } from '../../main/core/magflow';
import { startSandbox, type Sandbox } from '../../main/sandbox';
import { SHORT_RETRY_TUNING } from '../support/clientTuning';

const MAIN = { username: 'crash-main', password: 'main-secret', kind: 'main' as const, orders: 1_500, offers: 20 };
const FBE = { username: 'crash-fbe', password: 'fbe-secret', kind: 'fbe' as const, orders: 1_500, offers: 20 };
const ROOT = resolve(__dirname, '../..');

interface ChildLine {
  type: string;
  job?: string;
  accountId?: number;
  done?: number;
  state?: string;
  accounts?: { id: number; name: string }[];
  message?: string;
}

/** Starts the child core and kills it (SIGKILL) once `killWhen` holds; resolves with what it printed. */
function runChildUntil(
  env: Record<string, string>,
  killWhen: (lines: ChildLine[]) => boolean,
): Promise<{ lines: ChildLine[]; killed: boolean }> {
  return new Promise((resolvePromise, reject) => {
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'tests/sync/fixtures/child.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: ChildLine[] = [];
    let killed = false;
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    createInterface({ input: child.stdout! }).on('line', (text) => {
      if (!text.startsWith('{')) return;
      lines.push(JSON.parse(text) as ChildLine);
      if (!killed && killWhen(lines)) {
        killed = child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (killed && signal === 'SIGKILL') resolvePromise({ lines, killed });
      else reject(new Error(`child ended by itself (code ${code}, signal ${signal}) before the kill:\n${stderr}`));
    });
  });
}

describe('crash safety', () => {
  let sandbox: Sandbox | undefined;
  let core: MagflowCore | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'magflow-crash-'));

  afterAll(async () => {
    await core?.stop({ abort: true });
    await sandbox?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses no order, stores none twice, sends every pending acknowledgement and marks the dead runs failed', async () => {
    sandbox = await startSandbox({
      port: 0,
      seed: 51,
      accounts: [MAIN, FBE],
      rateLimit: false,
      // Slow eMAG answers keep the import and the drain in progress long enough to be cut in the middle.
      faults: [
        { route: 'order/read', kind: 'slow', delayMs: 60 },
        { route: 'order/acknowledge', kind: 'slow', delayMs: 80 },
      ],
    });
    const newMain = sandbox
      .orders(MAIN.username)
      .filter((o) => o.status === 1)
      .map((o) => o.id);
    expect(newMain.length).toBeGreaterThan(20);

    // Kill once some acknowledgements went out and the FBE import is a few pages in.
    const { lines } = await runChildUntil(
      { MAGFLOW_DATA_DIR: dataDir, SANDBOX_URL: sandbox.url, SANDBOX_ACCOUNTS: JSON.stringify([MAIN, FBE]) },
      (seen) => {
        const started = seen.find((l) => l.type === 'started');
        const fbeId = started?.accounts?.find((a) => a.name === 'CRASH-FBE')?.id;
        const sent = seen.filter((l) => l.type === 'outbox_changed' && l.state === 'sent').length;
        const fbeImported = Math.max(
          0,
          ...seen.filter((l) => l.job === 'order-changes' && l.accountId === fbeId).map((l) => l.done ?? 0),
        );
        return sent >= 3 && fbeImported >= 200;
      },
    );
    expect(lines.some((l) => l.type === 'done')).toBe(false);
    sandbox.setFaults([]);
    const ackedBeforeCrash = lines.filter((l) => l.type === 'outbox_changed' && l.state === 'sent').length;

    // Restart on the same data folder.
    core = await createMagflowCore({
      dataDir,
      demo: false,
      random: () => 0.999,
      clientTuning: SHORT_RETRY_TUNING,
    });
    const { repos } = core;
    const mainId = repos.accounts.getByName('CRASH-MAIN')!.id;
    const fbeId = repos.accounts.getByName('CRASH-FBE')!.id;
    const leftRunning = repos.syncRuns.running();
    expect(leftRunning.map((run) => `${run.job}:${run.accountId}`)).toEqual(
      expect.arrayContaining([`send-actions:${mainId}`, `order-changes:${fbeId}`]),
    );
    const pendingAtRestart = repos.outbox.countByState('pending', mainId);
    expect(pendingAtRestart).toBeGreaterThan(0);
    expect(pendingAtRestart).toBeLessThan(newMain.length);

    await core.start();
    for (const run of leftRunning) {
      expect(repos.syncRuns.get(run.id)).toMatchObject({ status: 'failed' });
      expect(repos.syncRuns.get(run.id)!.error).toContain('stopped while this run was in progress');
    }
    const runs = await core.scheduler.syncNow();
    expect(runs.every((run) => run.status === 'completed')).toBe(true);

    // Every order once, with its lines once.
    for (const [spec, accountId] of [
      [MAIN, mainId],
      [FBE, fbeId],
    ] as const) {
      const remote = sandbox.orders(spec.username);
      const local = core.db
        .prepare<[number], { id: number }>('SELECT id FROM orders WHERE account_id = ? ORDER BY id')
        .all(accountId)
        .map((row) => row.id);
      expect(local).toEqual(remote.map((o) => o.id).sort((a, b) => a - b));
      const lines = core.db
        .prepare<[number], { n: number }>(
          'SELECT count(*) AS n FROM order_lines l JOIN orders o ON o.key = l.order_key WHERE o.account_id = ?',
        )
        .get(accountId)!.n;
      expect(lines).toBe(remote.reduce((sum, order) => sum + order.products.length, 0));
    }

    // Every acknowledgement went out; the dead process's pending ones by the new one.
    expect(repos.outbox.countByState('pending')).toBe(0);
    expect(repos.outbox.countByState('failed')).toBe(0);
    const remoteMain = new Map(sandbox.orders(MAIN.username).map((o) => [o.id, o.status]));
    const processed = new Map<number, number>();
    for (const entry of sandbox.requestLog) {
      if (entry.route !== 'order/acknowledge' || entry.status !== 200) continue;
      expect(entry.account).toBe(MAIN.username);
      const id = Number(entry.path.split('/').at(-1));
      processed.set(id, (processed.get(id) ?? 0) + 1);
    }
    for (const id of newMain) {
      expect(remoteMain.get(id), `order ${id} at eMAG`).toBe(2);
      expect(repos.outbox.forOrder(mainId, id).map((a) => [a.kind, a.state])).toEqual([['acknowledge', 'sent']]);
      expect(repos.orders.get(mainId, id)!.acknowledgedAt).not.toBeNull();
    }
    // A repeat (a no-op at eMAG) only for an acknowledgement the dead process sent but never recorded: at most the
    // four it sends at once.
    const repeated = [...processed.values()].filter((n) => n > 1);
    expect(repeated.every((n) => n === 2)).toBe(true);
    expect(repeated.length).toBeLessThanOrEqual(4);
    expect(processed.size).toBe(newMain.length);
    expect(ackedBeforeCrash).toBeGreaterThanOrEqual(3);

    // The first import of each account ends in one summary, not an announcement per order.
    const feed = repos.notifications.list({ limit: 100 });
    expect(feed.filter((n) => n.kind === 'order_new')).toHaveLength(0);
    expect(
      feed
        .filter((n) => n.kind === 'orders_imported')
        .map((n) => n.accountId)
        .sort(),
    ).toEqual([mainId, fbeId].sort());
  }, 90_000);
});
