// createEmagClient: the only code that talks to eMAG. Typed route functions over one account's request pipeline.
import { isCancellationReason } from '../../../shared/cancellationReasons';
import { z } from 'zod';
import { childLogger, redactText, silentLogger, withRedaction, type Logger } from '../logging';
import { createMetrics, type AppMetrics } from '../metrics';
import type { FetchLike } from './http';
import { configError } from './errors';
import { collectPages, unreadableRecord, walkPages, type ItemKey, type Page } from './pagination';
import type { LimiterTime } from './rateLimiter';
import { createRequester, type CallOptions, type ClientLimiterStats } from './request';
import type { BreakerStateName } from './resilience';
import { ROUTES, type EmagRoute } from './routes';
import { emagCountSchema, looseList, type EmagCount, type EmagSaveResult } from './schemas/common';
import {
  emagOfferSchema,
  type EmagOffer,
  type EmagOfferSaveInput,
  type EmagOfferUpdateInput,
  type OfferCountFilters,
  type OfferReadFilters,
} from './schemas/offers';
import {
  emagOrderSchema,
  rawEmagOrderSchema,
  type EmagAttachmentInput,
  type EmagOrder,
  type EmagOrderSaveInput,
  type OrderCountFilters,
  type OrderReadFilters,
  type RawEmagOrder,
} from './schemas/orders';
import { saveBodyOf } from './orderSave';
import { checkOfferWrites } from './offerChecks';
import { checkAwb } from './awbChecks';
import {
  emagCategorySchema,
  emagHandlingTimeSchema,
  emagVatRateSchema,
  type CategoryReadFilters,
  type EmagCategory,
  type EmagHandlingTime,
  type EmagVatRate,
} from './schemas/reference';
import { emagRmaSchema, type EmagRma, type RmaCountFilters, type RmaReadFilters } from './schemas/rma';
import {
  awbIdentityOf,
  emagAwbSaveResultSchema,
  emagAwbSchema,
  emagCourierAccountSchema,
  type AwbIdentity,
  type AwbReadFilters,
  type EmagAwb,
  type EmagAwbInput,
  type EmagCourierAccount,
  AWB_LABEL_FORMATS,
  emagLocalitySchema,
  type AwbLabelFormat,
  type EmagLocality,
  type LocalityReadFilters,
} from './schemas/shipping';
import { resolveEmagClientSettings, type EmagClientConfig } from './settings';
import { parseEach, resultsListSchema, type TolerantPage } from './tolerant';
import { checkBatch, checkDateWindow, checkPaging, requireId } from './validate';

export interface EmagClientDeps {
  /** Every line goes through redaction that knows this account's password first. */
  logger?: Logger;
  /** The app's metrics (one registry per app); a private registry is made when omitted. */
  metrics?: AppMetrics;
  /** Time for the rate limiter (tests pass fakes). Defaults to a monotonic clock and setTimeout. */
  clock?: { now(): Date };
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  fetch?: FetchLike;
}

/** A walk over every page of a read, plus the convenience of collecting it. */
export interface PagedRead<T, F> {
  /**
   * One page (at most 100 items), record by record: a record MagFlow cannot read is set aside with eMAG's JSON and
   * the reason, the others are returned (each with its JSON as sent: `rawOf`).
   */
  readPage(filters?: F, options?: CallOptions): Promise<TolerantPage<T>>;
  /** One page, all or nothing: a record MagFlow cannot read fails it with a `badResponse` naming the record. */
  read(filters?: F, options?: CallOptions): Promise<T[]>;
  /** Every page, in order, until a short page (set-aside records count towards a page's length). */
  pages(filters?: Omit<F, 'currentPage'>, options?: CallOptions): AsyncGenerator<Page<T>, void, undefined>;
  /** Every item of every page, each id once; all or nothing, like `read`. */
  readAll(filters?: Omit<F, 'currentPage'>, options?: CallOptions): Promise<T[]>;
}

