// Generates an account's orders from a seed: compact rows for the whole history (fast even at 100k), and the full
// eMAG record of one order on demand (customer, lines, vouchers), always the same for the same seed and index.
import {
  CUSTOMER_CANCEL_REASONS,
  COMPANY_SUFFIXES,
  COMPANY_WORDS,
  FIRST_NAMES_F,
  FIRST_NAMES_M,
  LAST_NAMES,
  LOCALITIES,
  LOCKER_NAMES,
  OTHER_CANCEL_REASONS,
  STREETS,
  VAT_RATES,
  VOUCHER_NAMES,
} from './catalogue';
import { withLiveData } from './liveData';
import { toUnits, unitsToDecimal } from './money';
import type { EmagTime } from './platformTime';
import { Rng, mixSeed } from './random';
import type { EmagCustomer, EmagOfferRecord, EmagOrderProduct, EmagOrderRecord, EmagOrderVoucher } from './records';
import type { StoredOrder } from './storedOrder';
import type { AccountKind } from './types';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const HISTORY_DAYS = 90;

export const PAYMENT_MODE_NAMES: Readonly<Record<number, string>> = {
  1: 'Ramburs',
  2: 'Ordin de plată',
  3: 'Card online',
};

export interface OrderGeneratorConfig {
  seed: number;
  accountIndex: number;
  kind: AccountKind;
  /** Offers order lines are drawn from (the account's catalogue, or a hidden pool when it has none). */
  products: readonly EmagOfferRecord[];
  /** Courier account ids of the account, for enforced couriers on locker orders. */
  courierAccountIds: readonly number[];
  /** The account's eMAG dates (its platform's zone). */
  time: EmagTime;
  /** Today's tidy data only: no recycling deposits, customer gaps, `finalization_date` or `flags`. */
  plain: boolean;
}

export class OrderGenerator {
  private readonly historyRng: Rng;
  /** Id of the newest order so far; new orders continue above it. */
  private lastId: number;
  private nextGenIndex = 0;

  constructor(private readonly config: OrderGeneratorConfig) {
    this.historyRng = new Rng(mixSeed(config.seed, config.accountIndex, 0x0da7));
    this.lastId = 400_000_000 + config.accountIndex * 20_000_000;
  }

  private get orderType(): number {
    return this.config.kind === 'fbe' ? 2 : 3;
  }

  /**
   * `count` historical orders over the last 90 days, oldest first, ids ascending with the date.
   * Most are old and finalized; the newest few hours hold the new and in-progress ones.
   */
  generateHistory(count: number, nowMs: number): StoredOrder[] {
    const rng = this.historyRng;
    const orders: StoredOrder[] = [];
    // Three time segments so even a small account has a few fresh orders: 88% over days -90..-2,
    // 8% over the last two days, 4% over the last six hours.
    const segments: [share: number, from: number, to: number][] = [
      [0.88, nowMs - HISTORY_DAYS * DAY, nowMs - 2 * DAY],
      [0.08, nowMs - 2 * DAY, nowMs - 6 * HOUR],
      [0.04, nowMs - 6 * HOUR, nowMs - 2 * MINUTE],
    ];
    const sizes = segments.map(([share]) => Math.floor(share * count));
    sizes[0] = count - (sizes[1] ?? 0) - (sizes[2] ?? 0);
    segments.forEach(([, from, to], s) => {
      const n = sizes[s] ?? 0;
      const step = (to - from) / Math.max(n, 1);
      for (let i = 0; i < n; i++) {
        const createdMs = Math.floor(from + i * step + rng.next() * step * 0.9);
        orders.push(this.historicalOrder(createdMs, nowMs));
      }
    });
    return orders;
  }

  private historicalOrder(createdMs: number, nowMs: number): StoredOrder {
    const rng = this.historyRng;
    const age = nowMs - createdMs;
    let status: number;
    if (age < 6 * HOUR)
      status = rng.weighted([
        [0.55, 1],
        [0.3, 2],
        [0.15, 0],
      ] as const);
    else if (age < 2 * DAY)
      status = rng.weighted([
        [0.4, 2],
        [0.3, 3],
        [0.2, 4],
        [0.1, 0],
      ] as const);
    else
      status = rng.weighted([
        [0.86, 4],
        [0.08, 0],
        [0.04, 5],
        [0.01, 3],
        [0.01, 2],
      ] as const);
    const paymentModeId = rng.weighted([
      [0.55, 1],
      [0.35, 3],
      [0.1, 2],
    ] as const);
    const cap = (ms: number): number => Math.min(ms, nowMs);
    let modifiedMs = createdMs;
    let finalizedMs: number | null = null;
    let cancelledMs: number | null = null;
    if (status === 2) modifiedMs = cap(createdMs + rng.int(5, 120) * MINUTE);
    else if (status === 3) modifiedMs = cap(createdMs + rng.int(2, 20) * HOUR);
    else if (status === 4 || status === 5) {
      finalizedMs = cap(createdMs + rng.int(4, 60) * HOUR);
      modifiedMs = status === 5 ? cap(finalizedMs + rng.int(5, 25) * DAY) : finalizedMs;
    } else if (status === 0) {
      cancelledMs = cap(createdMs + rng.int(3, 600) * MINUTE);
      modifiedMs = cancelledMs;
    }
    const id = this.takeId(rng);
    return {
      id,
      type: this.orderType,
      status,
      paymentModeId,
      isComplete: rng.chance(0.985) ? 1 : 0,
      createdMs,
      modifiedMs,
      finalizedMs,
      cancelledMs,
      genIndex: this.nextGenIndex++,
      record: null,
    };
  }

