// Bulk invoices: which order each PDF is for, read from the order number in its file name ("factura-123456789.pdf").
// Only a single, certain match is attached; a name that fits several orders, two files that claim the same order,
// or a name without a known order number are listed with the reason, and nothing is sent for them. From the selection
// bar the match is limited to the selected orders: a name that fits only orders outside them is named and skipped.
import {
  looksLikePdfName,
  orderNumbersIn,
  type InvoiceMatch,
  type InvoiceMatchCandidate,
} from '../../../shared/invoices';

/** The seller's orders with this eMAG order id (one per account that has it). */
export type OrderLookup = (orderId: number) => InvoiceMatchCandidate[];

/** One order by account and eMAG id, as a selection names it. */
export interface OrderScopeKey {
  accountId: number;
  orderId: number;
}

const keyOf = (c: OrderScopeKey): string => `${c.accountId}:${c.orderId}`;

/** Keeps the candidates inside the scope (all of them when there is none). */
type Scope = (candidates: InvoiceMatchCandidate[]) => InvoiceMatchCandidate[];

function matchOne(fileName: string, lookup: OrderLookup, scope: Scope | null): InvoiceMatch {
  const numbers = orderNumbersIn(fileName);
  const base = { fileName, numbers, target: null, candidates: [] as InvoiceMatchCandidate[] };
  if (!looksLikePdfName(fileName)) return { ...base, outcome: 'unmatched', reason: 'not_pdf' };
  if (numbers.length === 0) return { ...base, outcome: 'unmatched', reason: 'no_number' };
  const all = numbers.flatMap((n) => lookup(n));
  if (all.length === 0) return { ...base, outcome: 'unmatched', reason: 'no_order' };
  // The selection also settles which of several orders a name means: the seller chose the orders to work on.
  const candidates = scope ? scope(all) : all;
  if (candidates.length === 0) return { ...base, candidates: all, outcome: 'unmatched', reason: 'not_selected' };
  if (candidates.length > 1) return { ...base, candidates, outcome: 'ambiguous', reason: 'several_orders' };
  return { ...base, candidates, target: candidates[0]!, outcome: 'matched', reason: null };
}

/**
 * Matches each file name to an order. With `within` (the orders selected in the list), only those orders are
 * attached to: a name that fits only other orders is `not_selected`.
 */
export function matchInvoiceFiles(
  fileNames: readonly string[],
  lookup: OrderLookup,
  within?: readonly OrderScopeKey[],
): InvoiceMatch[] {
  const inside = within ? new Set(within.map(keyOf)) : null;
  const scope: Scope | null = inside ? (candidates) => candidates.filter((c) => inside.has(keyOf(c))) : null;
  const matches = fileNames.map((name) => matchOne(name, lookup, scope));
  // Two files for one order: which one is the invoice is the seller's call, not a guess.
  const claims = new Map<string, number>();
  for (const m of matches) if (m.target) claims.set(keyOf(m.target), (claims.get(keyOf(m.target)) ?? 0) + 1);
  return matches.map((m) =>
    m.target && (claims.get(keyOf(m.target)) ?? 0) > 1
      ? { ...m, outcome: 'ambiguous', reason: 'same_order', target: null, candidates: [m.target] }
      : m,
  );
}
