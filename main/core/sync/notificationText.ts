// Titles and bodies of the notification feed rows the sync writes, in the seller's language (Romanian by default).
import type { JobName, OrderStatus, OutboxKind } from '../../../shared/domain';
import type { Settings } from '../../../shared/settings';
import { minorToDecimal } from '../../../shared/money';

type Language = Settings['language'];

export interface Text {
  title: string;
  body: string;
}

const STATUS_NAMES: Record<Language, Record<OrderStatus, string>> = {
  ro: { 0: 'anulată', 1: 'nouă', 2: 'în procesare', 3: 'pregătită', 4: 'finalizată', 5: 'returnată' },
  en: { 0: 'canceled', 1: 'new', 2: 'in progress', 3: 'prepared', 4: 'finalized', 5: 'returned' },
};

const ACTION_NAMES: Record<Language, Record<OutboxKind, string>> = {
  ro: {
    acknowledge: 'confirmare',
    status: 'schimbare de status',
    awb: 'emitere AWB',
    invoice: 'atașare factură',
    offer: 'modificare ofertă',
    return: 'schimbare status retur',
  },
  en: {
    acknowledge: 'acknowledge',
    status: 'status change',
    awb: 'AWB',
    invoice: 'invoice attachment',
    offer: 'offer edit',
    return: 'return status change',
  },
};

/** The job in words, as the window names it (a seller does not know "new-orders"). */
const JOB_WORDS: Record<Language, Record<JobName, string>> = {
  ro: {
    'new-orders': 'comenzi noi',
    'order-changes': 'modificări comenzi',
    'send-actions': 'acțiuni către eMAG',
    offers: 'oferte',
    maintenance: 'întreținere',
    health: 'verificare stare',
    returns: 'retururi',
  },
  en: {
    'new-orders': 'new orders',
    'order-changes': 'order changes',
    'send-actions': 'actions to eMAG',
    offers: 'offers',
    maintenance: 'maintenance',
    health: 'health check',
    returns: 'returns',
  },
};

const money = (minor: number, currency: string): string => `${minorToDecimal(minor)} ${currency}`;
/** The non-empty parts, one line. */
export const joined = (...parts: (string | null | undefined)[]): string => parts.filter(Boolean).join(' · ');

/** Romanian plural forms (CLDR): 1 ofertă, 2-19 oferte (and 0), 20 de oferte. */
function roCount(count: number, one: string, few: string): string {
  if (count === 1) return `1 ${one}`;
  const rest = count % 100;
  return count === 0 || (rest >= 1 && rest <= 19) ? `${count} ${few}` : `${count} de ${few}`;
}

export const notificationText = {
  orderNew(
    lang: Language,
    order: { id: number; account: string; totalMinor: number; currency: string; customerName: string | null },
  ): Text {
    return {
      title: lang === 'en' ? `New order #${order.id}` : `Comandă nouă #${order.id}`,
      body: joined(order.account, money(order.totalMinor, order.currency), order.customerName),
    };
  },

  /** The first import of an account, summed up in one row. */
  ordersImported(lang: Language, account: string, count: number): Text {
    return {
      title: lang === 'en' ? `${count} orders imported` : `${count} comenzi importate`,
      body: account,
    };
  },

  /** Many new orders in one go after the first import (a long absence): one row instead of one each. */
  ordersNew(lang: Language, account: string, count: number): Text {
    return { title: lang === 'en' ? `${count} new orders` : `${count} comenzi noi`, body: account };
  },

  orderStatus(lang: Language, account: string, orderId: number, status: OrderStatus): Text {
    const name = STATUS_NAMES[lang][status];
    return {
      title: lang === 'en' ? `Order #${orderId} is ${name}` : `Comanda #${orderId} este ${name}`,
      body: account,
    };
  },

  awb(lang: Language, account: string, orderId: number, awbNumber: string | null): Text {
    return {
      title: lang === 'en' ? `AWB issued for order #${orderId}` : `AWB emis pentru comanda #${orderId}`,
      body: joined(account, awbNumber),
    };
  },

  invoice(lang: Language, account: string, orderId: number): Text {
    return {
      title: lang === 'en' ? `Invoice attached to order #${orderId}` : `Factură atașată la comanda #${orderId}`,
      body: account,
    };
  },

  actionFailed(lang: Language, account: string, orderId: number | null, kind: OutboxKind, reason: string): Text {
    const label = ACTION_NAMES[lang][kind];
    const order = orderId === null ? '' : lang === 'en' ? ` (order #${orderId})` : ` (comanda #${orderId})`;
    return {
      title: lang === 'en' ? `Action failed: ${label}${order}` : `Acțiune eșuată: ${label}${order}`,
      body: joined(account, reason),
    };
  },

  /** An offer went under its low-stock threshold. */
  lowStock(
    lang: Language,
    account: string,
    offer: { offerId: number; name: string; stock: number; threshold: number },
  ): Text {
    return {
      title: lang === 'en' ? `Low stock: ${offer.name}` : `Stoc redus: ${offer.name}`,
      body: joined(
        account,
        lang === 'en'
          ? `${offer.stock} left (threshold ${offer.threshold}) · offer ${offer.offerId}`
          : `${offer.stock} rămase (prag ${offer.threshold}) · oferta ${offer.offerId}`,
      ),
    };
  },

  /** Many offers went under their thresholds in one check: one row. */
  lowStockMany(lang: Language, account: string, count: number): Text {
    return {
      title:
        lang === 'en' ? `${count} offers are low on stock` : `${roCount(count, 'ofertă are', 'oferte au')} stoc redus`,
      body: account,
    };
  },

  syncFailed(lang: Language, account: string | null, job: JobName, reason: string): Text {
    return {
      title: lang === 'en' ? `Sync failed (${JOB_WORDS.en[job]})` : `Sincronizare eșuată (${JOB_WORDS.ro[job]})`,
      body: joined(account, reason),
    };
  },
};
