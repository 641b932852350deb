// The UI language as a hook, so formatted money and dates re-render when the seller switches language.
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n/language';

export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'ro';
}
