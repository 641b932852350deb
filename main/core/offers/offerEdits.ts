// The seller's offer edits (price, stock, low-stock threshold): checked against eMAG's rules here (shared/offerEdits.ts,
// with the bounds eMAG sent on the offer and the VAT rates of vat/read), then written to the outbox as 'offer' actions,
// which the send-actions job sends with offer/save. A newer value of the same field replaces a queued one.
import type { Offer, OfferEditField, OutboxAction } from '../../../shared/domain';
import {
  checkPrice,
  checkStock,
  checkVat,
  normalisePrice,
  parseStock,
  type OfferBounds,
  type OfferDetails,
  type OfferEditProblem,
} from '../../../shared/offerEdits';
import { decimalToE4 } from '../../../shared/money';
import type { BulkOfferEditResult } from '../../../shared/ipc';
import type { Settings } from '../../../shared/settings';
import type { Repositories } from '../db';
import type { OfferEditPayload } from '../db/repositories/offerEdits';
import { AppError, invalidInputSummary, notFound, type Issue } from '../errors';
import type { EventBus } from '../events/bus';
import type { OfferMeta } from './offerMeta';

export interface OfferEditDeps {
  repos: Repositories;
  bus: EventBus;
  meta: OfferMeta;
  settings(): Settings;
  /** Asks the outbox drain to run soon for this account. */
  kickOutbox(accountId: number): void;
}

export interface BulkOfferEdit {
  accountId: number;
  offerIds: number[];
  field: OfferEditField;
  value: string;
}

/** A decimal eMAG sent (number or text) in its plain form, or null. */
function decimalText(value: unknown): string | null {
  const e4 = decimalToE4(value);
  if (e4 === null) return null;
  const fraction = String(e4 % 10_000n)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return fraction ? `${e4 / 10_000n}.${fraction}` : String(e4 / 10_000n);
}

function intOf(value: unknown): number | null {
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
  return Number.isSafeInteger(number) ? number : null;
}

/** The refusal of an edit: each problem beside its field, in the catalogue's words, with the rule's code. */
class OfferEditRefused extends AppError {
  constructor(readonly problems: OfferEditProblem[]) {
    const issues: Issue[] = problems.map((problem) => ({
      path: problem.field,
      message: (text) => text.errors.offerProblem(problem),
    }));
    super('validation', invalidInputSummary(issues), issues, `offer.${problems[0]?.code ?? 'invalid'}`);
  }
}

const refusal = (problems: OfferEditProblem[]): AppError => new OfferEditRefused(problems);

