// The today queue (issue 17 §1): read from main when the screen opens and again after events that change it
// (stores/events.ts); at start-up it decides whether the window opens on it.
import { create } from 'zustand';
import type { TodayQueue } from '../../../shared/today';
import { call } from '../api/client';
import { CallError } from '../api/errors';
import { oncePerTurn } from './oncePerTurn';
import { useNavigation } from './navigation';

interface TodayState {
  queue: TodayQueue | null;
  error: CallError | null;
  loading: boolean;
  load(): Promise<void>;
  /** At start-up, on no particular screen (no hash): open the queue when something waits on the seller. */
  openIfWork(hash: string): Promise<void>;
}

export const useToday = create<TodayState>()((set, get) => ({
  queue: null,
  error: null,
  loading: false,
  load: oncePerTurn(async () => {
    set({ loading: true });
    try {
      set({ queue: await call('today.get', {}), error: null, loading: false });
    } catch (error) {
      set({ error: CallError.from(error), loading: false });
    }
  }),
  async openIfWork(hash) {
    if (hash !== '' && hash !== '#' && hash !== '#/') return;
    await get().load();
    const queue = get().queue;
    // Only when the seller has not gone elsewhere meanwhile.
    if (queue && queue.counts.total > 0 && useNavigation.getState().route.screen === 'dashboard')
      useNavigation.getState().navigate({ screen: 'today' });
  },
}));
