// The durable queue of actions for eMAG (acknowledge, status change, AWB, invoice): written before anything is
// sent, so an action survives a crash or an outage and is retried until it is sent or fails for good.
import { isActionErrorCode, type ActionFailure } from '../../../../shared/actionFailures';
import { isFailureCause } from '../../../../shared/causes';
import type { OutboxAction, OutboxKind, OutboxState } from '../../../../shared/domain';
import type { Clock } from '../../clock';
import type { Db } from '../open';

export interface NewOutboxAction {
  accountId: number;
  orderId: number | null;
  kind: OutboxKind;
  payload: Record<string, unknown>;
  /** At most one live action per dedupe key (e.g. `ack:<account>:<order>`). */
  dedupeKey?: string;
  /** Held until then (the seller's undo window): the drain takes only actions whose next attempt is due. */
  notBefore?: Date;
}

interface OutboxRow {
  id: number;
  account_id: number;
  order_id: number | null;
  kind: string;
  payload: string;
  state: string;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  error_cause: string | null;
  error_reason: string | null;
  error_code: string | null;
  error_params: string | null;
  created_at: string;
  sent_at: string | null;
  result: string | null;
}

const parseResult = (text: string | null): Record<string, unknown> | null => {
  if (!text) return null;
  const value = JSON.parse(text) as unknown;
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : null;
};

/** The stored failure, language-neutral; null for none, and for rows written before migration 011 (English only). */
export function failureOfRow(row: {
  error_cause: string | null;
  error_reason: string | null;
  error_code: string | null;
  error_params: string | null;
}): ActionFailure | null {
  const cause = isFailureCause(row.error_cause) ? row.error_cause : null;
  const code = isActionErrorCode(row.error_code) ? row.error_code : null;
  if (!cause && !code) return null;
  const params = row.error_params ? (JSON.parse(row.error_params) as unknown) : null;
  return {
    cause,
    reason: row.error_reason,
    code,
    params: params !== null && typeof params === 'object' ? (params as ActionFailure['params']) : {},
  };
}

/** The four failure columns' values, in that order, for an UPDATE. */
const failureColumns = (failure: ActionFailure | null) => [
  failure?.cause ?? null,
  failure?.reason ?? null,
  failure?.code ?? null,
  failure?.code ? JSON.stringify(failure.params) : null,
];

const toAction = (row: OutboxRow): OutboxAction => ({
  id: row.id,
  accountId: row.account_id,
  orderId: row.order_id,
  kind: row.kind as OutboxKind,
  payload: JSON.parse(row.payload) as Record<string, unknown>,
  state: row.state as OutboxState,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  lastError: row.last_error,
  failure: failureOfRow(row),
  createdAt: row.created_at,
  sentAt: row.sent_at,
  result: parseResult(row.result),
});

