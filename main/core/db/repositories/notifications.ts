// The in-app notification feed.
import type { AppNotification, NotificationKind } from '../../../../shared/domain';
import type { Clock } from '../../clock';
import type { Db } from '../open';

interface NotificationRow {
  id: number;
  kind: string;
  title: string;
  body: string;
  account_id: number | null;
  order_id: number | null;
  read: number;
  created_at: string;
}

const toNotification = (row: NotificationRow): AppNotification => ({
  id: row.id,
  kind: row.kind as NotificationKind,
  title: row.title,
  body: row.body,
  accountId: row.account_id,
  orderId: row.order_id,
  read: row.read === 1,
  createdAt: row.created_at,
});

export interface NewNotification {
  kind: NotificationKind;
  title: string;
  body: string;
  accountId?: number | null;
  orderId?: number | null;
}

export function notificationsRepository(db: Db, clock: Clock) {
  const insert = db.prepare(
    `INSERT INTO notifications (kind, title, body, account_id, order_id, created_at)
     VALUES (@kind, @title, @body, @accountId, @orderId, @createdAt)`,
  );
  const byId = db.prepare<[number], NotificationRow>('SELECT * FROM notifications WHERE id = ?');
  const unread = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM notifications WHERE read = 0');

  return {
    add(input: NewNotification): AppNotification {
      const info = insert.run({
        ...input,
        accountId: input.accountId ?? null,
        orderId: input.orderId ?? null,
        createdAt: clock.now().toISOString(),
      });
      return toNotification(byId.get(Number(info.lastInsertRowid))!);
    },
    list(options: { unreadOnly?: boolean; limit?: number } = {}): AppNotification[] {
      return db
        .prepare<[number], NotificationRow>(
          `SELECT * FROM notifications ${options.unreadOnly ? 'WHERE read = 0' : ''} ORDER BY id DESC LIMIT ?`,
        )
        .all(options.limit ?? 100)
        .map(toNotification);
    },
    unreadCount: (): number => unread.get()!.n,
    markRead(ids: readonly number[] | 'all'): number {
      if (ids === 'all') return db.prepare('UPDATE notifications SET read = 1 WHERE read = 0').run().changes;
      const mark = db.prepare<[number]>('UPDATE notifications SET read = 1 WHERE id = ?');
      return db.transaction(() => ids.reduce((n, id) => n + mark.run(id).changes, 0))();
    },
    deleteOlderThan(before: Date): number {
      return db.prepare('DELETE FROM notifications WHERE created_at < ?').run(before.toISOString()).changes;
    },
  };
}

export type NotificationsRepository = ReturnType<typeof notificationsRepository>;
