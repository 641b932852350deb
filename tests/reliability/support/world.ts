// Shared checks of the crash and soak scenarios: what the local database must say about the sandbox's orders
// after MagFlow has been through faults (every order once with its latest status, acknowledgements, outbox, runs).
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../../main/core/magflow';
import type { Sandbox } from '../../../main/sandbox';
import type { Invariants } from './report';

export const MIXED_FAULTS = [
  { kind: 'http500' as const, probability: 0.03 },
  { kind: 'reset' as const, probability: 0.03 },
  { kind: 'malformedJson' as const, probability: 0.02 },
  { kind: 'http429' as const, probability: 0.01 },
  { kind: 'slow' as const, probability: 0.01, delayMs: 300 },
];
export const MIXED_FAULTS_TEXT = '~10% of requests: 3% HTTP 500, 3% reset, 2% truncated JSON, 1% 429, 1% slow';

/** Seeded PRNG (mulberry32) so a failing chaos run can be replayed with the seed it prints. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface WorldSpec {
  dbPath: string;
  sandbox: Sandbox;
  main: { username: string; accountName: string };
  fbe: { username: string; accountName: string };
  /** Seller actions queued: order id -> target status. */
  planned: Map<number, number>;
}

/** What the headless core (fixtures/headlessCore.ts) and the soak name the two sandbox accounts. */
export const CHAOS_ACCOUNT_NAMES = { main: 'CHAOS MAIN', fbe: 'CHAOS FBE' } as const;

/** checkWorld on a data folder holding the two accounts under their chaos names. */
export function checkChaosDataDir(
  inv: Invariants,
  spec: {
    dataDir: string;
    sandbox: Sandbox;
    main: { username: string };
    fbe: { username: string };
    planned: Map<number, number>;
  },
): void {
  checkWorld(inv, {
    dbPath: join(spec.dataDir, DATABASE_FILE),
    sandbox: spec.sandbox,
    main: { username: spec.main.username, accountName: CHAOS_ACCOUNT_NAMES.main },
    fbe: { username: spec.fbe.username, accountName: CHAOS_ACCOUNT_NAMES.fbe },
    planned: spec.planned,
  });
}

/** Requests that reached the sandbox's handler (a reset, 500 or 429 is answered before it). */
const effective = (entry: { status: number }): boolean => entry.status === 200;

