// Money the way the seller reads and types it: minor units of RON/BGN/HUF formatted per currency and UI language,
// and amounts typed in a form read back into minor units. Integers throughout: no float ever holds money.
import { decimalToMinor } from '../../../shared/money';

const formatters = new Map<string, Intl.NumberFormat>();

function localeFor(language: string): string {
  return language === 'en' ? 'en-GB' : 'ro-RO';
}

function formatter(language: string): Intl.NumberFormat {
  let f = formatters.get(language);
  if (!f) {
    f = new Intl.NumberFormat(localeFor(language), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    formatters.set(language, f);
  }
  return f;
}

/** How many minor units make one major unit; eMAG's RON, BGN and HUF all use two decimals in the API. */
export const MINOR_PER_MAJOR = 100;

/**
 * The amount in the language's digits, then the currency code: "7.668,99 RON" / "7,668.99 RON", as main's
 * notifications and the CSV write it (Intl's English currency style would put "RON 7,668.99" in the window instead).
 * A no-break space keeps the code beside its amount in narrow table cells.
 */
export function formatMoney(minor: number, currency: string, language: string): string {
  return `${formatter(language).format(minor / MINOR_PER_MAJOR)}\u00a0${currency}`;
}

/** A decimal string from eMAG (e.g. salePrice "123.4500") shown as money; text that is not a decimal as it is. */
export function formatDecimalMoney(value: string | null, currency: string | null, language: string): string {
  if (value === null) return '—';
  const minor = decimalToMinor(value);
  if (minor === null) return value;
  return formatMoney(minor, currency ?? 'RON', language);
}

/**
 * An amount typed the Romanian or the English way ("12,50", "12.50", "1 250,5") in minor units; null unless it is a
 * non-negative number with at most two decimals.
 */
export function parseMajorToMinor(value: string): number | null {
  const match = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(value.trim().replace(/\s/g, ''));
  if (!match) return null;
  const [, whole, fraction = ''] = match;
  return Number(whole) * MINOR_PER_MAJOR + Number(fraction.padEnd(2, '0'));
}

export function formatNumber(n: number, language: string, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(localeFor(language), { maximumFractionDigits }).format(n);
}
