// The head and the filters the offers and returns screens share: the title with the list's total, then a search,
// a status choice and an account choice, each bound to the list's paged store.
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format/money';
import type { PagedStore } from '../stores/paged';
import { AccountFilter } from './AccountFilter';
import { FilterBar, listChoice, SearchField, useDebouncedSearch } from './FilterBar';
import { SelectField } from './SelectField';
import { useLanguage } from './useLanguage';

/**
 * A list screen's name: its locale namespace (`<name>.title`, `<name>.total`, `<name>.searchPlaceholder`,
 * `<name>.col.status`, `<name>.col.account`, `<name>.status.<code>`) and the prefix of its test ids.
 */
export type PagedListName = 'offers' | 'returns';

/** What the shared filters set on a list's query. */
export interface StatusAccountQuery {
  search?: string;
  statuses?: number[];
  accountIds?: number[];
}

/** The title (labelling the screen's section as `<name>-title`) and the total once the first page came. */
export function PagedListHead({ name, total, loaded }: { name: PagedListName; total: number; loaded: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div className="page-head">
      <h1 id={`${name}-title`}>{t(`${name}.title`)}</h1>
      <span className="muted" data-testid={`${name}-total`}>
        {loaded ? t(`${name}.total`, { count: total, formatted: formatNumber(total, language) }) : ''}
      </span>
    </div>
  );
}

/** Search (debounced), one status (in the order given) and one account, written to the store's query. */
export function StatusAccountFilters<T, Q extends StatusAccountQuery>({
  name,
  store,
  statuses,
}: {
  name: PagedListName;
  store: PagedStore<T, Q>;
  statuses: readonly number[];
}) {
  const { t } = useTranslation();
  const query = store((s) => s.query);
  const setQuery = (patch: StatusAccountQuery) => store.getState().setQuery(patch as Partial<Q>);
  const [search, setSearch] = useDebouncedSearch(
    query.search,
    () => store.getState().query.search,
    (value) => setQuery({ search: value }),
  );
  return (
    <FilterBar search>
      <SearchField
        label={t('orders.search')}
        value={search}
        placeholder={t(`${name}.searchPlaceholder`)}
        onChange={setSearch}
        testId={`${name}-search`}
      />
      <SelectField
        label={t(`${name}.col.status`)}
        {...listChoice(query.statuses, (chosen) => setQuery({ statuses: chosen }))}
        emptyOption={t('common.all')}
        options={statuses.map((s) => ({ value: s, label: t(`${name}.status.${s}`) }))}
        testId={`${name}-filter-status`}
      />
      <AccountFilter
        label={t(`${name}.col.account`)}
        {...listChoice(query.accountIds, (accountIds) => setQuery({ accountIds }))}
        testId={`${name}-filter-account`}
      />
    </FilterBar>
  );
}
