// The seller's actions on one order: acknowledge, change status (only to the statuses eMAG allows from here), generate
// an AWB (AwbDialog), attach an invoice from a PDF (InvoiceFromFile) or a link. Each goes to main's outbox.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetail, OrderStatus } from '../../../shared/domain';
import { Card } from '../components/Card';
import { ErrorNotice } from '../components/ErrorNotice';
import { InputField } from '../components/InputField';
import { SelectField } from '../components/SelectField';
import { DateTime } from '../components/Formatted';
import { attemptAction, useOrderDetail } from '../stores/orderDetail';
import { AwbDialog } from './AwbDialog';
import { AwbLabel } from './AwbLabel';
import { InvoiceFromFile } from './InvoiceFromFile';

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
    if (await attemptAction(action)) setQueued(true);
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
