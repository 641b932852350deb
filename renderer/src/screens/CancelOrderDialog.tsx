// Cancelling an order asks first: the seller confirms and picks one of eMAG's cancellation reasons (the list in
// shared/cancellationReasons; eMAG records it with the order). Nothing is queued until "Anulează comanda".
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SELLER_CANCELLATION_REASONS } from '../../../shared/cancellationReasons';
import type { OrderDetail } from '../../../shared/domain';
import { Dialog } from '../components/Dialog';
import { SelectField } from '../components/SelectField';

export function CancelOrderDialog({
  order,
  busy,
  onConfirm,
  onClose,
}: {
  order: OrderDetail;
  busy: boolean;
  onConfirm: (reason: number) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <Dialog title={t('cancelOrder.title', { id: order.id })} onClose={onClose} testId="cancel-dialog">
      <form
        className="cancel-order"
        onSubmit={(e) => {
          e.preventDefault();
          if (reason !== '') onConfirm(Number(reason));
        }}
      >
        <p>{t('cancelOrder.explain')}</p>
        <SelectField
          label={t('cancelOrder.reason')}
          value={reason}
          onChange={setReason}
          emptyOption={t('cancelOrder.chooseReason')}
          options={SELLER_CANCELLATION_REASONS.map((code) => ({
            value: code,
            label: t(`cancelOrder.reasons.${code}`),
          }))}
          testId="cancel-reason"
        />
        <p className="muted small">{t('cancelOrder.undoHint')}</p>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose} data-testid="cancel-back">
            {t('cancelOrder.back')}
          </button>
          <button
            type="submit"
            className="btn btn-danger"
            disabled={reason === '' || busy}
            data-testid="cancel-confirm"
          >
            {t('cancelOrder.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
