// The seller's actions on one order and their outbox states: acknowledge, change status (only to the statuses eMAG
// allows from here), generate an AWB, attach an invoice; failed sends show eMAG's reason and can be retried.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetail, OrderStatus, OutboxAction } from '../../../shared/domain';
import { CallError } from '../api/errors';
import { Card } from '../components/Card';
import { Dialog } from '../components/Dialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { InputField } from '../components/InputField';
import { SelectField } from '../components/SelectField';
import { DateTime } from '../components/Formatted';
import { MINOR_PER_MAJOR } from '../format/money';
import { useOrderDetail } from '../stores/orderDetail';
import { parseParty, receiverForm, rememberedSender, rememberSender, type PartyForm } from './awbSender';
import { InvoiceFromFile } from './InvoiceFromFile';

/** Acting is allowed to fail loudly in the UI; the store already keeps the error for display. */
async function attempt(run: () => Promise<void>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch {
    return false;
  }
}

export function OrderActions({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const busy = useOrderDetail((s) => s.busy);
  const actionError = useOrderDetail((s) => s.actionError);
  const [queued, setQueued] = useState(false);
  const [status, setStatus] = useState<string>('');
  const [awbOpen, setAwbOpen] = useState(false);
  const [invoiceUrl, setInvoiceUrl] = useState('');
  const [invoiceName, setInvoiceName] = useState('');
  const store = useOrderDetail.getState;
  const pendingAck = order.actions.some((a) => a.kind === 'acknowledge' && a.state === 'pending');
  const canAwb = order.type === 3 && (order.status === 2 || order.status === 3);

  async function run(action: () => Promise<void>) {
    setQueued(false);
    if (await attempt(action)) setQueued(true);
  }

  async function submitInvoice(e: FormEvent) {
    e.preventDefault();
    await run(() => store().attachInvoice(invoiceUrl.trim(), invoiceName.trim() || undefined));
    if (!useOrderDetail.getState().actionError) {
      setInvoiceUrl('');
      setInvoiceName('');
    }
  }

  return (
    <Card title={t('order.actions')} testId="order-actions">
      {actionError && <ErrorNotice error={actionError} testId="action-error" />}
      {queued && !actionError && (
        <div className="notice notice-info" role="status" data-testid="action-queued">
          {t('order.queued')}
        </div>
      )}

      <div className="action-block">
        {order.acknowledgedAt ? (
          <p data-testid="acknowledged-at">
            {t('order.acknowledged')} <DateTime value={order.acknowledgedAt} />
          </p>
        ) : (
          <>
            <button
              type="button"
              className="btn btn-primary"
              disabled={!order.canAcknowledge || busy !== null || pendingAck}
              onClick={() => void run(() => store().acknowledge())}
              data-testid="acknowledge"
            >
              {t('order.acknowledge')}
            </button>
            {!order.canAcknowledge && <p className="muted small">{t('order.cannotAcknowledge')}</p>}
          </>
        )}
      </div>

      <form
        className="action-block"
        onSubmit={(e) => {
          e.preventDefault();
          if (status !== '') void run(() => store().changeStatus(Number(status) as OrderStatus));
        }}
      >
        {order.allowedStatuses.length === 0 ? (
          <p className="muted small" data-testid="no-transitions">
            {t('order.noTransitions')}
          </p>
        ) : (
          <div className="head-actions">
            <SelectField
              className="grow"
              label={t('order.newStatus')}
              value={status}
              onChange={setStatus}
              emptyOption="—"
              options={order.allowedStatuses.map((s) => ({ value: s, label: t(`orderStatus.${s}`) }))}
              testId="change-status-select"
            />
            <button
              type="submit"
              className="btn"
              disabled={status === '' || busy !== null}
              data-testid="change-status-submit"
            >
              {t('order.applyStatus')}
            </button>
          </div>
        )}
      </form>

      {canAwb && (
        <div className="action-block">
          <button type="button" className="btn" onClick={() => setAwbOpen(true)} data-testid="awb-open">
            {t('order.awb')}
          </button>
        </div>
      )}

      <InvoiceFromFile order={order} />
      <form className="action-block" onSubmit={(e) => void submitInvoice(e)}>
        <span className="muted small">{t('invoices.orUrl')}</span>
        <InputField
          label={t('order.invoiceUrl')}
          type="url"
          value={invoiceUrl}
          required
          maxLength={1024}
          placeholder="https://"
          onChange={(e) => setInvoiceUrl(e.target.value)}
          testId="invoice-url"
        />
        <InputField
          label={t('order.invoiceName')}
          value={invoiceName}
          maxLength={255}
          onChange={(e) => setInvoiceName(e.target.value)}
          testId="invoice-name"
        />
        <div>
          <button
            type="submit"
            className="btn"
            disabled={busy !== null || invoiceUrl.trim() === ''}
            data-testid="invoice-submit"
          >
            {t('order.attach')}
          </button>
        </div>
      </form>

      {awbOpen && (
        <AwbDialog
          order={order}
          onClose={() => setAwbOpen(false)}
          onQueued={() => {
            setAwbOpen(false);
            setQueued(true);
          }}
        />
      )}
    </Card>
  );
}

/** Parses an amount typed the Romanian or the English way ("12,50" or "12.50") into minor units. */
export function parseMajorToMinor(value: string): number | null {
  const normalized = value.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(normalized)) return null;
  return Math.round(Number(normalized) * MINOR_PER_MAJOR);
}

