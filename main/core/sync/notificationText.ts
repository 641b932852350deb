// Titles and bodies of the notification feed rows the sync writes, in the seller's language (Romanian by default);
// every word comes from the main process's catalogue (main/core/messages/catalogue.ts).
import type { FailureCause } from '../../../shared/causes';
import type { JobName, OrderStatus, OutboxKind } from '../../../shared/domain';
import type { Settings } from '../../../shared/settings';
import { failureLine, messages } from '../messages/catalogue';

type Language = Settings['language'];

export interface Text {
  title: string;
  body: string;
}

/** The non-empty parts, one line. */
export const joined = (...parts: (string | null | undefined)[]): string => parts.filter(Boolean).join(' · ');

export const notificationText = {
  orderNew(
    lang: Language,
    order: { id: number; account: string; totalMinor: number; currency: string; customerName: string | null },
  ): Text {
    const text = messages(lang);
    return {
      title: text.notifications.newOrder(order.id),
      body: joined(order.account, text.money(order.totalMinor, order.currency), order.customerName),
    };
  },

  /** The first import of an account, summed up in one row. */
  ordersImported(lang: Language, account: string, count: number): Text {
    return { title: messages(lang).notifications.ordersImported(count), body: account };
  },

  /** Many new orders in one go after the first import (a long absence): one row instead of one each. */
  ordersNew(lang: Language, account: string, count: number): Text {
    return { title: messages(lang).notifications.newOrders(count), body: account };
  },

  orderStatus(lang: Language, account: string, orderId: number, status: OrderStatus): Text {
    const text = messages(lang);
    return { title: text.notifications.orderStatus(orderId, text.statuses[status]), body: account };
  },

  awb(lang: Language, account: string, orderId: number, awbNumber: string | null): Text {
    return { title: messages(lang).notifications.awb(orderId), body: joined(account, awbNumber) };
  },

  invoice(lang: Language, account: string, orderId: number): Text {
    return { title: messages(lang).notifications.invoice(orderId), body: account };
  },

  actionFailed(lang: Language, account: string, orderId: number | null, kind: OutboxKind, reason: string): Text {
    const text = messages(lang);
    return { title: text.notifications.actionFailed(text.actions[kind], orderId), body: joined(account, reason) };
  },

  /** An offer went under its low-stock threshold. */
  lowStock(
    lang: Language,
    account: string,
    offer: { offerId: number; name: string; stock: number; threshold: number },
  ): Text {
    const text = messages(lang).offers;
    return {
      title: text.lowStockTitle(offer.name),
      body: joined(account, text.lowStockBody(offer.stock, offer.threshold, offer.offerId)),
    };
  },

  /** Many offers went under their thresholds in one check: one row. */
  lowStockMany(lang: Language, account: string, count: number): Text {
    return { title: messages(lang).offers.lowStockMany(count), body: account };
  },

  /** The body says the cause in the seller's language and eMAG's own words, never the English detail. */
  syncFailed(
    lang: Language,
    account: string | null,
    job: JobName,
    failure: { cause: FailureCause | null; reason: string | null },
  ): Text {
    const text = messages(lang);
    return {
      title: text.notifications.syncFailed(text.jobs[job]),
      body: joined(account, failureLine(lang, failure.cause, failure.reason)),
    };
  },
};
