// Dashboard: today's and this month's revenue, orders per account and status, orders per day, and an honest view of
// every account's sync (running with progress, last outcome, next run, the error when it failed).
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { causeFromKind, type FailureCause } from '../../../shared/causes';
import type { JobName, OrderStatus } from '../../../shared/domain';
import type { AccountHealth, JobStateView } from '../../../shared/views';
import { Card } from '../components/Card';
import { Chart } from '../components/Chart';
import { AccountHealthPanel } from './AccountHealthPanel';
import { ErrorNotice } from '../components/ErrorNotice';
import { FailureExplained } from '../components/FailureExplained';
import { DateTime, Money } from '../components/Formatted';
import { ProgressBar } from '../components/ProgressBar';
import { SimpleTable } from '../components/SimpleTable';
import { useGuardedCall } from '../components/useGuardedCall';
import { useLanguage } from '../components/useLanguage';
import { formatDay } from '../format/dates';
import { useDashboard } from '../stores/dashboard';
import { useHealth } from '../stores/health';
import { useNavigation } from '../stores/navigation';
import { useOrders } from '../stores/orders';
import { useSync } from '../stores/sync';

const COUNT_STATUSES: OrderStatus[] = [1, 2, 3, 4];

export function DashboardScreen() {
  const { t } = useTranslation();
  const { view, error, load } = useDashboard();

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="page" data-testid="screen-dashboard" aria-labelledby="dash-title">
      <div className="page-head">
        <h1 id="dash-title">{t('dashboard.title')}</h1>
        <SyncControls />
      </div>
      {error && <ErrorNotice error={error} onRetry={() => void load()} />}
      {!view && !error && <p className="muted">{t('common.loading')}</p>}
      {view && (
        <>
          <Revenue />
          <div className="grid-2">
            <OrderCounts />
            <OrdersPerDayChart />
          </div>
          <AccountHealthPanel />
        </>
      )}
      <SyncStatus />
    </section>
  );
}

function SyncControls() {
  const { t } = useTranslation();
  const state = useSync((s) => s.state);
  const triggering = useSync((s) => s.triggering);
  const [message, setMessage] = useState<string | null>(null);
  const { error, guard } = useGuardedCall();
  const running = state?.jobs.some((j) => j.running) ?? false;

  async function syncNow() {
    setMessage(null);
    await guard(async () => {
      const triggered = await useSync.getState().syncNow();
      setMessage(t('dashboard.syncTriggered', { count: triggered }));
    });
  }

  function togglePause() {
    return guard(() => useSync.getState().setPaused(!state?.paused));
  }

  return (
    <div className="head-actions">
      <span className="muted" data-testid="sync-status" aria-live="polite">
        {state?.paused ? t('dashboard.paused') : running ? t('dashboard.syncing') : message}
      </span>
      {state && (
        <button type="button" className="btn" onClick={() => void togglePause()} data-testid="sync-pause">
          {state.paused ? t('dashboard.resume') : t('dashboard.pause')}
        </button>
      )}
      <button
        type="button"
        className="btn btn-primary"
        onClick={() => void syncNow()}
        disabled={triggering}
        data-testid="sync-now"
      >
        {t('dashboard.syncNow')}
      </button>
      {error && <ErrorNotice error={error} />}
    </div>
  );
}

function Revenue() {
  const { t } = useTranslation();
  const revenue = useDashboard((s) => s.view?.revenue ?? []);
  return (
    <div className="stat-cards">
      {revenue.length === 0 && <StatCard label={t('dashboard.revenueToday')}>—</StatCard>}
      {revenue.map((r) => (
        <div className="stat-pair" key={r.currency}>
          <StatCard label={t('dashboard.revenueToday')} testId={`revenue-today-${r.currency}`}>
            <Money minor={r.todayMinor} currency={r.currency} />
          </StatCard>
          <StatCard label={t('dashboard.revenueMonth')} testId={`revenue-month-${r.currency}`}>
            <Money minor={r.monthMinor} currency={r.currency} />
          </StatCard>
        </div>
      ))}
    </div>
  );
}

/** One big figure with its label above it. */
function StatCard({ label, testId, children }: { label: string; testId?: string; children: ReactNode }) {
  return (
    <div className="card stat" data-testid={testId}>
      <div className="stat-label">{label}</div>
      <div className="stat-value">{children}</div>
    </div>
  );
}

