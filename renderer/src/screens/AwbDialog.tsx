// The AWB dialog: courier account (only those eMAG allows for the order), parcels, weight, cash on delivery, the
// receiver and sender blocks; checked here first, then by main, whose field errors show beside their boxes.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../shared/domain';
import { minorToDecimal } from '../../../shared/money';
import { CallError } from '../api/errors';
import { CheckField } from '../components/CheckField';
import { Dialog } from '../components/Dialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { InputField } from '../components/InputField';
import { SelectField } from '../components/SelectField';
import { parseMajorToMinor } from '../format/money';
import { useApp } from '../stores/app';
import { attemptAction, useOrderDetail } from '../stores/orderDetail';
import { AwbPartyFields, type FieldErrors } from './AwbPartyFields';
import {
  parseParty,
  receiverForm,
  rememberedSender,
  rememberSender,
  senderFormOf,
  settingsSenderOf,
  type PartyForm,
} from './awbSender';

/** The boxes whose rule the window can state (order.fieldRule in the locales). */
type FieldRule = 'cod' | 'weightKg' | 'parcels' | 'name' | 'contact' | 'phone' | 'localityId' | 'street';

export function AwbDialog({
  order,
  onClose,
  onQueued,
}: {
  order: OrderDetail;
  onClose: () => void;
  onQueued: () => void;
}) {
  const { t } = useTranslation();
  const couriers = useOrderDetail((s) => s.couriers);
  const couriersError = useOrderDetail((s) => s.couriersError);
  const busy = useOrderDetail((s) => s.busy);
  const actionError = useOrderDetail((s) => s.actionError);
  const isCod = order.paymentModeId === 1;
  const enforced = order.enforcedCourierAccounts;
  const [courier, setCourier] = useState(enforced && enforced.length > 0 ? String(enforced[0]) : '');
  // #17: the saved defaults (Settings › Shipping) prefill the dialog.
  const shipping = useApp((s) => s.settings?.shipping);
  const [parcels, setParcels] = useState(String(shipping?.parcels ?? 1));
  const [envelopes, setEnvelopes] = useState(String(shipping?.envelopes ?? 0));
  const [weight, setWeight] = useState(String(shipping?.weightKg ?? 1));
  const [oversize, setOversize] = useState(shipping?.oversize ?? false);
  const [saveSender, setSaveSender] = useState(!shipping?.sender);
  // Cash on delivery collects the order total; an order paid by card or transfer collects nothing.
  const [cod, setCod] = useState(isCod ? minorToDecimal(order.totalMinor) : '0.00');
  const [observation, setObservation] = useState('');
  const [sender, setSender] = useState<PartyForm>(() =>
    shipping?.sender ? senderFormOf(shipping.sender) : rememberedSender(order.accountId),
  );
  const [receiver, setReceiver] = useState<PartyForm>(() => receiverForm(order.customerDetails));
  const [localError, setLocalError] = useState<CallError | null>(null);
  const [localFieldErrors, setLocalFieldErrors] = useState<FieldErrors>({});
  // eMAG's enforced list: only those accounts may carry the AWB; an empty list means no AWB from MagFlow at all.
  const blocked = enforced !== null && enforced.length === 0;
  const offered = (couriers ?? []).filter(
    (c) => c.active && (enforced === null || enforced.includes(c.courierAccountId)),
  );
  const shownError = localError ?? actionError;
  /** Editing a box clears the dialog's own error beside it (main's answer stays until the next send). */
  const edit = (set: (form: PartyForm) => void) => (form: PartyForm, edited: string) => {
    set(form);
    setLocalFieldErrors(({ [edited]: _cleared, ...rest }) => rest);
  };
  const fieldErrors: FieldErrors = {
    ...Object.fromEntries((actionError?.issues ?? []).map((issue) => [issue.path, issue.message])),
    ...localFieldErrors,
  };

  useEffect(() => {
    void useOrderDetail.getState().loadCouriers();
  }, []);

  // A refused send moves focus to the first box in error: the dialog scrolls to it, and a screen reader reads the
  // box with its reason, instead of a summary the seller may not see at the bottom of a long form.
  const formRef = useRef<HTMLFormElement>(null);
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals === 0 && !actionError?.issues.length) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals, actionError]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const codMinor = parseMajorToMinor(cod);
    const weightKg = Number(weight.replace(',', '.'));
    const p = Number(parcels);
    const env = Number(envelopes);
    const issues: { path: string; message: string }[] = [];
    const errors: FieldErrors = {};
    // Each error shows beside its own box (#17) and in the summary with its rule, never a bare value (#16).
    const refuse = (field: string, label: string, rule: FieldRule, typed: string) => {
      const ruleText = t(`order.fieldRule.${rule}`);
      errors[field] = ruleText;
      issues.push({
        path: label,
        message: typed.trim() ? t('order.fieldTyped', { rule: ruleText, value: typed }) : ruleText,
      });
    };
    if (codMinor === null) refuse('cod', t('order.cod'), 'cod', cod);
    if (!Number.isFinite(weightKg) || weightKg <= 0) refuse('weightKg', t('order.weight'), 'weightKg', weight);
    if (!Number.isInteger(p) || !Number.isInteger(env) || p + env <= 0) {
      refuse('parcels', t('order.parcels'), 'parcels', `${parcels} / ${envelopes}`);
    }
    const parsedSender = parseParty(sender);
    const parsedReceiver = parseParty(receiver);
    for (const role of ['sender', 'receiver'] as const) {
      const parsed = role === 'sender' ? parsedSender : parsedReceiver;
      if (!('invalid' in parsed)) continue;
      const form = role === 'sender' ? sender : receiver;
      for (const key of parsed.invalid) {
        if (key === 'zipcode' || key === 'localityName') continue;
        // The locality box holds an id picked from the list: what matters is that none was picked, not the id.
        const typed = key === 'localityId' ? '' : form[key];
        refuse(`${role}.${key}`, `${t(`order.${role}`)} › ${t(`order.${role}Field.${key}`)}`, key, typed);
      }
    }
    setLocalFieldErrors(errors);
    if (issues.length > 0 || codMinor === null || 'invalid' in parsedSender || 'invalid' in parsedReceiver) {
      setLocalError(new CallError('validation', '', issues));
      setRefusals((n) => n + 1);
      return;
    }
    setLocalError(null);
    const ok = await attemptAction(() =>
      useOrderDetail.getState().generateAwb({
        ...(courier ? { courierAccountId: Number(courier) } : {}),
        parcels: p,
        envelopes: env,
        weightKg,
        codMinor,
        sender: parsedSender.party,
        receiver: parsedReceiver.party,
        ...(oversize ? { oversize: true } : {}),
        ...(observation.trim() ? { observation: observation.trim() } : {}),
      }),
    );
    if (ok) {
      rememberSender(order.accountId, parsedSender.party);
      if (saveSender) {
        await useApp
          .getState()
          .updateSettings({ shipping: { sender: settingsSenderOf(parsedSender.party, sender.localityName) } })
          .catch(() => undefined); // the AWB is queued; only the convenience is lost
      }
      onQueued();
    }
  }

  return (
    <Dialog title={t('order.awbTitle', { id: order.id })} onClose={onClose} testId="awb-dialog">
      <form ref={formRef} onSubmit={(e) => void submit(e)} className="form-grid awb-form">
        {blocked ? (
          <div className="notice notice-error" role="alert" style={{ gridColumn: '1 / -1' }} data-testid="awb-blocked">
            {t('order.awbBlocked')}
          </div>
        ) : (
          <div style={{ gridColumn: '1 / -1' }}>
            <SelectField
              label={t('order.courier')}
              value={courier}
              onChange={setCourier}
              {...(enforced === null
                ? { emptyOption: couriers === null ? t('order.couriersLoading') : t('order.defaultCourier') }
                : {})}
              options={offered.map((c) => ({
                value: c.courierAccountId,
                label: `${c.displayName} (${c.courierName})`,
              }))}
              testId="awb-courier"
            />
            {enforced !== null && <p className="hint">{t('order.couriersEnforced')}</p>}
            {fieldErrors.courierAccountId && (
              <p className="field-error" data-testid="awb-courier-error">
                {fieldErrors.courierAccountId}
              </p>
            )}
          </div>
        )}
        {couriersError && (
          <div style={{ gridColumn: '1 / -1' }}>
            <ErrorNotice error={couriersError} />
          </div>
        )}
        {(
          [
            ['parcels', parcels, setParcels],
            ['envelopes', envelopes, setEnvelopes],
          ] as const
        ).map(([name, value, set]) => (
          <InputField
            key={name}
            label={t(`order.${name}`)}
            type="number"
            min={0}
            max={99}
            value={value}
            onChange={(e) => set(e.target.value)}
            error={fieldErrors[name]}
            testId={`awb-${name}`}
          />
        ))}
        <InputField
          label={t('order.weight')}
          inputMode="decimal"
          value={weight}
          onChange={(e) => setWeight(e.target.value)}
          error={fieldErrors.weightKg}
          testId="awb-weight"
        />
        <InputField
          label={`${t('order.cod')} (${order.currency})`}
          hint={isCod ? t('shipping.codHintCod') : t('order.codHintCard')}
          error={fieldErrors.cod ?? fieldErrors.codMinor}
          inputMode="decimal"
          value={cod}
          onChange={(e) => setCod(e.target.value)}
          testId="awb-cod"
        />
        <CheckField
          label={t('order.oversize')}
          checked={oversize}
          onChange={setOversize}
          style={{ gridColumn: '1 / -1' }}
          testId="awb-oversize"
        />
        <AwbPartyFields
          role="receiver"
          accountId={order.accountId}
          form={receiver}
          onChange={edit(setReceiver)}
          errors={fieldErrors}
        />
        <AwbPartyFields
          role="sender"
          accountId={order.accountId}
          form={sender}
          onChange={edit(setSender)}
          errors={fieldErrors}
        />
        <CheckField
          label={t('shipping.saveSender')}
          checked={saveSender}
          onChange={setSaveSender}
          style={{ gridColumn: '1 / -1' }}
          testId="awb-save-sender"
        />
        <InputField
          label={t('order.observation')}
          style={{ gridColumn: '1 / -1' }}
          value={observation}
          maxLength={255}
          onChange={(e) => setObservation(e.target.value)}
          testId="awb-observation"
        />
        {shownError && (
          <div style={{ gridColumn: '1 / -1' }}>
            <ErrorNotice error={shownError} testId="awb-error" />
          </div>
        )}
        <div className="form-actions" style={{ gridColumn: '1 / -1' }}>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            className="btn btn-primary"
            disabled={busy !== null || blocked}
            data-testid="awb-submit"
          >
            {t('order.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
