// The orders CSV's words, in the window's two languages: headers and the labels of status, type, payment and
// acknowledgement, the same words the window shows (renderer/src/i18n/locales: orderStatus, payment, order.type*).
import type { Acknowledgement } from '../../../shared/orderRules';

export type CsvLanguage = 'ro' | 'en';

export interface CsvText {
  headers: Record<CsvColumn, string>;
  status: Record<number, string>;
  type: Record<number, string>;
  payment: Record<number, string>;
  otherPayment(id: number): string;
  acknowledgement: Record<Acknowledgement, string>;
}

export const ORDER_CSV_COLUMNS = [
  'account',
  'order_id',
  'created',
  'modified',
  'status',
  'type',
  'payment',
  'total',
  'currency',
  'customer',
  'phone',
  'locality',
  'acknowledged',
  'products',
] as const;

export type CsvColumn = (typeof ORDER_CSV_COLUMNS)[number];

export const CSV_TEXT: Record<CsvLanguage, CsvText> = {
  ro: {
    headers: {
      account: 'Cont',
      order_id: 'Nr. comandă',
      created: 'Plasată',
      modified: 'Modificată',
      status: 'Status',
      type: 'Livrare',
      payment: 'Plată',
      total: 'Total',
      currency: 'Monedă',
      customer: 'Client',
      phone: 'Telefon',
      locality: 'Localitate',
      acknowledged: 'Confirmată',
      products: 'Produse',
    },
    status: { 0: 'Anulată', 1: 'Nouă', 2: 'În procesare', 3: 'Pregătită', 4: 'Finalizată', 5: 'Returnată' },
    type: { 2: 'Livrată de eMAG (FBE)', 3: 'Livrată de tine' },
    payment: { 1: 'Ramburs', 2: 'Transfer bancar', 3: 'Card online' },
    otherPayment: (id) => `Mod ${id}`,
    acknowledgement: { acknowledged: 'da', waiting: 'nu', 'not-needed': 'nu e cazul' },
  },
  en: {
    headers: {
      account: 'Account',
      order_id: 'Order no.',
      created: 'Placed',
      modified: 'Modified',
      status: 'Status',
      type: 'Fulfilment',
      payment: 'Payment',
      total: 'Total',
      currency: 'Currency',
      customer: 'Customer',
      phone: 'Phone',
      locality: 'Locality',
      acknowledged: 'Acknowledged',
      products: 'Products',
    },
    status: { 0: 'Cancelled', 1: 'New', 2: 'In progress', 3: 'Prepared', 4: 'Finalized', 5: 'Returned' },
    type: { 2: 'Fulfilled by eMAG (FBE)', 3: 'Fulfilled by you' },
    payment: { 1: 'Cash on delivery', 2: 'Bank transfer', 3: 'Card online' },
    otherPayment: (id) => `Mode ${id}`,
    acknowledgement: { acknowledged: 'yes', waiting: 'no', 'not-needed': 'not needed' },
  },
};