function OrderCounts() {
  const { t } = useTranslation();
  const counts = useDashboard((s) => s.view?.counts ?? []);
  const navigate = useNavigation((s) => s.navigate);

  function openOrders(accountId: number, status: OrderStatus) {
    useOrders.getState().setQuery({ accountIds: [accountId], statuses: [status] });
    navigate({ screen: 'orders' });
  }

  return (
    <Card title={t('dashboard.ordersByStatus')} empty={counts.length === 0} emptyText={t('dashboard.noAccounts')}>
      <SimpleTable
        scroll={false}
        columns={[
          { header: t('common.account') },
          ...COUNT_STATUSES.map((status) => ({ header: t(`orderStatus.${status}`), align: 'right' as const })),
          { header: t('dashboard.unacknowledged'), align: 'right' },
        ]}
      >
        {counts.map((c) => (
          <tr key={c.accountId} data-testid={`dashboard-counts-${c.accountId}`}>
            <th scope="row">{c.account}</th>
            {COUNT_STATUSES.map((s) => (
              <td key={s} className="align-right">
                <button
                  type="button"
                  className="link-button num"
                  onClick={() => openOrders(c.accountId, s)}
                  data-testid={`count-${c.accountId}-${s}`}
                >
                  {c.byStatus[s] ?? 0}
                </button>
              </td>
            ))}
            <td
              className={`align-right num${c.unacknowledged > 0 ? ' warn-text' : ''}`}
              data-testid={`unacknowledged-${c.accountId}`}
            >
              {c.unacknowledged}
            </td>
          </tr>
        ))}
      </SimpleTable>
    </Card>
  );
}

function OrdersPerDayChart() {
  const { t } = useTranslation();
  const language = useLanguage();
  const perDay = useDashboard((s) => s.view?.ordersPerDay);
  const labels = useMemo(() => (perDay ?? []).map((d) => formatDay(d.day, language)), [perDay, language]);
  const values = useMemo(() => (perDay ?? []).map((d) => d.count), [perDay]);
  return (
    <div className="card">
      <Chart
        title={t('dashboard.ordersPerDay')}
        labels={labels}
        values={values}
        kind="bars"
        valueLabel={t('dashboard.orders')}
        testId="orders-per-day"
      />
    </div>
  );
}

interface AccountGroup {
  accountId: number | null;
  name: string;
  jobs: JobStateView[];
  health: AccountHealth | undefined;
}

function groupByAccount(jobs: JobStateView[], health: AccountHealth[], generalName: string): AccountGroup[] {
  const groups = new Map<number | null, AccountGroup>();
  for (const h of health) groups.set(h.accountId, { accountId: h.accountId, name: h.account, jobs: [], health: h });
  for (const j of jobs) {
    let g = groups.get(j.accountId);
    if (!g) {
      g = { accountId: j.accountId, name: j.account ?? generalName, jobs: [], health: undefined };
      groups.set(j.accountId, g);
    }
    g.jobs.push(j);
  }
  // Accounts first, the account-less jobs (maintenance, health) last.
  return [...groups.values()].sort((a, b) => (a.accountId ?? Infinity) - (b.accountId ?? Infinity));
}

function SyncStatus() {
  const { t } = useTranslation();
  const state = useSync((s) => s.state);
  const health = useHealth((s) => s.report);
  const groups = useMemo(
    () => groupByAccount(state?.jobs ?? [], health?.accounts ?? [], t('dashboard.general')),
    [state, health, t],
  );

  return (
    <div className="card" data-testid="sync-state">
      <div className="card-head">
        <h2>{t('dashboard.syncStatus')}</h2>
        {health && (
          <span className={`badge level-${health.level}`} data-testid="health-level" data-level={health.level}>
            {t('dashboard.health')}: {t(`health.${health.level}`)}
          </span>
        )}
      </div>
      {health && !health.database.ok && (
        <div className="notice notice-error" role="alert">
          {t('dashboard.databaseProblem')} {health.database.message}
        </div>
      )}
      {groups.length === 0 && <p className="muted">{t('dashboard.noSyncYet')}</p>}
      <div className="account-groups">
        {groups.map((g) => (
          <AccountSync key={g.accountId ?? 'general'} group={g} />
        ))}
      </div>
    </div>
  );
}

