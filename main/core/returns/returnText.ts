// Titles and bodies of the returns and account-health notifications, in the seller's language (Romanian by default).
import type { HealthFigureKey } from '../../../shared/accountHealth';
import type { Settings } from '../../../shared/settings';
import { messages } from '../messages/catalogue';
import { joined, type Text } from '../sync/notificationText';

type Language = Settings['language'];

export const RETURN_STATUS_WORDS: Record<Language, Record<number, string>> = {
  ro: { 1: 'incompletă', 2: 'nouă', 3: 'aprobată', 4: 'respinsă', 5: 'anulată', 6: 'recepționată', 7: 'finalizată' },
  en: { 1: 'incomplete', 2: 'new', 3: 'approved', 4: 'refused', 5: 'canceled', 6: 'received', 7: 'finalized' },
};

export const HEALTH_FIGURE_WORDS: Record<Language, Record<HealthFigureKey, string>> = {
  ro: {
    lateShipmentRate: 'Rata de expediere întârziată',
    overdue: 'Comenzi cu termenul de expediere depășit',
    atRisk: 'Comenzi cu termenul de expediere în 24 de ore',
    invoiceRate: 'Rata de atașare a facturilor',
    sellerCancelRate: 'Rata de anulare din vina vânzătorului',
    returnsRate: 'Rata de retururi',
  },
  en: {
    lateShipmentRate: 'Late shipment rate',
    overdue: 'Orders past their shipping deadline',
    atRisk: 'Orders due to ship within 24 hours',
    invoiceRate: 'Invoice attachment rate',
    sellerCancelRate: 'Seller cancellation rate',
    returnsRate: 'Returns rate',
  },
};

export const returnText = {
  returnNew(
    lang: Language,
    rma: {
      emagId: number;
      account: string;
      orderId: number | null;
      customerName: string | null;
      firstProduct: string | null;
    },
  ): Text {
    const text = messages(lang).returns;
    const order = rma.orderId === null ? null : text.order(rma.orderId);
    return {
      title: text.newTitle(rma.emagId),
      body: joined(rma.account, order, rma.customerName, rma.firstProduct),
    };
  },

  healthCrossed(
    lang: Language,
    alert: { account: string; figure: HealthFigureKey; value: number; threshold: number; unit: 'count' | 'percent' },
  ): Text {
    const unit = alert.unit === 'percent' ? '%' : '';
    const name = HEALTH_FIGURE_WORDS[lang][alert.figure];
    const text = messages(lang).returns;
    return {
      title: text.healthTitle(alert.account, name),
      body: text.healthBody(`${alert.value}${unit}`, `${alert.threshold}${unit}`),
    };
  },
};
