// One address block of the AWB dialog (sender or receiver): each box with eMAG's limit and, when main or the dialog
// found one, its error.
import { useTranslation } from 'react-i18next';
import { InputField } from '../components/InputField';
import { LocalityPicker } from '../components/LocalityPicker';
import type { PartyForm } from './awbSender';

/** The boxes of an address block, in the order the seller fills them (the limits are eMAG's). */
const PARTY_FIELDS: {
  key: Exclude<keyof PartyForm, 'localityName'>;
  maxLength: number;
  inputMode?: 'tel' | 'numeric';
}[] = [
  { key: 'name', maxLength: 255 },
  { key: 'contact', maxLength: 255 },
  { key: 'phone', maxLength: 20, inputMode: 'tel' },
  { key: 'localityId', maxLength: 10, inputMode: 'numeric' },
  { key: 'street', maxLength: 255 },
  { key: 'zipcode', maxLength: 20 },
];

export type PartyRole = 'sender' | 'receiver';
/** Field errors by path (`receiver.phone`, `courierAccountId`), from the dialog's own check or from main's answer. */
export type FieldErrors = Record<string, string>;

/** The sender or receiver block: each box with eMAG's limit and, when main or the dialog found one, its error. */
export function AwbPartyFields({
  role,
  accountId,
  form,
  onChange,
  errors,
}: {
  role: PartyRole;
  /** #17: whose eMAG account searches the localities. */
  accountId: number | null;
  form: PartyForm;
  onChange: (form: PartyForm, edited: string) => void;
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="sender" style={{ gridColumn: '1 / -1' }} data-testid={`awb-${role}`}>
      <legend>{t(`order.${role}`)}</legend>
      <p className="hint">{t(`order.${role}Hint`)}</p>
      <div className="form-grid">
        {PARTY_FIELDS.map(({ key, maxLength, inputMode }) =>
          key === 'localityId' ? (
            // #17: chosen by name from eMAG's list, not typed as an id.
            <LocalityPicker
              key={key}
              accountId={accountId}
              value={{ id: form.localityId ? Number(form.localityId) : null, name: form.localityName }}
              onChange={(v) =>
                onChange(
                  { ...form, localityId: v.id === null ? '' : String(v.id), localityName: v.name },
                  `${role}.localityId`,
                )
              }
              error={errors[`${role}.localityId`]}
              testId={`awb-${role}-locality`}
            />
          ) : (
            <InputField
              key={key}
              label={t(`order.${role}Field.${key}`)}
              value={form[key]}
              onChange={(e) => onChange({ ...form, [key]: e.target.value }, `${role}.${key}`)}
              inputMode={inputMode}
              maxLength={maxLength}
              error={errors[`${role}.${key}`]}
              testId={`awb-${role}-${key}`}
            />
          ),
        )}
      </div>
    </fieldset>
  );
}
