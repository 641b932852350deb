// "Attach invoice PDFs" on the orders list: many PDFs at once, each matched to an order by the number in its file
// name. The dialog lists what will happen to every file (attached to which order, or skipped and why), asks once,
// then shows each file's result as it goes. Opened from the selection bar, it attaches only to the selected orders.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvoiceMatch } from '../../../shared/invoices';
import { useActionFailureText } from '../components/ActionFailure';
import { Dialog } from '../components/Dialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { PdfDropZone } from '../components/PdfDropZone';
import { SimpleTable } from '../components/SimpleTable';
import { useBulkInvoices, type BulkRow } from '../stores/bulkInvoices';
import { useInvoices } from '../stores/invoices';
import type { OrderRef } from '../stores/selection';
import { NoBucketNotice } from './InvoiceFromFile';

export function BulkInvoicesButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn" onClick={() => setOpen(true)} data-testid="bulk-invoices-open">
        {t('invoices.bulk.open')}
      </button>
      {open && (
        <BulkInvoicesDialog
          onClose={() => {
            useBulkInvoices.getState().reset();
            setOpen(false);
          }}
        />
      )}
    </>
  );
}

/** "#123 · Magazin" for one order, "#123 · Magazin / #123 · FBE" for several. */
const ordersText = (match: InvoiceMatch): string =>
  (match.target ? [match.target] : match.candidates).map((c) => `#${c.orderId} · ${c.account}`).join(' / ');

function WhatHappens({ row }: { row: BulkRow }) {
  const { t } = useTranslation();
  const failureText = useActionFailureText();
  const { match } = row;
  if (row.state === 'skipped') {
    return (
      <span className="muted">
        {t('invoices.bulk.skipped')}:{' '}
        {t(`invoices.bulk.reason.${match.reason ?? 'no_order'}`, {
          numbers: match.numbers.join(', '),
          orders: ordersText(match),
        })}
      </span>
    );
  }
  if (row.state === 'waiting') return <span>{t('invoices.bulk.willAttach')}</span>;
  const detail = row.problem ? t(`invoices.bulk.problem.${row.problem}`) : failureText(row.failure, row.message);
  return (
    <>
      <span className={`badge bulk-${row.state}`}>
        {row.already && row.state !== 'error'
          ? t('invoices.bulk.state.already')
          : t(`invoices.bulk.state.${row.state}`)}
      </span>
      {detail && <span className="notice-detail"> {detail}</span>}
    </>
  );
}

/** `within`: the selected orders, fixed when the dialog opened; without it, any of the seller's orders. */
export function BulkInvoicesDialog({ onClose, within }: { onClose: () => void; within?: readonly OrderRef[] }) {
  const { t } = useTranslation();
  const bucket = useInvoices((s) => s.bucket);
  const { phase, rows, error } = useBulkInvoices();
  const toAttach = rows.filter((r) => r.match.outcome === 'matched').length;
  const skipped = rows.length - toAttach;
  const count = (...states: BulkRow['state'][]) => rows.filter((r) => states.includes(r.state)).length;

  useEffect(() => {
    if (useInvoices.getState().bucket === undefined) void useInvoices.getState().loadBucket();
  }, []);

  return (
    <Dialog
      title={within ? t('invoices.bulk.titleSelected', { count: within.length }) : t('invoices.bulk.title')}
      onClose={onClose}
      testId="bulk-invoices-dialog"
    >
      <span className="bulk-invoices" hidden />
      {within && (
        <p className="muted" data-testid="bulk-invoices-scope">
          {t('invoices.bulk.scope', { count: within.length })}
        </p>
      )}
      {bucket === null && <NoBucketNotice testId="bulk-no-bucket" />}
      {bucket && (phase === 'choose' || phase === 'matching') && (
        <PdfDropZone
          multiple
          onFiles={(files) => void useBulkInvoices.getState().choose(files, within)}
          hint={t('invoices.bulk.hint')}
          buttonLabel={t('invoices.bulk.choose')}
          disabled={phase === 'matching'}
          testId="bulk-drop"
        />
      )}
      {error && <ErrorNotice error={error} />}
      {rows.length > 0 && (
        <>
          <SimpleTable
            testId="bulk-invoices-table"
            compact={false}
            columns={[
              { header: t('invoices.bulk.colFile') },
              { header: t('invoices.bulk.colOrder') },
              { header: t('invoices.bulk.colWhat') },
            ]}
          >
            {rows.map((row, i) => (
              <tr key={`${i}-${row.file.name}`} data-testid={`bulk-row-${i}`} data-outcome={row.match.outcome}>
                <td className="file-name">{row.file.name}</td>
                {/* A file for an order outside the selection names that order too. */}
                <td>{row.match.target || row.match.candidates.length > 0 ? ordersText(row.match) : '—'}</td>
                <td data-testid={`bulk-state-${i}`} data-state={row.state}>
                  <WhatHappens row={row} />
                </td>
              </tr>
            ))}
          </SimpleTable>
          <p data-testid="bulk-summary" role="status">
            {phase === 'review'
              ? `${t('invoices.bulk.summary', { count: toAttach })}${skipped > 0 ? ` ${t('invoices.bulk.skippedCount', { count: skipped })}` : ''}`
              : t('invoices.bulk.progress', {
                  sent: count('sent'),
                  pending: count('waiting', 'uploading', 'pending'),
                  failed: count('failed', 'error'),
                  skipped,
                })}
          </p>
        </>
      )}
      <div className="form-actions">
        {phase === 'review' && (
          <button
            type="button"
            className="btn"
            onClick={() => useBulkInvoices.getState().reset()}
            data-testid="bulk-reset"
          >
            {t('invoices.bulk.other')}
          </button>
        )}
        <button type="button" className="btn" onClick={onClose} data-testid="bulk-close">
          {phase === 'done' || phase === 'running' ? t('common.close') : t('common.cancel')}
        </button>
        {phase === 'review' && (
          <button
            type="button"
            className="btn btn-primary"
            disabled={toAttach === 0}
            onClick={() => void useBulkInvoices.getState().run()}
            data-testid="bulk-confirm"
          >
            {t('invoices.bulk.confirm', { count: toAttach })}
          </button>
        )}
      </div>
    </Dialog>
  );
}
