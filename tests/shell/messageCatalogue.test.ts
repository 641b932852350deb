// The main process's one catalogue (issue 16 §1): Romanian plural rules, money per language, every cause explained
// in both languages, and no `lang === 'en' ? … : …` left in the main process.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAILURE_CAUSES } from '../../shared/causes';
import type { OrderNewEvent } from '../../shared/events';
import { failureLine, messages } from '../../main/core/messages/catalogue';
import { notificationText } from '../../main/core/sync/notificationText';
import { shellText } from '../../main/shell/notificationText';
import { ROOT } from '../e2e/buildRenderer';

describe('Romanian plurals (one / few / other)', () => {
  const cases: [number, string][] = [
    [1, '1 comandă nouă'],
    [2, '2 comenzi noi'],
    [19, '19 comenzi noi'],
    [20, '20 de comenzi noi'],
    [101, '101 comenzi noi'],
    [121, '121 de comenzi noi'],
  ];
  it.each(cases)('%i → %s', (count, text) => {
    expect(messages('ro').notifications.newOrders(count)).toBe(text);
    expect(messages('ro').badge(count)).toBe(text);
    expect(messages('ro').tray.newOrders(count)).toBe(text);
  });

  it('the first import says "121 de comenzi importate", English "1 order imported"', () => {
    expect(notificationText.ordersImported('ro', 'Shop', 121).title).toBe('121 de comenzi importate');
    expect(notificationText.ordersImported('ro', 'Shop', 3).title).toBe('3 comenzi importate');
    expect(notificationText.ordersImported('en', 'Shop', 1).title).toBe('1 order imported');
    expect(notificationText.ordersImported('en', 'Shop', 121).title).toBe('121 orders imported');
  });
});

describe('money in notifications', () => {
  const order: OrderNewEvent = {
    type: 'order_new',
    accountId: 1,
    account: 'Shop',
    orderId: 9,
    totalMinor: 766_899,
    currency: 'RON',
    customerName: 'Ana',
    firstProduct: null,
  };
  it('is formatted per language, never "7668.99 RON" in the Romanian window', () => {
    expect(shellText.orderNew('ro', order).title).toBe('Comandă nouă #9 · 7.668,99 RON');
    expect(shellText.orderNew('en', order).title).toBe('New order #9 · 7,668.99 RON');
    expect(notificationText.orderNew('ro', { ...order, id: order.orderId }).body).toBe('Shop · 7.668,99 RON · Ana');
  });
});

describe('causes', () => {
  it('every cause has a title and advice in both languages, and they differ', () => {
    for (const cause of FAILURE_CAUSES) {
      const ro = messages('ro').causes[cause];
      const en = messages('en').causes[cause];
      expect(ro.title.length, cause).toBeGreaterThan(10);
      expect(ro.advice.length, cause).toBeGreaterThan(10);
      expect(ro.title, cause).not.toBe(en.title);
      expect(ro.advice, cause).not.toBe(en.advice);
    }
  });

  it("an IP refusal tells the seller not to change the password; eMAG's reason is quoted", () => {
    expect(messages('ro').causes.ip_not_whitelisted.advice).toMatch(/nu o schimba/);
    expect(failureLine('ro', 'emag_error', 'Order not found')).toBe(
      'Eroare la eMAG: serverul lor nu a putut răspunde sau a refuzat cererea. eMAG: „Order not found”',
    );
  });

  it('a sync failure notification says the cause in the window language, not the English detail', () => {
    const text = notificationText.syncFailed('ro', 'Shop', 'new-orders', {
      cause: 'ip_not_whitelisted',
      reason: null,
    });
    expect(text).toEqual({
      title: 'Sincronizare eșuată (comenzi noi)',
      body: 'Shop · eMAG a refuzat adresa IP a acestui calculator: nu este pe lista de IP-uri permise.',
    });
  });
});

describe('no language picked inline', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
    });
  it("main/ has no `=== 'en' ?` (every text comes from the catalogue)", () => {
    const offenders = files(join(ROOT, 'main')).filter((path) =>
      /(lang|language)\s*===\s*'en'\s*\?|const en = (lang|language) === 'en'/.test(readFileSync(path, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