  private takeId(rng: Rng): number {
    this.lastId += rng.int(1, 7);
    return this.lastId;
  }

  /** A brand-new order (status 1) placed at `nowMs`; its record is built at once. */
  newOrder(nowMs: number): StoredOrder {
    const rng = this.historyRng;
    const order: StoredOrder = {
      id: this.takeId(rng),
      type: this.orderType,
      status: 1,
      paymentModeId: rng.weighted([
        [0.55, 1],
        [0.35, 3],
        [0.1, 2],
      ] as const),
      isComplete: 1,
      createdMs: nowMs,
      modifiedMs: nowMs,
      finalizedMs: null,
      cancelledMs: null,
      genIndex: this.nextGenIndex++,
      record: null,
    };
    order.record = this.materialize(order, nowMs);
    return order;
  }

  /** Raises the id counter (after an order was added with an explicit id). */
  noteId(id: number): void {
    if (id > this.lastId) this.lastId = id;
  }

  /** Builds the full eMAG record of a compact order; deterministic for (seed, account, genIndex). */
  materialize(order: StoredOrder, nowMs: number): EmagOrderRecord {
    const { config } = this;
    const rng = new Rng(mixSeed(config.seed, config.accountIndex, order.genIndex, 0x0de7));
    const { time } = config;
    const date = time.format(order.createdMs);
    const customer = this.customer(rng, date);
    const pickup = rng.chance(0.25);
    const lineCount = rng.weighted([
      [0.55, 1],
      [0.25, 2],
      [0.12, 3],
      [0.05, 4],
      [0.03, 5],
    ] as const);
    const chosen = rng.sample(config.products, lineCount);
    let grossUnits = 0;
    const products: EmagOrderProduct[] = chosen.map((offer, k) => {
      const vatRate = VAT_RATES.find((v) => v.vat_id === offer.vat_id)?.vat_rate ?? 0.21;
      const quantity = rng.weighted([
        [0.8, 1],
        [0.15, 2],
        [0.05, 3],
      ] as const);
      const priceUnits = toUnits(offer.sale_price);
      grossUnits += Math.round(priceUnits * quantity * (1 + vatRate));
      return {
        id: (config.accountIndex + 1) * 100_000_000 + order.genIndex * 8 + k + 1,
        product_id: offer.id,
        mkt_id: 70_000_000 + offer.id * 13 + config.accountIndex,
        name: offer.name,
        status: 1,
        part_number: offer.part_number,
        ext_part_number: offer.part_number,
        part_number_key: offer.part_number_key,
        currency: 'RON',
        vat: vatRate.toFixed(2),
        quantity,
        initial_qty: quantity,
        storno_qty: 0,
        sale_price: unitsToDecimal(priceUnits),
        original_price: unitsToDecimal(priceUnits),
        created: date,
        modified: date,
        details: '',
        product_voucher_split: [],
        recycle_warranties: [],
        serial_numbers: '',
      };
    });
    const vouchers: EmagOrderVoucher[] = [];
    const firstLine = products[0];
    if (firstLine && rng.chance(0.15)) {
      const [voucherName, offeredBy] = rng.pick(VOUCHER_NAMES);
      const vatRate = Number(firstLine.vat);
      const picked = rng.pick([10, 15, 20, 30]);
      // A voucher named for an amount ("Cupon fidelitate 15 lei") is worth that amount: a seller reads both.
      const named = /(\d+) lei/.exec(voucherName);
      const voucherGross = toUnits(named ? Number(named[1]) : picked);
      const net = Math.round(voucherGross / (1 + vatRate));
      const voucherId = rng.int(1_000_000, 9_999_999);
      vouchers.push({
        voucher_id: voucherId,
        voucher_name: voucherName,
        sale_price: unitsToDecimal(-net),
        sale_price_vat: unitsToDecimal(-(voucherGross - net)),
        vat: firstLine.vat,
        offered_by: offeredBy,
        issue_date: time.formatDay(order.createdMs),
        status: 1,
        created: date,
        modified: date,
      });
      firstLine.product_voucher_split.push({
        voucher_id: voucherId,
        value: unitsToDecimal(-net),
        vat_value: unitsToDecimal(-(voucherGross - net)),
        vat: firstLine.vat,
        offered_by: offeredBy,
        voucher_name: voucherName,
      });
      grossUnits -= voucherGross;
    }
    const emagClub = rng.chance(0.3) ? 1 : 0;
    const shippingUnits = grossUnits >= toUnits(200) || emagClub === 1 || order.type === 2 ? 0 : toUnits(19.99);
    const totalUnits = Math.max(grossUnits + shippingUnits, 0);
    const age = nowMs - order.createdMs;
    const paid =
      order.paymentModeId === 3
        ? rng.chance(0.97)
        : order.paymentModeId === 1
          ? order.status === 4 && age > 7 * DAY
          : order.status !== 1 && order.status !== 0;
    const total = totalUnits / 10_000;
    const localityId = customer.shipping_locality_id ?? '';
    const courierIds = config.courierAccountIds;
    const record: EmagOrderRecord = {
      id: order.id,
      status: order.status,
      type: order.type,
      is_complete: order.isComplete,
      payment_mode_id: order.paymentModeId,
      payment_mode: PAYMENT_MODE_NAMES[order.paymentModeId] ?? '',
      detailed_payment_method:
        order.paymentModeId === 3 && rng.chance(0.1) ? 'eCREDIT' : (PAYMENT_MODE_NAMES[order.paymentModeId] ?? ''),
      payment_status: paid ? 1 : 0,
      delivery_mode: pickup ? 'pickup' : 'courier',
      details: pickup
        ? {
            locker_id: `${rng.chars('0123456789abcdef', 8)}-${rng.chars('0123456789abcdef', 4)}-11e8-a7d8-${rng.chars('0123456789abcdef', 12)}`,
            locker_name: rng.pick(LOCKER_NAMES),
            locker_delivery_eligible: 1,
          }
        : [],
      date,
      modified: time.format(order.modifiedMs),
      shipping_tax: unitsToDecimal(shippingUnits),
      shipping_tax_voucher_split: [],
      cashed_co: paid && order.paymentModeId === 3 ? total : 0,
      cashed_cod: paid && order.paymentModeId === 1 ? total : 0,
      refunded_amount: '0',
      currency: 'RON',
      customer,
      products,
      vouchers,
      attachments: [],
      reason_cancellation:
        order.status === 0
          ? order.modifiedMs - order.createdMs < 6 * HOUR
            ? rng.pick(CUSTOMER_CANCEL_REASONS)
            : rng.pick(OTHER_CANCEL_REASONS)
          : null,
      enforced_vendor_courier_accounts:
        pickup && order.type === 3 && courierIds.length > 0 ? [courierIds[0] as number] : null,
      billing_locality_id: customer.billing_locality_id,
      shipping_locality_id: localityId,
      courier_external_office_id: null,
      is_storno: false,
      emag_club: emagClub as 0 | 1,
      maximum_date_for_shipment: time.format(order.createdMs + 2 * DAY),
    };
    return config.plain ? record : withLiveData(record, order, config);
  }

