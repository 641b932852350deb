// The demo order stream: a new order for a random account every N seconds; some of them are cancelled by the
// customer a little later while still unacknowledged (status 1 -> 0), as happens on eMAG.
import { CUSTOMER_CANCEL_REASONS } from './catalogue';
import { Rng, mixSeed } from './random';

export interface DemoStreamHooks {
  accounts: () => string[];
  /** Adds one new order and returns its id. */
  addOrder: (username: string) => number;
  /** Cancels the order if it is still new (status 1). */
  cancelIfNew: (username: string, orderId: number, reason: number) => void;
  /** Issue 18: a new return request for one of the account's finalized orders (none when there is no such order). */
  addReturn?: (username: string) => void;
  /** Issue 18: eMAG's side of a return moves on (an approved return reaches the seller: 3 -> 6). */
  advanceReturn?: (username: string) => void;
}

export class DemoStream {
  private interval: NodeJS.Timeout | null = null;
  private readonly pending = new Set<NodeJS.Timeout>();
  private readonly rng: Rng;

  constructor(
    seed: number,
    private readonly hooks: DemoStreamHooks,
    /** Share of new orders the customer cancels before acknowledgement. */
    private readonly cancelShare = 0.2,
  ) {
    this.rng = new Rng(mixSeed(seed, 0x5717));
  }

  /** Seconds between new orders; 0 while the stream is off. */
  everySec = 0;

  /** (Re)starts the stream; pending customer cancellations keep their time. 0 stops new orders. */
  start(everySec: number): void {
    if (this.interval) clearInterval(this.interval);
    this.interval = null;
    this.everySec = 0;
    if (!(everySec > 0)) return;
    this.everySec = everySec;
    const periodMs = Math.max(everySec * 1000, 10);
    this.interval = setInterval(() => this.tick(periodMs), periodMs);
    this.interval.unref();
  }

  private tick(periodMs: number): void {
    const accounts = this.hooks.accounts();
    if (accounts.length === 0) return;
    const username = this.rng.pick(accounts);
    const orderId = this.hooks.addOrder(username);
    // Returns come far less often than orders, and move along on eMAG's side now and then.
    if (this.rng.chance(0.1)) this.hooks.addReturn?.(username);
    if (this.rng.chance(0.2)) this.hooks.advanceReturn?.(username);
    if (this.rng.chance(this.cancelShare)) {
      const reason = this.rng.pick(CUSTOMER_CANCEL_REASONS);
      const timer = setTimeout(
        () => {
          this.pending.delete(timer);
          this.hooks.cancelIfNew(username, orderId, reason);
        },
        periodMs * this.rng.int(1, 4),
      );
      timer.unref();
      this.pending.add(timer);
    }
  }

  stop(): void {
    this.everySec = 0;
    if (this.interval) clearInterval(this.interval);
    this.interval = null;
    for (const timer of this.pending) clearTimeout(timer);
    this.pending.clear();
  }
}
