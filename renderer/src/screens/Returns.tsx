// Returns (issue 18): the return requests eMAG sent (RMA), filtered by status, account or text; a return opens in a
// panel with its products, the statuses MagFlow saw, a link to its order and the status changes eMAG allows now.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReturnSummary } from '../../../shared/returns';
import { useActionFailureText } from '../components/ActionFailure';
import { Dialog } from '../components/Dialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { PagedListHead, StatusAccountFilters } from '../components/PagedListParts';
import { DateTime } from '../components/Formatted';
import { SimpleTable } from '../components/SimpleTable';
import { useGuardedCall } from '../components/useGuardedCall';
import { CellText, VirtualTable, type Column } from '../components/VirtualTable';
import { call } from '../api/client';
import { useNavigation } from '../stores/navigation';
import { useFirstVisitLoad } from '../stores/paged';
import { useReturnDetail, useReturns } from '../stores/returns';

const STATUSES = [2, 3, 6, 7, 4, 5, 1];

/** Open returns get a colour: the seller has something to do (2 new) or to follow (3, 6); refused in red. */
const statusClass = (status: number): string =>
  status === 2
    ? ' level-degraded'
    : status === 3 || status === 6
      ? ' run-running'
      : status === 7
        ? ' level-ok'
        : status === 4
          ? ' level-failing'
          : '';

export function ReturnStatusBadge({ status }: { status: number }) {
  const { t } = useTranslation();
  return (
    <span className={`badge${statusClass(status)}`} data-testid={`return-status-${status}`}>
      {t(`returns.status.${status}`, { defaultValue: String(status) })}
    </span>
  );
}

export function ReturnsScreen() {
  const { t } = useTranslation();
  const returns = useReturns();
  const openReturn = useReturnDetail((s) => s.open);

  useFirstVisitLoad(useReturns);

  const columns: Column<ReturnSummary>[] = useMemo(
    () => [
      {
        id: 'emagId',
        header: t('returns.col.emagId'),
        width: '110px',
        render: (r) => <span className="num">{r.emagId}</span>,
      },
      {
        id: 'date',
        header: t('returns.col.date'),
        width: '150px',
        render: (r) => <DateTime value={r.date} />,
      },
      {
        id: 'status',
        header: t('returns.col.status'),
        width: '130px',
        render: (r) => <ReturnStatusBadge status={r.status} />,
      },
      {
        id: 'order',
        header: t('returns.col.order'),
        width: '110px',
        render: (r) => <span className="num">{r.orderId ?? '—'}</span>,
      },
      {
        id: 'customer',
        header: t('returns.col.customer'),
        width: 'minmax(140px, 1fr)',
        render: (r) => <CellText text={r.customerName} />,
      },
      {
        id: 'product',
        header: t('returns.col.product'),
        width: 'minmax(200px, 2fr)',
        render: (r) => (
          <CellText
            text={
              r.products > 1
                ? t('returns.moreProducts', { name: r.firstProduct ?? '', count: r.products - 1 })
                : r.firstProduct
            }
          />
        ),
      },
      {
        id: 'type',
        header: t('returns.col.returnType'),
        width: '150px',
        render: (r) => (
          <CellText
            text={
              r.returnType === null
                ? null
                : t(`returns.returnType.${r.returnType}`, { defaultValue: String(r.returnType) })
            }
          />
        ),
      },
      {
        id: 'account',
        header: t('returns.col.account'),
        width: 'minmax(90px, 1fr)',
        render: (r) => <CellText text={r.account} />,
      },
    ],
    [t],
  );

  return (
    <section className="page page-fill" data-testid="screen-returns" aria-labelledby="returns-title">
      <PagedListHead name="returns" total={returns.total} loaded={returns.loaded} />
      <StatusAccountFilters name="returns" store={useReturns} statuses={STATUSES} />
      {returns.error && <ErrorNotice error={returns.error} onRetry={() => void returns.refresh()} />}
      <VirtualTable
        label={t('returns.title')}
        columns={columns}
        count={returns.total}
        rowAt={returns.rowAt}
        ensureRange={returns.ensureRange}
        rowKey={(r) => `${r.accountId}-${r.emagId}`}
        rowTestId={(r) => `return-row-${r.accountId}-${r.emagId}`}
        onOpen={(r) => void openReturn(r.accountId, r.emagId)}
        emptyText={t('returns.empty')}
        loaded={returns.loaded}
        testId="returns-table"
      />
      <ReturnDetailPanel />
    </section>
  );
}

