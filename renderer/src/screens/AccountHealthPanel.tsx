// The account-health watch on the dashboard (issue 18): per account, each figure against its threshold (red when
// past it), the eMAG rule it follows, and the weekly trend of the rates. MagFlow's estimates from its own data:
// eMAG's figures in the seller center are authoritative (said on the panel). Formulas: docs/health.md.
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  HEALTH_FIGURE_UNIT,
  type AccountHealthView,
  type HealthFigure,
  type HealthFigureKey,
} from '../../../shared/accountHealth';
import { Card } from '../components/Card';
import { Chart } from '../components/Chart';
import { ErrorNotice } from '../components/ErrorNotice';
import { useLanguage } from '../components/useLanguage';
import { formatDay } from '../format/dates';
import { formatNumber } from '../format/money';
import { useAccountHealth } from '../stores/returns';

const TREND_FIGURES: HealthFigureKey[] = ['lateShipmentRate', 'invoiceRate', 'sellerCancelRate', 'returnsRate'];

function formatFigure(key: HealthFigureKey, value: number | null, language: string): string {
  if (value === null) return '—';
  return HEALTH_FIGURE_UNIT[key] === 'percent' ? `${formatNumber(value, language, 2)}%` : formatNumber(value, language);
}

export function AccountHealthPanel() {
  const { views, error, load } = useAccountHealth();
  useEffect(() => {
    void load();
  }, [load]);
  if (error) return <ErrorNotice error={error} onRetry={() => void load()} />;
  if (!views || views.length === 0) return null;
  return (
    <div data-testid="account-health">
      {views.map((view) => (
        <AccountHealthCard key={view.accountId} view={view} />
      ))}
    </div>
  );
}

function FigureBox({ figure }: { figure: HealthFigure }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const percent = HEALTH_FIGURE_UNIT[figure.key] === 'percent';
  return (
    <div
      className={`health-figure${figure.breached ? ' breached' : ''}`}
      data-testid={`health-${figure.key}`}
      data-breached={figure.breached ? 'true' : 'false'}
    >
      <div className="muted small">{t(`accountHealth.figure.${figure.key}`)}</div>
      <div className="health-value">{formatFigure(figure.key, figure.value, language)}</div>
      <div className="small">
        {percent && figure.denominator > 0
          ? t('accountHealth.ofOrders', {
              numerator: formatNumber(figure.numerator, language),
              count: figure.denominator,
              formatted: formatNumber(figure.denominator, language),
            })
          : null}
      </div>
      <div className="small">
        {t(figure.key === 'invoiceRate' ? 'accountHealth.minimum' : 'accountHealth.maximum', {
          value: formatFigure(figure.key, figure.threshold, language),
        })}
        {figure.breached ? ` · ${t('accountHealth.pastLimit')}` : ''}
      </div>
      <div className="health-rule">{t(`accountHealth.rule.${figure.key}`)}</div>
    </div>
  );
}

function AccountHealthCard({ view }: { view: AccountHealthView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const labels = useMemo(() => view.trend.ends.map((end) => formatDay(end.slice(0, 10), language)), [view, language]);
  return (
    <Card title={t('accountHealth.title', { account: view.account })} testId={`account-health-${view.accountId}`}>
      <p className="muted small">{t('accountHealth.disclaimer', { days: view.windowDays })}</p>
      <div className="health-figures">
        {view.figures.map((figure) => (
          <FigureBox key={figure.key} figure={figure} />
        ))}
      </div>
      <div className="grid-2">
        {TREND_FIGURES.map((key) => (
          <Chart
            key={key}
            title={t('accountHealth.trend', { figure: t(`accountHealth.figure.${key}`) })}
            labels={labels}
            values={view.trend.series[key]}
            kind="bars"
            height={140}
            valueLabel={t(`accountHealth.figure.${key}`)}
            formatValue={(v) => `${formatNumber(v, language, 1)}%`}
            testId={`health-trend-${view.accountId}-${key}`}
          />
        ))}
      </div>
    </Card>
  );
}
