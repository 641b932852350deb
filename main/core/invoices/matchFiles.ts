// Bulk invoices: which order each PDF is for, read from the order number in its file name ("factura-123456789.pdf").
// Only a single, certain match is attached; a name that fits several orders, two files that claim the same order,
// or a name without a known order number are listed with the reason, and nothing is sent for them.
import {
  looksLikePdfName,
  orderNumbersIn,
  type InvoiceMatch,
  type InvoiceMatchCandidate,
} from '../../../shared/invoices';

/** The seller's orders with this eMAG order id (one per account that has it). */
export type OrderLookup = (orderId: number) => InvoiceMatchCandidate[];

function matchOne(fileName: string, lookup: OrderLookup): InvoiceMatch {
  const numbers = orderNumbersIn(fileName);
  const base = { fileName, numbers, target: null, candidates: [] as InvoiceMatchCandidate[] };
  if (!looksLikePdfName(fileName)) return { ...base, outcome: 'unmatched', reason: 'not_pdf' };
  if (numbers.length === 0) return { ...base, outcome: 'unmatched', reason: 'no_number' };
  const candidates = numbers.flatMap((n) => lookup(n));
  if (candidates.length === 0) return { ...base, outcome: 'unmatched', reason: 'no_order' };
  if (candidates.length > 1) return { ...base, candidates, outcome: 'ambiguous', reason: 'several_orders' };
  return { ...base, candidates, target: candidates[0]!, outcome: 'matched', reason: null };
}

const keyOf = (c: InvoiceMatchCandidate): string => `${c.accountId}:${c.orderId}`;

export function matchInvoiceFiles(fileNames: readonly string[], lookup: OrderLookup): InvoiceMatch[] {
  const matches = fileNames.map((name) => matchOne(name, lookup));
  // Two files for one order: which one is the invoice is the seller's call, not a guess.
  const claims = new Map<string, number>();
  for (const m of matches) if (m.target) claims.set(keyOf(m.target), (claims.get(keyOf(m.target)) ?? 0) + 1);
  return matches.map((m) =>
    m.target && (claims.get(keyOf(m.target)) ?? 0) > 1
      ? { ...m, outcome: 'ambiguous', reason: 'same_order', target: null, candidates: [m.target] }
      : m,
  );
}
