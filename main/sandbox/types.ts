// Public types of the eMAG sandbox: how it is started, what it records, and the handle tests and the CLI hold.
import type { Platform } from '../../shared/domain';
import type { EmagAwbRecord, EmagOfferRecord, EmagOrderRecord, EmagRmaRecord } from './records';

/** main: the seller fulfils orders (type 3); fbe: eMAG fulfils them (type 2). */
export type AccountKind = 'main' | 'fbe';

export interface SandboxAccountSpec {
  username: string;
  password: string;
  kind: AccountKind;
  orders?: number;
  offers?: number;
  /** The marketplace: its zone dates the account's orders and reads its filters (default emag-ro). */
  platform?: Platform;
}

/**
 * What an injected fault does (docs/sandbox.md has the full table):
 * - http500: HTML 500 page, nothing done; reset: connection dropped before the action;
 * - resetAfter: the action is done, then the connection is dropped (the answer is lost);
 * - slow: waits delayMs, then answers normally; malformedJson: the action is done, the JSON answer is cut in half;
 * - noIsError: 200 JSON without isError, nothing done; isError: 200 with isError true, nothing done;
 * - ipBlocked: 200 with isError true saying the caller's IP is not whitelisted, nothing done;
 * - noApiRights: 403 with isError true, "You are not allowed to use this API" (the user lacks API rights);
 * - http429: the rate-limit answer even with budget left.
 */
export type FaultKind =
  | 'http500'
  | 'reset'
  | 'resetAfter'
  | 'slow'
  | 'malformedJson'
  | 'noIsError'
  | 'isError'
  | 'ipBlocked'
  | 'noApiRights'
  | 'http429';

export interface FaultRule {
  /** 'order/read', 'order/acknowledge' (covers order/acknowledge/{id}), a resource prefix like 'order', or '*'. */
  route?: string;
  /** Username; default every account. */
  account?: string;
  kind: FaultKind;
  /** 0..1, drawn from the seeded RNG. */
  probability?: number;
  /** Fixed schedule: fire on these 1-based request numbers (counted per rule). */
  nth?: number[];
  /** Fire on the first `count` matching requests. */
  count?: number;
  /** For 'slow' (default 2000). */
  delayMs?: number;
}

export interface SandboxOptions {
  /** Default 0 = a random free port; the server always binds 127.0.0.1 only. */
  port?: number;
  /** Default 1; all generated data is deterministic for a seed (and a clock). */
  seed?: number;
  /**
   * Today's tidy shapes only (numbers as numbers, lists as lists, no recycling deposits or customer gaps). By default
   * the sandbox answers in the whole range of forms live eMAG sends (docs/sandbox.md, "Live forms").
   */
  plain?: boolean;
  accounts?: SandboxAccountSpec[];
  /** Default 50 when the account spec has no `orders`. */
  ordersPerAccount?: number;
  /** Default 40 when the account spec has no `offers`. */
  offersPerAccount?: number;
  /** Demo stream: a new order for a random account every N seconds (0/undefined = off). */
  newOrderEverySec?: number;
  faults?: FaultRule[];
  /** Default true. */
  rateLimit?: boolean;
  /** Clock for data dates and the rate-limit windows; default real time. */
  now?: () => Date;
  /** Oldest request-log entries are dropped beyond this many (default 200,000). */
  requestLogLimit?: number;
}

export interface RequestLogEntry {
  /** Epoch ms (sandbox clock) when the request arrived. */
  at: number;
  method: string;
  path: string;
  /** Normalised route: 'order/read', 'order/acknowledge', 'offer_stock', ... */
  route: string;
  bucket: 'orders' | 'other';
  /** Authenticated username, or null when auth failed. */
  account: string | null;
  /** HTTP status sent; 0 when the connection was reset without a response. */
  status: number;
  fault?: FaultKind;
}

export interface Sandbox {
  /** API base URL, e.g. http://127.0.0.1:PORT/api-3 (what a client uses as MARKETPLACE_API_URL). */
  readonly url: string;
  /** e.g. http://127.0.0.1:PORT/__control */
  readonly controlUrl: string;
  readonly port: number;
  readonly accounts: SandboxAccountSpec[];
  readonly requestLog: RequestLogEntry[];
  /** Live view of the account's orders, oldest first (materialises every order: costly at 100k). */
  orders(username: string): EmagOrderRecord[];
  offers(username: string): EmagOfferRecord[];
  /** The AWBs awb/save stored for the account (sender, receiver, COD, locker). */
  awbs(username: string): EmagAwbRecord[];
  /** New status-1 orders dated now. */
  addOrders(username: string, count: number, overrides?: Partial<EmagOrderRecord>): EmagOrderRecord[];
  /** Bypasses the status matrix (simulates eMAG or the customer) and bumps `modified`. */
  setOrderStatus(username: string, orderId: number, status: number): void;
  /** Issue 18: the account's return requests (tidy shapes; live forms are applied when they are read). */
  returns(username: string): EmagRmaRecord[];
  /** Issue 18: new return requests placed now (status 2), for the order given or the latest finalized ones. */
  addReturns(username: string, count?: number, orderId?: number): EmagRmaRecord[];
  /** Issue 18: moves a return as eMAG or the customer would (no matrix check). */
  setReturnStatus(username: string, emagId: number, status: number): void;
  setFaults(rules: FaultRule[]): void;
  setRateLimit(enabled: boolean): void;
  /** Restarts the demo stream with a new order every `everySec` seconds (0 stops it). */
  setOrderStream(everySec: number): void;
  clearRequestLog(): void;
  /** Stops the demo stream timers and the server. */
  close(): Promise<void>;
}
