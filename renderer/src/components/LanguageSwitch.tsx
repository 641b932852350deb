// Switches the UI language (saved in settings so the tray and notifications follow it too).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../api/errors';
import { applyLanguage, LANGUAGES, type Language } from '../i18n/language';
import { useApp } from '../stores/app';
import { ErrorNotice } from './ErrorNotice';
import { useLanguage } from './useLanguage';

/** `stacked`: label above the select, like the other fields of a form (the top bar keeps it inline). */
export function LanguageSwitch({
  testId = 'language-switch',
  stacked = false,
}: {
  testId?: string;
  stacked?: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const updateSettings = useApp((s) => s.updateSettings);
  const hasSettings = useApp((s) => s.settings !== null);
  const [error, setError] = useState<CallError | null>(null);

  async function change(next: Language) {
    setError(null);
    await applyLanguage(next); // at once, even before main confirms
    if (!hasSettings) return;
    try {
      await updateSettings({ language: next });
    } catch (e) {
      setError(e as CallError);
    }
  }

  return (
    <label className={stacked ? 'field' : 'inline-field'}>
      <span>{t('settings.language')}</span>
      <select value={language} onChange={(e) => void change(e.target.value as Language)} data-testid={testId}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {t(`languages.${l}`)}
          </option>
        ))}
      </select>
      {error && <ErrorNotice error={error} />}
    </label>
  );
}
