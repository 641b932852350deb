import { describe, expect, it } from 'vitest';
import { describeEmagError, EmagError } from '../../main/core/emag';
import { classifyFailure } from '../../main/core/sync/outboxPolicy';
import { interpretAnswer, messagesToText, retryAfterMs, type HttpAnswer } from '../../main/core/emag/envelope';
import { ROUTES } from '../../main/core/emag/routes';
import { thrownBy } from './support/failure';

const answer = (status: number, body: unknown, headers: Record<string, string> = {}): HttpAnswer => ({
  status,
  headers: new Headers(headers),
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

/** The EmagError interpretAnswer refuses the answer with. */
const failure = (a: HttpAnswer, route = ROUTES.orderRead): EmagError => thrownBy(() => interpretAnswer(route, a));

describe('interpretAnswer', () => {
  it('accepts only JSON with isError: false, returning results and any warnings', () => {
    const envelope = interpretAnswer(
      ROUTES.orderRead,
      answer(200, { isError: false, messages: ['warn'], results: [1] }),
    );
    expect(envelope).toEqual({ messages: ['warn'], results: [1] });
  });

  it('turns isError: true into an api error with eMAG messages, not retryable', () => {
    const error = failure(answer(200, { isError: true, messages: ['Order 5 was not found', { message: 'x' }] }));
    expect(error.kind).toBe('api');
    expect(error.messages).toEqual(['Order 5 was not found', 'x']);
    expect(error.retryable).toBe(false);
    expect(error.route).toBe('order/read');
  });

  it('treats 401/403 and isError about credentials or IP as auth errors', () => {
    expect(failure(answer(401, { isError: true, messages: ['Invalid credentials'] })).kind).toBe('auth');
    expect(failure(answer(403, 'Forbidden')).kind).toBe('auth');
    const ip = failure(answer(200, { isError: true, messages: ['Your IP is not whitelisted'] }));
    expect(ip.kind).toBe('auth');
    expect(ip.retryable).toBe(false);
  });

  it('tells wrong credentials, an IP not whitelisted and missing API rights apart, each with its own code', () => {
    const cases: [HttpAnswer, string][] = [
      [answer(401, { isError: true, messages: ['Invalid username or password'] }), 'auth.credentials'],
      [answer(401, ''), 'auth.credentials'],
      [answer(403, { isError: true, messages: ['You are not allowed to use this API'] }), 'auth.api_rights_missing'],
      [answer(200, { isError: true, messages: ['You are not allowed to use this API'] }), 'auth.api_rights_missing'],
      [
        answer(403, { isError: true, messages: [{ message: 'IP 10.0.0.7 is not whitelisted' }] }),
        'auth.ip_not_whitelisted',
      ],
      [
        answer(200, { isError: true, messages: ['Access denied: IP 1.2.3.4 is not whitelisted'] }),
        'auth.ip_not_whitelisted',
      ],
      [answer(403, '<html>Forbidden</html>'), 'auth.forbidden'],
    ];
    for (const [reply, code] of cases) {
      const error = failure(reply);
      expect(error.kind, code).toBe('auth');
      expect(error.code, code).toBe(code);
      expect(error.retryable).toBe(false);
    }
    const rights = failure(cases[2]![0]);
    expect(rights.message).toMatch(/no API rights/);
    expect(rights.message).not.toMatch(/password/);
    const ip = failure(cases[4]![0]);
    expect(ip.message).toMatch(/IP address/);
    // An ordinary refusal is not an access problem and has no code.
    expect(failure(answer(200, { isError: true, messages: ['Order 5 was not found'] })).code).toBeUndefined();
  });

  it("reads eMAG's errors array beside its messages, whatever their shape", () => {
    const error = failure(
      answer(200, {
        isError: true,
        messages: [{ type: 'error', text: 'Invalid AWB request' }],
        errors: [{ field: 'receiver.phone1', message: 'phone1 must have 8 to 11 digits' }, 'locality_id is required'],
      }),
    );
    expect(error.kind).toBe('api');
    expect(error.messages).toEqual([
      'Invalid AWB request',
      'phone1 must have 8 to 11 digits',
      'locality_id is required',
    ]);
    expect(describeEmagError(error)).toBe(
      'eMAG rejected order/read: Invalid AWB request; phone1 must have 8 to 11 digits; locality_id is required',
    );
  });

  it('makes 429 a retryable rateLimit error with Retry-After when sent', () => {
    const error = failure(answer(429, { message: 'API rate limit exceeded' }, { 'retry-after': '2' }));
    expect(error.kind).toBe('rateLimit');
    expect(error.retryable).toBe(true);
    expect(error.retryAfterMs).toBe(2_000);
    expect(error.messages).toEqual(['API rate limit exceeded']);
  });

  it('makes 5xx a retryable transport error', () => {
    const error = failure(answer(502, '<html>Bad gateway</html>'));
    expect(error.kind).toBe('transport');
    expect(error.status).toBe(502);
    expect(error.retryable).toBe(true);
    expect(error.transient).toBe(true);
  });

  it('calls a body that is not JSON a transient badResponse, and a JSON body without isError a final one', () => {
    const garbled = failure(answer(200, '{"isError": fal'));
    expect(garbled.kind).toBe('badResponse');
    expect(garbled.retryable).toBe(true);
    const noFlag = failure(answer(200, { messages: [], results: [] }));
    expect(noFlag.kind).toBe('badResponse');
    expect(noFlag.retryable).toBe(false);
    expect(failure(answer(200, { isError: 'false', results: [] })).kind).toBe('badResponse');
    expect(failure(answer(200, [1, 2])).kind).toBe('badResponse');
  });

  it('reports other 4xx and redirects as api errors', () => {
    expect(failure(answer(404, { isError: true, messages: ['No route'] })).kind).toBe('api');
    const redirect = failure(answer(301, '', { location: 'https://elsewhere/api-3' }));
    expect(redirect.kind).toBe('api');
    expect(redirect.message).toContain('https://elsewhere/api-3');
  });
});

describe('helpers', () => {
  it('flattens eMAG messages of any shape to text', () => {
    expect(messagesToText(['a', { message: 'b' }, { field: 'c' }, 4, null])).toEqual(['a', 'b', 'c', '4']);
    expect(messagesToText('one')).toEqual(['one']);
    expect(messagesToText(undefined)).toEqual([]);
  });

  it('reads Retry-After as seconds or a date', () => {
    expect(retryAfterMs(new Headers({ 'retry-after': '1.5' }))).toBe(1_500);
    expect(retryAfterMs(new Headers({ 'retry-after': new Date(10_000).toUTCString() }), 4_000)).toBe(6_000);
    expect(retryAfterMs(new Headers())).toBeUndefined();
  });
});

describe('the text of an error says each thing once', () => {
  const signal = new AbortController().signal;

  it("quotes an isError refusal's messages once, also where sync and the outbox store it", () => {
    const error = failure(answer(200, { isError: true, messages: ['The request could not be processed'] }));
    expect(error.message).toBe('eMAG rejected order/read: The request could not be processed');
    expect(describeEmagError(error)).toBe(error.message);
    // The English text for the logs; the window gets eMAG's words once, beside the cause.
    expect(classifyFailure(error, signal)).toEqual({
      kind: 'permanent',
      message: error.message,
      failure: { cause: 'emag_error', reason: 'The request could not be processed', code: null, params: {} },
    });
  });

  it('drops blanks and repeats eMAG sends (one message per entity, the same text twice)', () => {
    const error = failure(
      answer(200, {
        isError: true,
        messages: ['Order 5 was not found', ' ', 'Order 5 was not found ', 'Order 6 was not found'],
      }),
    );
    expect(error.message).toBe('eMAG rejected order/read: Order 5 was not found; Order 6 was not found');
    expect(describeEmagError(error)).toBe(error.message);
    const http = failure(answer(404, { isError: true, messages: ['No route', 'No route'] }));
    expect(http.message).toBe('eMAG refused order/read (HTTP 404): No route');
  });

  it('adds the messages a status error does not quote, unless they only repeat it', () => {
    const auth = failure(answer(401, { isError: true, messages: ['Your IP is not whitelisted'] }));
    expect(describeEmagError(auth)).toBe(
      "eMAG refused this computer's IP address: it is not on the account's API whitelist (HTTP 401 on order/read): " +
        'Your IP is not whitelisted',
    );
    const limited = failure(answer(429, { message: 'API rate limit exceeded' }));
    expect(describeEmagError(limited)).toBe('eMAG rate limit exceeded on order/read (HTTP 429)');
    expect(classifyFailure(limited, signal)).toMatchObject({ kind: 'retry', message: limited.message });
  });

  it('keeps the text of an error without messages as it is', () => {
    const error = failure(answer(500, '<html>500</html>'));
    expect(describeEmagError(error)).toBe('eMAG server error (HTTP 500) on order/read');
  });
});
