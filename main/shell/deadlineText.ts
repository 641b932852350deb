// The shipping-deadline pop-up's words (issue 17 §1), in both languages. Pure, so the wording is tested without Electron.
import type { Settings } from '../../shared/settings';
import type { TodayItem } from '../../shared/today';
import type { NotificationText } from './notificationText';

type Language = Settings['language'];

const ro = (n: number, one: string, few: string): string =>
  n === 1 ? `${n} ${one}` : n === 0 || (n % 100 >= 1 && n % 100 <= 19) ? `${n} ${few}` : `${n} de ${few}`;

/** "2 h 05 min" / "45 min". */
export function minutesText(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  return m >= 60 ? `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min` : `${m} min`;
}

export function deadlineText(lang: Language, items: readonly TodayItem[], now: Date): NotificationText {
  const en = lang === 'en';
  const first = items[0]!;
  const left = minutesText((Date.parse(first.deadlineAt ?? '') - now.getTime()) / 60_000);
  if (items.length === 1) {
    return {
      title: en ? `Order ${first.orderId}: ship within ${left}` : `Comanda ${first.orderId}: de expediat în ${left}`,
      body: en
        ? `${first.customerName ?? 'Customer'} · ${first.account}. eMAG's shipping deadline is near.`
        : `${first.customerName ?? 'Client'} · ${first.account}. Termenul de expediere eMAG se apropie.`,
    };
  }
  return {
    title: en
      ? `${items.length} orders near their shipping deadline`
      : `${ro(items.length, 'comandă', 'comenzi')} aproape de termenul de expediere`,
    body: en ? `The first in ${left}. Open Today in MagFlow.` : `Prima în ${left}. Deschide „Azi” în MagFlow.`,
  };
}
