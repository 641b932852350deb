// Aggregates for the dashboard: counts by account and status, revenue, orders per day.
import type { OrderStatus } from '../../../../shared/domain';
import type { AccountOrderCounts, OrdersPerDay, RevenueTotal } from '../../../../shared/views';
import { WAITING_FOR_ACK_SQL } from '../../../../shared/orderRules';
import type { Db } from '../open';

export interface OrderStats {
  counts: AccountOrderCounts[];
  revenue: RevenueTotal[];
  ordersPerDay: OrdersPerDay[];
}

const emptyByStatus = (): Record<OrderStatus, number> => ({ 0: 0, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 });

/** Calendar days before `day` ('YYYY-MM-DD'), oldest first, `count` of them ending with `day`. */
function lastDays(day: string, count: number): string[] {
  const end = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  return Array.from({ length: count }, (_, i) =>
    new Date(end - (count - 1 - i) * 86_400_000).toISOString().slice(0, 10),
  );
}

export function statsRepository(db: Db) {
  const byStatus = db.prepare<[], { account_id: number; account: string; status: number; n: number }>(
    `SELECT a.id AS account_id, a.name AS account, o.status, count(o.key) AS n
     FROM accounts a LEFT JOIN orders o ON o.account_id = a.id
     GROUP BY a.id, o.status ORDER BY a.id`,
  );
  // Waiting for the seller's acknowledgement: the shared rule (FBE orders never count, docs/ui.md).
  const unacknowledged = db.prepare<[], { account_id: number; n: number }>(
    `SELECT account_id, count(*) AS n FROM orders WHERE ${WAITING_FOR_ACK_SQL} GROUP BY account_id`,
  );
  // Canceled (0) and returned (5) orders bring no revenue. The month is a created_at range (not substr) so the
  // orders_by_created index finds its rows instead of a scan of every orders row (docs/performance.md, §4).
  const revenue = db.prepare<[string, string, string], { currency: string; today: number; month: number }>(
    `SELECT currency,
            sum(CASE WHEN substr(created_at, 1, 10) = ? THEN total_minor ELSE 0 END) AS today,
            sum(total_minor) AS month
     FROM orders WHERE status NOT IN (0, 5) AND created_at >= ? AND created_at < ? GROUP BY currency ORDER BY currency`,
  );
  const perDay = db.prepare<[string, string], { day: string; n: number }>(
    `SELECT substr(created_at, 1, 10) AS day, count(*) AS n FROM orders
     WHERE created_at >= ? AND created_at <= ? GROUP BY day`,
  );

  return {
    /** `today` is the platform-local date 'YYYY-MM-DD'. */
    orderStats(today: string): OrderStats {
      const counts = new Map<number, AccountOrderCounts>();
      for (const row of byStatus.all()) {
        const entry = counts.get(row.account_id) ?? {
          accountId: row.account_id,
          account: row.account,
          byStatus: emptyByStatus(),
          unacknowledged: 0,
        };
        if (row.status !== null) entry.byStatus[row.status as OrderStatus] = row.n;
        counts.set(row.account_id, entry);
      }
      for (const row of unacknowledged.all()) {
        const entry = counts.get(row.account_id);
        if (entry) entry.unacknowledged = row.n;
      }
      const days = lastDays(today, 30);
      const found = new Map(perDay.all(`${days[0]} 00:00:00`, `${today} 23:59:59`).map((r) => [r.day, r.n]));
      return {
        counts: [...counts.values()],
        revenue: revenue
          // 'YYYY-MM-01' up to (not including) 'YYYY-MM-32': every created_at of that month, as text.
          .all(today, `${today.slice(0, 7)}-01`, `${today.slice(0, 7)}-32`)
          .map((r) => ({ currency: r.currency, todayMinor: r.today, monthMinor: r.month })),
        ordersPerDay: days.map((day) => ({ day, count: found.get(day) ?? 0 })),
      };
    },
  };
}

export type StatsRepository = ReturnType<typeof statsRepository>;
