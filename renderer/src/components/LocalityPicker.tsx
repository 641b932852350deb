// #17 AWB: the eMAG locality chosen by name. The seller types the town; main searches eMAG's locality/read (cached
// for days) and the list shows name and county; choosing one keeps its eMAG id. What eMAG refused shows beside it.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localityLabel, type LocalityOption } from '../../../shared/shipping';
import { call } from '../api/client';
import { useDebouncedEffect } from './useDebounced';

export interface LocalityValue {
  id: number | null;
  name: string;
}

export function LocalityPicker({
  accountId,
  value,
  onChange,
  error,
  hint,
  testId,
}: {
  accountId: number | null;
  value: LocalityValue;
  onChange: (value: LocalityValue) => void;
  error?: string | undefined;
  hint?: string | undefined;
  testId: string;
}) {
  const { t } = useTranslation();
  const listId = useId();
  const errorId = useId();
  const [query, setQuery] = useState(value.name);
  const [options, setOptions] = useState<LocalityOption[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);

  useDebouncedEffect(query, 300, (text) => {
    const trimmed = text.trim();
    if (!open || accountId === null || trimmed.length < 2) return;
    setSearching(true);
    call('localities.search', { accountId, query: trimmed })
      .then((found) => {
        setOptions(found);
        setSearchError(null);
      })
      .catch((e: unknown) => setSearchError(e instanceof Error ? e.message : String(e)))
      .finally(() => setSearching(false));
  });

  const choose = (option: LocalityOption) => {
    const name = localityLabel(option);
    setQuery(name);
    setOpen(false);
    onChange({ id: option.id, name });
  };
  const shownError = error ?? searchError ?? undefined;

  return (
    <div className="field locality-picker" data-testid={testId}>
      <label>
        <span>{t('shipping.locality')}</span>
        <input
          role="combobox"
          aria-expanded={open && options !== null}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-invalid={shownError ? true : undefined}
          aria-describedby={shownError ? errorId : undefined}
          value={query}
          placeholder={t('shipping.localityPlaceholder')}
          maxLength={60}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
            onChange({ id: null, name: e.target.value });
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && open && options?.[0]) {
              e.preventDefault();
              choose(options[0]);
            }
          }}
          data-testid={`${testId}-input`}
        />
      </label>
      {value.id !== null && (
        <span className="hint" data-testid={`${testId}-chosen`}>
          {t('shipping.localityChosen', { name: value.name, id: value.id })}
        </span>
      )}
      {value.id === null && hint && <span className="hint">{hint}</span>}
      {open && query.trim().length >= 2 && (
        <ul className="locality-options" id={listId} role="listbox" data-testid={`${testId}-options`}>
          {searching && options === null && <li className="muted">{t('shipping.localitySearching')}</li>}
          {options?.length === 0 && !searching && (
            <li className="muted">{t('shipping.localityNone', { query: query.trim() })}</li>
          )}
          {options?.map((option) => (
            <li key={option.id} role="option" aria-selected={option.id === value.id}>
              <button type="button" onClick={() => choose(option)} data-testid={`${testId}-option-${option.id}`}>
                {localityLabel(option)}
                {option.zipcode && <span className="muted small"> · {option.zipcode}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      {shownError && (
        <span className="field-error" id={errorId} data-testid={`${testId}-error`}>
          {shownError}
        </span>
      )}
    </div>
  );
}