export function checkWorld(inv: Invariants, spec: WorldSpec): void {
  const db = new Database(spec.dbPath, { readonly: true });
  try {
    const accountId = (name: string): number =>
      (db.prepare('SELECT id FROM accounts WHERE name = ?').get(name) as { id: number } | undefined)?.id ?? -1;
    const mainId = accountId(spec.main.accountName);
    const fbeId = accountId(spec.fbe.accountName);
    inv.check('both accounts exist once', mainId > 0 && fbeId > 0);

    const duplicates = db
      .prepare('SELECT account_id, id, count(*) AS n FROM orders GROUP BY account_id, id HAVING n > 1')
      .all();
    inv.check('every order stored exactly once', duplicates.length === 0, () => JSON.stringify(duplicates.slice(0, 5)));

    for (const [who, id, username] of [
      ['main', mainId, spec.main.username],
      ['fbe', fbeId, spec.fbe.username],
    ] as const) {
      const local = new Map(
        (
          db.prepare('SELECT id, status, type FROM orders WHERE account_id = ?').all(id) as {
            id: number;
            status: number;
            type: number;
          }[]
        ).map((row) => [row.id, row]),
      );
      const remote = spec.sandbox.orders(username);
      const missing = remote.filter((o) => !local.has(o.id)).map((o) => o.id);
      inv.check(
        `${who}: every sandbox order present`,
        missing.length === 0,
        () =>
          `missing ${missing.length}: ${remote
            .filter((o) => missing.includes(o.id))
            .slice(0, 10)
            .map((o) => `${o.id} (status ${o.status}, type ${o.type}, date ${o.date}, modified ${o.modified})`)
            .join(', ')}`,
      );
      const extra = [...local.keys()].filter((oid) => !remote.some((o) => o.id === oid));
      inv.check(`${who}: no order that eMAG does not have`, extra.length === 0, () => extra.slice(0, 10).join(','));
      const stale = remote.filter((o) => local.has(o.id) && local.get(o.id)!.status !== o.status);
      inv.check(`${who}: every order has its latest status`, stale.length === 0, () =>
        stale
          .slice(0, 10)
          .map((o) => `${o.id} local ${local.get(o.id)!.status} eMAG ${o.status}`)
          .join(', '),
      );
      const wrongType = [...local.values()].filter((o) => o.type !== (who === 'main' ? 3 : 2));
      inv.check(`${who}: every order has the account's type`, wrongType.length === 0);
    }

    const remoteMain = spec.sandbox.orders(spec.main.username);
    const stillNew = remoteMain.filter((o) => o.status === 1).map((o) => o.id);
    inv.check(
      'every new type-3 order acknowledged at eMAG',
      stillNew.length === 0,
      () => `still new: ${stillNew.slice(0, 10).join(',')}`,
    );

    const acks = db
      .prepare(
        "SELECT order_id AS orderId, state, last_error AS lastError FROM outbox WHERE account_id = ? AND kind = 'acknowledge'",
      )
      .all(mainId) as { orderId: number; state: string; lastError: string | null }[];
    const unsent = acks.filter((a) => a.state !== 'sent');
    inv.check('every queued acknowledgement sent', unsent.length === 0, () =>
      unsent
        .slice(0, 5)
        .map((a) => `${a.orderId} ${a.state} ${a.lastError ?? ''}`)
        .join('; '),
    );
    const ackRows = db
      .prepare(
        "SELECT order_id, count(*) AS n FROM outbox WHERE kind = 'acknowledge' GROUP BY account_id, order_id HAVING n > 1",
      )
      .all();
    inv.check('one acknowledge action per order', ackRows.length === 0);

    const fbeIds = new Set(spec.sandbox.orders(spec.fbe.username).map((o) => o.id));
    const fbeAcks = spec.sandbox.requestLog.filter(
      (e) =>
        e.route === 'order/acknowledge' &&
        (e.account === spec.fbe.username || fbeIds.has(Number(e.path.split('/').at(-1)))),
    );
    inv.check('no type-2 (FBE) order ever acknowledged', fbeAcks.length === 0, () => `${fbeAcks.length} requests`);
    const fbeQueued = (
      db.prepare("SELECT count(*) AS n FROM outbox WHERE account_id = ? AND kind = 'acknowledge'").get(fbeId) as {
        n: number;
      }
    ).n;
    inv.check('no acknowledge ever queued for FBE', fbeQueued === 0);

    const perOrder = new Map<number, number>();
    for (const e of spec.sandbox.requestLog) {
      if (e.account !== spec.main.username || e.route !== 'order/acknowledge' || !effective(e)) continue;
      const oid = Number(e.path.split('/').at(-1));
      perOrder.set(oid, (perOrder.get(oid) ?? 0) + 1);
    }
    const repeated = [...perOrder.entries()].filter(([, n]) => n > 1);
    // eMAG (and the sandbox) treat a repeated acknowledge as a no-op; harmful would be one that moved an order back.
    const regressed = [...spec.planned.entries()].filter(
      ([oid, target]) => remoteMain.find((o) => o.id === oid)?.status !== target,
    );
    inv.check(
      'no acknowledgement repeated harmfully (seller-moved orders keep their status)',
      regressed.length === 0,
      () => regressed.map(([oid]) => oid).join(','),
    );
    inv.note(
      `${perOrder.size} orders acknowledged; ${repeated.length} got a harmless repeated acknowledge (no-op at eMAG)`,
    );

    const statusActions = db
      .prepare(
        "SELECT order_id AS orderId, state, payload, last_error AS lastError FROM outbox WHERE account_id = ? AND kind = 'status'",
      )
      .all(mainId) as { orderId: number; state: string; payload: string; lastError: string | null }[];
    const byOrder = new Map<number, number>();
    for (const a of statusActions) byOrder.set(a.orderId, (byOrder.get(a.orderId) ?? 0) + 1);
    const notQueued = [...spec.planned.keys()].filter((oid) => !byOrder.has(oid));
    inv.check('every seller action queued', notQueued.length === 0, () => notQueued.join(','));
    inv.check(
      'each seller action queued once',
      [...byOrder.values()].every((n) => n === 1),
    );
    const notSent = statusActions.filter((a) => a.state !== 'sent');
    inv.check('every queued seller action sent', notSent.length === 0, () => JSON.stringify(notSent.slice(0, 5)));
    const saveLog = spec.sandbox.requestLog.filter(
      (e) => e.account === spec.main.username && e.route === 'order/save' && effective(e),
    );
    const saves = saveLog.length;
    const lostAnswers = saveLog.filter((e) => e.fault === 'malformedJson').length;
    inv.check('seller actions took effect at eMAG (target status reached)', regressed.length === 0);
    // order/save carries the whole order as read, so repeating it after a lost (truncated) answer changes nothing;
    // a save whose answer came back intact is never sent again, not even after a crash (the retry re-reads first).
    inv.check(
      'each seller action applied once: every repeated save follows a lost answer',
      saves - lostAnswers <= statusActions.length,
      () => `${saves} order/save reached eMAG (${lostAnswers} answers lost) for ${statusActions.length} actions`,
    );
    inv.note(
      `${statusActions.length} seller status changes: ${saves} order/save reached eMAG, ${lostAnswers} of them with the answer cut`,
    );

    const running = (db.prepare("SELECT count(*) AS n FROM sync_runs WHERE status = 'running'").get() as { n: number })
      .n;
    inv.check('no run left running', running === 0, () => `${running} running`);
    const silent = (
      db
        .prepare("SELECT count(*) AS n FROM sync_runs WHERE status != 'completed' AND (error IS NULL OR error = '')")
        .get() as { n: number }
    ).n;
    inv.check('every run that did not complete says why', silent === 0, () => `${silent} runs without a reason`);
    const interrupted = (
      db.prepare("SELECT count(*) AS n FROM sync_runs WHERE error_kind = 'interrupted'").get() as { n: number }
    ).n;
    inv.note(`${interrupted} runs were cut by a kill and recorded as failed at the next start`);
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    inv.check('PRAGMA integrity_check ok', integrity === 'ok', () => integrity);
  } finally {
    db.close();
  }
}