function ReturnDetailPanel() {
  const { t } = useTranslation();
  const failureText = useActionFailureText();
  const { key, detail, error, close, reload } = useReturnDetail();
  const navigate = useNavigation((s) => s.navigate);
  const action = useGuardedCall();
  if (!key) return null;

  async function changeStatus(status: number) {
    if (!key) return;
    const ok = await action.guard(() => call('returns.changeStatus', { ...key, status }));
    if (ok) await reload();
  }

  return (
    <Dialog title={t('returns.detailTitle', { id: key.emagId })} onClose={close} testId="return-detail">
      {error && <ErrorNotice error={error} onRetry={() => void reload()} />}
      {!detail && !error && <p className="muted">{t('common.loading')}</p>}
      {detail && (
        <div className="return-detail">
          <dl className="return-facts">
            <dt>{t('returns.col.status')}</dt>
            <dd>
              <ReturnStatusBadge status={detail.status} />
            </dd>
            <dt>{t('returns.col.date')}</dt>
            <dd>
              <DateTime value={detail.date} />
            </dd>
            <dt>{t('returns.col.customer')}</dt>
            <dd>{detail.customerName ?? '—'}</dd>
            <dt>{t('returns.col.returnType')}</dt>
            <dd>
              {detail.returnType === null
                ? '—'
                : t(`returns.returnType.${detail.returnType}`, { defaultValue: String(detail.returnType) })}
            </dd>
            <dt>{t('returns.pickupMethod')}</dt>
            <dd>
              {detail.pickupMethod === null
                ? '—'
                : t(`returns.pickup.${detail.pickupMethod}`, { defaultValue: String(detail.pickupMethod) })}
            </dd>
            <dt>{t('returns.col.order')}</dt>
            <dd>
              {detail.orderId === null ? (
                '—'
              ) : (
                <button
                  type="button"
                  className="link-button"
                  data-testid="return-open-order"
                  onClick={() => {
                    close();
                    navigate({ screen: 'order', accountId: detail.accountId, orderId: detail.orderId! });
                  }}
                >
                  {t('returns.openOrder', { id: detail.orderId })}
                </button>
              )}
            </dd>
          </dl>
          <h3>{t('returns.products')}</h3>
          <SimpleTable
            columns={[
              { header: t('returns.col.product') },
              { header: t('returns.quantity'), align: 'right' },
              { header: t('returns.reason') },
              { header: t('returns.observations') },
            ]}
            testId="return-products"
          >
            {detail.lines.map((line, i) => (
              <tr key={i}>
                <td>{line.name ?? line.partNumberKey ?? '—'}</td>
                <td className="align-right">{line.quantity ?? '—'}</td>
                <td>{line.returnReason ?? '—'}</td>
                <td>{line.observations ?? '—'}</td>
              </tr>
            ))}
          </SimpleTable>
          <h3>{t('returns.history')}</h3>
          <ol className="return-history" data-testid="return-history">
            {detail.history.map((step, i) => (
              <li key={i}>
                <ReturnStatusBadge status={step.status} /> <DateTime value={step.at} />
              </li>
            ))}
          </ol>
          {detail.actions.length > 0 && (
            <>
              <h3>{t('returns.actions')}</h3>
              <ul className="return-actions" data-testid="return-actions">
                {detail.actions.map((a) => {
                  const why = failureText(a.failure, a.lastError);
                  return (
                    <li key={a.id}>
                      {t('returns.askedStatus', { status: t(`returns.status.${String(a.payload.status)}`) })} ·{' '}
                      {t(`returns.actionState.${a.state}`)}
                      {why && <span data-testid={`return-action-error-${a.id}`}>{` · ${why}`}</span>}
                    </li>
                  );
                })}
              </ul>
            </>
          )}
          {action.error && <ErrorNotice error={action.error} />}
          <div className="return-buttons">
            {detail.allowedStatuses.length === 0 ? (
              <p className="muted" data-testid="return-no-actions">
                {detail.type === 2 ? t('returns.fbeNoActions') : t('returns.noActions')}
              </p>
            ) : (
              detail.allowedStatuses.map((status) => (
                <button
                  key={status}
                  type="button"
                  className={status === 4 || status === 5 ? 'btn' : 'btn btn-primary'}
                  disabled={action.busy}
                  data-testid={`return-set-${status}`}
                  onClick={() => void changeStatus(status)}
                >
                  {t(`returns.setStatus.${status}`)}
                </button>
              ))
            )}
          </div>
          <p className="muted small">{t('returns.outboxHint')}</p>
        </div>
      )}
    </Dialog>
  );
}