export interface EmagClient {
  readonly account: string;
  readonly baseUrl: string;
  readonly orders: PagedRead<EmagOrder, OrderReadFilters> & {
    count(filters?: OrderCountFilters, options?: CallOptions): Promise<EmagCount>;
    /**
     * One page of orders exactly as eMAG sent them (only id and status checked): the base of every order/save, so a
     * field MagFlow cannot parse never blocks a write and every field goes back in the form it was read.
     */
    readRaw(filters?: OrderReadFilters, options?: CallOptions): Promise<RawEmagOrder[]>;
    /** New (1) -> in progress (2); only for seller-fulfilled (type 3) orders. Safe to repeat. */
    acknowledge(orderId: number, options?: CallOptions): Promise<EmagSaveResult>;
    /**
     * Sends whole orders as read (pass `readRaw`'s objects), with changes applied: eMAG requires every field read.
     * At most 50. Retried after an unclear failure only when it just restates orders; new lines and stornos are not
     * (docs/emag-client.md).
     */
    save(orders: EmagOrderSaveInput | readonly EmagOrderSaveInput[], options?: CallOptions): Promise<EmagSaveResult>;
    /** order/save of the order as read (`readRaw`) with a new status (allowed transitions: README §6). */
    /** `reasonCancellation`: with status 0, eMAG's cancellation reason code (v4.4.9, `reason_cancellation`). */
    changeStatus(
      order: EmagOrderSaveInput,
      status: number,
      options?: CallOptions,
      reasonCancellation?: number,
    ): Promise<EmagSaveResult>;
    /** POST order/{orderId}/unlock-courier (the documented path). */
    unlockCourier(orderId: number, options?: CallOptions): Promise<EmagSaveResult>;
  };
  readonly attachments: {
    /** Not idempotent: retried only when eMAG provably never got the request. At most 50. */
    save(
      attachments: EmagAttachmentInput | readonly EmagAttachmentInput[],
      options?: CallOptions,
    ): Promise<EmagSaveResult>;
  };
  readonly awb: {
    /**
     * Issues an AWB (finalizes the order). Checked against the text's rules first (a `config` error names every field
     * eMAG would refuse). Not idempotent: see docs/emag-client.md before retrying yourself.
     */
    save(awb: EmagAwbInput, options?: CallOptions): Promise<EmagAwb[]>;
    read(filters: AwbReadFilters, options?: CallOptions): Promise<EmagAwb[]>;
    /**
     * The number, eMAG id and reservation id of a saved AWB. eMAG's save answer carries the number nested
     * (`awb[0].awb_number`), flat, or not at all (ids only): then it is read back with awb/read.
     */
    identify(saved: readonly EmagAwb[], options?: CallOptions): Promise<AwbIdentity>;
    /** GET awb/read_pdf: the label of an AWB issued through the API (by its eMAG id), as PDF bytes. */
    readPdf(emagId: number, format: AwbLabelFormat, options?: CallOptions): Promise<Uint8Array>;
  };
  readonly localities: {
    /** One page of locality/read (100 at most): by name, county, id or country. */
    read(filters: LocalityReadFilters, options?: CallOptions): Promise<EmagLocality[]>;
  };
  readonly courierAccounts: {
    read(filters?: Record<string, unknown>, options?: CallOptions): Promise<EmagCourierAccount[]>;
  };
  readonly offers: PagedRead<EmagOffer, OfferReadFilters> & {
    count(filters?: OfferCountFilters, options?: CallOptions): Promise<EmagCount>;
    /** product_offer/save of existing offers (offer data only). At most 50. */
    save(offers: EmagOfferSaveInput | readonly EmagOfferSaveInput[], options?: CallOptions): Promise<EmagSaveResult>;
    /** The light offer/save: only the fields that change. At most 50. */
    update(
      offers: EmagOfferUpdateInput | readonly EmagOfferUpdateInput[],
      options?: CallOptions,
    ): Promise<EmagSaveResult>;
  };
  readonly offerStock: {
    /** PATCH offer_stock/{id}: stock alone (0-65535), sent as eMAG's warehouse list (warehouse 1 unless given). */
    update(offerId: number, stock: number, options?: CallOptions & { warehouseId?: number }): Promise<EmagSaveResult>;
  };
  readonly categories: PagedRead<EmagCategory, CategoryReadFilters> & {
    count(
      filters?: Omit<CategoryReadFilters, 'itemsPerPage' | 'currentPage'>,
      options?: CallOptions,
    ): Promise<EmagCount>;
  };
  readonly vat: { read(options?: CallOptions): Promise<EmagVatRate[]> };
  readonly handlingTime: { read(options?: CallOptions): Promise<EmagHandlingTime[]> };
  readonly rma: PagedRead<EmagRma, RmaReadFilters> & {
    count(filters?: RmaCountFilters, options?: CallOptions): Promise<EmagCount>;
    /** rma/save: return requests as read (all their fields), e.g. with a new request_status (spec "RMA – read and save/update"). */
    save(returns: readonly Record<string, unknown>[], options?: CallOptions): Promise<EmagSaveResult>;
  };
  /** Rate-limit budgets, waits and queues per bucket, and in-flight counts. */
  limiterStats(): ClientLimiterStats;
  breakerState(): BreakerStateName;
}

