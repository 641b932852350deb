import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../main/core/clock';
import { createRepositories, openDatabase } from '../../main/core/db';
import { ordersForCsv, ordersToCsv, UTF8_BOM } from '../../main/core/orders/exportCsv';
import { OrdersQuerySchema } from '../../shared/ipc';
import { addAccount, orderRecord } from '../support/records';

function seeded() {
  const repos = createRepositories(openDatabase(':memory:'), systemClock);
  const main = addAccount(repos, 'Magazin', 'main');
  const fbe = addAccount(repos, 'Magazin FBE', 'fbe');
  repos.orders.upsertMany([
    orderRecord(main.id, 101, {
      status: 1,
      paymentModeId: 1,
      totalMinor: 123_456,
      customerName: 'Ștefan; "Țuțu"',
      lines: [
        { ...orderRecord(main.id, 101).lines[0]!, name: 'Cană ceramică', quantity: 2 },
        { ...orderRecord(main.id, 101).lines[0]!, lineId: 1012, name: 'Linie scoasă', status: 0 },
      ],
    }),
    orderRecord(main.id, 102, { status: 4, paymentModeId: 3, modified: '2026-11-20 11:00:00' }),
    orderRecord(fbe.id, 103, { status: 1, type: 2, paymentModeId: 2 }),
    orderRecord(main.id, 104, { status: 0, paymentModeId: 9 }),
  ]);
  const orders = ordersForCsv(repos.orders, OrdersQuerySchema.parse({ sort: { field: 'created', dir: 'asc' } }));
  return { orders };
}

describe('orders CSV: one builder for the window and the CLI', () => {
  it('Romanian: a BOM, ";" separators, Romanian headers and labels, products filled, decimal comma', () => {
    const { orders } = seeded();
    const csv = ordersToCsv(orders, 'ro');
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    const rows = parse(csv.slice(1), { delimiter: ';', columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([
      'Cont',
      'Nr. comandă',
      'Plasată',
      'Modificată',
      'Status',
      'Livrare',
      'Plată',
      'Total',
      'Monedă',
      'Client',
      'Telefon',
      'Localitate',
      'Confirmată',
      'Produse',
    ]);
    const byId = new Map(rows.map((r) => [r['Nr. comandă'], r]));
    const first = byId.get('101')!;
    // The issue: an empty products column in every row, numeric codes, English headers.
    expect(first.Produse).toBe('2 x Cană ceramică');
    expect(first.Status).toBe('Nouă');
    expect(first.Livrare).toBe('Livrată de tine');
    expect(first['Plată']).toBe('Ramburs');
    expect(first.Total).toBe('1234,56');
    expect(first.Client).toBe('Ștefan; "Țuțu"');
    expect(first['Confirmată']).toBe('nu');
    expect(byId.get('102')).toMatchObject({ Status: 'Finalizată', Plată: 'Card online', Confirmată: 'da' });
    expect(byId.get('103')).toMatchObject({
      Livrare: 'Livrată de eMAG (FBE)',
      Plată: 'Transfer bancar',
      Confirmată: 'nu e cazul',
    });
    expect(byId.get('104')).toMatchObject({ Status: 'Anulată', Plată: 'Mod 9', Confirmată: 'nu e cazul' });
    expect(rows.every((r) => r.Produse !== '')).toBe(true);
  });

  it('English: a BOM too, "," separators, English headers and labels, decimal point', () => {
    const { orders } = seeded();
    const csv = ordersToCsv(orders, 'en');
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    const rows = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)[1]).toBe('Order no.');
    const first = rows.find((r) => r['Order no.'] === '101')!;
    expect(first).toMatchObject({
      Status: 'New',
      Fulfilment: 'Fulfilled by you',
      Payment: 'Cash on delivery',
      Total: '1234.56',
      Acknowledged: 'no',
      Products: '2 x Cană ceramică',
    });
    expect(rows.find((r) => r['Order no.'] === '103')!.Acknowledged).toBe('not needed');
  });
});
