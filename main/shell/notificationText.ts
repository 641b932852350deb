// The words of the OS notifications, in the seller's language (Romanian by default).
import type { Settings } from '../../shared/settings';
import type { OrderNewEvent } from '../../shared/events';
import { minorToDecimal } from '../../shared/money';
import { joined, notificationText, type Text } from '../core/sync/notificationText';

type Language = Settings['language'];

export type NotificationText = Text;

const money = (lang: Language, minor: number, currency: string): string => {
  const amount = minorToDecimal(minor);
  return `${lang === 'ro' ? amount.replace('.', ',') : amount} ${currency}`;
};

export const shellText = {
  /** Title: order number and total; body: customer and first product, then the account. */
  orderNew(lang: Language, order: OrderNewEvent): NotificationText {
    const total = money(lang, order.totalMinor, order.currency);
    const customer = order.customerName ?? (lang === 'en' ? 'Customer unknown' : 'Client necunoscut');
    return {
      title: lang === 'en' ? `New order #${order.orderId} · ${total}` : `Comandă nouă #${order.orderId} · ${total}`,
      body: `${joined(customer, order.firstProduct)}\n${order.account}`,
    };
  },

  /** Many orders at once: one notification with the count and how they split over accounts. */
  ordersNew(lang: Language, orders: readonly OrderNewEvent[]): NotificationText {
    const perAccount = new Map<string, number>();
    for (const order of orders) perAccount.set(order.account, (perAccount.get(order.account) ?? 0) + 1);
    return {
      title: lang === 'en' ? `${orders.length} new orders` : `${orders.length} comenzi noi`,
      body: [...perAccount].map(([account, count]) => `${account}: ${count}`).join(' · '),
    };
  },

  accountFailing(lang: Language, account: string, reason: string | null): NotificationText {
    return {
      title: lang === 'en' ? `${account}: sync is failing` : `${account}: sincronizarea eșuează`,
      body:
        reason ??
        (lang === 'en'
          ? 'MagFlow keeps retrying. Details in Diagnostics.'
          : 'MagFlow reîncearcă. Detalii în Diagnostic.'),
    };
  },

  // The same words as the feed rows the sync writes for them.
  awb: notificationText.awb,
  invoice: notificationText.invoice,
};
