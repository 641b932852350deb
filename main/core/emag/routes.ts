// The eMAG routes MagFlow calls: path, HTTP method, which rate-limit bucket they draw from, and whether a retry is safe.
export type RateBucketName = 'orders' | 'other';

export interface EmagRoute {
  /** Route template and metric label, e.g. `order/acknowledge` (ids are appended to the path, not the name). */
  name: string;
  method: 'POST' | 'PATCH' | 'GET';
  bucket: RateBucketName;
  /** A second budget the route also draws from (a slot is taken in both before it is sent). */
  alsoCounts?: RateBucketName;
  /**
   * False when sending twice could apply the change twice (a second AWB, a duplicate attachment): such routes are
   * retried only when the failure proves eMAG never got the request (429, connection refused).
   */
  idempotent: boolean;
}

const route = (name: string, idempotent = true, method: EmagRoute['method'] = 'POST'): EmagRoute => ({
  name,
  method,
  // eMAG's order budget covers every order/* route; everything else shares the small budget.
  bucket: name.startsWith('order/') ? 'orders' : 'other',
  idempotent,
});

export const ROUTES = {
  orderRead: route('order/read'),
  orderCount: route('order/count'),
  /** Acknowledging twice leaves the order in "in progress" both times: safe to retry. */
  orderAcknowledge: route('order/acknowledge'),
  /**
   * order/save sends the whole order as read: the same request twice yields the same order. The client downgrades
   * this per call for saves that add lines or return products (see orderSaveRoute in client.ts).
   */
  orderSave: route('order/save'),
  /** Sent to order/{orderId}/unlock-courier, the documented path; named without the id for logs and metrics. */
  orderUnlockCourier: route('order/unlock-courier'),
  /**
   * eMAG's resource list names `order/attachments` apart from `order`, so whether it spends the order budget or the
   * shared one is unclear: the safe reading takes a slot in both (docs/emag-client.md, "Write decisions").
   */
  orderAttachmentsSave: { ...route('order/attachments/save', false), bucket: 'other', alsoCounts: 'orders' },
  awbSave: route('awb/save', false),
  awbRead: route('awb/read'),
  /** GET awb/read_pdf?emag_id=..&awb_format=A4|A5|A6: the label as a PDF (spec, "Reading AWB PDF files"). */
  awbReadPdf: route('awb/read_pdf', true, 'GET'),
  courierAccountsRead: route('courier_accounts/read'),
  localityRead: route('locality/read'),
  offerRead: route('product_offer/read'),
  offerCount: route('product_offer/count'),
  offerSave: route('product_offer/save'),
  offerLightSave: route('offer/save'),
  offerStock: route('offer_stock', true, 'PATCH'),
  categoryRead: route('category/read'),
  categoryCount: route('category/count'),
  vatRead: route('vat/read'),
  handlingTimeRead: route('handling_time/read'),
  rmaRead: route('rma/read'),
  rmaCount: route('rma/count'),
  /** A status change sent twice leaves the return in that status (the matrix allows keeping a status): safe to retry. */
  rmaSave: route('rma/save'),
} as const satisfies Record<string, EmagRoute>;
