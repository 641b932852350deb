// The first full import of an account: until it completes, stored orders are not announced one by one; when it
// completes, one "N orders imported" notification and one orders_imported event sum it up.
import type { Account } from '../../../shared/domain';
import type { Repositories } from '../db';
import type { JobContext } from './context';
import { notificationText } from './notificationText';

const flagKey = (accountId: number): string => `sync:first-import-done:${accountId}`;

/**
 * The flag holds the account's creation time, so an account id SQLite reuses after a removal starts fresh.
 */
export const isImported = (repos: Repositories, account: Account): boolean =>
  repos.settings.getValue(flagKey(account.id)) === account.createdAt;

/** Marks the import done and writes its summary in one transaction; then announces it. */
export function completeFirstImport(ctx: JobContext, account: Account): void {
  const { repos, bus } = ctx.deps;
  const lang = ctx.deps.settings().language;
  const { count, notification } = repos.transaction(() => {
    repos.settings.setValue(flagKey(account.id), account.createdAt);
    const count = repos.orders.countByAccount(account.id);
    const text = notificationText.ordersImported(lang, account.name, count);
    const notification =
      count > 0 ? repos.notifications.add({ kind: 'orders_imported', ...text, accountId: account.id }) : null;
    return { count, notification };
  });
  ctx.logger.info('first import complete', { orders: count });
  if (count > 0) bus.emit({ type: 'orders_imported', accountId: account.id, account: account.name, count });
  if (notification) bus.emit({ type: 'notification_added', notification });
}
