// #16 §4 money: a voucher is shown at its gross value (sale_price + sale_price_vat, both negative; v4.4.9 "vouchers"),
// never its VAT part, and the order total counts it gross. Against the sandbox over HTTP, through the real sync.
import { afterEach, describe, expect, it } from 'vitest';
import { toOrderDetail } from '../../main/core/orders/detail';
import { decimalToE4, e4ToMinor } from '../../shared/money';
import { createHarness, type Harness } from './harness';

const MAIN = { username: 'voucher-main', password: 'main-secret', kind: 'main' as const, orders: 120, offers: 2 };

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('voucher money', () => {
  it('shows each voucher at its gross value and counts it gross in the total', async () => {
    const h = await createHarness({ accounts: [MAIN], seed: 29, settings: { autoAcknowledge: false } });
    harness = h;
    const accountId = h.accounts[MAIN.username]!.id;
    await h.engine.runJob('new-orders', accountId, 'startup');
    await h.engine.runJob('order-changes', accountId, 'startup');
    const withVoucher = h.sandbox.orders(MAIN.username).filter((o) => o.vouchers.length > 0);
    expect(withVoucher.length).toBeGreaterThan(0);
    let checked = 0;
    let paid = 0;
    for (const record of withVoucher) {
      const stored = h.repos.orders.get(accountId, record.id);
      if (!stored) continue;
      const detail = toOrderDetail(stored, [], h.clock.now(), 'emag-ro');
      const voucher = record.vouchers[0]!;
      const net = decimalToE4(voucher.sale_price)!;
      const vat = decimalToE4(voucher.sale_price_vat)!;
      const gross = e4ToMinor(net + vat);
      expect(gross).toBeLessThan(0);
      // The issue: the window showed the VAT part (e.g. −1,74 RON) instead of the voucher's value.
      expect(detail.vouchers[0]!.grossMinor).toBe(gross);
      expect(detail.vouchers[0]!.grossMinor).not.toBe(e4ToMinor(vat));
      // A voucher named for an amount is worth it, VAT included ("Voucher eMAG 20 lei": -20,00 RON).
      const named = /(\d+) lei/.exec(voucher.voucher_name);
      if (named) expect(detail.vouchers[0]!.grossMinor).toBe(-Number(named[1]) * 100);
      // The total is what the customer pays (lines + shipping + the voucher's gross value): for a paid order,
      // exactly what eMAG says it collected.
      const cashed = Number(record.cashed_co) || Number(record.cashed_cod);
      if (cashed > 0) {
        expect(stored.totalMinor, `order ${record.id}`).toBe(e4ToMinor(decimalToE4(cashed)!));
        paid++;
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
    expect(paid).toBeGreaterThan(0);
  });
});
