// Diagnostics: how close each account is to eMAG's rate limits, its circuit breaker, cache efficiency, recent API
// errors, the records eMAG sent that MagFlow set aside (needs attention) and the raw metrics. No event carries these,
// so the screen re-reads them while it is open.
import { causeFromKind } from '../../../shared/causes';
import { JOB_NAMES } from '../../../shared/domain';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../components/Card';
import { ErrorNotice } from '../components/ErrorNotice';
import { DateTime } from '../components/Formatted';
import { SimpleTable } from '../components/SimpleTable';
import { useLanguage } from '../components/useLanguage';
import { formatNumber } from '../format/money';
import { useDiagnostics } from '../stores/diagnostics';

export const DIAGNOSTICS_REFRESH_MS = 5000;

export function DiagnosticsScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { view, error, load } = useDiagnostics();

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), DIAGNOSTICS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  return (
    <section className="page" data-testid="screen-diagnostics" aria-labelledby="diag-title">
      <div className="page-head">
        <h1 id="diag-title">{t('diagnostics.title')}</h1>
        <div className="head-actions">
          <span className="muted small">{t('diagnostics.autoRefresh')}</span>
          <button type="button" className="btn" onClick={() => void load()} data-testid="diagnostics-refresh">
            {t('common.refresh')}
          </button>
        </div>
      </div>
      {error && <ErrorNotice error={error} onRetry={() => void load()} />}
      {view && (
        <>
          <Card title={t('diagnostics.limiter')}>
            <SimpleTable
              testId="limiter-table"
              columns={[
                { header: t('common.account') },
                { header: t('diagnostics.breaker') },
                { header: t('diagnostics.bucket') },
                { header: t('diagnostics.lastSecond'), align: 'right' },
                { header: t('diagnostics.lastMinute'), align: 'right' },
                { header: t('diagnostics.queued'), align: 'right' },
                { header: t('diagnostics.waits'), align: 'right' },
                { header: t('diagnostics.rateLimitHits'), align: 'right' },
              ]}
            >
              {view.accounts.flatMap((a) =>
                a.buckets.map((b, i) => (
                  <tr key={`${a.accountId}-${b.bucket}`} data-testid={`limiter-${a.accountId}-${b.bucket}`}>
                    <th scope="row">{i === 0 ? a.account : ''}</th>
                    <td>
                      {i === 0 && (
                        <span
                          className={`badge${a.breaker === 'closed' ? ' level-ok' : a.breaker === 'open' ? ' level-failing' : ' level-degraded'}`}
                          data-testid={`breaker-${a.accountId}`}
                        >
                          {t(`diagnostics.breakerStates.${a.breaker}`)}
                        </span>
                      )}
                    </td>
                    <td>{t(`diagnostics.buckets.${b.bucket}`)}</td>
                    <td className="align-right num">
                      {b.lastSecond} / {b.limitPerSecond}
                    </td>
                    <td className="align-right num">
                      {b.lastMinute} / {b.limitPerMinute}
                    </td>
                    <td className="align-right num">{b.queued}</td>
                    <td className="align-right num">
                      {b.waits} ({formatNumber(b.totalWaitMs, language)} ms)
                    </td>
                    <td className={`align-right num${b.rateLimitHits > 0 ? ' warn-text' : ''}`}>{b.rateLimitHits}</td>
                  </tr>
                )),
              )}
            </SimpleTable>
          </Card>
          <Card title={t('diagnostics.cache')} testId="cache-stats">
            <dl className="facts">
              <dt>{t('diagnostics.hits')}</dt>
              <dd className="num">{formatNumber(view.cache.hits, language)}</dd>
              <dt>{t('diagnostics.misses')}</dt>
              <dd className="num">{formatNumber(view.cache.misses, language)}</dd>
              <dt>{t('diagnostics.hitRate')}</dt>
              <dd className="num">{formatNumber(view.cache.hitRate * 100, language, 1)}%</dd>
              <dt>{t('diagnostics.keys')}</dt>
              <dd className="num">{formatNumber(view.cache.keys, language)}</dd>
            </dl>
          </Card>
          <Card
            title={t('diagnostics.recentErrors')}
            empty={view.recentErrors.length === 0}
            emptyText={t('diagnostics.noErrors')}
          >
            <SimpleTable
              testId="recent-errors"
              columns={[
                { header: t('diagnostics.at') },
                { header: t('common.account') },
                { header: t('diagnostics.route') },
                { header: t('diagnostics.kind') },
                { header: t('diagnostics.message') },
              ]}
            >
              {view.recentErrors.map((e, i) => (
                <tr key={`${e.at}-${i}`}>
                  <td>
                    <DateTime value={e.at} />
                  </td>
                  <td>{e.account ?? '—'}</td>
                  <td>
                    {/* Runs name their job: in words; a real API route stays as code. */}
                    {e.route && (JOB_NAMES as readonly string[]).includes(e.route) ? (
                      t(`jobs.${e.route}`)
                    ) : (
                      <code>{e.route ?? '—'}</code>
                    )}
                  </td>
                  <td data-testid="diagnostics-error-kind" data-cause={e.cause ?? causeFromKind(e.kind) ?? 'internal'}>
                    {/* The run's stored cause: its kind alone reads a 500 as the network and an IP refusal as
                        "access denied". Runs from before causes were stored fall back to the kind. */}
                    {t(`causeTitle.${e.cause ?? causeFromKind(e.kind) ?? 'internal'}`)}
                  </td>
                  <td className="notice-detail">{e.message}</td>
                </tr>
              ))}
            </SimpleTable>
          </Card>
          <Card
            title={t('diagnostics.needsAttention')}
            empty={view.needsAttention.length === 0}
            emptyText={t('diagnostics.noNeedsAttention')}
            testId="needs-attention"
          >
            <p className="muted small">{t('diagnostics.needsAttentionHelp')}</p>
            <SimpleTable
              testId="needs-attention-table"
              columns={[
                { header: t('common.account') },
                { header: t('diagnostics.kind') },
                { header: t('diagnostics.emagId') },
                { header: t('diagnostics.reason') },
                { header: t('diagnostics.firstSeen') },
                { header: t('diagnostics.lastSeen') },
                { header: t('diagnostics.timesSeen'), align: 'right' },
              ]}
            >
              {view.needsAttention.map((item) => (
                <tr key={item.id} data-testid={`needs-attention-${item.id}`}>
                  <td>{item.account}</td>
                  <td>{t(`diagnostics.recordKind.${item.kind}`)}</td>
                  <td className="num">{item.emagId ?? '—'}</td>
                  <td className="notice-detail attention-reason">
                    {item.reason}
                    <details>
                      <summary>{t('diagnostics.showJson')}</summary>
                      <pre className="raw-json">{item.raw}</pre>
                    </details>
                  </td>
                  <td>
                    <DateTime value={item.firstSeenAt} />
                  </td>
                  <td>
                    <DateTime value={item.lastSeenAt} />
                  </td>
                  <td className="align-right num">{formatNumber(item.timesSeen, language)}</td>
                </tr>
              ))}
            </SimpleTable>
          </Card>
          <Card title={t('diagnostics.metrics')}>
            <pre className="metrics" data-testid="metrics-text" tabIndex={0}>
              {view.metricsText}
            </pre>
          </Card>
        </>
      )}
    </section>
  );
}
