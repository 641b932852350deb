// Money the way the seller reads and types it: minor units of RON/BGN/HUF formatted per currency and UI language,
// and amounts typed in a form read back into minor units. Integers throughout: no float ever holds money.
import { decimalToMinor } from '../../../shared/money';

const formatters = new Map<string, Intl.NumberFormat>();

function localeFor(language: string): string {
  return language === 'en' ? 'en-GB' : 'ro-RO';
}

function formatter(currency: string, language: string): Intl.NumberFormat {
  const key = `${language}:${currency}`;
  let f = formatters.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat(localeFor(language), { style: 'currency', currency });
    } catch {
      // An unknown currency code still shows the amount, with the code after it.
      f = new Intl.NumberFormat(localeFor(language), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
    formatters.set(key, f);
  }
  return f;
}

/** How many minor units make one major unit; eMAG's RON, BGN and HUF all use two decimals in the API. */
export const MINOR_PER_MAJOR = 100;

export function formatMoney(minor: number, currency: string, language: string): string {
  const f = formatter(currency, language);
  const text = f.format(minor / MINOR_PER_MAJOR);
  return f.resolvedOptions().style === 'currency' ? text : `${text} ${currency}`;
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
