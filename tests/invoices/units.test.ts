// The small rules under invoice uploads: what counts as a PDF, and which numbers in a file name can be order ids.
import { describe, expect, it } from 'vitest';
import { INVOICE_MAX_BYTES, orderNumbersIn } from '../../shared/invoices';
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
});
