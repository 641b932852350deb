// #17 AWB a seller can finish: locality search, AWBs issued with the saved defaults (Settings › Shipping), labels
// saved and opened. One service so the window, the CLI and bulk work (many orders) call the same functions.
import { enforcedCouriersOf } from '../../../shared/awb';
import type { OutboxAction } from '../../../shared/domain';
import type { AwbParty } from '../../../shared/ipc';
import type { LabelFormat, Settings, ShippingSender } from '../../../shared/settings';
import { codMinorFor, type AwbLabelFile, type LocalityOption, type MergedAwbLabels } from '../../../shared/shipping';
import type { AppCache } from '../cache/appCache';
import type { Clock } from '../clock';
import type { Repositories } from '../db';
import type { EmagClient } from '../emag';
import { invalidInput, notFound } from '../errors';
import type { OrderActions } from '../orders/actions';
import type { FileOpener } from './fileOpener';
import { labelStore, pdfPageCount } from './labels';
import { localitySearch } from './localities';
import type { Language } from '../messages/catalogue';

export interface ShippingDeps {
  repos: Repositories;
  cache: Pick<AppCache, 'wrap'>;
  clientFor(accountId: number): EmagClient;
  settings(): Settings;
  actions: Pick<OrderActions, 'generateAwb'>;
  opener: FileOpener;
  dataDir: string;
  clock: Clock;
}

/** The saved pickup address as awb/save's sender (the locality's name is only for the window). */
export const senderParty = ({ localityName: _shown, zipcode, ...sender }: ShippingSender): AwbParty => ({
  ...sender,
  ...(zipcode ? { zipcode } : {}),
});

export interface LabelOptions {
  format?: LabelFormat | undefined;
  /** Open with the OS viewer; default: the seller's setting. */
  open?: boolean | undefined;
  /** The language of the reasons an order was left out: the window's; English (the CLI's) when absent. */
  language?: Language | undefined;
}

export function shippingService(deps: ShippingDeps) {
  const labels = labelStore(deps);
  const search = localitySearch(deps);
  const formatOf = (options: LabelOptions): LabelFormat => options.format ?? deps.settings().shipping.labelFormat;
  const openIfAsked = async (path: string, options: LabelOptions): Promise<boolean> =>
    (options.open ?? deps.settings().shipping.openLabel) ? deps.opener.open(path) : false;

  return {
    searchLocalities(accountId: number, query: string, county?: string): Promise<LocalityOption[]> {
      if (!deps.repos.accounts.get(accountId)) throw notFound('account', accountId);
      return search(accountId, query, county);
    },

    /**
     * Queues an AWB for the order with the saved defaults: the pickup address and parcel settings from Settings, the
     * receiver from the order, cash on delivery from the order's total (COD orders only), the courier eMAG enforces
     * for the order (its first) or the seller's default account. For bulk work and `magflow awb`.
     */
    issueWithDefaults(accountId: number, orderId: number): OutboxAction {
      const shipping = deps.settings().shipping;
      if (!shipping.sender) {
        throw invalidInput([{ path: 'shipping.sender', message: (text) => text.errors.shipping.senderMissing }]);
      }
      const order = deps.repos.orders.get(accountId, orderId);
      if (!order) throw notFound('order', orderId);
      const enforced = enforcedCouriersOf(order.raw);
      return deps.actions.generateAwb({
        accountId,
        orderId,
        sender: senderParty(shipping.sender),
        parcels: shipping.parcels,
        envelopes: shipping.envelopes,
        weightKg: shipping.weightKg,
        oversize: shipping.oversize,
        codMinor: codMinorFor(order),
        ...(enforced && enforced.length > 0 ? { courierAccountId: enforced[0] } : {}),
      });
    },

    async label(accountId: number, orderId: number, options: LabelOptions = {}): Promise<AwbLabelFile> {
      const format = formatOf(options);
      const { path, bytes } = await labels.label(accountId, orderId, format);
      return { path, format, pages: await pdfPageCount(bytes), opened: await openIfAsked(path, options) };
    },

    async mergedLabels(
      orders: readonly { accountId: number; orderId: number }[],
      options: LabelOptions = {},
    ): Promise<MergedAwbLabels> {
      const format = formatOf(options);
      const merged = await labels.merged(orders, format, options.language);
      return { ...merged, format, opened: await openIfAsked(merged.path, options) };
    },
  };
}

export type ShippingService = ReturnType<typeof shippingService>;
