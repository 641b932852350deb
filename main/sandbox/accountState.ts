// Everything the sandbox holds for one seller account: credentials, orders, offers, courier accounts, AWBs and
// return requests (the latter generated lazily on first use).
import type { Platform } from '../../shared/domain';
import { COURIERS } from './catalogue';
import { generateOffers } from './generateOffers';
import { OrderGenerator } from './generateOrders';
import { generateReturns, returnFor } from './generateReturns';
import { Rng, mixSeed } from './random';
import { answersFor, type Answers } from './liveForms';
import { OrderStore } from './orderStore';
import { emagTimeFor, type EmagTime } from './platformTime';
import type { EmagAwbRecord, EmagCourierAccount, EmagOfferRecord, EmagRmaRecord } from './records';
import type { SandboxAccountSpec } from './types';

export interface AccountSetup {
  spec: SandboxAccountSpec;
  index: number;
  seed: number;
  orders: number;
  offers: number;
  nowMs: number;
  clock: () => number;
  /** Tidy shapes only (no live forms). */
  plain: boolean;
}

export class AccountState {
  readonly spec: SandboxAccountSpec;
  readonly index: number;
  readonly seed: number;
  readonly orderType: number;
  readonly platform: Platform;
  /** eMAG dates of this account, in its platform's zone. */
  readonly time: EmagTime;
  /** Answers in today's tidy shapes only (no live forms). */
  readonly plain: boolean;
  /** How read routes write this account's records out (live forms unless plain). */
  readonly answer: Answers;
  readonly offers: EmagOfferRecord[];
  readonly offersById = new Map<number, EmagOfferRecord>();
  readonly courierAccounts: EmagCourierAccount[];
  readonly generator: OrderGenerator;
  readonly orders: OrderStore;
  readonly awbs: EmagAwbRecord[] = [];
  private returns: EmagRmaRecord[] | null = null;
  /** Returns added after the generated ones (tests, the demo stream). */
  private returnSeq = 0;
  private nextAwbId: number;
  /** Line ids for products added through order/save, above every generated line id. */
  private nextLineId: number;

  constructor(setup: AccountSetup) {
    const { spec, index, seed } = setup;
    this.spec = spec;
    this.index = index;
    this.seed = seed;
    this.orderType = spec.kind === 'fbe' ? 2 : 3;
    this.platform = spec.platform ?? 'emag-ro';
    this.time = emagTimeFor(this.platform);
    this.plain = setup.plain;
    this.answer = answersFor(seed, index, setup.plain);
    this.offers = generateOffers(seed, index, setup.offers);
    for (const offer of this.offers) this.offersById.set(offer.id, offer);
    this.courierAccounts = COURIERS.map((c, k) => ({
      account_id: 5100 + index * 100 + k,
      account_display_name: `${c.display} - ${spec.username}`,
      courier_account_type: k === 0 ? 3 : 2,
      courier_name: c.courier_name,
      courier_account_properties: [...c.properties],
      created: this.time.format(Date.UTC(2023, 2 + k, 10 + k, 9, 30, 0)),
      status: 1,
      pickup_country_code: 'RO',
    }));
    // Order lines need products even when the account lists no offers: use a hidden pool then.
    const products = this.offers.length > 0 ? this.offers : generateOffers(seed, index + 1000, 20, 90_001);
    this.generator = new OrderGenerator({
      seed,
      accountIndex: index,
      kind: spec.kind,
      products,
      courierAccountIds: this.courierAccounts.map((c) => c.account_id),
      time: this.time,
      plain: this.plain,
    });
    this.orders = new OrderStore(this.generator, setup.clock, this.time);
    for (const order of this.generator.generateHistory(setup.orders, setup.nowMs)) this.orders.add(order);
    this.nextAwbId = 900_000_000 + index * 10_000_000;
    this.nextLineId = (index + 1) * 100_000_000 + 95_000_000;
  }

  get username(): string {
    return this.spec.username;
  }

  /** Return requests, generated from finalized orders the first time they are asked for. */
  rmas(nowMs: number): EmagRmaRecord[] {
    if (!this.returns) this.returns = generateReturns(this, nowMs);
    return this.returns;
  }

  /**
   * A new return request placed now (status 2 new) for a finalized order that has none yet (the given one, or the
   * latest); null when there is no such order.
   */
  addReturn(nowMs: number, orderId?: number): EmagRmaRecord | null {
    const returns = this.rmas(nowMs);
    const taken = new Set(returns.map((r) => r.order_id));
    const order =
      orderId === undefined
        ? this.orders
            .all()
            .filter((o) => o.status === 4 && !taken.has(o.id))
            .sort((a, b) => b.id - a.id)[0]
        : this.orders.get(orderId);
    if (!order) return null;
    this.returnSeq += 1;
    const record = returnFor(this, order, {
      emagId: 2_900_000 + this.index * 1_000_000 + this.returnSeq,
      lineId: 5_900_000 + this.index * 1_000_000 + this.returnSeq,
      rng: new Rng(mixSeed(this.seed, this.index, 0x0e7b, this.returnSeq)),
      date: this.time.format(nowMs),
      status: 2,
    });
    returns.push(record);
    return record;
  }

  /** A return request by its eMAG id. */
  rma(nowMs: number, emagId: number): EmagRmaRecord | undefined {
    return this.rmas(nowMs).find((r) => r.emag_id === emagId);
  }

  takeLineId(): number {
    this.nextLineId += 1;
    return this.nextLineId;
  }

  takeAwbId(): number {
    this.nextAwbId += 1;
    return this.nextAwbId;
  }
}
