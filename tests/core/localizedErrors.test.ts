// Main's own refusals in both window languages (issue 16 §1): each helper that had its own English words now takes
// them from the catalogue, so the window reads Romanian or English while the CLI and the logs keep the English.
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { AwbPartySchema } from '../../shared/ipc';
import { describeProblem, type OfferEditProblem } from '../../shared/offerEdits';
import { accountService } from '../../main/core/accounts/service';
import { systemClock, type Clock } from '../../main/core/clock';
import { createRepositories, openDatabase } from '../../main/core/db';
import { resolveApiUrl } from '../../main/core/emag';
import { apiUrlProblem } from '../../main/core/emagClients';
import { AppError, invalidInput, notFound } from '../../main/core/errors';
import { createEventBus } from '../../main/core/events/bus';
import { bucketSettings } from '../../main/core/invoices/bucketSettings';
import { messages } from '../../main/core/messages/catalogue';
import { render, type Localized } from '../../main/core/messages/localized';
import { zodIssues } from '../../main/core/messages/zodIssues';
import { orderActions } from '../../main/core/orders/actions';
import { bulkOrders } from '../../main/core/orders/bulk';
import { memorySecretStore } from '../../main/core/secrets/store';
import { addAccount, orderRecord } from '../support/records';

const both = (text: Localized) => ({ ro: render(text, 'ro'), en: render(text, 'en') });

/** What `fn` threw, as an AppError. */
function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  return expect.unreachable('expected an AppError');
}

describe('AppError', () => {
  it('keeps the English in message and issues, and renders both in the language asked', () => {
    const error = invalidInput([{ path: 'reason', message: (text) => text.errors.orders.reasonOnlyWithCancel }]);
    expect(error.message).toBe('Invalid input at reason: A reason goes only with a cancellation');
    expect(error.issues).toEqual([{ path: 'reason', message: 'A reason goes only with a cancellation' }]);
    expect(error.in('ro')).toEqual({
      message: 'Date greșite la reason: Un motiv se dă doar la anulare',
      issues: [{ path: 'reason', message: 'Un motiv se dă doar la anulare' }],
    });
    expect(notFound('return', 9).in('ro')).toEqual({ message: 'Returul 9 nu a fost găsit' });
    expect(notFound('return', 9).message).toBe('Return 9 not found');
  });
});

describe("zod's issues in the catalogue's words", () => {
  const reasons = (schema: z.ZodType, input: unknown) => {
    const result = schema.safeParse(input);
    if (result.success) return expect.unreachable('expected a refusal');
    return zodIssues(result.error).map((issue) => ({ path: issue.path, ...both(issue.message) }));
  };

  it('counts the Romanian way: one, few, and "de" from 20', () => {
    const min = (n: number) => reasons(z.object({ name: z.string().min(n) }), { name: 'ab'.slice(0, 0) })[0];
    expect(min(2)).toMatchObject({
      ro: 'trebuie să aibă cel puțin 2 caractere',
      en: 'must have at least 2 characters',
    });
    expect(min(20)).toMatchObject({ ro: 'trebuie să aibă cel puțin 20 de caractere' });
    expect(reasons(z.string().max(1), 'ab')[0]).toMatchObject({
      ro: 'poate avea cel mult 1 caracter',
      en: 'must have at most 1 character',
    });
    expect(reasons(z.array(z.number()).min(21), [])[0]).toMatchObject({
      ro: 'trebuie să aibă cel puțin 21 de elemente',
      en: 'must have at least 21 items',
    });
    expect(reasons(z.object({}).strict(), { extra: 1 })[0]).toEqual({
      path: '(input)',
      ro: 'câmp necunoscut: extra',
      en: 'unknown field: extra',
    });
  });

  it("words a shared schema's own reason by its key, under the field's path", () => {
    const party = { name: 'Ana Pop', contact: 'Ana', phone: '07', localityId: 'x', street: 'S' };
    expect(reasons(AwbPartySchema, party)).toEqual([
      {
        path: 'phone',
        ro: 'trebuie să aibă între 8 și 11 cifre, opțional cu + în față',
        en: 'expected 8 to 11 digits, optionally starting with +',
      },
      { path: 'localityId', ro: 'alege localitatea eMAG din listă', en: 'expected eMAG locality id' },
      { path: 'street', ro: 'cel puțin 3 caractere', en: 'at least 3 characters' },
    ]);
  });

  it('has a reason for the other codes too', () => {
    expect(reasons(z.union([z.string(), z.number()]), true)[0]).toMatchObject({
      ro: 'nu se potrivește cu niciuna dintre formele permise',
    });
    expect(reasons(z.number().multipleOf(5), 7)[0]).toMatchObject({ ro: 'trebuie să fie multiplu de 5' });
    expect(reasons(z.string().email(), 'x')[0]).toMatchObject({ ro: 'trebuie să fie o adresă de e-mail' });
    expect(reasons(z.literal('ro'), 'fr')[0]).toMatchObject({ ro: 'trebuie să fie "ro"', en: 'must be "ro"' });
    expect(reasons(z.string().startsWith('https://'), 'ftp://x')[0]).toMatchObject({
      ro: 'trebuie să înceapă cu „https://”',
    });
    expect(
      reasons(
        z.number().refine((n) => n > 1),
        0,
      )[0],
    ).toMatchObject({ ro: 'valoare greșită', en: 'invalid value' });
  });
});

