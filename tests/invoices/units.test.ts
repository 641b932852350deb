// The small rules under invoice uploads: what counts as a PDF, which numbers in a file name can be order ids, which
// order a file goes to (among all the seller's, or only the selected ones), and what the invoices.match call takes.
import { describe, expect, it } from 'vitest';
import { BULK_MAX_ORDERS } from '../../shared/bulk';
import { INVOICE_MAX_BYTES, orderNumbersIn } from '../../shared/invoices';
import { InvoiceMatchSchema } from '../../shared/ipc';
import { matchInvoiceFiles } from '../../main/core/invoices/matchFiles';
import { pdfProblem } from '../../main/core/invoices/pdfFile';
import { render, type Localized } from '../../main/core/messages/localized';

/** A problem in both languages (null stays null): English for the CLI, Romanian for the window. */
const both = (problem: Localized | null) => problem && { en: render(problem, 'en'), ro: render(problem, 'ro') };

describe('PDF check', () => {
  it('takes a file that starts with %PDF- and is at most 10 MB', () => {
    expect(pdfProblem(Buffer.from('%PDF-1.4\n…'))).toBeNull();
    expect(both(pdfProblem(Buffer.alloc(0)))).toEqual({ en: 'the file is empty', ro: 'fișierul este gol' });
    const notPdf = {
      en: 'the file is not a PDF (it does not start with %PDF-)',
      ro: 'fișierul nu este PDF (nu începe cu %PDF-)',
    };
    expect(both(pdfProblem(Buffer.from('PK\u0003\u0004 a zip')))).toEqual(notPdf);
    expect(both(pdfProblem(Buffer.from(' %PDF-1.4')))).toEqual(notPdf);
    const big = Buffer.alloc(INVOICE_MAX_BYTES + 1);
    big.write('%PDF-');
    expect(both(pdfProblem(big))).toEqual({
      en: 'the file has 10.0 MB; the limit is 10.0 MB',
      ro: 'fișierul are 10,0 MB; limita este 10,0 MB',
    });
  });
});

