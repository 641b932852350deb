// Sync history for a seller: how often each job runs (in words), the runs that failed first (cause, eMAG's words,
// what to do), routine successes grouped per job and account; every run one by one and the duration chart folded.
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { JOB_NAMES, type JobName, type RunStatus, type SyncRun } from '../../../shared/domain';
import type { Settings } from '../../../shared/settings';
import { Chart } from '../components/Chart';
import { AccountFilter } from '../components/AccountFilter';
import { ErrorNotice } from '../components/ErrorNotice';
import { FailureExplained } from '../components/FailureExplained';
import { FilterBar } from '../components/FilterBar';
import { SelectField } from '../components/SelectField';
import { DateTime } from '../components/Formatted';
import { SimpleTable } from '../components/SimpleTable';
import { useLanguage } from '../components/useLanguage';
import { formatDuration, formatTime } from '../format/dates';
import { intervalWords } from '../format/interval';
import { useApp } from '../stores/app';
import { useSync, type RunsFilter } from '../stores/sync';

const RUN_STATUSES: RunStatus[] = ['running', 'completed', 'failed', 'timed_out', 'cancelled'];
const CHART_RUNS = 60;

export function SyncHistoryScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { runs, runsTotal, runsFilter, runsError } = useSync();

  useEffect(() => {
    void useSync.getState().loadRuns();
  }, []);

  function setFilter(patch: Partial<RunsFilter>) {
    const next: RunsFilter = { ...runsFilter, ...patch };
    for (const k of Object.keys(next) as (keyof RunsFilter)[]) if (next[k] === undefined) delete next[k];
    void useSync.getState().loadRuns(next);
  }

  // Oldest on the left, so the chart reads like time.
  const chartRuns = useMemo(
    () =>
      runs
        .filter((r) => r.durationMs !== null)
        .slice(0, CHART_RUNS)
        .reverse(),
    [runs],
  );
  const labels = useMemo(() => chartRuns.map((r) => formatTime(r.startedAt, language)), [chartRuns, language]);
  const values = useMemo(() => chartRuns.map((r) => Math.round(r.durationMs! / 100) / 10), [chartRuns]);

  return (
    <section className="page" data-testid="screen-sync" aria-labelledby="sync-title">
      <div className="page-head">
        <h1 id="sync-title">{t('sync.title')}</h1>
        <button
          type="button"
          className="btn"
          onClick={() => void useSync.getState().loadRuns()}
          data-testid="runs-refresh"
        >
          {t('common.refresh')}
        </button>
      </div>
      <FilterBar>
        <SelectField
          label={t('sync.job')}
          value={runsFilter.job ?? ''}
          onChange={(v) => setFilter({ job: (v || undefined) as JobName | undefined })}
          emptyOption={t('common.all')}
          options={JOB_NAMES.map((j) => ({ value: j, label: t(`jobs.${j}`) }))}
          testId="runs-filter-job"
        />
        <AccountFilter
          label={t('common.account')}
          value={String(runsFilter.accountId ?? '')}
          onChange={(v) => setFilter({ accountId: v ? Number(v) : undefined })}
          testId="runs-filter-account"
        />
        <SelectField
          label={t('sync.status')}
          value={runsFilter.status ?? ''}
          onChange={(v) => setFilter({ status: (v || undefined) as RunStatus | undefined })}
          emptyOption={t('common.all')}
          options={RUN_STATUSES.map((s) => ({ value: s, label: t(`runStatus.${s}`) }))}
          testId="runs-filter-status"
        />
      </FilterBar>
      {runsError && <ErrorNotice error={runsError} onRetry={() => void useSync.getState().loadRuns()} />}
      <Schedule />
      <RunSummary runs={runs} />
      {chartRuns.length > 0 && (
        <details className="card" data-testid="runs-chart-details">
          <summary>{t('runs.showChart')}</summary>
          <Chart
            title={t('sync.durationsChart')}
            labels={labels}
            values={values}
            kind="points"
            valueLabel={t('sync.seconds')}
            testId="run-durations"
          />
        </details>
      )}
      <details className="card" data-testid="runs-all">
        <summary>{t('runs.showAll')}</summary>
        <p className="muted small" data-testid="runs-shown">
          {t('sync.shown', { count: runs.length, total: runsTotal })}
        </p>
        {runs.length === 0 ? (
          <p className="muted">{t('sync.empty')}</p>
        ) : (
          <SimpleTable
            testId="runs-table"
            columns={[
              { header: t('sync.started') },
              { header: t('sync.job') },
              { header: t('common.account') },
              { header: t('sync.mode') },
              { header: t('sync.status') },
              { header: t('sync.duration'), align: 'right' },
              { header: t('sync.counts'), align: 'right' },
              { header: t('sync.warnings'), align: 'right' },
              { header: t('sync.requests'), align: 'right' },
              { header: t('sync.error') },
            ]}
          >
            {runs.map((r) => (
              <tr key={r.id} data-testid={`run-${r.id}`} data-status={r.status}>
                <td>
                  <DateTime value={r.startedAt} />
                </td>
                <td>{t(`jobs.${r.job}`)}</td>
                <td className="run-account">{r.account ?? t('dashboard.general')}</td>
                <td>{t(`runMode.${r.mode}`)}</td>
                <td>
                  <span className={`badge run-${r.status}`}>{t(`runStatus.${r.status}`)}</span>
                </td>
                <td className="align-right num">{formatDuration(r.durationMs, language)}</td>
                <td className="align-right num">
                  {r.created} / {r.updated} / {r.unchanged} / {r.failed}
                </td>
                <td
                  className={`align-right num${r.warnings > 0 ? ' warn-text' : ''}`}
                  data-testid={`run-warnings-${r.id}`}
                >
                  {r.warnings}
                </td>
                <td className="align-right num">{r.requests}</td>
                <td className="run-error">
                  {r.cause && <span className="warn-text">{t(`causeTitle.${r.cause}`)}</span>}
                </td>
              </tr>
            ))}
          </SimpleTable>
        )}
      </details>
    </section>
  );
}

