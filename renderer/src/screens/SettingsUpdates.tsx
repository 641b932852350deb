// Settings → Updates: whether this MagFlow updates itself and from where, what the updater is doing (checking,
// downloading with its progress, ready, waiting for a sync, installing), the last failure explained, "Check now" and,
// once an update is downloaded, "Restart to update". Updates are installed on quit anyway; the button does it now.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateStatusView } from '../../../shared/updates';
import { Card } from '../components/Card';
import { ErrorNotice } from '../components/ErrorNotice';
import { useGuardedCall } from '../components/useGuardedCall';
import { formatDateTime } from '../format/dates';
import { useUpdates } from '../stores/updates';

/** Which explanation an updater failure gets (electron-updater's codes, or Chromium's net::ERR_* names). */
export function updateErrorKind(code: string | null): 'checksum' | 'noRelease' | 'badRelease' | 'network' | 'other' {
  if (code === 'ERR_CHECKSUM_MISMATCH') return 'checksum';
  if (code === 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' || code === 'HTTP_ERROR_404') return 'noRelease';
  if (code && /^ERR_UPDATER_(INVALID_UPDATE_INFO|NO_FILES_PROVIDED|NO_CHECKSUM|INVALID_VERSION)$/.test(code)) {
    return 'badRelease';
  }
  if (
    code &&
    (/^ERR_(CONNECTION|NAME|INTERNET|TIMED|ADDRESS|NETWORK|PROXY|SSL|CERT)/.test(code) || /^HTTP_ERROR_/.test(code))
  ) {
    return 'network';
  }
  return 'other';
}

const megabytes = (bytes: number) => (bytes / 1_048_576).toFixed(1);

/** The failure explained (by its code), then the updater's own words. */
function FailureDetail({ error }: { error: NonNullable<UpdateStatusView['error']> }) {
  const { t } = useTranslation();
  return (
    <div data-testid="updates-error" data-code={error.code ?? ''} style={{ width: '100%' }}>
      <div>{t(`updates.errors.${updateErrorKind(error.code)}`)}</div>
      <div className="notice-detail small">{error.message}</div>
    </div>
  );
}

function StateNotice({ status }: { status: UpdateStatusView }) {
  const { t } = useTranslation();
  const version = status.availableVersion ?? '';
  const base = { 'data-testid': 'updates-state', 'data-state': status.state, role: 'status' } as const;
  switch (status.state) {
    case 'disabled':
      return (
        <div className="notice notice-info" {...base}>
          <strong>{t('updates.off')}</strong>
          <span>{t(`updates.disabled.${status.disabledReason ?? 'no-feed'}`)}</span>
        </div>
      );
    case 'idle':
      return (
        <div className="notice notice-ok" {...base}>
          {status.lastCheckedAt
            ? t('updates.upToDate', { version: status.currentVersion })
            : t('updates.notCheckedYet')}
        </div>
      );
    case 'checking':
      return (
        <div className="notice notice-info" {...base}>
          {t('updates.checking')}
        </div>
      );
    case 'downloading': {
      const p = status.progress;
      const percent = Math.round(p?.percent ?? 0);
      return (
        <div className="notice notice-info" {...base}>
          <strong>{t('updates.downloading', { version })}</strong>
          <div className="progress-wrap" style={{ width: '100%' }}>
            <div
              className="progress"
              role="progressbar"
              aria-label={t('updates.downloading', { version })}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
            >
              <div className="progress-fill" style={{ width: `${percent}%` }} />
            </div>
            <span className="progress-text" data-testid="updates-progress">
              {p && p.total > 0
                ? t('updates.progress', { percent, done: megabytes(p.transferred), total: megabytes(p.total) })
                : `${percent}%`}
            </span>
          </div>
          <span className="muted small">{t('updates.inBackground')}</span>
        </div>
      );
    }
    case 'downloaded':
      return (
        <div className="notice notice-ok" {...base}>
          <strong>{t('updates.ready', { version })}</strong>
          <span>{t('updates.readyHint')}</span>
          {status.installer === 'deb' && <span className="muted small">{t('updates.debPassword')}</span>}
        </div>
      );
    case 'waiting-for-sync':
      return (
        <div className="notice notice-info" {...base}>
          {t('updates.waitingForSync', { version })}
        </div>
      );
    case 'installing':
      return (
        <div className="notice notice-info" {...base}>
          {t('updates.installing', { version })}
        </div>
      );
    case 'error':
      return (
        <div className="notice notice-error" {...base}>
          <strong>{t('updates.failed')}</strong>
          <span>{t('updates.retryLater')}</span>
          {status.error && <FailureDetail error={status.error} />}
        </div>
      );
  }
}

export function UpdatesSection() {
  const { t, i18n } = useTranslation();
  const status = useUpdates((s) => s.status);
  const { error, busy, guard } = useGuardedCall();

  useEffect(() => {
    if (!useUpdates.getState().status) void guard(() => useUpdates.getState().load());
  }, [guard]);

  if (!status) return error ? <ErrorNotice error={error} testId="updates-load-error" /> : null;
  const failure = status.error;
  const canCheck = ['idle', 'error', 'downloaded'].includes(status.state);
  return (
    <Card title={t('updates.title')} testId="settings-updates">
      <dl className="facts">
        <dt>{t('updates.current')}</dt>
        <dd data-testid="updates-current">{status.currentVersion}</dd>
        {status.feed && (
          <>
            <dt>{t('updates.feed')}</dt>
            <dd>
              <code data-testid="updates-feed">{status.feed}</code>
            </dd>
          </>
        )}
        {status.installer && (
          <>
            <dt>{t('updates.installer')}</dt>
            <dd>{t(`updates.installers.${status.installer}`)}</dd>
          </>
        )}
        {status.lastCheckedAt && (
          <>
            <dt>{t('updates.lastChecked')}</dt>
            <dd>{formatDateTime(status.lastCheckedAt, i18n.language)}</dd>
          </>
        )}
        {status.nextCheckAt && status.state !== 'disabled' && (
          <>
            <dt>{t('updates.nextCheck')}</dt>
            <dd>{formatDateTime(status.nextCheckAt, i18n.language)}</dd>
          </>
        )}
      </dl>
      <StateNotice status={status} />
      {failure && status.state !== 'error' && (
        <div className="notice notice-error" role="alert">
          <FailureDetail error={failure} />
        </div>
      )}
      {error && <ErrorNotice error={error} testId="updates-call-error" />}
      {status.state !== 'disabled' && (
        <div className="form-actions">
          <button
            type="button"
            className="btn"
            disabled={busy || !canCheck}
            onClick={() => void guard(() => useUpdates.getState().check())}
            data-testid="updates-check"
          >
            {t('updates.checkNow')}
          </button>
          {status.state === 'downloaded' && (
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy}
              onClick={() => void guard(() => useUpdates.getState().install())}
              data-testid="updates-install"
            >
              {t('updates.restart')}
            </button>
          )}
        </div>
      )}
    </Card>
  );
}
