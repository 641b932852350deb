// Money shown the way the seller reads it: minor units of RON/BGN/HUF formatted per currency and UI language.
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

/** A decimal string from eMAG (e.g. salePrice "123.4500") shown as money. */
export function formatDecimalMoney(value: string | null, currency: string | null, language: string): string {
  if (value === null) return '—';
  const n = Number(value);
  if (!Number.isFinite(n)) return value;
  return formatMoney(Math.round(n * MINOR_PER_MAJOR), currency ?? 'RON', language);
}

export function formatNumber(n: number, language: string, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(localeFor(language), { maximumFractionDigits }).format(n);
}
