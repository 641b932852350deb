// The shipping-deadline pop-up's words (issue 17 §1), in both languages. Pure, so the wording is tested without Electron.
import type { Settings } from '../../shared/settings';
import type { TodayItem } from '../../shared/today';
import { messages } from '../core/messages/catalogue';
import type { NotificationText } from './notificationText';

type Language = Settings['language'];

/** "2 h 05 min" / "45 min". */
export function minutesText(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  return m >= 60 ? `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min` : `${m} min`;
}

export function deadlineText(lang: Language, items: readonly TodayItem[], now: Date): NotificationText {
  const text = messages(lang).today;
  const first = items[0]!;
  const left = minutesText((Date.parse(first.deadlineAt ?? '') - now.getTime()) / 60_000);
  if (items.length === 1) {
    return {
      title: text.shipWithin(first.orderId, left),
      body: text.deadlineNear(first.customerName, first.account),
    };
  }
  return { title: text.manyNear(items.length), body: text.firstIn(left) };
}
