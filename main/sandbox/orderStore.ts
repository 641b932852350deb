// One account's orders: compact rows sorted by id, an index by status, filtered queries newest-first, and the
// mutations (status, touch) that keep the compact row and the materialised record in step.
import type { OrderGenerator } from './generateOrders';
import type { EmagTime } from './platformTime';
import type { EmagOrderRecord } from './records';
import type { StoredOrder } from './storedOrder';

/** Parsed and validated order filters (see orderFilters.ts). Date bounds are inclusive epoch ms. */
export interface OrderQuery {
  id?: number;
  statuses?: ReadonlySet<number>;
  types?: ReadonlySet<number>;
  paymentModes?: ReadonlySet<number>;
  isComplete?: 0 | 1;
  createdAfter?: number;
  createdBefore?: number;
  modifiedAfter?: number;
  modifiedBefore?: number;
}

function matches(o: StoredOrder, q: OrderQuery): boolean {
  if (q.id !== undefined && o.id !== q.id) return false;
  if (q.statuses && !q.statuses.has(o.status)) return false;
  if (q.types && !q.types.has(o.type)) return false;
  if (q.paymentModes && !q.paymentModes.has(o.paymentModeId)) return false;
  if (q.isComplete !== undefined && o.isComplete !== q.isComplete) return false;
  if (q.createdAfter !== undefined && o.createdMs < q.createdAfter) return false;
  if (q.createdBefore !== undefined && o.createdMs > q.createdBefore) return false;
  if (q.modifiedAfter !== undefined && o.modifiedMs < q.modifiedAfter) return false;
  if (q.modifiedBefore !== undefined && o.modifiedMs > q.modifiedBefore) return false;
  return true;
}

export class OrderStore {
  /** Ascending by id. */
  private readonly rows: StoredOrder[] = [];
  private readonly byId = new Map<number, StoredOrder>();
  private readonly byStatus = new Map<number, Set<StoredOrder>>();
  /** True while created dates rise with ids, which lets date-window queries binary-search. */
  private createdMonotonic = true;

  constructor(
    private readonly generator: OrderGenerator,
    private readonly clock: () => number,
    private readonly time: EmagTime,
  ) {}

  get size(): number {
    return this.rows.length;
  }

  add(order: StoredOrder): void {
    if (this.byId.has(order.id)) throw new Error(`order ${order.id} already exists`);
    const last = this.rows[this.rows.length - 1];
    if (last && order.id < last.id) {
      // Rare (an explicit id from a test): keep the rows sorted.
      const at = this.rows.findIndex((o) => o.id > order.id);
      this.rows.splice(at, 0, order);
      this.createdMonotonic = false;
    } else {
      if (last && order.createdMs < last.createdMs) this.createdMonotonic = false;
      this.rows.push(order);
    }
    this.byId.set(order.id, order);
    this.indexStatus(order);
    this.generator.noteId(order.id);
  }

  get(id: number): StoredOrder | undefined {
    return this.byId.get(id);
  }

  /** The full eMAG record, built on first use. */
  record(order: StoredOrder): EmagOrderRecord {
    if (!order.record) order.record = this.generator.materialize(order, this.clock());
    return order.record;
  }

  all(): StoredOrder[] {
    return this.rows.slice();
  }

  /** A page of matches, newest (highest id) first. */
  query(q: OrderQuery, offset: number, limit: number): StoredOrder[] {
    const out: StoredOrder[] = [];
    let skipped = 0;
    this.scan(q, (o) => {
      if (skipped < offset) {
        skipped++;
        return true;
      }
      out.push(o);
      return out.length < limit;
    });
    return out;
  }

  count(q: OrderQuery): number {
    let n = 0;
    this.scan(q, () => {
      n++;
      return true;
    });
    return n;
  }

  /** Visits matches newest-first until `visit` returns false, using the cheapest index available. */
  private scan(q: OrderQuery, visit: (o: StoredOrder) => boolean): void {
    if (q.id !== undefined) {
      const o = this.byId.get(q.id);
      if (o && matches(o, q)) visit(o);
      return;
    }
    if (q.statuses) {
      let candidates = 0;
      for (const s of q.statuses) candidates += this.byStatus.get(s)?.size ?? 0;
      if (candidates < this.rows.length / 4) {
        const picked: StoredOrder[] = [];
        for (const s of q.statuses) for (const o of this.byStatus.get(s) ?? []) if (matches(o, q)) picked.push(o);
        picked.sort((a, b) => b.id - a.id);
        for (const o of picked) if (!visit(o)) return;
        return;
      }
    }
    let lo = 0;
    let hi = this.rows.length - 1;
    if (this.createdMonotonic) {
      if (q.createdAfter !== undefined) lo = this.firstCreatedAtOrAfter(q.createdAfter);
      if (q.createdBefore !== undefined) hi = this.firstCreatedAtOrAfter(q.createdBefore + 1) - 1;
    }
    for (let i = hi; i >= lo; i--) {
      const o = this.rows[i] as StoredOrder;
      if (matches(o, q) && !visit(o)) return;
    }
  }

  private firstCreatedAtOrAfter(ms: number): number {
    let lo = 0;
    let hi = this.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.rows[mid] as StoredOrder).createdMs < ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private indexStatus(order: StoredOrder): void {
    let set = this.byStatus.get(order.status);
    if (!set) {
      set = new Set();
      this.byStatus.set(order.status, set);
    }
    set.add(order);
  }

  /** Moves an order to a status (no rules checked here) and bumps `modified`. */
  setStatus(order: StoredOrder, status: number, nowMs: number): EmagOrderRecord {
    const record = this.record(order);
    if (order.status !== status) {
      this.byStatus.get(order.status)?.delete(order);
      order.status = status;
      this.indexStatus(order);
      if (status === 4) order.finalizedMs = nowMs;
      if (status === 0) order.cancelledMs = nowMs;
    }
    record.status = status;
    this.touch(order, nowMs);
    return record;
  }

  /** Bumps `modified` on the row and the record. */
  touch(order: StoredOrder, nowMs: number): void {
    const record = this.record(order);
    order.modifiedMs = Math.max(nowMs, order.modifiedMs);
    record.modified = this.time.format(order.modifiedMs);
  }

  /** Re-reads the filterable fields from a record edited directly (addOrders overrides, order/save). */
  syncFromRecord(order: StoredOrder, record: EmagOrderRecord): void {
    if (record.status !== order.status) {
      this.byStatus.get(order.status)?.delete(order);
      order.status = record.status;
      this.indexStatus(order);
    }
    order.type = record.type;
    order.paymentModeId = record.payment_mode_id;
    order.isComplete = record.is_complete;
  }
}