export function offerEdits(deps: OfferEditDeps) {
  const { repos } = deps;

  const load = (accountId: number, offerId: number) => {
    const offer = repos.offers.get(accountId, offerId);
    if (!offer) throw notFound('offer', offerId);
    const account = repos.accounts.get(accountId);
    if (!account) throw notFound('account', accountId);
    const bounds: OfferBounds = {
      minSalePrice: decimalText(offer.raw.min_sale_price),
      maxSalePrice: decimalText(offer.raw.max_sale_price),
      // eMAG's warehouse holds an FBE seller's stock; a stock sent by the seller would not describe it.
      fbe: account.kind === 'fbe',
    };
    return { offer, bounds };
  };

  const queue = (accountId: number, payload: OfferEditPayload): OutboxAction => {
    const action = repos.transaction(() => {
      for (const id of repos.offerEdits.pendingIds(accountId, payload.offerId, payload.field)) repos.outbox.cancel(id);
      return repos.outbox.enqueue({ accountId, orderId: null, kind: 'offer', payload: { ...payload } });
    });
    deps.bus.emit({ type: 'outbox_changed', action });
    deps.kickOutbox(accountId);
    return action;
  };

  async function priceProblems(accountId: number, bounds: OfferBounds, value: string, vatId?: number) {
    const problems = checkPrice(value, bounds);
    if (vatId !== undefined) {
      const known = (await deps.meta.vatRates(accountId)).map((rate) => rate.vatId);
      problems.push(...checkVat(vatId, known));
    }
    return problems;
  }

  return {
    /** What the editor shows: the offer, its bounds, VAT rates and category name, its threshold and edits. */
    async details(accountId: number, offerId: number): Promise<OfferDetails> {
      const { offer, bounds } = load(accountId, offerId);
      const categoryId = intOf(offer.raw.category_id);
      const [vatRates, categoryName] = await Promise.all([
        deps.meta.vatRates(accountId),
        categoryId === null ? Promise.resolve(null) : deps.meta.categoryName(accountId, categoryId),
      ]);
      const { raw: _raw, ...plain } = offer;
      const global = deps.settings().offers.lowStockThreshold;
      return {
        ...plain,
        edits: repos.offerEdits.latest(accountId, offerId),
        lowStock: repos.offerLowStock.underThreshold(accountId, [offerId], global).has(offerId),
        minSalePrice: bounds.minSalePrice,
        maxSalePrice: bounds.maxSalePrice,
        vatId: intOf(offer.raw.vat_id),
        vatRates,
        categoryId,
        categoryName,
        fbe: bounds.fbe,
        lowStockThreshold: repos.offerLowStock.threshold(accountId, offerId),
        globalLowStockThreshold: global,
      };
    },

    /** Queues a new sale price (without VAT), and optionally a VAT rate, after eMAG's checks. */
    async setPrice(accountId: number, offerId: number, value: string, vatId?: number): Promise<OutboxAction> {
      const { bounds } = load(accountId, offerId);
      const problems = await priceProblems(accountId, bounds, value, vatId);
      if (problems.length > 0) throw refusal(problems);
      const price = normalisePrice(value)!;
      return queue(accountId, { offerId, field: 'price', value: price, ...(vatId === undefined ? {} : { vatId }) });
    },

    /** Queues a new stock quantity after eMAG's checks (never for an FBE offer). */
    setStock(accountId: number, offerId: number, value: string): OutboxAction {
      const { bounds } = load(accountId, offerId);
      const problems = checkStock(value, bounds);
      if (problems.length > 0) throw refusal(problems);
      return queue(accountId, { offerId, field: 'stock', value: String(parseStock(value)) });
    },

    /** The same price or stock for several offers: each checked on its own; the valid ones queued. */
    async bulk(edit: BulkOfferEdit): Promise<BulkOfferEditResult> {
      const result: BulkOfferEditResult = { queued: [], refused: [] };
      for (const offerId of [...new Set(edit.offerIds)]) {
        try {
          result.queued.push(
            edit.field === 'price'
              ? await this.setPrice(edit.accountId, offerId, edit.value)
              : this.setStock(edit.accountId, offerId, edit.value),
          );
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          const problem = error instanceof OfferEditRefused ? error.problems[0] : undefined;
          // In the window's language (the window words a known rule itself, from `problem`).
          const { message, issues } = error.in(deps.settings().language);
          result.refused.push({
            offerId,
            message: issues?.[0]?.message ?? message,
            ...(problem ? { problem } : {}),
          });
        }
      }
      return result;
    },

    /** The offer's own low-stock threshold (null: follow the global one). */
    setLowStockThreshold(
      accountId: number,
      offerId: number,
      threshold: number | null,
    ): OfferDetails['lowStockThreshold'] {
      load(accountId, offerId);
      repos.offerLowStock.setThreshold(accountId, offerId, threshold);
      return threshold;
    },

    /** The list's rows with their latest edits and low-stock marker. */
    annotate(rows: Offer[]): Offer[] {
      const global = deps.settings().offers.lowStockThreshold;
      const byAccount = new Map<number, number[]>();
      for (const row of rows) byAccount.set(row.accountId, [...(byAccount.get(row.accountId) ?? []), row.id]);
      const low = new Map(
        [...byAccount].map(([accountId, ids]) => [
          accountId,
          repos.offerLowStock.underThreshold(accountId, ids, global),
        ]),
      );
      return rows.map((row) => ({
        ...row,
        edits: repos.offerEdits.latest(row.accountId, row.id),
        lowStock: low.get(row.accountId)?.has(row.id) ?? false,
      }));
    },
  };
}

export type OfferEdits = ReturnType<typeof offerEdits>;
