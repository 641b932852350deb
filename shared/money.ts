// Money as integers, for main and the window alike: eMAG sends decimals (up to 4 places, as numbers or strings) and
// the seller types them; sums and conversions never touch floats.

/** Parses a decimal ("12.1234", 12.5, "7") into an integer count of 1/10,000 units; null when it is not a number. */
export function decimalToE4(value: unknown): bigint | null {
  const text =
    typeof value === 'number' ? (Number.isFinite(value) ? value.toFixed(4) : '') : String(value ?? '').trim();
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  // Round half up at the 4th decimal.
  const digits = `${fraction}00000`.slice(0, 5);
  let e4 = BigInt(whole!) * 10_000n + BigInt(digits.slice(0, 4));
  if (Number(digits[4]) >= 5) e4 += 1n;
  return sign ? -e4 : e4;
}

/** Rounds 1/10,000 units to minor units (1/100), half away from zero. */
export function e4ToMinor(e4: bigint): number {
  const negative = e4 < 0n;
  const abs = negative ? -e4 : e4;
  const minor = (abs + 50n) / 100n;
  return Number(negative ? -minor : minor);
}

export function decimalToMinor(value: unknown): number | null {
  const e4 = decimalToE4(value);
  return e4 === null ? null : e4ToMinor(e4);
}

/** Minor units as a plain decimal string ("123.45"), for CSV and exports. */
export function minorToDecimal(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
