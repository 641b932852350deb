// What the Diagnostics screen shows: limiter buckets, breakers, cache stats, recent API errors, metrics text.
import { create } from 'zustand';
import type { DiagnosticsView } from '../../../shared/views';
import { call } from '../api/client';
import { CallError } from '../api/errors';

interface DiagnosticsState {
  view: DiagnosticsView | null;
  error: CallError | null;
  load(): Promise<void>;
}

export const useDiagnostics = create<DiagnosticsState>()((set) => ({
  view: null,
  error: null,
  async load() {
    try {
      set({ view: await call('diagnostics.get'), error: null });
    } catch (error) {
      set({ error: CallError.from(error) });
    }
  },
}));