/** What fails for this account now: main's live health (cause from the latest runs), else the newest failed run. */
function latestFailure(
  group: AccountGroup,
): { cause: FailureCause; reason: string | null; job: JobName | null } | null {
  const health = group.health;
  if (health?.cause) return { cause: health.cause, reason: health.reason ?? null, job: health.failedJob ?? null };
  const failed = group.jobs
    .filter((j) => !j.running)
    .map((j) => j.lastRun)
    .filter((r) => r && (r.status === 'failed' || r.status === 'timed_out'))
    .sort((a, b) => (b!.startedAt > a!.startedAt ? 1 : -1))[0];
  if (failed) return { cause: failed.cause ?? 'internal', reason: failed.reason, job: failed.job };
  if (health?.lastError && health.level !== 'ok')
    return { cause: causeFromKind(health.lastErrorKind) ?? 'internal', reason: null, job: null };
  return null;
}

/** The newest of main's answer and the jobs' own last good runs: it moves with every completed run. */
function lastGoodSync(group: AccountGroup): string | null {
  // The send-actions job "completes" without calling eMAG when nothing is queued: it proves nothing about the account.
  const times = group.jobs
    .filter((j) => j.job !== 'send-actions')
    .map((j) => j.lastGoodAt)
    .concat(group.health?.lastGoodSyncAt ?? null)
    .filter((at): at is string => at !== null);
  return times.length > 0 ? times.reduce((a, b) => (a > b ? a : b)) : null;
}

function AccountSync({ group }: { group: AccountGroup }) {
  const { t } = useTranslation();
  const failure = latestFailure(group);
  const lastGood = lastGoodSync(group);
  const testKey = group.accountId ?? 'general';
  return (
    <div className="account-sync" data-testid={`account-sync-${testKey}`}>
      <div className="account-sync-head">
        <h3>{group.name}</h3>
        {group.health && (
          <span
            className={`badge level-${group.health.level}`}
            data-testid={`account-level-${testKey}`}
            data-level={group.health.level}
          >
            {t(`health.${group.health.level}`)}
          </span>
        )}
        {group.health?.breaker === 'open' && <span className="badge level-failing">{t('dashboard.breakerOpen')}</span>}
      </div>
      {failure && (
        <div className="notice notice-error" role="alert" data-testid={`account-error-${testKey}`}>
          <FailureExplained cause={failure.cause} reason={failure.reason} job={failure.job} />
        </div>
      )}
      {(group.health?.failedActions ?? 0) > 0 && (
        <p className="warn-text small" data-testid={`failed-actions-${testKey}`}>
          {t('truth.failedActions', { count: group.health?.failedActions ?? 0 })}
        </p>
      )}
      {(group.health || lastGood) && (
        <p className="muted small" data-testid={`last-good-sync-${testKey}`}>
          {t('dashboard.lastGoodSync')}: <DateTime value={lastGood} />
        </p>
      )}
      {group.jobs.length > 0 && (
        <SimpleTable
          scroll={false}
          columns={[
            { header: t('sync.job') },
            { header: t('sync.state') },
            { header: t('sync.lastRun') },
            { header: t('sync.nextRun') },
          ]}
        >
          {group.jobs.map((j) => (
            <tr key={j.job} data-testid={`job-${testKey}-${j.job}`} data-running={j.running}>
              <th scope="row">{t(`jobs.${j.job}`)}</th>
              <td>
                {j.running ? (
                  <ProgressBar
                    done={j.progress?.done ?? 0}
                    total={j.progress?.total ?? null}
                    label={t('sync.progressLabel', { job: t(`jobs.${j.job}`) })}
                  />
                ) : j.lastRun ? (
                  <span className={`badge run-${j.lastRun.status}`}>{t(`runStatus.${j.lastRun.status}`)}</span>
                ) : (
                  <span className="muted">{t('sync.neverRun')}</span>
                )}
              </td>
              <td>
                <DateTime value={j.lastRun?.finishedAt ?? j.lastRun?.startedAt ?? null} />
              </td>
              <td>
                <DateTime value={j.nextRunAt} />
              </td>
            </tr>
          ))}
        </SimpleTable>
      )}
    </div>
  );
}
