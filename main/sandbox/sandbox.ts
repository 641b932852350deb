// Starts the eMAG sandbox: builds each account's data from the seed, serves /api-3 and /__control on 127.0.0.1,
// runs the demo order stream, and exposes the handle tests drive it with.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AccountState } from './accountState';
import { handleApiRequest, type ApiCore } from './apiPipeline';
import { CONTROL_PREFIX, handleControlRequest, type ControlTarget } from './control';
import { DemoStream } from './demoStream';
import { FaultInjector } from './faults';
import { sendJson } from './httpIo';
import { errorEnvelope } from './envelope';
import { mixSeed } from './random';
import { RateLimiter } from './rateLimiter';
import type { EmagAwbRecord, EmagOfferRecord, EmagOrderRecord, EmagRmaRecord } from './records';
import { API_PREFIX } from './routes';
import type { FaultRule, RequestLogEntry, Sandbox, SandboxAccountSpec, SandboxOptions } from './types';

export const DEMO_ACCOUNTS: SandboxAccountSpec[] = [
  { username: 'demo-main', password: 'demo-main-secret', kind: 'main' },
  { username: 'demo-fbe', password: 'demo-fbe-secret', kind: 'fbe' },
];

class SandboxImpl implements Sandbox, ControlTarget {
  readonly requestLog: RequestLogEntry[] = [];
  readonly accounts: SandboxAccountSpec[];
  url = '';
  controlUrl = '';
  port = 0;
  private readonly byName = new Map<string, AccountState>();
  private readonly limiter: RateLimiter;
  private readonly injector: FaultInjector;
  private readonly stream: DemoStream;
  private readonly clock: () => number;
  private readonly logLimit: number;
  private readonly server: Server;

