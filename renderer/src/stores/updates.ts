// MagFlow's own updates as Settings shows them: the status main reports (loaded once, then replaced by every
// update_status event) and the two things the seller can do, check now and restart to update.
import { create } from 'zustand';
import type { UpdateStatusView } from '../../../shared/updates';
import { call } from '../api/client';

interface UpdatesState {
  status: UpdateStatusView | null;
  load(): Promise<void>;
  apply(status: UpdateStatusView): void;
  check(): Promise<void>;
  install(): Promise<void>;
}

export const useUpdates = create<UpdatesState>()((set) => ({
  status: null,
  async load() {
    set({ status: await call('updates.status') });
  },
  apply: (status) => set({ status }),
  async check() {
    set({ status: await call('updates.check') });
  },
  async install() {
    set({ status: await call('updates.install') });
  },
}));
