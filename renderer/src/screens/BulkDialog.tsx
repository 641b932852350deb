// The one confirmation of a bulk action (issue 16 §3, issue 17 §2): before anything is queued it says how many orders
// the action will reach and which are skipped and why (main decides with eMAG's rules), asks what the action needs (a
// cancellation's reason from eMAG's list; an AWB's parcels, with each account's saved pickup address), and once
// confirmed shows each order's result live: queued, sent, or failed with eMAG's reason.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CANCEL_REASONS, skipsByReason, type BulkOutcome } from '../../../shared/bulk';
import type { AwbSender } from '../../../shared/ipc';
import { useActionFailureText } from '../components/ActionFailure';
import { Dialog } from '../components/Dialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { InputField } from '../components/InputField';
import type { BulkChoice } from '../components/SelectionBar';
import { SelectField } from '../components/SelectField';
import { SimpleTable } from '../components/SimpleTable';
import { useApp } from '../stores/app';
import { rowCounts, useBulk, type BulkAsk, type BulkRow } from '../stores/bulk';
import type { OrderRef } from '../stores/selection';
import { parseParty, rememberedSender } from './awbSender';

/** The pickup address saved for each account of the selection (the AWB dialog remembers the last one per account). */
export function savedSenders(orders: readonly OrderRef[]): { accountId: number; sender: AwbSender }[] {
  const accounts = [...new Set(orders.map((o) => o.accountId))];
  return accounts.flatMap((accountId) => {
    const parsed = parseParty(rememberedSender(accountId));
    return 'party' in parsed ? [{ accountId, sender: parsed.party }] : [];
  });
}

const badgeClass: Record<BulkRow['state'], string> = {
  will_queue: 'bulk-pending',
  queued: 'bulk-pending',
  sent: 'bulk-sent',
  failed: 'bulk-failed',
  skipped: '',
  exported: 'bulk-sent',
};

export function RowResult({ row }: { row: BulkRow }) {
  const { t } = useTranslation();
  const failureText = useActionFailureText();
  const detail = row.reason ? t(`bulk.reason.${row.reason}`) : failureText(row.failure, row.message ?? null);
  return (
    <>
      <span className={`badge ${badgeClass[row.state]}`}>{t(`bulk.state.${row.state}`)}</span>
      {detail && <span className="notice-detail"> {detail}</span>}
    </>
  );
}