const SCHEDULED: [JobName, keyof Settings['intervals']][] = [
  ['new-orders', 'newOrdersSec'],
  ['order-changes', 'orderChangesSec'],
  ['offers', 'offersSec'],
  ['returns', 'returnsSec'],
  ['maintenance', 'maintenanceSec'],
  ['health', 'healthSec'],
];

/** How often each job runs, in words. */
function Schedule() {
  const { t } = useTranslation();
  const intervals = useApp((s) => s.settings?.intervals);
  if (!intervals) return null;
  return (
    <div className="card" data-testid="runs-schedule">
      <h2>{t('runs.schedule')}</h2>
      <ul className="runs-groups">
        {SCHEDULED.map(([job, key]) => (
          <li key={job} data-testid={`schedule-${job}`}>
            {t('runs.every', { job: t(`jobs.${job}`), interval: intervalWords(intervals[key], t) })}
          </li>
        ))}
      </ul>
    </div>
  );
}

const didNotSucceed = (run: SyncRun): boolean => run.status !== 'completed' && run.status !== 'running';

/** Failures first, each explained; then the routine successes, one line per job and account. */
function RunSummary({ runs }: { runs: SyncRun[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const failures = runs.filter(didNotSucceed);
  const groups = useMemo(() => {
    const byKey = new Map<
      string,
      { job: JobName; account: string | null; count: number; last: string; created: number }
    >();
    for (const run of runs) {
      if (run.status !== 'completed') continue;
      const key = `${run.job}:${run.accountId ?? ''}`;
      const group = byKey.get(key) ?? { job: run.job, account: run.account, count: 0, last: run.startedAt, created: 0 };
      group.count += 1;
      group.created += run.created;
      if (run.startedAt > group.last) group.last = run.startedAt;
      byKey.set(key, group);
    }
    return [...byKey.values()];
  }, [runs]);
  return (
    <>
      <div className="card" data-testid="runs-failures">
        <h2>{t('runs.failures')}</h2>
        {failures.length === 0 ? (
          <p className="muted">{t('runs.noFailures')}</p>
        ) : (
          <ul className="runs-groups">
            {failures.map((run) => (
              <li key={run.id} data-testid={`failure-${run.id}`}>
                <span className="muted small">
                  <DateTime value={run.startedAt} /> · {t(`jobs.${run.job}`)} · {run.account ?? t('dashboard.general')}
                  {' · '}
                  {t(`runStatus.${run.status}`)}
                </span>
                <FailureExplained cause={run.cause ?? 'internal'} reason={run.reason} />
              </li>
            ))}
          </ul>
        )}
      </div>
      {groups.length > 0 && (
        <div className="card" data-testid="runs-routine">
          <h2>{t('runs.routine')}</h2>
          <ul className="runs-groups">
            {groups.map((g) => (
              <li key={`${g.job}:${g.account ?? ''}`} data-testid={`routine-${g.job}`}>
                {t('runs.group', {
                  count: g.count,
                  job: t(`jobs.${g.job}`),
                  account: g.account ?? t('dashboard.general'),
                  when: formatTime(g.last, language),
                })}
                {g.job === 'new-orders' && g.created > 0 && ` · ${t('runs.newOrders', { count: g.created })}`}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
