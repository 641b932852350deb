// The strip above every screen that says what needs the seller: a paused sync, an account whose sync fails (with
// its cause). It sits in the window's header area, so it shows at any window size and on every screen.
import { useTranslation } from 'react-i18next';
import { useHealth } from '../stores/health';
import { useNavigation } from '../stores/navigation';
import { useSync } from '../stores/sync';

export function HealthBanner() {
  const { t } = useTranslation();
  const paused = useSync((s) => s.state?.paused ?? false);
  const report = useHealth((s) => s.report);
  const navigate = useNavigation((s) => s.navigate);
  const troubled = (report?.accounts ?? []).filter((a) => a.level === 'failing' || a.level === 'degraded');
  if (!paused && troubled.length === 0) return null;
  return (
    <div className="health-banner" role="status" data-testid="health-banner">
      {paused && (
        <div className="health-banner-line level-paused" data-testid="banner-paused">
          <span>{t('truth.bannerPaused')}</span>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => void useSync.getState().setPaused(false)}
            data-testid="banner-resume"
          >
            {t('truth.resume')}
          </button>
        </div>
      )}
      {troubled.map((a) => (
        <div
          key={a.accountId}
          className={`health-banner-line level-${a.level}`}
          data-testid={`banner-account-${a.accountId}`}
          data-cause={a.cause ?? ''}
        >
          <span>
            {a.cause
              ? t('truth.bannerFailing', { account: a.account, cause: t(`causeTitle.${a.cause}`) })
              : t('truth.bannerDegraded', { account: a.account })}
          </span>
          <button type="button" className="btn btn-small" onClick={() => navigate({ screen: 'dashboard' })}>
            {t('truth.details')}
          </button>
        </div>
      ))}
    </div>
  );
}
