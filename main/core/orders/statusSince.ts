// When a stored order entered its current status, by eMAG's clock: what eMAG's 48-hour and return windows count from.
import type { Platform } from '../../../shared/domain';
import { fromEmagDate } from '../clock';
import type { StoredOrder } from '../db';

const valid = (date: Date): Date | null => (Number.isNaN(date.getTime()) ? null : date);

/**
 * A finalized order's `finalization_date` when eMAG sent one; else the status history's entry for the current status
 * (recorded at eMAG's own time: `finalization_date` or `modified` of the answer that showed the new status); else, for
 * an order stored before MagFlow kept either, its `modified`.
 */
export function statusSinceOf(order: StoredOrder, platform: Platform): Date | null {
  const finalization = order.raw.finalization_date;
  if (order.status === 4 && typeof finalization === 'string') {
    const at = valid(fromEmagDate(finalization.trim(), platform));
    if (at) return at;
  }
  const entered = order.statusHistory.filter((entry) => entry.status === order.status).at(-1);
  if (entered) {
    const at = valid(new Date(entered.at));
    if (at) return at;
  }
  return valid(fromEmagDate(order.modified, platform));
}
