// A failure in the seller's language: its cause, eMAG's own words (quoted, when it gave any) and what to do. The
// English technical detail stays in the logs and Diagnostics; the window never shows it in place of the cause.
import { useTranslation } from 'react-i18next';
import type { FailureCause } from '../../../shared/causes';
import type { JobName } from '../../../shared/domain';

export function FailureExplained({
  cause,
  reason,
  job,
  testId,
  advice,
}: {
  cause: FailureCause;
  reason?: string | null;
  job?: JobName | null;
  testId?: string;
  /** What to do when the cause's usual advice does not fit where the failure is shown (a refused action). */
  advice?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="failure-explained" data-testid={testId ?? 'failure-explained'} data-cause={cause}>
      <strong data-testid="failure-cause">{t(`causeTitle.${cause}`)}</strong>
      {job && <span className="muted small">{t('truth.inJob', { job: t(`jobs.${job}`) })}</span>}
      {reason && (
        <span className="failure-reason" data-testid="failure-reason">
          {t('truth.emagSays', { reason })}
        </span>
      )}
      <span className="failure-advice" data-testid="failure-advice">
        {t('truth.whatToDo')} {advice ?? t(`causeAdvice.${cause}`)}
      </span>
    </div>
  );
}