export function outboxRepository(db: Db, clock: Clock) {
  const insert = db.prepare(
    `INSERT INTO outbox (account_id, order_id, kind, payload, dedupe_key, state, next_attempt_at, created_at, updated_at)
     VALUES (@accountId, @orderId, @kind, @payload, @dedupeKey, 'pending', @due, @now, @now)
     ON CONFLICT (dedupe_key) DO NOTHING`,
  );
  const byId = db.prepare<[number], OutboxRow>('SELECT * FROM outbox WHERE id = ?');
  const byDedupe = db.prepare<[string], OutboxRow>('SELECT * FROM outbox WHERE dedupe_key = ?');

  return {
    /** Queues an action; with a dedupe key already queued, returns the existing action instead. */
    enqueue(action: NewOutboxAction): OutboxAction {
      const now = clock.now().toISOString();
      const info = insert.run({
        accountId: action.accountId,
        orderId: action.orderId,
        kind: action.kind,
        payload: JSON.stringify(action.payload),
        dedupeKey: action.dedupeKey ?? null,
        now,
        due: action.notBefore && action.notBefore.toISOString() > now ? action.notBefore.toISOString() : now,
      });
      const row = info.changes > 0 ? byId.get(Number(info.lastInsertRowid)) : byDedupe.get(action.dedupeKey!);
      return toAction(row!);
    },

    get: (id: number): OutboxAction | undefined => {
      const row = byId.get(id);
      return row && toAction(row);
    },

    /** Pending actions whose next attempt is due, oldest first. */
    due(accountId: number, limit: number): OutboxAction[] {
      return db
        .prepare<[number, string, number], OutboxRow>(
          `SELECT * FROM outbox WHERE account_id = ? AND state = 'pending' AND next_attempt_at <= ?
           ORDER BY id LIMIT ?`,
        )
        .all(accountId, clock.now().toISOString(), limit)
        .map(toAction);
    },

    markSent(id: number, result: unknown = null): OutboxAction {
      const now = clock.now().toISOString();
      db.prepare(
        `UPDATE outbox SET state = 'sent', attempts = attempts + 1, sent_at = ?, updated_at = ?, result = ?,
           last_error = NULL, error_cause = NULL, error_reason = NULL, error_code = NULL, error_params = NULL,
           next_attempt_at = NULL WHERE id = ?`,
      ).run(now, now, JSON.stringify(result), id);
      return toAction(byId.get(id)!);
    },

    /**
     * Notes, before a send that is unsafe to repeat, that it may reach eMAG: if the process dies before the outcome
     * is recorded, the next attempt reads this note and checks eMAG before sending again.
     */
    markSending(id: number, note: string): void {
      db.prepare(
        `UPDATE outbox SET last_error = ?, error_cause = NULL, error_reason = NULL, error_code = 'action.in_flight',
           error_params = '{}', updated_at = ? WHERE id = ? AND state = 'pending'`,
      ).run(note, clock.now().toISOString(), id);
    },

    /**
     * Records a failed attempt: `retryAt` schedules another, null gives up (state failed, the seller can retry).
     * `error` is the English text (logs, CLI); `failure` the same for the window, in no language.
     */
    markAttemptFailed(
      id: number,
      error: string,
      retryAt: Date | null,
      failure: ActionFailure | null = null,
    ): OutboxAction {
      const now = clock.now().toISOString();
      db.prepare(
        `UPDATE outbox SET attempts = attempts + 1, last_error = ?, error_cause = ?, error_reason = ?, error_code = ?,
           error_params = ?, updated_at = ?, state = CASE WHEN ? IS NULL THEN 'failed' ELSE 'pending' END,
           next_attempt_at = ? WHERE id = ?`,
      ).run(error, ...failureColumns(failure), now, retryAt?.toISOString() ?? null, retryAt?.toISOString() ?? null, id);
      return toAction(byId.get(id)!);
    },

    /** The seller asks to try a failed action again. */
    retry(id: number): OutboxAction | undefined {
      const now = clock.now().toISOString();
      db.prepare(
        `UPDATE outbox SET state = 'pending', next_attempt_at = ?, updated_at = ? WHERE id = ? AND state = 'failed'`,
      ).run(now, now, id);
      const row = byId.get(id);
      return row && toAction(row);
    },

    cancel(id: number): void {
      db.prepare(`UPDATE outbox SET state = 'cancelled', updated_at = ? WHERE id = ? AND state = 'pending'`).run(
        clock.now().toISOString(),
        id,
      );
    },

    /**
     * The seller's undo: cancels a pending action only while it is not due yet (held in its undo window, or waiting
     * for a retry). A due action may already be in a drain's hands, so it is never taken back. True when cancelled.
     */
    cancelHeld(id: number): boolean {
      const now = clock.now().toISOString();
      return (
        db
          .prepare(
            `UPDATE outbox SET state = 'cancelled', updated_at = ?, next_attempt_at = NULL
             WHERE id = ? AND state = 'pending' AND next_attempt_at > ?`,
          )
          .run(now, id, now).changes > 0
      );
    },

    forOrder(accountId: number, orderId: number): OutboxAction[] {
      return db
        .prepare<[number, number], OutboxRow>('SELECT * FROM outbox WHERE account_id = ? AND order_id = ? ORDER BY id')
        .all(accountId, orderId)
        .map(toAction);
    },

    /** Issue 18: the status changes asked for one return (kind 'return'), oldest first. */
    forReturn(accountId: number, emagId: number): OutboxAction[] {
      return db
        .prepare<[number, number], OutboxRow>(
          `SELECT * FROM outbox WHERE account_id = ? AND kind = 'return' AND json_extract(payload, '$.emagId') = ?
           ORDER BY id`,
        )
        .all(accountId, emagId)
        .map(toAction);
    },

    countByState(state: OutboxState, accountId?: number): number {
      const sql = `SELECT count(*) AS n FROM outbox WHERE state = ?${accountId === undefined ? '' : ' AND account_id = ?'}`;
      return db.prepare<unknown[], { n: number }>(sql).get(...[state, ...(accountId === undefined ? [] : [accountId])])!
        .n;
    },

    /** Retention: removes sent and cancelled actions last touched before `before` (failed ones stay visible). */
    deleteFinishedBefore(before: Date): number {
      return db
        .prepare(`DELETE FROM outbox WHERE state IN ('sent', 'cancelled') AND updated_at < ?`)
        .run(before.toISOString()).changes;
    },

    /** When the next pending action of an account becomes due (to schedule the drain). */
    nextDueAt(accountId: number): string | undefined {
      return (
        db
          .prepare<[number], { at: string | null }>(
            `SELECT min(next_attempt_at) AS at FROM outbox WHERE account_id = ? AND state = 'pending'`,
          )
          .get(accountId)?.at ?? undefined
      );
    },
  };
}

export type OutboxRepository = ReturnType<typeof outboxRepository>;