  constructor(options: SandboxOptions) {
    const seed = options.seed ?? 1;
    const now = options.now ?? (() => new Date());
    this.clock = () => now().getTime();
    this.logLimit = options.requestLogLimit ?? 200_000;
    this.accounts = (options.accounts ?? DEMO_ACCOUNTS).map((a) => ({ ...a }));
    const nowMs = this.clock();
    this.accounts.forEach((spec, index) => {
      if (this.byName.has(spec.username)) throw new Error(`duplicate sandbox account '${spec.username}'`);
      this.byName.set(
        spec.username,
        new AccountState({
          spec,
          index,
          seed,
          orders: spec.orders ?? options.ordersPerAccount ?? 50,
          offers: spec.offers ?? options.offersPerAccount ?? 40,
          nowMs,
          clock: this.clock,
          plain: options.plain ?? false,
        }),
      );
    });
    this.limiter = new RateLimiter(options.rateLimit ?? true);
    this.injector = new FaultInjector(mixSeed(seed, 0xfa17), options.faults ?? []);
    this.stream = new DemoStream(seed, {
      accounts: () => this.accounts.map((a) => a.username),
      addOrder: (username) => this.addOrders(username, 1)[0]?.id ?? 0,
      cancelIfNew: (username, orderId, reason) => {
        const account = this.byName.get(username);
        const order = account?.orders.get(orderId);
        if (!account || !order || order.status !== 1) return;
        account.orders.setStatus(order, 0, this.clock()).reason_cancellation = reason;
      },
      addReturn: (username) => void this.byName.get(username)?.addReturn(this.clock()),
      advanceReturn: (username) => {
        const approved = this.byName
          .get(username)
          ?.rmas(this.clock())
          .find((rma) => rma.request_status === 3);
        if (approved) approved.request_status = 6;
      },
    });
    const core: ApiCore = {
      accounts: this.byName,
      limiter: this.limiter,
      faults: this.injector,
      clock: this.clock,
      log: (entry) => this.log(entry),
    };
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const done = url.pathname.startsWith(CONTROL_PREFIX)
        ? handleControlRequest(this, req, res, url)
        : url.pathname === API_PREFIX || url.pathname.startsWith(`${API_PREFIX}/`)
          ? handleApiRequest(core, req, res, url.pathname, url.searchParams)
          : Promise.resolve(
              sendJson(res, 404, errorEnvelope([`Not found: ${url.pathname} (the API lives under ${API_PREFIX})`])),
            );
      done.catch((error: unknown) => {
        if (!res.headersSent && !res.destroyed) sendJson(res, 500, errorEnvelope([String(error)]));
      });
    });
    this.stream.start(options.newOrderEverySec ?? 0);
  }

  async listen(port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.port = (this.server.address() as AddressInfo).port;
    this.url = `http://127.0.0.1:${this.port}${API_PREFIX}`;
    this.controlUrl = `http://127.0.0.1:${this.port}${CONTROL_PREFIX}`;
  }

  private log(entry: RequestLogEntry): void {
    this.requestLog.push(entry);
    // Trim in chunks so a long demo run does not grow without bound nor pay a splice per request.
    if (this.requestLog.length > this.logLimit * 1.1) this.requestLog.splice(0, this.requestLog.length - this.logLimit);
  }

  private account(username: string): AccountState {
    const account = this.byName.get(username);
    if (!account) throw new Error(`unknown sandbox account '${username}'`);
    return account;
  }

  orders(username: string): EmagOrderRecord[] {
    const store = this.account(username).orders;
    return store.all().map((o) => store.record(o));
  }

  /** The AWBs issued for the account (what awb/save stored: sender, receiver, COD, locker). */
  awbs(username: string): EmagAwbRecord[] {
    return this.account(username).awbs;
  }

  offers(username: string): EmagOfferRecord[] {
    return this.account(username).offers;
  }

  addOrders(username: string, count: number, overrides?: Partial<EmagOrderRecord>): EmagOrderRecord[] {
    const account = this.account(username);
    const added: EmagOrderRecord[] = [];
    for (let i = 0; i < count; i++) {
      const nowMs = this.clock();
      const order = account.generator.newOrder(nowMs);
      const record = account.orders.record(order);
      if (overrides) {
        Object.assign(record, overrides);
        if (typeof overrides.id === 'number') order.id = overrides.id;
        const created = typeof overrides.date === 'string' ? account.time.parse(overrides.date) : null;
        if (created !== null) order.createdMs = created;
        const modified = typeof overrides.modified === 'string' ? account.time.parse(overrides.modified) : null;
        order.modifiedMs = modified ?? Math.max(order.modifiedMs, order.createdMs);
        account.orders.syncFromRecord(order, record);
      }
      account.orders.add(order);
      added.push(record);
    }
    return added;
  }

  setOrderStatus(username: string, orderId: number, status: number): void {
    const account = this.account(username);
    const order = account.orders.get(orderId);
    if (!order) throw new Error(`order ${orderId} not found for '${username}'`);
    const wasCanceled = order.status === 0;
    const record = account.orders.setStatus(order, status, this.clock());
    // eMAG-side moves: a cancellation gets the customer's reason, a reactivation clears it.
    if (status === 0 && record.reason_cancellation === null) record.reason_cancellation = 2;
    if (status !== 0 && wasCanceled) record.reason_cancellation = null;
  }

  /** Return requests of an account, as the sandbox holds them (tidy shapes). */
  returns(username: string): EmagRmaRecord[] {
    return this.account(username).rmas(this.clock());
  }

  /** New return requests placed now (status 2), for the given order or the latest finalized ones without one. */
  addReturns(username: string, count = 1, orderId?: number): EmagRmaRecord[] {
    const account = this.account(username);
    const added: EmagRmaRecord[] = [];
    for (let i = 0; i < count; i++) {
      const rma = account.addReturn(this.clock(), orderId);
      if (!rma) throw new Error(`no finalized order without a return left for '${username}'`);
      added.push(rma);
    }
    return added;
  }

  /** Moves a return as eMAG, its warehouse or the customer would (no matrix check: eMAG's side may do more). */
  setReturnStatus(username: string, emagId: number, status: number): void {
    const rma = this.account(username).rma(this.clock(), emagId);
    if (!rma) throw new Error(`return ${emagId} not found for '${username}'`);
    rma.request_status = status;
  }

  faults(): FaultRule[] {
    return this.injector.list();
  }

  setFaults(rules: FaultRule[]): void {
    this.injector.set(rules);
  }

  setRateLimit(enabled: boolean): void {
    this.limiter.enabled = enabled;
  }

  setOrderStream(everySec: number): void {
    if (!Number.isFinite(everySec) || everySec < 0) throw new Error(`newOrderEverySec must be >= 0, got ${everySec}`);
    this.stream.start(everySec);
  }

  clearRequestLog(): void {
    this.requestLog.length = 0;
  }

  state(): unknown {
    return {
      url: this.url,
      rateLimit: this.limiter.enabled,
      newOrderEverySec: this.stream.everySec,
      faults: this.injector.list(),
      requests: this.requestLog.length,
      accounts: this.accounts.map((spec) => {
        const account = this.account(spec.username);
        return { username: spec.username, kind: spec.kind, orders: account.orders.size, offers: account.offers.length };
      }),
    };
  }

  async close(): Promise<void> {
    this.stream.stop();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const sandbox = new SandboxImpl(options);
  await sandbox.listen(options.port ?? 0);
  return sandbox;
}
