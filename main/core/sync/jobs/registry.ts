// Every sync job once: its scope, the setting that times it, its place in "sync now" and what it runs. The engine,
// the scheduler, the health check and the CLI derive their lists from here; shared/domain.ts holds only the names.
import { JOB_NAMES, type JobName } from '../../../../shared/domain';
import type { Settings } from '../../../../shared/settings';
import type { JobContext } from '../context';
import { healthJob } from './health';
import { maintenanceJob } from './maintenance';
import { newOrdersJob } from './newOrders';
import { offersJob } from './offers';
import { orderChangesJob } from './orderChanges';
import { returnsJob } from './returns';
import { sendActionsJob } from './sendActions';

/** `account`: one run per enabled account; `app`: one run for the whole app (no account). */
export type JobScope = 'account' | 'app';

export interface JobDefinition {
  readonly name: JobName;
  readonly scope: JobScope;
  /** The setting (seconds, `intervals.*`) between two runs. */
  readonly interval: keyof Settings['intervals'];
  /** Account jobs: their place in "sync now" and `magflow sync` (1 first). App jobs are not part of sync now. */
  readonly syncNowRank: number | null;
  /** Also runs within moments of an outbox action falling due, and when a failed action's retry is due. */
  readonly drainsOutbox: boolean;
  run(ctx: JobContext): Promise<void>;
}

type Definitions = { readonly [Name in JobName]: Omit<JobDefinition, 'name'> };

const DEFINITIONS: Definitions = {
  'new-orders': {
    scope: 'account',
    interval: 'newOrdersSec',
    syncNowRank: 1,
    drainsOutbox: false,
    run: newOrdersJob,
  },
  // Right after new orders in sync now: the acknowledgements they queued go out at once.
  'send-actions': {
    scope: 'account',
    // Its timer is only the fallback poll: kicks and due retries start it sooner.
    interval: 'newOrdersSec',
    syncNowRank: 2,
    drainsOutbox: true,
    run: sendActionsJob,
  },
  'order-changes': {
    scope: 'account',
    interval: 'orderChangesSec',
    syncNowRank: 3,
    drainsOutbox: false,
    run: orderChangesJob,
  },
  offers: { scope: 'account', interval: 'offersSec', syncNowRank: 4, drainsOutbox: false, run: offersJob },
  // Issue 18: return requests, and the account-health watch that each run checks first.
  returns: { scope: 'account', interval: 'returnsSec', syncNowRank: 5, drainsOutbox: false, run: returnsJob },
  maintenance: {
    scope: 'app',
    interval: 'maintenanceSec',
    syncNowRank: null,
    drainsOutbox: false,
    run: maintenanceJob,
  },
  health: {
    scope: 'app',
    interval: 'healthSec',
    syncNowRank: null,
    drainsOutbox: false,
    run: (ctx) => healthJob(ctx, { accountJobs: ACCOUNT_JOBS, intervalMs }),
  },
};

/** Every job, in the order of JOB_NAMES. */
export const JOBS: readonly JobDefinition[] = JOB_NAMES.map((name) => ({ name, ...DEFINITIONS[name] }));

export const jobDefinition = (job: JobName): JobDefinition => ({ name: job, ...DEFINITIONS[job] });

const namesOf = (jobs: readonly JobDefinition[]): readonly JobName[] => jobs.map((job) => job.name);

/** Jobs that run once per account, in the order they are listed. */
export const ACCOUNT_JOBS: readonly JobName[] = namesOf(JOBS.filter((job) => job.scope === 'account'));
/** Jobs that run once for the whole app. */
export const APP_JOBS: readonly JobName[] = namesOf(JOBS.filter((job) => job.scope === 'app'));
export const isAccountJob = (job: JobName): boolean => DEFINITIONS[job].scope === 'account';

/** The account jobs in the order "sync now" (and `magflow sync`) runs them for each account. */
export const SYNC_NOW_ORDER: readonly JobName[] = namesOf(
  JOBS.filter((job) => job.syncNowRank !== null).sort((a, b) => a.syncNowRank! - b.syncNowRank!),
);

/** The job that sends the outbox's actions: kicked when an action falls due. */
export const OUTBOX_JOB: JobName = JOBS.find((job) => job.drainsOutbox)!.name;

/** How often a job runs, from the settings. */
export const intervalMs = (job: JobName, settings: Settings): number =>
  settings.intervals[DEFINITIONS[job].interval] * 1000;
