// One outbox action: its kind and state, the AWB number once sent, attempts and the next one, why it failed (in the
// window's language), and the retry button.
import { useTranslation } from 'react-i18next';
import type { OutboxAction } from '../../../shared/domain';
import { ActionFailureNotice } from '../components/ActionFailure';
import { DateTime } from '../components/Formatted';
import { attemptAction, useOrderDetail } from '../stores/orderDetail';

/** The AWB number eMAG gave a sent AWB action (what the seller writes on the parcel or looks up at the courier). */
function awbNumberOf(action: OutboxAction): string | null {
  const number = action.kind === 'awb' && action.state === 'sent' ? action.result?.awbNumber : null;
  return typeof number === 'string' && number !== '' ? number : null;
}

export function OutboxItem({ action, disabled }: { action: OutboxAction; disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <li className="action-item" data-testid={`action-${action.id}`}>
      <div className="action-line">
        <strong>{t(`outboxKind.${action.kind}`)}</strong>
        <span
          className={`badge state-${action.state}`}
          data-testid={`action-state-${action.id}`}
          data-state={action.state}
        >
          {t(`outboxState.${action.state}`)}
        </span>
        <span className="muted small">
          <DateTime value={action.sentAt ?? action.createdAt} />
        </span>
      </div>
      {awbNumberOf(action) && (
        <div data-testid={`action-awb-${action.id}`}>
          {t('order.awbNumber')}: <strong className="num">{awbNumberOf(action)}</strong>
        </div>
      )}
      {action.attempts > 0 && action.state !== 'sent' && (
        <div className="muted small">
          {t('order.attempts', { count: action.attempts })}
          {action.state === 'pending' && action.nextAttemptAt && (
            <>
              {' · '}
              {t('order.nextAttempt')} <DateTime value={action.nextAttemptAt} />
            </>
          )}
        </div>
      )}
      {action.state !== 'sent' && (
        <ActionFailureNotice
          failure={action.failure}
          fallback={action.lastError}
          failed={action.state === 'failed'}
          testId={`action-error-${action.id}`}
        />
      )}
      {action.state === 'failed' && (
        <div>
          <button
            type="button"
            className="btn btn-small"
            disabled={disabled}
            onClick={() => void attemptAction(() => useOrderDetail.getState().retry(action.id))}
            data-testid={`action-retry-${action.id}`}
          >
            {t('order.retry')}
          </button>
        </div>
      )}
    </li>
  );
}