describe('order numbers in a file name', () => {
  it('reads runs of 6 to 10 digits, not dates or invoice series', () => {
    expect(orderNumbersIn('factura-123456789.pdf')).toEqual([123456789]);
    expect(orderNumbersIn('FCT0012 2026-11-23 comanda 400000114.pdf')).toEqual([400000114]);
    expect(orderNumbersIn('404123456_factura_F2026000123.pdf')).toEqual([404123456, 2026000123]);
    expect(orderNumbersIn('12345.pdf')).toEqual([]);
    expect(orderNumbersIn('99999999999.pdf')).toEqual([]);
    expect(orderNumbersIn('123456.123456.pdf')).toEqual([123456]);
  });

  it('matches a name to one order, never guesses between several', () => {
    const orders: Record<number, { accountId: number; account: string; orderId: number }[]> = {
      111111: [{ accountId: 1, account: 'MAIN', orderId: 111111 }],
      222222: [
        { accountId: 1, account: 'MAIN', orderId: 222222 },
        { accountId: 2, account: 'FBE', orderId: 222222 },
      ],
      333333: [{ accountId: 2, account: 'FBE', orderId: 333333 }],
    };
    const lookup = (id: number) => orders[id] ?? [];
    const [one, both, twoNumbers, none] = matchInvoiceFiles(
      ['f-111111.pdf', 'f-222222.pdf', 'f-111111-333333.pdf', 'f-444444.pdf'],
      lookup,
    );
    expect(one).toMatchObject({ outcome: 'matched', target: { accountId: 1, orderId: 111111 } });
    expect(both).toMatchObject({ outcome: 'ambiguous', reason: 'several_orders', candidates: orders[222222] });
    expect(twoNumbers).toMatchObject({ outcome: 'ambiguous', reason: 'several_orders' });
    expect(none).toMatchObject({ outcome: 'unmatched', reason: 'no_order', numbers: [444444] });
  });

  describe('limited to the selected orders', () => {
    const MAIN = (orderId: number) => ({ accountId: 1, account: 'MAIN', orderId });
    const FBE = (orderId: number) => ({ accountId: 2, account: 'FBE', orderId });
    const orders: Record<number, ReturnType<typeof MAIN>[]> = {
      111111: [MAIN(111111)],
      222222: [MAIN(222222), FBE(222222)],
      333333: [FBE(333333)],
      555555: [MAIN(555555)],
    };
    const lookup = (id: number) => orders[id] ?? [];
    const selected = [
      { accountId: 1, orderId: 111111 },
      { accountId: 1, orderId: 222222 },
    ];

    it('attaches to a selected order, and names and skips one outside the selection', () => {
      const [inside, outside] = matchInvoiceFiles(['f-111111.pdf', 'f-555555.pdf'], lookup, selected);
      expect(inside).toMatchObject({ outcome: 'matched', reason: null, target: MAIN(111111) });
      expect(outside).toMatchObject({
        outcome: 'unmatched',
        reason: 'not_selected',
        target: null,
        candidates: [MAIN(555555)],
      });
    });

    it('lets the selection settle which account or which number a name means', () => {
      // 222222 is on both accounts but selected only on MAIN; 111111-333333 names a selected and an unselected order.
      const [shared, twoNumbers] = matchInvoiceFiles(['f-222222.pdf', 'f-111111-333333.pdf'], lookup, selected);
      expect(shared).toMatchObject({ outcome: 'matched', target: MAIN(222222) });
      expect(twoNumbers).toMatchObject({ outcome: 'matched', target: MAIN(111111) });
      // The same names without a selection: never a guess.
      const [sharedAll, twoAll] = matchInvoiceFiles(['f-222222.pdf', 'f-111111-333333.pdf'], lookup);
      expect(sharedAll).toMatchObject({ outcome: 'ambiguous', reason: 'several_orders' });
      expect(twoAll).toMatchObject({ outcome: 'ambiguous', reason: 'several_orders' });
    });

    it('keeps the other reasons: no such order, no number, two files for one selected order', () => {
      const [unknown, noNumber, first, second, outside] = matchInvoiceFiles(
        ['f-444444.pdf', 'scan.pdf', 'f-111111.pdf', 'copie 111111.pdf', 'f-333333.pdf'],
        lookup,
        selected,
      );
      expect(unknown).toMatchObject({ outcome: 'unmatched', reason: 'no_order' });
      expect(noNumber).toMatchObject({ outcome: 'unmatched', reason: 'no_number' });
      expect(first).toMatchObject({ outcome: 'ambiguous', reason: 'same_order', candidates: [MAIN(111111)] });
      expect(second).toMatchObject({ outcome: 'ambiguous', reason: 'same_order' });
      // A skipped file claims nothing: it cannot make a selected order's file ambiguous.
      expect(outside).toMatchObject({ outcome: 'unmatched', reason: 'not_selected', candidates: [FBE(333333)] });
    });

    it('an order on another account with the same number is not the selected one', () => {
      const [other] = matchInvoiceFiles(['f-333333.pdf'], lookup, [{ accountId: 1, orderId: 333333 }]);
      expect(other).toMatchObject({ outcome: 'unmatched', reason: 'not_selected', candidates: [FBE(333333)] });
    });
  });
});

describe('the invoices.match request', () => {
  const parse = (input: unknown) => InvoiceMatchSchema.safeParse(input);
  const fileNames = ['factura-123456789.pdf'];

  it('takes file names alone (every order) or with the selected orders', () => {
    expect(parse({ fileNames }).success).toBe(true);
    expect(parse({ fileNames, within: [{ accountId: 1, orderId: 123456789 }] }).success).toBe(true);
  });

  it('refuses a malformed selection and unknown fields', () => {
    expect(parse({ fileNames, within: [] }).success).toBe(false);
    expect(parse({ fileNames, within: [{ accountId: 1 }] }).success).toBe(false);
    expect(parse({ fileNames, within: [{ accountId: 0, orderId: 1 }] }).success).toBe(false);
    expect(parse({ fileNames, within: [{ accountId: 1, orderId: '123' }] }).success).toBe(false);
    expect(parse({ fileNames, within: [{ accountId: 1, orderId: 1, account: 'MAIN' }] }).success).toBe(false);
    expect(parse({ fileNames, within: { accountId: 1, orderId: 1 } }).success).toBe(false);
    expect(parse({ fileNames, orders: [{ accountId: 1, orderId: 1 }] }).success).toBe(false);
    expect(parse({ within: [{ accountId: 1, orderId: 1 }] }).success).toBe(false);
    const many = Array.from({ length: BULK_MAX_ORDERS + 1 }, (_, i) => ({ accountId: 1, orderId: i + 1 }));
    expect(parse({ fileNames, within: many }).success).toBe(false);
    expect(parse({ fileNames, within: many.slice(0, BULK_MAX_ORDERS) }).success).toBe(true);
  });
});