  private customer(rng: Rng, date: string): EmagCustomer {
    const female = rng.chance(0.5);
    const first = female ? rng.pick(FIRST_NAMES_F) : rng.pick(FIRST_NAMES_M);
    const name = `${rng.pick(LAST_NAMES)} ${first}`;
    const company = rng.chance(0.08);
    const companyName = company
      ? `${rng.pick(COMPANY_WORDS)} ${rng.pick(COMPANY_WORDS)} ${rng.pick(COMPANY_SUFFIXES)}`
      : name;
    const phone = `07${rng.int(2, 9)}${rng.digits(7)}`;
    const place = rng.pick(LOCALITIES);
    const street = `${rng.pick(STREETS)} nr. ${rng.int(1, 180)}${rng.chance(0.4) ? `, bl. ${rng.chars('ABCDEFGH', 1)}${rng.int(1, 30)}, ap. ${rng.int(1, 90)}` : ''}`;
    const postal = `${place.postalPrefix}${rng.digits(4)}`;
    const customerId = rng.int(1_000_000, 99_999_999);
    return {
      id: customerId,
      mkt_id: customerId,
      name,
      email: `${rng.chars('0123456789abcdef', 24)}@emag-customer.ro`,
      company: companyName,
      gender: female ? 'F' : 'M',
      code: company ? `RO${rng.digits(8)}` : null,
      registration_number: company ? `J${rng.int(1, 52)}/${rng.int(100, 9999)}/${rng.int(2005, 2024)}` : null,
      bank: company ? rng.pick(['Banca Transilvania', 'BCR', 'BRD', 'ING Bank', 'Raiffeisen Bank']) : null,
      iban: company ? `RO${rng.digits(2)}BTRL${rng.digits(16)}` : null,
      fax: null,
      legal_entity: company ? 1 : 0,
      is_vat_payer: company ? 1 : 0,
      phone_1: phone,
      phone_2: '',
      phone_3: '',
      billing_name: companyName,
      billing_phone: phone,
      billing_country: 'RO',
      billing_suburb: place.county,
      billing_city: place.city,
      billing_locality_id: place.id,
      billing_street: street,
      billing_postal_code: postal,
      shipping_country: 'RO',
      shipping_suburb: place.county,
      shipping_city: place.city,
      shipping_locality_id: place.id,
      shipping_street: street,
      shipping_postal_code: postal,
      shipping_contact: name,
      shipping_phone: phone,
      created: date,
      modified: date,
    };
  }
}
