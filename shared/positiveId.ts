// eMAG's ids (orders, localities, courier accounts) come as numbers or as their text, '' standing for none.

/** A positive whole id from a number or its digits (spaces around them allowed); anything else ('', 0, 1.5, 'x'): null. */
export function positiveIdOf(value: unknown): number | null {
  const id =
    typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
