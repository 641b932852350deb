// The in-app notification feed and its unread count; new ones arrive by event, reads go to main.
import { create } from 'zustand';
import type { AppNotification } from '../../../shared/domain';
import { call } from '../api/client';
import { CallError } from '../api/errors';
import { oncePerTurn } from './oncePerTurn';

const FEED_LIMIT = 200;

interface NotificationsState {
  rows: AppNotification[];
  unread: number;
  loaded: boolean;
  error: CallError | null;
  load(): Promise<void>;
  add(notification: AppNotification): void;
  markRead(ids: number[]): Promise<void>;
  markAllRead(): Promise<void>;
}

export const useNotifications = create<NotificationsState>()((set, get) => ({
  rows: [],
  unread: 0,
  loaded: false,
  error: null,
  // The window (for the unread count) and the feed's screen (when the window opens on it) both ask: sent once.
  load: oncePerTurn(async () => {
    try {
      const { rows, unread } = await call('notifications.list', { limit: FEED_LIMIT });
      set({ rows, unread, loaded: true, error: null });
    } catch (error) {
      set({ error: CallError.from(error), loaded: true });
    }
  }),
  add(notification) {
    if (get().rows.some((n) => n.id === notification.id)) return;
    set((s) => ({
      rows: [notification, ...s.rows].slice(0, FEED_LIMIT),
      unread: s.unread + (notification.read ? 0 : 1),
    }));
  },
  async markRead(ids) {
    const unreadIds = ids.filter((id) => get().rows.some((n) => n.id === id && !n.read));
    if (unreadIds.length === 0) return;
    const { unread } = await call('notifications.markRead', { ids: unreadIds });
    set((s) => ({ unread, rows: s.rows.map((n) => (unreadIds.includes(n.id) ? { ...n, read: true } : n)) }));
  },
  async markAllRead() {
    const { unread } = await call('notifications.markRead', { all: true });
    set((s) => ({ unread, rows: s.rows.map((n) => ({ ...n, read: true })) }));
  },
}));