/** The boxes of an address block, in the order the seller fills them (the limits are eMAG's). */
const PARTY_FIELDS: {
  key: keyof PartyForm;
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

type PartyRole = 'sender' | 'receiver';
/** Field errors by path (`receiver.phone`, `courierAccountId`), from the dialog's own check or from main's answer. */
type FieldErrors = Record<string, string>;

/** The sender or receiver block: each box with eMAG's limit and, when main or the dialog found one, its error. */
function PartyFields({
  role,
  form,
  onChange,
  errors,
}: {
  role: PartyRole;
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
        {PARTY_FIELDS.map(({ key, maxLength, inputMode }) => (
          <InputField
            key={key}
            label={t(`order.${role}Field.${key}`)}
            value={form[key]}
            onChange={(e) => onChange({ ...form, [key]: e.target.value }, `${role}.${key}`)}
            inputMode={inputMode}
            maxLength={maxLength}
            error={errors[`${role}.${key}`]}
            testId={`awb-${role}-${key === 'localityId' ? 'locality' : key}`}
          />
        ))}
      </div>
    </fieldset>
  );
}

function AwbDialog({ order, onClose, onQueued }: { order: OrderDetail; onClose: () => void; onQueued: () => void }) {
  const { t } = useTranslation();
  const couriers = useOrderDetail((s) => s.couriers);
  const couriersError = useOrderDetail((s) => s.couriersError);
  const busy = useOrderDetail((s) => s.busy);
  const actionError = useOrderDetail((s) => s.actionError);
  const isCod = order.paymentModeId === 1;
  const enforced = order.enforcedCourierAccounts;
  const [courier, setCourier] = useState(enforced && enforced.length > 0 ? String(enforced[0]) : '');
  const [parcels, setParcels] = useState('1');
  const [envelopes, setEnvelopes] = useState('0');
  const [weight, setWeight] = useState('1');
  const [oversize, setOversize] = useState(false);
  // Cash on delivery collects the order total; an order paid by card or transfer collects nothing.
  const [cod, setCod] = useState(isCod ? (order.totalMinor / MINOR_PER_MAJOR).toFixed(2) : '0.00');
  const [observation, setObservation] = useState('');
  const [sender, setSender] = useState<PartyForm>(() => rememberedSender(order.accountId));
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

  async function submit(e: FormEvent) {
    e.preventDefault();
    const codMinor = parseMajorToMinor(cod);
    const weightKg = Number(weight.replace(',', '.'));
    const p = Number(parcels);
    const env = Number(envelopes);
    const issues: { path: string; message: string }[] = [];
    const errors: FieldErrors = {};
    if (codMinor === null) issues.push({ path: t('order.cod'), message: cod });
    if (!Number.isFinite(weightKg) || weightKg <= 0) issues.push({ path: t('order.weight'), message: weight });
    if (!Number.isInteger(p) || !Number.isInteger(env) || p + env <= 0)
      issues.push({ path: t('order.parcels'), message: `${parcels} / ${envelopes}` });
    const parsedSender = parseParty(sender);
    const parsedReceiver = parseParty(receiver);
    for (const role of ['sender', 'receiver'] as const) {
      const parsed = role === 'sender' ? parsedSender : parsedReceiver;
      if (!('invalid' in parsed)) continue;
      const form = role === 'sender' ? sender : receiver;
      for (const key of parsed.invalid) {
        issues.push({ path: `${t(`order.${role}`)} › ${t(`order.${role}Field.${key}`)}`, message: form[key] || '—' });
        errors[`${role}.${key}`] = t('order.fieldInvalid');
      }
    }
    setLocalFieldErrors(errors);
    if (issues.length > 0 || codMinor === null || 'invalid' in parsedSender || 'invalid' in parsedReceiver) {
      setLocalError(new CallError('validation', '', issues));
      return;
    }
    setLocalError(null);
    const ok = await attempt(() =>
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
      onQueued();
    }
  }

  return (
    <Dialog title={t('order.awbTitle', { id: order.id })} onClose={onClose} testId="awb-dialog">
      <form onSubmit={(e) => void submit(e)} className="form-grid">
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
        <InputField
          label={t('order.parcels')}
          type="number"
          min={0}
          max={99}
          value={parcels}
          onChange={(e) => setParcels(e.target.value)}
          error={fieldErrors.parcels}
          testId="awb-parcels"
        />
        <InputField
          label={t('order.envelopes')}
          type="number"
          min={0}
          max={99}
          value={envelopes}
          onChange={(e) => setEnvelopes(e.target.value)}
          testId="awb-envelopes"
        />
        <InputField
          label={t('order.weight')}
          inputMode="decimal"
          value={weight}
          onChange={(e) => setWeight(e.target.value)}
          testId="awb-weight"
        />
        <InputField
          label={`${t('order.cod')} (${order.currency})`}
          hint={isCod ? undefined : t('order.codHintCard')}
          inputMode="decimal"
          value={cod}
          onChange={(e) => setCod(e.target.value)}
          testId="awb-cod"
        />
        <label className="check" style={{ gridColumn: '1 / -1' }}>
          <input
            type="checkbox"
            checked={oversize}
            onChange={(e) => setOversize(e.target.checked)}
            data-testid="awb-oversize"
          />
          <span>{t('order.oversize')}</span>
        </label>
        <PartyFields role="receiver" form={receiver} onChange={edit(setReceiver)} errors={fieldErrors} />
        <PartyFields role="sender" form={sender} onChange={edit(setSender)} errors={fieldErrors} />
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

export function OutboxList({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const busy = useOrderDetail((s) => s.busy);
  return (
    <Card title={t('order.outbox')} empty={order.actions.length === 0} emptyText={t('order.noActions')}>
      <ul className="action-list" data-testid="outbox-list">
        {/* Newest first, whether the list came from an event or from re-reading the order. */}
        {[...order.actions]
          .sort((a, b) => b.id - a.id)
          .map((a) => (
            <OutboxItem key={a.id} action={a} disabled={busy !== null} />
          ))}
      </ul>
    </Card>
  );
}

/** The AWB number eMAG gave a sent AWB action (what the seller writes on the parcel or looks up at the courier). */
function awbNumberOf(action: OutboxAction): string | null {
  const number = action.kind === 'awb' && action.state === 'sent' ? action.result?.awbNumber : null;
  return typeof number === 'string' && number !== '' ? number : null;
}

function OutboxItem({ action, disabled }: { action: OutboxAction; disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <li className="action-item" data-testid={`action-${action.id}`}>
      <div className="action-line">
        <strong>{t(`outboxKind.${action.kind}`)}</strong>
        <span
          className={`badge state-${action.state}`}
          data-testid={`action-state-${action.id}`}
          data-state={action.state}
        >
          {t(`outboxState.${action.state}`)}
        </span>
        <span className="muted small">
          <DateTime value={action.sentAt ?? action.createdAt} />
        </span>
      </div>
      {awbNumberOf(action) && (
        <div data-testid={`action-awb-${action.id}`}>
          {t('order.awbNumber')}: <strong className="num">{awbNumberOf(action)}</strong>
        </div>
      )}
      {action.attempts > 0 && action.state !== 'sent' && (
        <div className="muted small">
          {t('order.attempts', { count: action.attempts })}
          {action.state === 'pending' && action.nextAttemptAt && (
            <>
              {' · '}
              {t('order.nextAttempt')} <DateTime value={action.nextAttemptAt} />
            </>
          )}
        </div>
      )}
      {action.lastError && action.state !== 'sent' && (
        <div className="notice notice-error" data-testid={`action-error-${action.id}`}>
          {action.lastError}
        </div>
      )}
      {action.state === 'failed' && (
        <div>
          <button
            type="button"
            className="btn btn-small"
            disabled={disabled}
            onClick={() => void attempt(() => useOrderDetail.getState().retry(action.id))}
            data-testid={`action-retry-${action.id}`}
          >
            {t('order.retry')}
          </button>
        </div>
      )}
    </li>
  );
}
