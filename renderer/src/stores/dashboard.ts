// The dashboard's figures: counts, revenue and orders per day, re-read from main when an event says they changed.
import { create } from 'zustand';
import type { DashboardView } from '../../../shared/views';
import { call } from '../api/client';
import { CallError } from '../api/errors';
import { useSync } from './sync';
import { useHealth } from './health';
import { oncePerTurn } from './oncePerTurn';

interface DashboardState {
  view: DashboardView | null;
  error: CallError | null;
  loading: boolean;
  load(): Promise<void>;
}

export const useDashboard = create<DashboardState>()((set) => ({
  view: null,
  error: null,
  loading: false,
  // Sent once when the Dashboard screen mounts (StrictMode mounts it twice in development).
  load: oncePerTurn(async () => {
    set({ loading: true });
    try {
      const view = await call('dashboard.get');
      set({ view, error: null, loading: false });
      // The dashboard answer also carries the freshest sync state and health; share them.
      useSync.getState().setState(view.sync);
      useHealth.getState().setReport(view.health);
    } catch (error) {
      set({ error: CallError.from(error), loading: false });
    }
  }),
}));