export function BulkDialog({ choice, orders, onClose }: { choice: BulkChoice; orders: OrderRef[]; onClose(): void }) {
  const { t } = useTranslation();
  const accounts = useApp((s) => s.accounts);
  const names = useMemo(() => new Map(accounts.map((a) => [a.id, a.name])), [accounts]);
  const { phase, rows, error } = useBulk();
  const [reason, setReason] = useState('');
  const [parcels, setParcels] = useState('1');
  const [weight, setWeight] = useState('1');
  const cancelling = choice.action === 'status' && choice.status === 0;

  const ask = useMemo((): BulkAsk => {
    const base = { action: choice.action, orders };
    if (choice.action === 'status') return { ...base, status: choice.status };
    if (choice.action === 'awb') return { ...base, awb: { senders: savedSenders(orders) } };
    return base;
  }, [choice, orders]);

  useEffect(() => {
    void useBulk.getState().preview(ask);
    return () => useBulk.getState().reset();
  }, [ask]);

  const counts = rowCounts(rows);
  const skips = skipsByReason(rows.map((r): BulkOutcome => ({ ...r, outcome: r.state as BulkOutcome['outcome'] })));
  const parcelsValue = Number(parcels);
  const weightValue = Number(weight.replace(',', '.'));
  const awbInvalid =
    choice.action === 'awb' &&
    (!Number.isInteger(parcelsValue) ||
      parcelsValue < 1 ||
      parcelsValue > 99 ||
      !(weightValue > 0 && weightValue <= 1000));
  const canConfirm =
    phase === 'preview' && counts.will_queue > 0 && !(cancelling && reason === '') && !awbInvalid && !error;

  function confirm() {
    const final: BulkAsk = {
      ...ask,
      ...(cancelling ? { cancelReason: Number(reason) } : {}),
      ...(choice.action === 'awb' && ask.awb
        ? { awb: { ...ask.awb, parcels: parcelsValue, weightKg: weightValue } }
        : {}),
    };
    void useBulk.getState().confirm(final);
  }

  const title =
    choice.action === 'status'
      ? t('bulk.title.status', { status: t(`orderStatus.${choice.status}`) })
      : t(`bulk.title.${choice.action}`);
  const ran = phase === 'running' || phase === 'done';

  return (
    <Dialog title={title} onClose={onClose} testId="bulk-dialog">
      <span className="bulk-invoices" hidden />
      {phase === 'previewing' && <p className="muted">{t('common.loading')}</p>}
      {error && <ErrorNotice error={error} />}
      {rows.length > 0 && (
        <>
          <div data-testid="bulk-plan" role="status">
            {!ran ? (
              <p>
                <strong>
                  {choice.action === 'status'
                    ? t('bulk.will.status', { count: counts.will_queue, status: t(`orderStatus.${choice.status}`) })
                    : t(`bulk.will.${choice.action}`, { count: counts.will_queue })}
                </strong>
              </p>
            ) : (
              <p data-testid="bulk-progress">
                {t('bulk.progress', {
                  sent: counts.sent,
                  pending: counts.queued,
                  failed: counts.failed,
                  skipped: counts.skipped,
                })}
              </p>
            )}
            {skips.length > 0 && (
              <ul className="bulk-skips" data-testid="bulk-skips">
                {skips.map((s) => (
                  <li key={s.reason} data-testid={`bulk-skip-${s.reason}`}>
                    {t('bulk.skipped', { count: s.count })}: {t(`bulk.reason.${s.reason}`)}
                  </li>
                ))}
              </ul>
            )}
          </div>
          {cancelling && !ran && (
            <SelectField
              label={t('bulk.cancelReason')}
              value={reason}
              onChange={setReason}
              emptyOption={t('bulk.chooseReason')}
              options={CANCEL_REASONS.map((r) => ({ value: r, label: t(`cancelOrder.reasons.${r}`) }))}
              testId="bulk-cancel-reason"
            />
          )}
          {choice.action === 'awb' && !ran && (
            <div className="form-row">
              <InputField
                label={t('bulk.parcels')}
                type="number"
                min={1}
                max={99}
                value={parcels}
                onChange={(e) => setParcels(e.target.value)}
                testId="bulk-awb-parcels"
              />
              <InputField
                label={t('bulk.weight')}
                inputMode="decimal"
                value={weight}
                onChange={(e) => setWeight(e.target.value)}
                testId="bulk-awb-weight"
              />
              <p className="muted">{t('bulk.awbHint')}</p>
            </div>
          )}
          <div className="bulk-table">
            <SimpleTable
              testId="bulk-table"
              columns={[
                { header: t('bulk.colOrder') },
                { header: t('orders.col.account') },
                { header: t('bulk.colWhat') },
              ]}
            >
              {rows.map((row) => (
                <tr key={`${row.accountId}-${row.orderId}`} data-testid={`bulk-order-${row.accountId}-${row.orderId}`}>
                  <td className="num">{row.orderId}</td>
                  <td>{names.get(row.accountId) ?? row.accountId}</td>
                  <td data-state={row.state} data-testid={`bulk-result-${row.accountId}-${row.orderId}`}>
                    <RowResult row={row} />
                  </td>
                </tr>
              ))}
            </SimpleTable>
          </div>
        </>
      )}
      <div className="form-actions">
        <button type="button" className="btn" onClick={onClose} data-testid="bulk-close">
          {ran ? t('common.close') : t('common.cancel')}
        </button>
        {!ran && (
          <button
            type="button"
            className={cancelling ? 'btn btn-danger' : 'btn btn-primary'}
            onClick={confirm}
            disabled={!canConfirm}
            data-testid="bulk-confirm"
          >
            {choice.action === 'status'
              ? t('bulk.confirm.status', { count: counts.will_queue, status: t(`orderStatus.${choice.status}`) })
              : t(`bulk.confirm.${choice.action}`, { count: counts.will_queue })}
          </button>
        )}
      </div>
    </Dialog>
  );
}
