// A progress bar for a running sync: determinate when main knows the total, indeterminate otherwise.
import { useTranslation } from 'react-i18next';

export function ProgressBar({ done, total, label }: { done: number; total: number | null; label: string }) {
  const { t } = useTranslation();
  const pct = total && total > 0 ? Math.min(100, Math.round((done / total) * 100)) : null;
  return (
    <div className="progress-wrap">
      <div
        className={`progress${pct === null ? ' progress-indeterminate' : ''}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total ?? undefined}
        aria-valuenow={total ? done : undefined}
      >
        <div className="progress-fill" style={{ width: pct === null ? '30%' : `${pct}%` }} />
      </div>
      <span className="progress-text">
        {total ? t('sync.progressOf', { done, total }) : t('sync.progressCount', { done })}
      </span>
    </div>
  );
}
