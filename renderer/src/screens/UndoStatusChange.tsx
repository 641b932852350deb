// The undo window of a status change: while it waits in the outbox (held until its next_attempt_at, the setting
// "actionUndoSec"), the seller sees what will be sent, a countdown and "Undo". Once due it is the drain's: no undo.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetail, OutboxAction } from '../../../shared/domain';
import { attemptAction, useOrderDetail } from '../stores/orderDetail';

/** Status changes not tried yet: held in their undo window until `nextAttemptAt`, or just due. */
export function untriedStatusChanges(order: OrderDetail): OutboxAction[] {
  return order.actions.filter(
    (a) => a.kind === 'status' && a.state === 'pending' && a.attempts === 0 && a.nextAttemptAt !== null,
  );
}

export function UndoStatusChange({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const busy = useOrderDetail((s) => s.busy);
  const [now, setNow] = useState(() => Date.now());
  const untried = untriedStatusChanges(order);
  const ticking = untried.length > 0;
  // The countdown ticks only while a change is waiting; a change queued between ticks shows at once (it is due
  // later than any earlier tick) and the next tick counts it down.
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [ticking]);
  const held = untried.filter((a) => Date.parse(a.nextAttemptAt!) > now);
  if (held.length === 0) return null;
  return (
    <>
      {held.map((action) => {
        const seconds = Math.max(1, Math.ceil((Date.parse(action.nextAttemptAt!) - now) / 1000));
        const status = Number(action.payload.status);
        const reason = typeof action.payload.reasonCancellation === 'number' ? action.payload.reasonCancellation : null;
        return (
          <div className="notice notice-info undo-notice" role="status" key={action.id} data-testid="undo-notice">
            <span>
              {t('undo.pending', { status: t(`orderStatus.${status}`), count: seconds })}
              {reason !== null && <> · {t('undo.reason', { reason: t(`cancelOrder.reasons.${reason}`) })}</>}
            </span>
            <button
              type="button"
              className="btn btn-small"
              disabled={busy !== null}
              onClick={() => void attemptAction(() => useOrderDetail.getState().undo(action.id))}
              data-testid="undo-button"
            >
              {t('undo.button')}
            </button>
          </div>
        );
      })}
    </>
  );
}
