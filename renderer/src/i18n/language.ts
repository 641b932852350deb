// i18next set up for the window: Romanian by default, English on request; every user-visible string lives in locales/.
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { ro } from './locales/ro';

export const LANGUAGES = ['ro', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const i18n: I18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  lng: 'ro',
  fallbackLng: 'ro',
  supportedLngs: [...LANGUAGES],
  resources: { ro: { translation: ro }, en: { translation: en } },
  // React escapes text itself; i18next must not, or "<" in a customer's name would show as "&lt;".
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

export async function applyLanguage(language: Language): Promise<void> {
  if (i18n.language !== language) await i18n.changeLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'ro';
}
