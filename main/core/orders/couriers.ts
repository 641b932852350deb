// The courier accounts an AWB may use, as eMAG lists them for a seller account, cached for an hour.
import type { CourierAccount } from '../../../shared/domain';
import type { AppCache } from '../cache/appCache';
import { CACHE_KEYS, CACHE_TTL } from '../cache/entries';
import type { EmagClient, EmagCourierAccount } from '../emag';

/** eMAG's courier account → what the AWB dialog shows (a missing status counts as active). */
export const courierAccountOf = (accountId: number, c: EmagCourierAccount): CourierAccount => ({
  accountId,
  courierAccountId: c.account_id,
  displayName: c.account_display_name ?? c.courier_name ?? String(c.account_id),
  courierName: c.courier_name ?? '',
  type: c.courier_account_type ?? null,
  active: c.status === undefined || c.status === null || Number(c.status) === 1,
});

export function courierAccounts(deps: {
  cache: Pick<AppCache, 'wrap'>;
  clientFor(accountId: number): EmagClient;
}): (accountId: number) => Promise<CourierAccount[]> {
  return (accountId) =>
    deps.cache.wrap(CACHE_KEYS.courierAccounts(accountId), CACHE_TTL.courierAccounts, async () => {
      const list = await deps.clientFor(accountId).courierAccounts.read();
      return list.map((c) => courierAccountOf(accountId, c));
    });
}
