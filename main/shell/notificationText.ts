// The words of the OS notifications, in the seller's language (Romanian by default), from the main process's
// catalogue (main/core/messages/catalogue.ts).
import type { FailureCause } from '../../shared/causes';
import type { Settings } from '../../shared/settings';
import type { OrderNewEvent } from '../../shared/events';
import { failureLine, messages } from '../core/messages/catalogue';
import { joined, notificationText, type Text } from '../core/sync/notificationText';

type Language = Settings['language'];

export type NotificationText = Text;

export const shellText = {
  /** Title: order number and total (formatted for the language); body: customer and first product, then the account. */
  orderNew(lang: Language, order: OrderNewEvent): NotificationText {
    const text = messages(lang);
    const customer = order.customerName ?? text.notifications.customerUnknown;
    return {
      title: text.notifications.newOrderWithTotal(order.orderId, text.money(order.totalMinor, order.currency)),
      body: `${joined(customer, order.firstProduct)}\n${order.account}`,
    };
  },

  /** Many orders at once: one notification with the count and how they split over accounts. */
  ordersNew(lang: Language, orders: readonly OrderNewEvent[]): NotificationText {
    const perAccount = new Map<string, number>();
    for (const order of orders) perAccount.set(order.account, (perAccount.get(order.account) ?? 0) + 1);
    return {
      title: messages(lang).notifications.newOrders(orders.length),
      body: [...perAccount].map(([account, count]) => `${account}: ${count}`).join(' · '),
    };
  },

  /** The cause in the seller's words and what to do; "keeps retrying" when the run recorded none. */
  accountFailing(
    lang: Language,
    account: string,
    failure: { cause: FailureCause | null; reason: string | null } | null,
  ): NotificationText {
    const text = messages(lang);
    return {
      title: text.notifications.accountFailing(account),
      body: failure?.cause
        ? `${failureLine(lang, failure.cause, failure.reason)}\n${text.causes[failure.cause].advice}`
        : text.notifications.keepsRetrying,
    };
  },

  // The same words as the feed rows the sync writes for them.
  awb: notificationText.awb,
  invoice: notificationText.invoice,
};