describe('the API URL check', () => {
  it("says each fault in both languages, the English being the eMAG client's own", () => {
    const cases: [string, string][] = [
      ['not a url', 'Adresa API eMAG nu este un URL valid'],
      ['https://user:pw@marketplace-api.emag.ro/api-3', 'Adresa API eMAG nu trebuie să conțină utilizatorul și parola'],
      ['http://api.example.com/api-3', 'HTTP simplu este refuzat pentru api.example.com'],
      ['ftp://marketplace-api.emag.ro/api-3', 'Adresa API eMAG trebuie să folosească https (are ftp:)'],
      ['https://marketplace-api.emag.ro/api-3?x=1', 'Adresa API eMAG nu poate avea query string sau fragment'],
    ];
    for (const [url, ro] of cases) {
      const problem = apiUrlProblem('emag-ro', url);
      expect(problem, url).not.toBeNull();
      expect(render(problem!, 'ro')).toContain(ro);
      expect(() => resolveApiUrl('emag-ro', url)).toThrow(render(problem!, 'en'));
    }
    expect(apiUrlProblem('emag-ro', null)).toBeNull();
    expect(apiUrlProblem('emag-ro', 'http://127.0.0.1:9000/api-3')).toBeNull();
  });
});

describe('the account service', () => {
  function setup() {
    const repos = createRepositories(openDatabase(':memory:'), systemClock);
    const testConnection = vi.fn(async () => ({ ok: true, errorKind: null, message: 'Connected' }));
    const service = accountService({
      repos,
      secrets: memorySecretStore(),
      checkApiUrl: apiUrlProblem,
      testConnection,
      bus: createEventBus(),
      language: () => 'ro',
    });
    return { service, testConnection };
  }
  const input = { name: 'Magazin', platform: 'emag-ro' as const, kind: 'main' as const, username: 'seller@example.ro' };

  it("refuses in the catalogue's words, English in message", () => {
    const { service } = setup();
    expect(thrown(() => service.save(input)).in('ro').message).toBe('Un cont nou are nevoie de parola API');
    service.save({ ...input, password: 'p' });
    const taken = thrown(() => service.save({ ...input, password: 'p' }));
    expect(taken.message).toBe('An account named "Magazin" already exists');
    expect(taken.in('ro').message).toBe('Există deja un cont numit „Magazin”');
    expect(thrown(() => service.passwordOf(99)).in('ro').message).toBe(
      'Nu există o parolă salvată pentru contul 99; introdu-o din nou în Setări',
    );
  });

  it("says a typed URL's fault in the window's language, without testing anything", async () => {
    const { service, testConnection } = setup();
    const refused = await service.test({ ...input, password: 'x', apiUrl: 'http://evil.example.com/api-3' });
    expect(refused).toMatchObject({ ok: false, errorKind: 'config' });
    expect(refused.message).toMatch(/^HTTP simplu este refuzat pentru evil\.example\.com/);
    expect(testConnection).not.toHaveBeenCalled();
  });
});

