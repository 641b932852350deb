// The "which eMAG account" drop-down of the list screens: every account the seller has, or all of them ('').
import { useTranslation } from 'react-i18next';
import { useApp } from '../stores/app';
import { SelectField } from './SelectField';

export function AccountFilter({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  /** The chosen account id as text, '' for all accounts. */
  value: string;
  onChange: (value: string) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const accounts = useApp((s) => s.accounts);
  return (
    <SelectField
      label={label}
      value={value}
      onChange={onChange}
      emptyOption={t('common.all')}
      options={accounts.map((a) => ({ value: a.id, label: a.name }))}
      testId={testId}
    />
  );
}
