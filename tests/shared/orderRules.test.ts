import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { OrderStatus, OrderType } from '../../shared/domain';
import { acknowledgementOf, isAcknowledged, WAITING_FOR_ACK_SQL } from '../../shared/orderRules';

const STATUSES: OrderStatus[] = [0, 1, 2, 3, 4, 5];
const TYPES: OrderType[] = [2, 3];
const ACKED = [null, '2026-12-01T10:00:00.000Z'];

describe('acknowledgementOf: one rule for list, detail, CSV and dashboard', () => {
  it('never counts an FBE order as waiting for the seller, whatever its status', () => {
    for (const status of STATUSES) {
      for (const acknowledgedAt of ACKED) {
        expect(acknowledgementOf({ status, type: 2, acknowledgedAt })).toBe('not-needed');
      }
    }
  });

  it('a seller order: new and unacknowledged waits; past new is acknowledged; canceled before ack needs nothing', () => {
    expect(acknowledgementOf({ status: 1, type: 3, acknowledgedAt: null })).toBe('waiting');
    for (const status of [2, 3, 4, 5] as const) {
      // The issue: the detail said "only new seller orders" on a seller order eMAG shows in progress.
      expect(acknowledgementOf({ status, type: 3, acknowledgedAt: null })).toBe('acknowledged');
    }
    expect(acknowledgementOf({ status: 0, type: 3, acknowledgedAt: null })).toBe('not-needed');
    for (const status of STATUSES) {
      expect(acknowledgementOf({ status, type: 3, acknowledgedAt: ACKED[1]! })).toBe('acknowledged');
    }
  });

  it('isAcknowledged is the same rule', () => {
    for (const status of STATUSES)
      for (const type of TYPES)
        for (const acknowledgedAt of ACKED) {
          const order = { status, type, acknowledgedAt };
          expect(isAcknowledged(order)).toBe(acknowledgementOf(order) === 'acknowledged');
        }
  });

  it('the SQL form selects exactly the orders the rule calls waiting', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE orders (id INTEGER, status INTEGER, type INTEGER, acknowledged_at TEXT)');
    const insert = db.prepare('INSERT INTO orders VALUES (?, ?, ?, ?)');
    const all: { id: number; status: OrderStatus; type: OrderType; acknowledgedAt: string | null }[] = [];
    for (const status of STATUSES)
      for (const type of TYPES)
        for (const acknowledgedAt of ACKED) {
          const id = all.length + 1;
          all.push({ id, status, type, acknowledgedAt });
          insert.run(id, status, type, acknowledgedAt);
        }
    const bySql = db
      .prepare<[], { id: number }>(`SELECT id FROM orders WHERE ${WAITING_FOR_ACK_SQL} ORDER BY id`)
      .all()
      .map((r) => r.id);
    expect(bySql).toEqual(all.filter((o) => acknowledgementOf(o) === 'waiting').map((o) => o.id));
    expect(bySql).toHaveLength(1);
    db.close();
  });
});
