// The bar over the orders list while orders are selected: how many, and the bulk actions on them. Every action but
// export opens the one confirmation (screens/BulkDialog.tsx); export downloads the selected orders at once.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BULK_MAX_ORDERS } from '../../../shared/bulk';
import type { OrderStatus } from '../../../shared/domain';
import { call } from '../api/client';
import { selectedCount, selectedRefs, useSelection, type Selection } from '../stores/selection';
import { downloadText } from './download';
import { ErrorNotice } from './ErrorNotice';
import { useGuardedCall } from './useGuardedCall';

/** Status changes a seller may ask for in bulk (eMAG's matrix decides per order; new -> in progress is acknowledging). */
const BULK_STATUSES: OrderStatus[] = [3, 4, 0];

export type BulkChoice = { action: 'acknowledge' } | { action: 'awb' } | { action: 'status'; status: OrderStatus };

export function SelectionBar({ onChoose, onInvoices }: { onChoose(choice: BulkChoice): void; onInvoices(): void }) {
  const { t } = useTranslation();
  const selection = useSelection();
  const count = selectedCount(selection);
  const { error, busy, guard } = useGuardedCall();
  // Which selection was exported: "Exported 2 rows." belongs to it, not to the next selection (the bar stays mounted).
  const [exported, setExported] = useState<{ rows: number; of: Selection['selected'] } | null>(null);
  if (count === 0) return null;

  const exportSelected = () =>
    guard(async () => {
      const result = await call('orders.bulk', { action: 'export', orders: selectedRefs(selection) });
      if (result.csv) {
        downloadText(result.csv.filename, result.csv.csv);
        setExported({ rows: result.csv.rows, of: selection.selected });
      }
    });

  return (
    <div className="selection-bar" role="toolbar" aria-label={t('bulk.toolbar')} data-testid="selection-bar">
      <strong data-testid="selection-count" aria-live="polite">
        {t('bulk.selected', { count })}
      </strong>
      {selection.capped && (
        <span className="muted" data-testid="selection-capped">
          {t('bulk.capped', { max: BULK_MAX_ORDERS })}
        </span>
      )}
      <button type="button" className="btn" onClick={() => onChoose({ action: 'acknowledge' })} data-testid="bulk-ack">
        {t('bulk.action.acknowledge')}
      </button>
      <label className="selection-status">
        <span className="sr-only">{t('bulk.action.status')}</span>
        <select
          className="btn"
          value=""
          onChange={(e) => {
            if (e.target.value !== '') onChoose({ action: 'status', status: Number(e.target.value) as OrderStatus });
          }}
          data-testid="bulk-status"
        >
          <option value="">{t('bulk.action.status')}</option>
          {BULK_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t('bulk.toStatus', { status: t(`orderStatus.${s}`) })}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="btn" onClick={() => onChoose({ action: 'awb' })} data-testid="bulk-awb">
        {t('bulk.action.awb')}
      </button>
      <button type="button" className="btn" onClick={onInvoices} data-testid="bulk-invoices">
        {t('bulk.action.invoices')}
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => void exportSelected()}
        disabled={busy}
        data-testid="bulk-export"
      >
        {t('bulk.action.export')}
      </button>
      {exported?.of === selection.selected && (
        <span className="muted" data-testid="bulk-exported">
          {t('orders.exported', { count: exported.rows })}
        </span>
      )}
      <button
        type="button"
        className="btn btn-ghost"
        onClick={() => useSelection.getState().clear()}
        data-testid="selection-clear"
      >
        {t('bulk.clear')}
      </button>
      {error && <ErrorNotice error={error} />}
    </div>
  );
}
