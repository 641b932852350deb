// Offers: the seller's products on eMAG (price, stock, status, validation) in a virtualized table with search.
import { offerStateOf, type OfferState } from '../../../shared/offerState';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Offer } from '../../../shared/domain';
import { ErrorNotice } from '../components/ErrorNotice';
import { PagedListHead, StatusAccountFilters } from '../components/PagedListParts';
import { useLanguage } from '../components/useLanguage';
import { CellText, toggledSort, VirtualTable, type Column } from '../components/VirtualTable';
import { formatDecimalMoney } from '../format/money';
import { useOffers } from '../stores/offers';
import { useFirstVisitLoad } from '../stores/paged';
import { OfferBulkBar, type SelectedOffer } from './OfferBulkBar';
import { EditBadge, OfferEditor } from './OfferEditor';

type OfferSortField = 'name' | 'price' | 'stock' | 'updated';

/** The status choice's order: active, inactive, end of life. */
const OFFER_STATUSES = [1, 0, 2];

const OFFER_STATE_LEVEL: Record<OfferState, string> = {
  active: ' level-ok',
  'out-of-stock': ' level-degraded',
  inactive: '',
  'end-of-life': '',
  unknown: '',
};

export function OffersScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const offers = useOffers();

  useFirstVisitLoad(useOffers);
  // Offer editing: the offers ticked for a bulk edit, and the one open in the editor.
  const [selected, setSelected] = useState<Map<string, SelectedOffer>>(new Map());
  const [editing, setEditing] = useState<SelectedOffer | null>(null);
  const toggle = (o: Offer, on: boolean) =>
    setSelected((was) => {
      const next = new Map(was);
      if (on) next.set(`${o.accountId}-${o.id}`, { accountId: o.accountId, id: o.id });
      else next.delete(`${o.accountId}-${o.id}`);
      return next;
    });

  const columns: Column<Offer>[] = useMemo(
    () => [
      {
        id: 'select',
        header: '',
        width: '36px',
        render: (o) => (
          <input
            type="checkbox"
            aria-label={t('offerEdit.select', { name: o.name })}
            checked={selected.has(`${o.accountId}-${o.id}`)}
            onChange={(e) => toggle(o, e.target.checked)}
            data-testid={`offer-select-${o.accountId}-${o.id}`}
          />
        ),
      },
      {
        id: 'partNumber',
        header: t('offers.col.partNumber'),
        width: '140px',
        render: (o) => <CellText text={o.partNumber} />,
      },
      {
        id: 'pnk',
        header: t('offers.col.pnk'),
        width: '120px',
        render: (o) => <CellText text={o.partNumberKey} />,
      },
      {
        id: 'name',
        header: t('offers.col.name'),
        width: 'minmax(200px, 3fr)',
        sortField: 'name',
        render: (o) => <CellText text={o.name} />,
      },
      {
        id: 'price',
        header: t('offers.col.price'),
        width: '120px',
        align: 'right',
        sortField: 'price',
        render: (o) => <span className="num">{formatDecimalMoney(o.salePrice, o.currency, language)}</span>,
      },
      {
        id: 'stock',
        header: t('offers.col.stock'),
        width: '80px',
        align: 'right',
        sortField: 'stock',
        render: (o) => (
          <span className="num">
            {o.lowStock && (
              <span
                className="badge state-failed offer-low"
                title={t('offerEdit.lowStock')}
                data-testid="offer-low-stock"
              >
                !
              </span>
            )}
            {o.stock ?? '—'}
          </span>
        ),
      },
      {
        id: 'edits',
        header: t('offerEdit.editsCol'),
        width: 'minmax(240px, 2fr)',
        render: (o) => (
          <span className="offer-edits">
            {(o.edits ?? []).map((edit) => (
              <EditBadge key={edit.actionId} edit={edit} />
            ))}
            <button
              type="button"
              className="btn btn-ghost btn-small"
              onClick={() => setEditing({ accountId: o.accountId, id: o.id })}
              data-testid={`offer-edit-${o.accountId}-${o.id}`}
            >
              {t('offerEdit.edit')}
            </button>
          </span>
        ),
      },
      {
        id: 'status',
        header: t('offers.col.status'),
        width: '140px', // room for "Sfârșit de viață"
        // From status and stock together (shared/offerState): stock 59 is never "out of stock", stock 0 never "active".
        render: (o) => {
          const state = offerStateOf(o);
          return state === 'unknown' ? (
            '—'
          ) : (
            <span className={`badge${OFFER_STATE_LEVEL[state]}`} data-state={state}>
              {t(`offerState.${state}`)}
            </span>
          );
        },
      },
      {
        id: 'validation',
        header: t('offers.col.validation'),
        width: 'minmax(120px, 1fr)',
        render: (o) => (
          <span className="ellipsis" title={o.validationText ?? undefined}>
            {o.validationText ?? o.validationStatus ?? '—'}
          </span>
        ),
      },
      {
        id: 'account',
        header: t('offers.col.account'),
        width: 'minmax(90px, 1fr)',
        render: (o) => <CellText text={o.account} />,
      },
    ],
    [t, language, selected],
  );

  const sort = offers.query.sort ?? { field: 'name', dir: 'asc' };

  return (
    <section className="page page-fill" data-testid="screen-offers" aria-labelledby="offers-title">
      <PagedListHead name="offers" total={offers.total} loaded={offers.loaded} />
      <StatusAccountFilters name="offers" store={useOffers} statuses={OFFER_STATUSES} />
      {selected.size > 0 && <OfferBulkBar selected={[...selected.values()]} onClear={() => setSelected(new Map())} />}
      {editing && (
        <OfferEditor
          accountId={editing.accountId}
          offerId={editing.id}
          onClose={() => {
            setEditing(null);
            void offers.refresh();
          }}
        />
      )}
      {offers.error && <ErrorNotice error={offers.error} onRetry={() => void offers.refresh()} />}
      <VirtualTable
        label={t('offers.title')}
        columns={columns}
        count={offers.total}
        rowAt={offers.rowAt}
        ensureRange={offers.ensureRange}
        rowKey={(o) => `${o.accountId}-${o.id}`}
        rowTestId={(o) => `offer-row-${o.accountId}-${o.id}`}
        sort={sort}
        onSort={(field) => offers.setQuery({ sort: toggledSort(sort, field as OfferSortField, 'asc') })}
        emptyText={t('offers.empty')}
        loaded={offers.loaded}
        testId="offers-table"
      />
    </section>
  );
}
