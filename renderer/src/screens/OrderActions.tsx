// The seller's actions on one order: acknowledge, change status (only to the statuses eMAG allows from here), generate
// an AWB (AwbDialog), attach an invoice from a PDF (InvoiceFromFile) or a link. Each goes to main's outbox.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetail, OrderStatus } from '../../../shared/domain';
import { Card } from '../components/Card';
import { ErrorNotice } from '../components/ErrorNotice';
import { InputField } from '../components/InputField';
import { issuesByField } from '../components/fieldErrors';
import { SelectField } from '../components/SelectField';
import { DateTime } from '../components/Formatted';
import { attemptAction, useOrderDetail } from '../stores/orderDetail';
import { acknowledgementOf } from '../../../shared/orderRules';
import { AwbDialog } from './AwbDialog';
import { CancelOrderDialog } from './CancelOrderDialog';
import { untriedStatusChanges, UndoStatusChange } from './UndoStatusChange';
import { AwbLabel } from './AwbLabel';
import { InvoiceFromFile } from './InvoiceFromFile';

/** The invoice-link form's boxes, as main names them in its input issues. */
const INVOICE_FIELDS = ['url', 'name'] as const;

export function OrderActions({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const busy = useOrderDetail((s) => s.busy);
  const actionError = useOrderDetail((s) => s.actionError);
  // The feedback follows the action's own state: "queued" turns into "sent" (or "failed") as the outbox reports it.
  const lastAction = useOrderDetail((s) => s.lastAction);
  const [status, setStatus] = useState<string>('');
  const [awbOpen, setAwbOpen] = useState(false);
  const [cancelOpen, setCancelOpen] = useState(false);
  const [invoiceUrl, setInvoiceUrl] = useState('');
  const [invoiceName, setInvoiceName] = useState('');
  const store = useOrderDetail.getState;
  // main's refusal of the link (not a PDF, not https...) shows beside its box, not only in the card's notice.
  const invoiceErrors = issuesByField(actionError);
  const pendingAck = order.actions.some((a) => a.kind === 'acknowledge' && a.state === 'pending');
  const ack = acknowledgementOf(order);
  const canAwb = order.type === 3 && (order.status === 2 || order.status === 3);

  async function run(action: () => Promise<void>) {
    await attemptAction(action);
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
      {actionError && <ErrorNotice error={actionError} testId="action-error" fieldsShown={INVOICE_FIELDS} />}
      <UndoStatusChange order={order} />
      {lastAction && !actionError && (
        <div
          className={`notice ${lastAction.state === 'sent' ? 'notice-ok' : lastAction.state === 'failed' ? 'notice-error' : 'notice-info'}`}
          role="status"
          data-testid="action-feedback"
          data-state={lastAction.state}
        >
          {t(`actionFeedback.${lastAction.state}`)}
        </div>
      )}

      <div className="action-block">
        {ack === 'not-needed' ? (
          <p className="muted small" data-testid="ack-not-needed">
            {t(order.type === 2 ? 'ack.notNeededFbe' : 'ack.notNeededCanceled')}
          </p>
        ) : ack === 'acknowledged' ? (
          <p data-testid="acknowledged-at">
            {order.acknowledgedAt ? (
              <>
                {t('order.acknowledged')} <DateTime value={order.acknowledgedAt} />
              </>
            ) : (
              t('ack.inEmag')
            )}
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
          // A cancellation asks first, with eMAG's reason; other changes go straight to the (undoable) outbox.
          if (status === '0') setCancelOpen(true);
          else if (status !== '') void run(() => store().changeStatus(Number(status) as OrderStatus));
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
              // One change at a time: while one waits in its undo window, undo it or let it go first.
              disabled={status === '' || busy !== null || untriedStatusChanges(order).length > 0}
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

      <AwbLabel order={order} />

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
          error={invoiceErrors.url}
          testId="invoice-url"
        />
        <InputField
          label={t('order.invoiceName')}
          value={invoiceName}
          maxLength={255}
          onChange={(e) => setInvoiceName(e.target.value)}
          error={invoiceErrors.name}
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

      {cancelOpen && (
        <CancelOrderDialog
          order={order}
          busy={busy !== null}
          onClose={() => setCancelOpen(false)}
          onConfirm={(reason) => {
            setCancelOpen(false);
            setStatus('');
            void run(() => store().changeStatus(0, reason));
          }}
        />
      )}
      {awbOpen && <AwbDialog order={order} onClose={() => setAwbOpen(false)} onQueued={() => setAwbOpen(false)} />}
    </Card>
  );
}
