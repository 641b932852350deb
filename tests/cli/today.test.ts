// `magflow today` as a child process: the summary line, the table with countdowns (overdue marked) and --json, from a
// data folder holding known orders and a failed action.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock, toEmagDate } from '../../main/core/clock';
import { createRepositories, openDatabase } from '../../main/core/db';
import { addAccount, orderRecord } from '../support/records';
import { runCli } from './helpers';

const HOUR = 3_600_000;
const emagIn = (ms: number) => toEmagDate(new Date(Date.now() + ms));

describe('magflow today', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'magflow-cli-today-'));
    const db = openDatabase(join(dataDir, 'magflow.db'));
    const repos = createRepositories(db, systemClock);
    const main = addAccount(repos, 'MAIN');
    const other = addAccount(repos, 'SHOP2');
    repos.settings.update({ autoAcknowledge: false });
    repos.orders.upsertMany([
      orderRecord(main.id, 101, { status: 1, shipBy: emagIn(30 * HOUR), customerName: 'Ana Pop' }),
      orderRecord(main.id, 102, { status: 3, shipBy: emagIn(-2 * HOUR), totalMinor: 5_000 }),
      orderRecord(main.id, 103, { status: 4, modified: emagIn(-24 * HOUR) }),
      orderRecord(other.id, 201, { status: 2, shipBy: emagIn(5 * HOUR) }),
    ]);
    const action = repos.outbox.enqueue({ accountId: main.id, orderId: 102, kind: 'awb', payload: {} });
    repos.outbox.markAttemptFailed(action.id, 'eMAG refused the courier', null);
    db.close();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints the groups with their counts and a row per item, the overdue one marked', async () => {
    const result = await runCli(dataDir, ['today']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(
      'Today: 1 to acknowledge, 1 to prepare, 1 to ship, 1 without an invoice, 1 failed action (1 past the shipping deadline).',
    );
    const row = (order: string, group: string) =>
      lines.find((line) => line.startsWith(group) && line.includes(` ${order} `)) ?? '';
    expect(row('101', 'acknowledge')).toMatch(/Ana Pop .*1d 0[56]h \d\dm left/);
    expect(row('102', 'ship')).toMatch(/50\.00 RON .*OVERDUE (01h 5\d|02h 00)m/);
    expect(row('201', 'prepare')).toContain('SHOP2');
    expect(row('103', 'invoice')).toContain('MAIN');
    expect(row('102', 'failed')).toContain('awb: eMAG refused the courier');
  });

  it('answers --json and narrows to one account', async () => {
    const result = await runCli(dataDir, ['--json', 'today', '--account', 'MAIN']);
    expect(result.code).toBe(0);
    const queue = JSON.parse(result.stdout) as {
      counts: Record<string, number>;
      items: { group: string; order: number; overdue: boolean; total: string | null; deadline: string | null }[];
    };
    expect(queue.counts).toMatchObject({ acknowledge: 1, prepare: 0, ship: 1, invoice: 1, failed: 1, total: 4 });
    expect(queue.items.map((i) => [i.group, i.order, i.overdue])).toEqual([
      ['acknowledge', 101, false],
      ['ship', 102, true],
      ['invoice', 103, false],
      ['failed', 102, false],
    ]);
    expect(queue.items[1]?.total).toBe('50.00');
    expect(Date.parse(queue.items[1]!.deadline!)).toBeLessThan(Date.now());
  });

  it('names the accounts it knows when the account does not exist', async () => {
    const result = await runCli(dataDir, ['today', '--account', 'NOPE']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("no account named 'NOPE'");
  });
});
