// Orders: the whole order book in a virtualized table paged from main, with filters, full-text search, sort and a
// CSV export of exactly what is shown. Orders that arrive while the window is open are highlighted.
import { acknowledgementOf } from '../../../shared/orderRules';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORDER_STATUSES, type OrderSummary } from '../../../shared/domain';
import { downloadText } from '../components/download';
import { AccountFilter } from '../components/AccountFilter';
import { ErrorNotice } from '../components/ErrorNotice';
import { InputField } from '../components/InputField';
import { FilterBar, listChoice, SearchField, useDebouncedSearch } from '../components/FilterBar';
import { SelectField } from '../components/SelectField';
import { DateTime, Money, PaymentLabel, StatusBadge } from '../components/Formatted';
import { useGuardedCall } from '../components/useGuardedCall';
import { useLanguage } from '../components/useLanguage';
import { CellText, toggledSort, VirtualTable, type Column } from '../components/VirtualTable';
import { platformZone } from '../format/dates';
import { formatNumber } from '../format/money';
import { useApp } from '../stores/app';
import { useNavigation } from '../stores/navigation';
import { useFirstVisitLoad } from '../stores/paged';
import { exportOrdersCsv, orderKey, useLiveOrders, useOrders, type OrderSortField } from '../stores/orders';
import { AccountCell } from './AccountCell';
import { BulkInvoicesButton } from './BulkInvoices';
import { OrdersBulk } from './OrdersBulk';
import { useOrdersSelection } from './ordersSelection';

export function OrdersScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const orders = useOrders();
  const fresh = useLiveOrders((s) => s.fresh);
  const accounts = useApp((s) => s.accounts);
  const navigate = useNavigation((s) => s.navigate);
  const zones = useMemo(() => new Map(accounts.map((a) => [a.id, platformZone(a.platform)])), [accounts]);
  const kinds = useMemo(() => new Map(accounts.map((a) => [a.id, a.kind])), [accounts]);

  useFirstVisitLoad(useOrders);
  const select = useOrdersSelection();

  const columns: Column<OrderSummary>[] = useMemo(
    () => [
      {
        id: 'id',
        header: t('orders.col.id'),
        width: '95px',
        sortField: 'id',
        priority: 1,
        render: (o) => <span className="num">{o.id}</span>,
      },
      {
        id: 'created',
        header: t('orders.col.date'),
        width: '145px',
        sortField: 'created',
        priority: 2,
        render: (o) => <DateTime value={o.created} zone={zones.get(o.accountId)} />,
      },
      {
        id: 'customer',
        header: t('orders.col.customer'),
        width: 'minmax(140px, 2fr)',
        sortField: 'customer',
        priority: 1,
        render: (o) => <CellText text={o.customer.name} tooltip />,
      },
      {
        id: 'locality',
        header: t('orders.col.locality'),
        width: 'minmax(100px, 1fr)',
        priority: 5,
        render: (o) => <CellText text={o.customer.locality} tooltip />,
      },
      {
        id: 'total',
        header: t('orders.col.total'),
        width: '115px',
        align: 'right',
        sortField: 'total',
        priority: 1,
        render: (o) => <Money minor={o.totalMinor} currency={o.currency} />,
      },
      {
        id: 'payment',
        header: t('orders.col.payment'),
        width: '130px',
        priority: 4,
        // "Cash on delivery" would wrap and spill out of the fixed-height row.
        render: (o) => (
          <span className="ellipsis">
            <PaymentLabel modeId={o.paymentModeId} />
          </span>
        ),
      },
      {
        id: 'status',
        header: t('orders.col.status'),
        width: '130px',
        sortField: 'status',
        priority: 1,
        render: (o) => <StatusBadge status={o.status} />,
      },
      {
        id: 'account',
        header: t('orders.col.account'),
        width: 'minmax(115px, 1fr)',
        priority: 1,
        render: (o) => <AccountCell name={o.account} kind={kinds.get(o.accountId)} />,
      },
      {
        id: 'ack',
        header: t('orders.col.acknowledged'),
        width: '110px',
        priority: 3,
        // The shared rule (docs/ui.md, "Acknowledgement"): the same answer as the detail, the CSV and the dashboard.
        render: (o) => {
          const ack = acknowledgementOf(o);
          return ack === 'acknowledged' ? (
            <span title={o.acknowledgedAt ?? undefined}>{t('common.yes')}</span>
          ) : ack === 'waiting' ? (
            <span className="warn-text">{t('common.no')}</span>
          ) : (
            <span className="muted" title={t('ack.notNeeded')}>
              —
            </span>
          );
        },
      },
    ],
    [t, zones, kinds],
  );

  const sort = orders.query.sort ?? { field: 'created', dir: 'desc' };

  function onSort(field: string) {
    orders.setQuery({ sort: toggledSort(sort, field as OrderSortField, 'desc') });
  }

  function open(o: OrderSummary) {
    useLiveOrders.getState().markSeen(o.accountId, o.id);
    navigate({ screen: 'order', accountId: o.accountId, orderId: o.id });
  }

  return (
    <section className="page page-fill" data-testid="screen-orders" aria-labelledby="orders-title">
      <div className="page-head">
        <h1 id="orders-title">{t('orders.title')}</h1>
        <div className="head-actions">
          <span className="muted" data-testid="orders-total" aria-live="polite">
            {orders.loaded
              ? t('orders.total', { count: orders.total, formatted: formatNumber(orders.total, language) })
              : ''}
          </span>
          <BulkInvoicesButton />
          <ExportButton />
        </div>
      </div>
      <OrderFilters />
      {orders.error && <ErrorNotice error={orders.error} onRetry={() => void orders.refresh()} />}
      <OrdersBulk />
      <VirtualTable
        label={t('orders.title')}
        columns={columns}
        count={orders.total}
        rowAt={orders.rowAt}
        ensureRange={orders.ensureRange}
        rowKey={(o) => orderKey(o.accountId, o.id)}
        rowTestId={(o) => `order-row-${o.accountId}-${o.id}`}
        rowClassName={(o) => (fresh[orderKey(o.accountId, o.id)] ? 'row-fresh' : '')}
        onOpen={open}
        sort={sort}
        onSort={onSort}
        emptyText={t('orders.empty')}
        loaded={orders.loaded}
        testId="orders-table"
        select={select}
        memoryKey="orders"
      />
    </section>
  );
}

