// One bulk action on the selected orders, from the preview the confirmation shows to each order's live result: main
// answers queued / skipped / failed per order, then the outbox's events say when each queued action is sent or fails.
import type { ActionFailure } from '../../../shared/actionFailures';
import { create } from 'zustand';
import type { BulkOutcome, BulkSkipReason } from '../../../shared/bulk';
import type { OutboxAction } from '../../../shared/domain';
import type { BulkRequest } from '../../../shared/ipc';
import { call } from '../api/client';
import { CallError } from '../api/errors';

export type BulkRowState = 'will_queue' | 'skipped' | 'queued' | 'sent' | 'failed' | 'exported';

export interface BulkRow {
  accountId: number;
  orderId: number;
  state: BulkRowState;
  reason?: BulkSkipReason;
  message?: string;
  /** A failed action's reason, language-neutral (the dialog words it; `message` is main's English fallback). */
  failure?: ActionFailure | null;
  actionId?: number;
}

/** What the dialog asks main for (the orders and action; the preview flag is the store's). */
export type BulkAsk = Omit<BulkRequest, 'preview'>;

interface BulkState {
  phase: 'idle' | 'previewing' | 'preview' | 'running' | 'done';
  ask: BulkAsk | null;
  rows: BulkRow[];
  error: CallError | null;
  /** Export only: the file main made. */
  csv: { filename: string; csv: string; rows: number } | null;
  preview(ask: BulkAsk): Promise<void>;
  confirm(ask?: BulkAsk): Promise<void>;
  applyOutbox(action: OutboxAction): void;
  reset(): void;
}

const rowOf = (o: BulkOutcome): BulkRow => ({
  accountId: o.accountId,
  orderId: o.orderId,
  state: o.outcome,
  ...(o.reason ? { reason: o.reason } : {}),
  ...(o.message ? { message: o.message } : {}),
  ...(o.actionId !== undefined ? { actionId: o.actionId } : {}),
});

/** An outbox state as a row's state: a cancelled action did not happen. */
const liveState = (action: OutboxAction): BulkRowState | null =>
  action.state === 'sent' ? 'sent' : action.state === 'failed' || action.state === 'cancelled' ? 'failed' : null;

const initial = { phase: 'idle' as const, ask: null, rows: [] as BulkRow[], error: null, csv: null };

export const useBulk = create<BulkState>()((set, get) => {
  /** Outcomes that arrive before main's answer names their action (a fast drain), by action id. */
  const early = new Map<number, OutboxAction>();
  return {
    ...initial,
    async preview(ask) {
      early.clear();
      set({ ...initial, phase: 'previewing', ask });
      try {
        const result = await call('orders.bulk', { ...ask, preview: true });
        if (get().ask !== ask) return;
        set({ phase: 'preview', rows: result.outcomes.map(rowOf) });
      } catch (error) {
        set({ phase: 'preview', error: CallError.from(error) });
      }
    },
    async confirm(override) {
      const ask = override ?? get().ask;
      if (!ask) return;
      set({ phase: 'running', ask, error: null });
      try {
        const result = await call('orders.bulk', { ...ask, preview: false });
        set({ phase: 'done', rows: result.outcomes.map(rowOf), csv: result.csv ?? null });
        for (const action of early.values()) get().applyOutbox(action);
      } catch (error) {
        set({ phase: 'preview', error: CallError.from(error) });
      }
    },
    applyOutbox(action) {
      const state = liveState(action);
      if (!state || get().phase === 'idle') return;
      const index = get().rows.findIndex((row) => row.actionId === action.id);
      if (index < 0) {
        if (get().phase === 'running') early.set(action.id, action);
        return;
      }
      const rows = get().rows.slice();
      rows[index] = {
        ...rows[index]!,
        state,
        ...(state === 'failed' && action.lastError ? { message: action.lastError, failure: action.failure } : {}),
      };
      set({ rows });
    },
    reset() {
      early.clear();
      set(initial);
    },
  };
});

/** How many rows are in each state, for the summary line. */
export function rowCounts(rows: readonly BulkRow[]): Record<BulkRowState, number> {
  const counts: Record<BulkRowState, number> = {
    will_queue: 0,
    skipped: 0,
    queued: 0,
    sent: 0,
    failed: 0,
    exported: 0,
  };
  for (const row of rows) counts[row.state] += 1;
  return counts;
}