describe('the invoice bucket settings', () => {
  it('names a missing secret and a missing bucket in both languages', () => {
    const repos = createRepositories(openDatabase(':memory:'), systemClock);
    const settings = bucketSettings(repos, memorySecretStore());
    const input = {
      endpoint: 'https://s3.eu-central-1.amazonaws.com',
      region: 'eu-central-1',
      bucket: 'facturi',
      accessKeyId: 'AKIA',
      pathStyle: false,
      keyPrefix: '',
    };
    const noSecret = thrown(() => settings.save(input));
    expect(noSecret.issues).toEqual([{ path: 'secretAccessKey', message: 'the secret access key is required' }]);
    expect(noSecret.in('ro').issues).toEqual([
      { path: 'secretAccessKey', message: 'cheia secretă de acces (secret access key) este obligatorie' },
    ]);
    const badEndpoint = thrown(() => settings.save({ ...input, endpoint: 'http://minio.lan', secretAccessKey: 's' }));
    expect(badEndpoint.in('ro').issues?.[0]).toMatchObject({ path: 'endpoint', message: /http simplu este refuzat/ });
    const none = thrown(() => settings.config());
    expect(none.code).toBe('bucket.not_configured');
    expect(none.message).toMatch(/^No invoice bucket is set up/);
    expect(none.in('ro').message).toMatch(/^Niciun bucket pentru facturi nu este configurat/);
  });
});

describe('offer edit refusals', () => {
  it("say every rule in Romanian, and in the CLI's English", () => {
    const problems: OfferEditProblem[] = [
      { field: 'price', code: 'price_format' },
      { field: 'price', code: 'price_below_min', bound: '10' },
      { field: 'price', code: 'price_above_max', bound: '60' },
      { field: 'stock', code: 'stock_format' },
      { field: 'stock', code: 'stock_fbe' },
      { field: 'vat', code: 'vat_unknown' },
    ];
    const ro = problems.map((p) => messages('ro').errors.offerProblem(p));
    expect(new Set(ro).size).toBe(problems.length);
    expect(ro[1]).toBe('prețul este sub prețul minim de vânzare al ofertei (10); eMAG l-ar refuza');
    expect(ro[3]).toBe('stocul trebuie să fie un număr întreg de la 0 la 65535');
    expect(problems.map((p) => messages('en').errors.offerProblem(p))).toEqual(problems.map(describeProblem));
  });
});

describe("an AWB's receiver checks and a bulk order's refusal", () => {
  const NOW = new Date('2026-11-23T10:00:00Z');
  function setup() {
    const clock: Clock = { now: () => NOW };
    const repos = createRepositories(openDatabase(':memory:'), clock);
    const actions = orderActions({ repos, bus: createEventBus(), clock, kickOutbox: vi.fn() });
    const main = addAccount(repos, 'MAIN');
    const customer = { name: 'Ana Pop', shipping_contact: 'Ana', shipping_phone: '0722', shipping_street: 'S' };
    repos.orders.upsertMany([orderRecord(main.id, 1, { status: 3, raw: { id: 1, status: 3, customer } })]);
    return { repos, clock, actions, main };
  }
  const sender = { name: 'Magazin SRL', contact: 'Ion', phone: '0740000000', localityId: 8801, street: 'Str. Lunga 1' };

  it("names each gap of the order's receiver in the window's language", () => {
    const { actions, main } = setup();
    const error = thrown(() =>
      actions.generateAwb({
        accountId: main.id,
        orderId: 1,
        sender,
        parcels: 1,
        envelopes: 0,
        weightKg: 1,
        codMinor: 0,
      }),
    );
    expect(error.in('ro').issues).toEqual([
      { path: 'receiver.phone', message: 'trebuie să aibă între 8 și 11 cifre, opțional cu + în față' },
      { path: 'receiver.localityId', message: 'alege localitatea eMAG din listă' },
      { path: 'receiver.street', message: 'cel puțin 3 caractere' },
    ]);
    expect(error.issues?.[0]).toEqual({
      path: 'receiver.phone',
      message: 'expected 8 to 11 digits, optionally starting with +',
    });
  });

  it("gives a bulk order's refusal in the language of the bulk request", () => {
    const { repos, clock, actions, main } = setup();
    const request = {
      action: 'awb' as const,
      orders: [{ accountId: main.id, orderId: 1 }],
      preview: false,
      awb: { senders: [{ accountId: main.id, sender }], parcels: 1, weightKg: 1 },
    };
    const ro = bulkOrders({ repos, clock, actions, language: () => 'ro' }).run(request);
    expect(ro.outcomes[0]).toMatchObject({ outcome: 'failed' });
    expect(ro.outcomes[0]!.message).toMatch(/^Date greșite: receiver\.phone: trebuie să aibă între 8 și 11 cifre/);
    const en = bulkOrders({ repos, clock, actions, language: () => 'en' }).run(request);
    expect(en.outcomes[0]!.message).toMatch(/^Invalid input: receiver\.phone: expected 8 to 11 digits/);
  });
});
