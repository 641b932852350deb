// Sync history: every run with its outcome, counts and error, filterable, with a chart of how long runs took.
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { JOB_NAMES, type JobName, type RunStatus } from '../../../shared/domain';
import { Chart } from '../components/Chart';
import { AccountFilter } from '../components/AccountFilter';
import { ErrorNotice } from '../components/ErrorNotice';
import { FilterBar } from '../components/FilterBar';
import { SelectField } from '../components/SelectField';
import { DateTime } from '../components/Formatted';
import { SimpleTable } from '../components/SimpleTable';
import { useLanguage } from '../components/useLanguage';
import { formatDuration, formatTime } from '../format/dates';
import { useSync, type RunsFilter } from '../stores/sync';

const RUN_STATUSES: RunStatus[] = ['running', 'completed', 'failed', 'timed_out', 'cancelled'];
const CHART_RUNS = 60;

export function SyncHistoryScreen() {
  const { t, i18n } = useTranslation();
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
      {chartRuns.length > 0 && (
        <div className="card">
          <Chart
            title={t('sync.durationsChart')}
            labels={labels}
            values={values}
            kind="points"
            valueLabel={t('sync.seconds')}
            testId="run-durations"
          />
        </div>
      )}
      <div className="card">
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
                  {r.error && (
                    <span className="warn-text">
                      {r.errorKind && i18n.exists(`errors.emagKind.${r.errorKind}`)
                        ? `${t(`errors.emagKind.${r.errorKind}`)} `
                        : ''}
                      <span className="notice-detail">{r.error}</span>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </SimpleTable>
        )}
      </div>
    </section>
  );
}
