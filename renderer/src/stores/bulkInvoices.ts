// Bulk invoices: many PDFs matched to orders by the number in their names (main decides, `invoices.match`), shown for
// one confirmation, then uploaded one at a time; each file's row follows its outbox action until eMAG has it. From the
// selection bar the match is limited to the selected orders (main skips a PDF for any other order, saying so).
import type { ActionFailure } from '../../../shared/actionFailures';
import { create } from 'zustand';
import type { OutboxAction } from '../../../shared/domain';
import { BULK_INVOICE_MAX_FILES, type InvoiceMatch } from '../../../shared/invoices';
import { call } from '../api/client';
import { CallError } from '../api/errors';
import { fileToBase64, pdfFileProblem } from '../components/pdfFiles';
import type { OrderRef } from './selection';

/** skipped: nothing is sent for the file; error: it never reached the outbox (the message says why). */
export type BulkRowState = 'skipped' | 'waiting' | 'uploading' | 'pending' | 'sent' | 'failed' | 'error';

export interface BulkRow {
  file: File;
  match: InvoiceMatch;
  state: BulkRowState;
  actionId: number | null;
  already: boolean;
  /** For `error` and `failed`: why (main's or eMAG's words); for a local check, a problem code. */
  message: string | null;
  /** For `failed`: the outbox's language-neutral reason (the dialog words it; `message` is the English fallback). */
  failure?: ActionFailure | null;
  problem: 'not_pdf' | 'too_big' | null;
}

interface BulkInvoicesState {
  phase: 'choose' | 'matching' | 'review' | 'running' | 'done';
  rows: BulkRow[];
  error: CallError | null;
  /** Matches the files to orders: to any of the seller's, or only to `within` (the selected orders). */
  choose(files: File[], within?: readonly OrderRef[]): Promise<void>;
  run(): Promise<void>;
  applyOutbox(action: OutboxAction): void;
  reset(): void;
}

const initial = { phase: 'choose' as const, rows: [] as BulkRow[], error: null };

const rowState = (state: OutboxAction['state']): BulkRowState => (state === 'cancelled' ? 'failed' : state);

export const useBulkInvoices = create<BulkInvoicesState>()((set, get) => {
  /** Outcomes of invoice actions seen while a bulk run is open, by action id. */
  const outcomes = new Map<number, OutboxAction>();
  const patch = (index: number, change: Partial<BulkRow>) =>
    set({ rows: get().rows.map((row, i) => (i === index ? { ...row, ...change } : row)) });

  return {
    ...initial,
    async choose(files, within) {
      const chosen = files.slice(0, BULK_INVOICE_MAX_FILES);
      set({ phase: 'matching', rows: [], error: null });
      try {
        const fileNames = chosen.map((f) => f.name);
        const matches = await call(
          'invoices.match',
          within
            ? { fileNames, within: within.map(({ accountId, orderId }) => ({ accountId, orderId })) }
            : { fileNames },
        );
        set({
          phase: 'review',
          rows: chosen.map((file, i) => ({
            file,
            match: matches[i]!,
            state: matches[i]!.outcome === 'matched' ? 'waiting' : 'skipped',
            actionId: null,
            already: false,
            message: null,
            problem: null,
          })),
        });
      } catch (error) {
        set({ phase: 'choose', error: CallError.from(error) });
      }
    },
    async run() {
      set({ phase: 'running' });
      // One at a time: each PDF is up to 10 MB, and every row shows its own result as it comes.
      for (const [index, row] of get().rows.entries()) {
        if (get().phase !== 'running') return; // closed: the upload under way finished, the rest are not sent
        const target = row.match.target;
        if (row.state !== 'waiting' || !target) continue;
        patch(index, { state: 'uploading' });
        const problem = await pdfFileProblem(row.file);
        if (problem) {
          patch(index, { state: 'error', problem });
          continue;
        }
        try {
          const result = await call('invoices.attachFile', {
            accountId: target.accountId,
            orderId: target.orderId,
            fileName: row.file.name,
            contentBase64: await fileToBase64(row.file),
          });
          patch(index, { actionId: result.actionId, already: result.already, state: rowState(result.state) });
          // The outbox may have sent it before this answer arrived: its event was kept.
          const seen = outcomes.get(result.actionId);
          if (seen) get().applyOutbox(seen);
        } catch (error) {
          patch(index, { state: 'error', message: CallError.from(error).message });
        }
      }
      if (get().phase === 'running') set({ phase: 'done' });
    },
    applyOutbox(action) {
      if (action.kind !== 'invoice' || get().phase === 'choose') return;
      if (action.state === 'sent' || action.state === 'failed') outcomes.set(action.id, action);
      const index = get().rows.findIndex((row) => row.actionId === action.id);
      if (index < 0) return;
      if (action.state === 'sent') patch(index, { state: 'sent', message: null });
      else if (action.state === 'failed')
        patch(index, { state: 'failed', message: action.lastError, failure: action.failure });
    },
    reset: () => {
      outcomes.clear();
      set(initial);
    },
  };
});
