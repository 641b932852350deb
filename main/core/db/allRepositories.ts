// Every repository behind one typed object, plus the transaction and the database-wide pragmas they share.
import type { Clock } from '../clock';
import { accountHealthRepository } from './repositories/accountHealth';
import { accountsRepository } from './repositories/accounts';
import { cursorsRepository } from './repositories/cursors';
import { needsAttentionRepository } from './repositories/needsAttention';
import { notificationsRepository } from './repositories/notifications';
import { offerEditsRepository } from './repositories/offerEdits';
import { offerLowStockRepository } from './repositories/offerLowStock';
import { offersRepository } from './repositories/offers';
import { ordersRepository } from './repositories/orders';
import { outboxRepository } from './repositories/outbox';
import { returnsRepository } from './repositories/returns';
import { settingsRepository } from './repositories/settings';
import { statsRepository } from './repositories/stats';
import { syncRunsRepository } from './repositories/syncRuns';
import { todayRepository } from './repositories/today';
import type { Db } from './open';

export function createRepositories(db: Db, clock: Clock) {
  return {
    accounts: accountsRepository(db, clock),
    orders: ordersRepository(db, clock),
    offers: offersRepository(db, clock),
    offerEdits: offerEditsRepository(db, clock),
    offerLowStock: offerLowStockRepository(db),
    returns: returnsRepository(db, clock),
    accountHealth: accountHealthRepository(db),
    syncRuns: syncRunsRepository(db, clock),
    cursors: cursorsRepository(db, clock),
    outbox: outboxRepository(db, clock),
    notifications: notificationsRepository(db, clock),
    needsAttention: needsAttentionRepository(db, clock),
    settings: settingsRepository(db),
    stats: statsRepository(db),
    today: todayRepository(db),
    /** Runs `work` in one transaction (several repositories, all or nothing). */
    transaction: <T>(work: () => T): T => db.transaction(work).immediate(),
    /** PRAGMA quick_check: 'ok' or the problems found. */
    quickCheck: (): string => String(db.pragma('quick_check', { simple: true })),
    optimize: (): void => {
      db.pragma('optimize');
      db.pragma('wal_checkpoint(TRUNCATE)');
    },
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
