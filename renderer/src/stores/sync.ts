// Sync state per job and account (running, progress, last run, next run) and the history of runs.
import { create } from 'zustand';
import type { JobName, RunStatus, SyncRun } from '../../../shared/domain';
import type { SyncProgressEvent } from '../../../shared/events';
import type { JobStateView, SyncStateView } from '../../../shared/views';
import { call } from '../api/client';
import { CallError } from '../api/errors';

export interface RunsFilter {
  job?: JobName;
  accountId?: number;
  status?: RunStatus;
}

const RUNS_LIMIT = 200;

interface SyncState {
  state: SyncStateView | null;
  runs: SyncRun[];
  runsTotal: number;
  runsFilter: RunsFilter;
  runsError: CallError | null;
  /** True between "Sync now" and main's answer, so the button cannot be pressed twice. */
  triggering: boolean;
  setState(state: SyncStateView): void;
  load(): Promise<void>;
  syncNow(accountId?: number): Promise<number>;
  setPaused(paused: boolean): Promise<void>;
  loadRuns(filter?: RunsFilter): Promise<void>;
  applyProgress(event: SyncProgressEvent): void;
  applyFinished(run: SyncRun): void;
}

const sameJob = (j: JobStateView, job: JobName, accountId: number | null) => j.job === job && j.accountId === accountId;

function matchesFilter(run: SyncRun, f: RunsFilter): boolean {
  return (
    (f.job === undefined || run.job === f.job) &&
    (f.accountId === undefined || run.accountId === f.accountId) &&
    (f.status === undefined || run.status === f.status)
  );
}

export const useSync = create<SyncState>()((set, get) => ({
  state: null,
  runs: [],
  runsTotal: 0,
  runsFilter: {},
  runsError: null,
  triggering: false,
  setState: (state) => set({ state }),
  async load() {
    set({ state: await call('sync.state') });
  },
  async syncNow(accountId) {
    set({ triggering: true });
    try {
      const { triggered } = await call('sync.now', accountId === undefined ? {} : { accountId });
      return triggered;
    } finally {
      set({ triggering: false });
    }
  },
  async setPaused(paused) {
    set({ state: await call(paused ? 'sync.pause' : 'sync.resume') });
  },
  async loadRuns(filter) {
    const runsFilter = filter ?? get().runsFilter;
    set({ runsFilter });
    try {
      const page = await call('sync.runs', { ...runsFilter, offset: 0, limit: RUNS_LIMIT });
      if (get().runsFilter === runsFilter) set({ runs: page.rows, runsTotal: page.total, runsError: null });
    } catch (error) {
      set({ runsError: CallError.from(error) });
    }
  },
  applyProgress(event) {
    const state = get().state;
    if (!state) return;
    let found = false;
    const jobs = state.jobs.map((j) => {
      if (!sameJob(j, event.job, event.accountId)) return j;
      found = true;
      return { ...j, running: true, progress: { done: event.done, total: event.total } };
    });
    if (!found) {
      jobs.push({
        job: event.job,
        accountId: event.accountId,
        account: null,
        running: true,
        progress: { done: event.done, total: event.total },
        lastRun: null,
        lastGoodAt: null,
        nextRunAt: null,
      });
    }
    set({ state: { ...state, jobs } });
  },
  applyFinished(run) {
    const state = get().state;
    if (state) {
      const jobs = state.jobs.map((j) =>
        sameJob(j, run.job, run.accountId)
          ? {
              ...j,
              running: false,
              progress: null,
              lastRun: run,
              lastGoodAt: run.status === 'completed' ? (run.finishedAt ?? j.lastGoodAt) : j.lastGoodAt,
            }
          : j,
      );
      set({ state: { ...state, jobs } });
    }
    // A finished run joins the history at the top if it matches what the seller is looking at.
    if (matchesFilter(run, get().runsFilter)) {
      set((s) => ({
        runs: [run, ...s.runs.filter((r) => r.id !== run.id)].slice(0, RUNS_LIMIT),
        runsTotal: s.runs.some((r) => r.id === run.id) ? s.runsTotal : s.runsTotal + 1,
      }));
    }
  },
}));
