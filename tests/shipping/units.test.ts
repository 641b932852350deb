// #17 AWB units: cash on delivery from the order, which AWB a label belongs to, the sandbox's locality filters and
// label PDF, and the client's label read (a PDF kept as bytes, eMAG's JSON refusal as an error).
import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import type { OutboxAction } from '../../shared/domain';
import { codMinorFor, localityLabel } from '../../shared/shipping';
import { awbEmagIdOf } from '../../main/core/shipping/labels';
import { createEmagClient } from '../../main/core/emag';
import { labelPdf } from '../../main/sandbox/labelPdf';
import { LOCALITY_ROUTES } from '../../main/sandbox/handlers/localities';

const action = (id: number, state: OutboxAction['state'], result: Record<string, unknown> | null): OutboxAction =>
  ({ id, accountId: 1, orderId: 5, kind: 'awb', payload: {}, state, result }) as unknown as OutboxAction;

const read = (payload: Record<string, unknown>) =>
  LOCALITY_ROUTES['locality/read']!.handle({
    account: undefined as never,
    payload,
    param: undefined,
    query: new URLSearchParams(),
    nowMs: 0,
  }) as { emag_id: number; name: string }[];

describe('AWB units', () => {
  it('collects the order total on delivery only for cash-on-delivery orders', () => {
    expect(codMinorFor({ paymentModeId: 1, totalMinor: 15_990 })).toBe(15_990);
    expect(codMinorFor({ paymentModeId: 3, totalMinor: 15_990 })).toBe(0);
    expect(codMinorFor({ paymentModeId: 2, totalMinor: 15_990 })).toBe(0);
    expect(codMinorFor({ paymentModeId: null, totalMinor: 15_990 })).toBe(0);
    expect(localityLabel({ name: 'Florești', county: 'Cluj' })).toBe('Florești (Cluj)');
    expect(localityLabel({ name: 'București', county: 'București' })).toBe('București');
  });

  it("takes the label's AWB from the latest sent action, and says why there is none", () => {
    expect(awbEmagIdOf([action(1, 'sent', { emagId: 10 }), action(2, 'sent', { emagId: 11 })], 5)).toBe(11);
    expect(() => awbEmagIdOf([action(1, 'pending', null)], 5)).toThrow(/still being sent/);
    expect(() => awbEmagIdOf([action(1, 'failed', null)], 5)).toThrow(/No AWB issued by MagFlow/);
  });

  it("filters the sandbox's localities like eMAG: name from its start, diacritics aside, county, id", () => {
    expect(read({ name: 'targu' }).map((l) => l.name)).toEqual(['Târgu Mureș']);
    expect(read({ name: 'Flor', region2: 'Prahova' }).map((l) => l.emag_id)).toEqual([7745]);
    expect(read({ emag_id: 4510 }).map((l) => l.name)).toEqual(['Cluj-Napoca']);
    expect(read({ name: 'Flor', country_code: 'BG' })).toEqual([]);
    expect(() => read({ name: 'x'.repeat(61) })).toThrow(/60/);
  });

  it('writes a label PDF any reader opens, in the paper size asked for', async () => {
    for (const [format, size] of [
      ['A4', [595, 842]],
      ['A6', [298, 420]],
    ] as const) {
      const pdf = await PDFDocument.load(labelPdf(format, ['AWB SA1', 'Bistrița, Str. Țebea (1)']));
      expect(pdf.getPageCount()).toBe(1);
      expect([pdf.getPage(0).getWidth(), pdf.getPage(0).getHeight()]).toEqual(size);
    }
  });

  it("keeps a PDF answer as bytes and turns eMAG's JSON refusal into an error", async () => {
    const answers = [
      new Response(labelPdf('A5', ['AWB']), { status: 200, headers: { 'content-type': 'application/pdf' } }),
      Response.json({ isError: true, messages: ['AWB 7 is not valid'], results: [] }),
    ];
    const urls: string[] = [];
    const client = createEmagClient(
      { account: 't', platform: 'emag-ro', username: 'u', password: 'p', retry: { maxAttempts: 1 } },
      {
        fetch: async (url, init) => {
          urls.push(`${init.method} ${url}`);
          return answers.shift()!;
        },
      },
    );
    const bytes = await client.awb.readPdf(7, 'A5');
    expect(Buffer.from(bytes).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expect(client.awb.readPdf(7, 'A5')).rejects.toThrow(/AWB 7 is not valid/);
    expect(urls[0]).toBe('GET https://marketplace-api.emag.ro/api-3/awb/read_pdf?emag_id=7&awb_format=A5');
  });
});