const anyResults = z.unknown();
/** A label answer: bytes that start like a PDF (the transport keeps only those as bytes). */
const pdfBytes = z.instanceof(Uint8Array);

/**
 * A read answer with no `results` at all is malformed, not an empty page: taken as empty, it would let a sync move
 * its watermark past orders it never saw (tests/reliability/garbage.test.ts sends such answers).
 */
const readResults = <T>(schema: z.ZodType<T>) =>
  z
    .any()
    .refine((value) => value !== undefined, { message: 'the answer has no results' })
    .pipe(looseList(schema));

/** How a paged resource names its records: the id key, and a word for messages. */
interface RecordKind<T> {
  idKey: string;
  what: string;
  keyOf: ItemKey<T>;
}

/**
 * order/save is safe to repeat when it only restates orders (status, quantities as absolute values). It is not when
 * it adds a product line (no line `id`: a repeat adds it twice) or is a storno (a repeat is refused as "no change",
 * hiding that the first one worked). Such saves are retried only when eMAG provably never got them.
 */
function orderSaveRoute(orders: readonly EmagOrderSaveInput[]): EmagRoute {
  const addsOrReturns = orders.some((order) => {
    const storno = order.is_storno;
    if (storno === true || storno === 1 || storno === 'true') return true;
    const lines = Array.isArray(order.products) ? (order.products as unknown[]) : [];
    return lines.some((line) => {
      const id = line !== null && typeof line === 'object' ? (line as { id?: unknown }).id : undefined;
      return id === undefined || id === null;
    });
  });
  return addsOrReturns ? { ...ROUTES.orderSave, idempotent: false } : ROUTES.orderSave;
}

function defaultTime(deps: EmagClientDeps): LimiterTime {
  const clock = deps.clock;
  return {
    // performance.now is monotonic: a wall-clock jump cannot stall or burst the limiter.
    now: clock ? () => clock.now().getTime() : () => performance.now(),
    sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    random: deps.random ?? Math.random,
  };
}

/**
 * Creates the client for one eMAG account. Create ONE per account and share it: the rate limiter, breaker and
 * in-flight caps live in the client, so two clients for the same account would each spend the full budget.
 * Throws an EmagError of kind `config` for invalid settings.
 */
