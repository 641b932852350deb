// Counting words the way each language does. Romanian has three forms (Intl.PluralRules('ro')): one ("1 comandă"),
// few ("2 comenzi", "19 comenzi", "101 comenzi") and other, which takes "de" ("20 de comenzi", "121 de comenzi").
export type Language = 'ro' | 'en';

/** The BCP 47 locale each window language formats numbers, money and times with. */
export const LOCALE: Record<Language, string> = { ro: 'ro-RO', en: 'en-GB' };

export interface PluralForms {
  one: string;
  /** Romanian's "few" (2–19 and numbers ending in 01–19 past 100); English has none and uses `other`. */
  few?: string;
  other: string;
}

const rules: Record<Language, Intl.PluralRules> = {
  ro: new Intl.PluralRules('ro-RO'),
  en: new Intl.PluralRules('en-GB'),
};

const numbers: Record<Language, Intl.NumberFormat> = {
  ro: new Intl.NumberFormat('ro-RO'),
  en: new Intl.NumberFormat('en-GB'),
};

/** The form of `forms` for `count`, with `{n}` replaced by the count (formatted for the language). */
export function plural(lang: Language, count: number, forms: PluralForms): string {
  const rule = rules[lang].select(count);
  const form = rule === 'one' ? forms.one : rule === 'few' ? (forms.few ?? forms.other) : forms.other;
  return form.replace('{n}', numbers[lang].format(count));
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Integer minor units as the language writes money: "7668,99 RON" / "7,668.99 RON" (one value, never a sum). */
export function formatMoney(lang: Language, minor: number, currency: string): string {
  let format = moneyFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    moneyFormats.set(lang, format);
  }
  return `${format.format(minor / 100)} ${currency}`;
}

/** A time of day as hh:mm in the language's convention, on this computer's clock. */
export const formatTime = (lang: Language, iso: string): string =>
  new Date(iso).toLocaleTimeString(LOCALE[lang], { hour: '2-digit', minute: '2-digit' });
