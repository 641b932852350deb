// The last health report main produced; replaced whenever a health_changed event arrives.
import { create } from 'zustand';
import type { HealthReport } from '../../../shared/views';
import { call } from '../api/client';

interface HealthState {
  report: HealthReport | null;
  setReport(report: HealthReport): void;
  load(): Promise<void>;
}

export const useHealth = create<HealthState>()((set) => ({
  report: null,
  setReport: (report) => set({ report }),
  async load() {
    set({ report: await call('health.get') });
  },
}));