export function createEmagClient(config: EmagClientConfig, deps: EmagClientDeps = {}): EmagClient {
  const settings = resolveEmagClientSettings(config);
  const basicToken = Buffer.from(`${settings.username}:${settings.password}`).toString('base64');
  const secrets = [settings.password, basicToken];
  const logger = withRedaction(childLogger(deps.logger ?? silentLogger, { account: settings.account }), secrets);
  const requester = createRequester(settings, {
    logger,
    scrub: (text) => redactText(text, { secrets }),
    metrics: (deps.metrics ?? createMetrics()).emag,
    fetch: deps.fetch ?? ((input, init) => fetch(input, init)),
    time: defaultTime(deps),
  });

  const saveResult = (result: { value: unknown; messages: string[] }): EmagSaveResult => ({
    messages: result.messages,
    results: result.value,
  });

  async function readList<T>(
    route: EmagRoute,
    schema: z.ZodType<T>,
    body: object,
    options: CallOptions = {},
  ): Promise<T[]> {
    const { value } = await requester.call({ route, body, schema: readResults(schema), ...options });
    return value;
  }

  async function count(route: EmagRoute, filters: object, options: CallOptions = {}): Promise<EmagCount> {
    const { value } = await requester.call({ route, body: filters, schema: emagCountSchema, ...options });
    return value;
  }

  async function save(route: EmagRoute, body: unknown, options: CallOptions = {}, path?: string) {
    return saveResult(await requester.call({ route, body, schema: anyResults, ...options, ...(path ? { path } : {}) }));
  }

  function pagedRead<T extends object, F extends { itemsPerPage?: number; currentPage?: number }>(
    route: EmagRoute,
    schema: z.ZodType<T>,
    kind: RecordKind<T>,
    check: (filters: F) => void = () => undefined,
  ): PagedRead<T, F> {
    const readPage = async (filters: F = {} as F, options?: CallOptions): Promise<TolerantPage<T>> => {
      checkPaging(filters, route.name);
      check(filters);
      const { value } = await requester.call({ route, body: filters, schema: resultsListSchema, ...options });
      return parseEach(schema, value, kind.idKey, kind.what);
    };
    const read = async (filters: F = {} as F, options?: CallOptions): Promise<T[]> => {
      const page = await readPage(filters, options);
      const odd = page.setAside[0];
      if (odd) throw unreadableRecord(route.name, odd).forAccount(settings.account);
      return page.items;
    };
    const pages = (filters: Omit<F, 'currentPage'> = {} as F, options?: CallOptions) => {
      const itemsPerPage = filters.itemsPerPage ?? settings.pageSize;
      return walkPages<T>((currentPage) => readPage({ ...filters, currentPage, itemsPerPage } as F, options), {
        route: route.name,
        itemsPerPage,
        keyOf: kind.keyOf,
      });
    };
    return {
      readPage,
      read,
      pages,
      readAll: (filters, options) => collectPages(pages(filters, options), kind.keyOf, route.name),
    };
  }

  const checkOrderFilters = (filters: OrderCountFilters): void => {
    checkDateWindow(filters.createdAfter, filters.createdBefore, 'created', ROUTES.orderRead.name);
    checkDateWindow(filters.modifiedAfter, filters.modifiedBefore, 'modified', ROUTES.orderRead.name);
  };
  const byId = (item: { id: number }): number => item.id;
  const orderKind: RecordKind<EmagOrder> = { idKey: 'id', what: 'order', keyOf: byId };
  const orderPages = pagedRead<EmagOrder, OrderReadFilters>(
    ROUTES.orderRead,
    emagOrderSchema,
    orderKind,
    checkOrderFilters,
  );
  const checkOrderSave = (order: EmagOrderSaveInput): void => {
    requireId(Number(order.id), 'order.id', ROUTES.orderSave.name);
  };

  /** The AWB as awb/read has it, for a save answer that carried only its ids (null when there is no id to ask by). */
  async function readBack(identity: AwbIdentity, options?: CallOptions): Promise<AwbIdentity | null> {
    const filters: AwbReadFilters | null =
      identity.reservationId !== null
        ? { reservation_id: identity.reservationId }
        : identity.emagId !== null
          ? { emag_id: identity.emagId }
          : null;
    if (!filters) return null;
    const found = await readList(ROUTES.awbRead, emagAwbSchema, filters, options);
    return found.map(awbIdentityOf).find((awb) => awb.awbNumber !== null) ?? null;
  }

  return {
    account: settings.account,
    baseUrl: settings.baseUrl,
    orders: {
      ...orderPages,
      readRaw: async (filters = {}, options) => {
        checkPaging(filters, ROUTES.orderRead.name);
        checkOrderFilters(filters);
        return readList(ROUTES.orderRead, rawEmagOrderSchema, filters, options);
      },
      count: async (filters = {}, options) => {
        checkOrderFilters(filters);
        return count(ROUTES.orderCount, filters, options);
      },
      acknowledge: async (orderId, options) => {
        const id = requireId(orderId, 'orderId', ROUTES.orderAcknowledge.name);
        return save(ROUTES.orderAcknowledge, undefined, options, `order/acknowledge/${id}`);
      },
      save: async (orders, options) => {
        const list = checkBatch(orders, 'orders', ROUTES.orderSave.name);
        list.forEach(checkOrderSave);
        const bodies = list.map((order) => saveBodyOf(order));
        return save(orderSaveRoute(bodies), bodies, options);
      },
      changeStatus: async (order, status, options, reasonCancellation) => {
        checkOrderSave(order);
        if (!Number.isInteger(status) || status < 0 || status > 5) {
          throw configError(`status must be an eMAG order status from 0 to 5 (got ${status})`, ROUTES.orderSave.name);
        }
        if (reasonCancellation !== undefined && (status !== 0 || !isCancellationReason(reasonCancellation))) {
          throw configError(
            `reason_cancellation goes with status 0 and must be one of eMAG's listed codes (got ${reasonCancellation})`,
            ROUTES.orderSave.name,
          );
        }
        const changes =
          reasonCancellation === undefined ? { status } : { status, reason_cancellation: reasonCancellation };
        const list = [saveBodyOf(order, changes)];
        return save(orderSaveRoute(list), list, options);
      },
      unlockCourier: async (orderId, options) => {
        const id = requireId(orderId, 'orderId', ROUTES.orderUnlockCourier.name);
        return save(ROUTES.orderUnlockCourier, undefined, options, `order/${id}/unlock-courier`);
      },
    },
    attachments: {
      save: async (attachments, options) =>
        save(
          ROUTES.orderAttachmentsSave,
          checkBatch(attachments, 'attachments', ROUTES.orderAttachmentsSave.name),
          options,
        ),
    },
    awb: {
      save: async (awb, options) => {
        checkAwb(awb, ROUTES.awbSave.name);
        const { value } = await requester.call({
          route: ROUTES.awbSave,
          body: awb,
          schema: emagAwbSaveResultSchema,
          ...options,
        });
        return value;
      },
      read: async (filters, options) => readList(ROUTES.awbRead, emagAwbSchema, filters, options),
      identify: async (saved, options) => {
        const identity =
          saved.map(awbIdentityOf).find((awb) => awb.awbNumber !== null) ?? awbIdentityOf(saved[0] ?? {});
        if (identity.awbNumber !== null) return identity;
        const read = await readBack(identity, options);
        return {
          awbNumber: read?.awbNumber ?? null,
          emagId: identity.emagId ?? read?.emagId ?? null,
          reservationId: identity.reservationId ?? read?.reservationId ?? null,
        };
      },
      readPdf: async (emagId, format, options) => {
        const id = requireId(emagId, 'emagId', ROUTES.awbReadPdf.name);
        if (!AWB_LABEL_FORMATS.includes(format)) {
          throw configError(
            `awb/read_pdf: the format is one of ${AWB_LABEL_FORMATS.join(', ')}`,
            ROUTES.awbReadPdf.name,
          );
        }
        const { value } = await requester.call({
          route: ROUTES.awbReadPdf,
          path: `${ROUTES.awbReadPdf.name}?emag_id=${id}&awb_format=${format}`,
          binary: true,
          schema: pdfBytes,
          ...options,
        });
        return value;
      },
    },
    localities: {
      read: async (filters, options) => {
        checkPaging(filters, ROUTES.localityRead.name);
        if ((filters.name?.length ?? 0) > 60) {
          throw configError('locality/read: name is at most 60 characters', ROUTES.localityRead.name);
        }
        return readList(ROUTES.localityRead, emagLocalitySchema, filters, options);
      },
    },
    courierAccounts: {
      read: async (filters = {}, options) =>
        readList(ROUTES.courierAccountsRead, emagCourierAccountSchema, filters, options),
    },
    offers: {
      ...pagedRead<EmagOffer, OfferReadFilters>(ROUTES.offerRead, emagOfferSchema, {
        idKey: 'id',
        what: 'offer',
        keyOf: byId,
      }),
      count: async (filters = {}, options) => count(ROUTES.offerCount, filters, options),
      save: async (offers, options) =>
        save(
          ROUTES.offerSave,
          checkOfferWrites(checkBatch(offers, 'offers', ROUTES.offerSave.name), ROUTES.offerSave.name),
          options,
        ),
      update: async (offers, options) =>
        save(
          ROUTES.offerLightSave,
          checkOfferWrites(checkBatch(offers, 'offers', ROUTES.offerLightSave.name), ROUTES.offerLightSave.name),
          options,
        ),
    },
    offerStock: {
      update: async (offerId, stock, options = {}) => {
        const route = ROUTES.offerStock.name;
        const id = requireId(offerId, 'offerId', route);
        if (!Number.isInteger(stock) || stock < 0 || stock > 65_535) {
          throw configError(`stock must be an integer from 0 to 65535 (got ${stock})`, route);
        }
        const { warehouseId = 1, ...callOptions } = options;
        const warehouse = requireId(warehouseId, 'warehouseId', route);
        // The documented stock form everywhere: a list of {warehouse_id, value} (a bare number is not accepted).
        return save(
          ROUTES.offerStock,
          { stock: [{ warehouse_id: warehouse, value: stock }] },
          callOptions,
          `offer_stock/${id}`,
        );
      },
    },
    categories: {
      ...pagedRead<EmagCategory, CategoryReadFilters>(ROUTES.categoryRead, emagCategorySchema, {
        idKey: 'id',
        what: 'category',
        keyOf: byId,
      }),
      count: async (filters = {}, options) => count(ROUTES.categoryCount, filters, options),
    },
    vat: { read: async (options) => readList(ROUTES.vatRead, emagVatRateSchema, {}, options) },
    handlingTime: { read: async (options) => readList(ROUTES.handlingTimeRead, emagHandlingTimeSchema, {}, options) },
    rma: {
      ...pagedRead<EmagRma, RmaReadFilters>(ROUTES.rmaRead, emagRmaSchema, {
        idKey: 'emag_id',
        what: 'return request',
        keyOf: (rma) => rma.emag_id,
      }),
      count: async (filters = {}, options) => count(ROUTES.rmaCount, filters, options),
      save: async (returns, options) => {
        for (const rma of returns) requireId(Number(rma.emag_id), 'emag_id', ROUTES.rmaSave.name);
        return save(ROUTES.rmaSave, returns, options);
      },
    },
    limiterStats: () => requester.limiterStats(),
    breakerState: () => requester.breakerState(),
  };
}
