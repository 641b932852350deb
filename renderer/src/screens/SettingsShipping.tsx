// #17 AWB: Settings › Shipping: the pickup address (locality chosen by name), the parcel defaults every AWB starts
// with, and the label's paper format. Saved together; each field's problem shows beside it.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LABEL_FORMATS, type LabelFormat } from '../../../shared/settings';
import { Card } from '../components/Card';
import { CheckField } from '../components/CheckField';
import { ErrorNotice } from '../components/ErrorNotice';
import { InputField } from '../components/InputField';
import { SelectField } from '../components/SelectField';
import { useGuardedCall } from '../components/useGuardedCall';
import { useApp } from '../stores/app';
import { AwbPartyFields, type FieldErrors } from './AwbPartyFields';
import { EMPTY_SENDER, parseParty, senderFormOf, settingsSenderOf, type PartyForm } from './awbSender';

export function ShippingSection() {
  const { t } = useTranslation();
  const shipping = useApp((s) => s.settings?.shipping);
  const accountId = useApp((s) => s.accounts.find((a) => a.enabled)?.id ?? s.accounts[0]?.id ?? null);
  const [sender, setSender] = useState<PartyForm>(() =>
    shipping?.sender ? senderFormOf(shipping.sender) : EMPTY_SENDER,
  );
  const [parcels, setParcels] = useState(String(shipping?.parcels ?? 1));
  const [weight, setWeight] = useState(String(shipping?.weightKg ?? 1));
  const [oversize, setOversize] = useState(shipping?.oversize ?? false);
  const [format, setFormat] = useState<LabelFormat>(shipping?.labelFormat ?? 'A6');
  const [openLabel, setOpenLabel] = useState(shipping?.openLabel ?? true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const { guard, error } = useGuardedCall();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const next: FieldErrors = {};
    const parsed = parseParty(sender);
    if ('invalid' in parsed) {
      for (const key of parsed.invalid) {
        if (key !== 'zipcode' && key !== 'localityName') next[`sender.${key}`] = t(`order.fieldRule.${key}`);
      }
    }
    const p = Number(parcels);
    const kg = Number(weight.replace(',', '.'));
    if (!Number.isInteger(p) || p < 1 || p > 99) next.parcels = t('order.fieldRule.defaultParcels');
    if (!Number.isFinite(kg) || kg <= 0 || kg > 1000) next.weightKg = t('order.fieldRule.defaultWeightKg');
    setErrors(next);
    if (Object.keys(next).length > 0 || 'invalid' in parsed) return;
    const patch = {
      shipping: {
        sender: settingsSenderOf(parsed.party, sender.localityName),
        parcels: p,
        weightKg: kg,
        oversize,
        labelFormat: format,
        openLabel,
      },
    };
    if (await guard(() => useApp.getState().updateSettings(patch))) setSaved(true);
  }

  return (
    <Card title={t('shipping.settingsTitle')}>
      <form className="form-grid" onSubmit={(e) => void submit(e)} data-testid="settings-shipping">
        <p className="hint" style={{ gridColumn: '1 / -1' }}>
          {t('shipping.settingsHint')}
        </p>
        <AwbPartyFields
          role="sender"
          accountId={accountId}
          form={sender}
          onChange={(form, edited) => {
            setSender(form);
            setErrors(({ [edited]: _cleared, ...rest }) => rest);
          }}
          errors={errors}
        />
        <InputField
          label={t('shipping.parcels')}
          type="number"
          min={1}
          max={99}
          value={parcels}
          onChange={(e) => setParcels(e.target.value)}
          error={errors.parcels}
          testId="shipping-parcels"
        />
        <InputField
          label={t('shipping.weight')}
          inputMode="decimal"
          value={weight}
          onChange={(e) => setWeight(e.target.value)}
          error={errors.weightKg}
          testId="shipping-weight"
        />
        <SelectField
          label={t('shipping.labelFormat')}
          value={format}
          onChange={(v) => setFormat(v as LabelFormat)}
          options={LABEL_FORMATS.map((f) => ({ value: f, label: f }))}
          testId="shipping-format"
        />
        <CheckField
          label={t('shipping.oversize')}
          checked={oversize}
          onChange={setOversize}
          testId="shipping-oversize"
        />
        <CheckField
          label={t('shipping.openLabel')}
          checked={openLabel}
          onChange={setOpenLabel}
          style={{ gridColumn: '1 / -1' }}
          testId="shipping-open-label"
        />
        {error && (
          <div style={{ gridColumn: '1 / -1' }}>
            <ErrorNotice error={error} />
          </div>
        )}
        <div className="form-actions" style={{ gridColumn: '1 / -1' }}>
          {saved && (
            <span className="muted" role="status" data-testid="shipping-saved">
              {t('shipping.saved')}
            </span>
          )}
          <button type="submit" className="btn btn-primary" data-testid="shipping-save">
            {t('shipping.save')}
          </button>
        </div>
      </form>
    </Card>
  );
}
