// #17 AWB: the label of the AWB MagFlow issued for this order (awb/read_pdf), saved under the data folder and opened
// with the system's PDF viewer when the seller chose so in Settings; the path is shown either way.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../shared/domain';
import { LABEL_FORMATS, type LabelFormat } from '../../../shared/settings';
import type { AwbLabelFile } from '../../../shared/shipping';
import { call } from '../api/client';
import { CallError } from '../api/errors';
import { ErrorNotice } from '../components/ErrorNotice';
import { useApp } from '../stores/app';

export function AwbLabel({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const preferred = useApp((s) => s.settings?.shipping.labelFormat ?? 'A6');
  const [busy, setBusy] = useState<LabelFormat | null>(null);
  const [saved, setSaved] = useState<AwbLabelFile | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const issued = order.actions.some((a) => a.kind === 'awb' && a.state === 'sent');
  if (!issued) return null;
  const formats = [preferred, ...LABEL_FORMATS.filter((f) => f !== preferred)];

  async function fetchLabel(format: LabelFormat) {
    setBusy(format);
    setError(null);
    try {
      setSaved(await call('awb.label', { accountId: order.accountId, orderId: order.id, format }));
    } catch (e) {
      setError(CallError.from(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="action-block awb-label" data-testid="awb-label">
      <span className="muted small">{t('shipping.label')}</span>
      <div className="awb-label-buttons">
        {formats.map((format) => (
          <button
            key={format}
            type="button"
            className={format === preferred ? 'btn btn-primary' : 'btn'}
            disabled={busy !== null}
            onClick={() => void fetchLabel(format)}
            data-testid={`awb-label-${format}`}
          >
            {t('shipping.labelButton', { format })}
          </button>
        ))}
      </div>
      {saved && (
        <p className="hint awb-label-path" role="status" data-testid="awb-label-saved">
          {t(saved.opened ? 'shipping.labelOpened' : 'shipping.labelSaved', { path: saved.path })}
        </p>
      )}
      {error && <ErrorNotice error={error} testId="awb-label-error" />}
    </div>
  );
}
