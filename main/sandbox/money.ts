// Money helpers: eMAG sends order amounts as decimal strings with 4 decimals; sums are done in ten-thousandths.

/** RON amount -> integer ten-thousandths (avoids float drift in sums). */
export const toUnits = (amount: number): number => Math.round(amount * 10_000);

/** Integer ten-thousandths -> '123.4500'. */
export function unitsToDecimal(units: number): string {
  const sign = units < 0 ? '-' : '';
  const abs = Math.abs(units);
  return `${sign}${Math.floor(abs / 10_000)}.${String(abs % 10_000).padStart(4, '0')}`;
}

/** Parses eMAG decimals given as a number or string ('12.1234', 12.1234) to ten-thousandths; null when not numeric. */
export function decimalToUnits(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.round(value * 10_000);
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 10_000);
  return null;
}

/** Rounds to 4 decimals as a JSON number (offer prices are numbers). */
export const round4 = (n: number): number => Math.round(n * 10_000) / 10_000;