function ExportButton() {
  const { t } = useTranslation();
  const { error, busy, guard } = useGuardedCall();
  const [done, setDone] = useState<number | null>(null);

  function exportCsv() {
    return guard(async () => {
      const file = await exportOrdersCsv();
      downloadText(file.filename, file.csv);
      setDone(file.rows);
    });
  }

  return (
    <>
      {done !== null && (
        <span className="muted" data-testid="export-done">
          {t('orders.exported', { count: done })}
        </span>
      )}
      <button type="button" className="btn" onClick={() => void exportCsv()} disabled={busy} data-testid="export-csv">
        {t('orders.export')}
      </button>
      {error && <ErrorNotice error={error} />}
    </>
  );
}

function OrderFilters() {
  const { t } = useTranslation();
  const query = useOrders((s) => s.query);
  const setQuery = useOrders((s) => s.setQuery);
  const resetQuery = useOrders((s) => s.resetQuery);
  const [search, setSearch] = useDebouncedSearch(
    query.search,
    () => useOrders.getState().query.search,
    (value) => setQuery({ search: value }),
  );

  return (
    <FilterBar search label={t('orders.filters')}>
      <SearchField
        label={t('orders.search')}
        value={search}
        placeholder={t('orders.searchPlaceholder')}
        onChange={setSearch}
        onEnter={() => setQuery({ search })}
        testId="orders-search"
      />
      <SelectField
        label={t('orders.col.status')}
        {...listChoice(query.statuses, (statuses) => setQuery({ statuses }))}
        emptyOption={t('common.all')}
        options={ORDER_STATUSES.map((s) => ({ value: s, label: t(`orderStatus.${s}`) }))}
        testId="filter-status"
      />
      <AccountFilter
        label={t('orders.col.account')}
        {...listChoice(query.accountIds, (accountIds) => setQuery({ accountIds }))}
        testId="filter-account"
      />
      <SelectField
        label={t('orders.col.payment')}
        {...listChoice(query.paymentModeIds, (paymentModeIds) => setQuery({ paymentModeIds }))}
        emptyOption={t('common.all')}
        options={[1, 2, 3].map((p) => ({ value: p, label: t(`payment.${p}`) }))}
        testId="filter-payment"
      />
      <InputField
        label={t('orders.from')}
        type="date"
        value={query.from ?? ''}
        onChange={(e) => setQuery({ from: e.target.value || undefined })}
        testId="filter-from"
      />
      <InputField
        label={t('orders.to')}
        type="date"
        value={query.to ?? ''}
        onChange={(e) => setQuery({ to: e.target.value || undefined })}
        testId="filter-to"
      />
      <button
        type="button"
        className="btn btn-ghost"
        onClick={() => {
          setSearch('');
          resetQuery();
        }}
        data-testid="filter-reset"
      >
        {t('orders.resetFilters')}
      </button>
    </FilterBar>
  );
}
