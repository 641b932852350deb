// Turns one HTTP answer into eMAG's envelope or a typed EmagError: anything but JSON with `isError: false` is an error.
import { EmagError, withMessages, type EmagErrorCode } from './errors';
import type { EmagRoute } from './routes';

export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: string;
  /** A file answer (awb/read_pdf's PDF), kept as bytes; `body` is then empty. */
  bytes?: Uint8Array;
}

export interface Envelope {
  /** eMAG's messages; a successful save can still carry warnings here. */
  messages: string[];
  results: unknown;
}

/** What eMAG says when the user has no API rights (public clients report it with HTTP 403). */
const NO_API_RIGHTS = /not allowed to use (this|the) api|api (rights|access) (is )?(missing|not granted|disabled)/i;
/** Words eMAG uses when it refuses the caller's IP. */
const IP_HINT = /\b(ip|ips|whitelist\w*|white-list\w*)\b/i;
/** Words eMAG uses when it refuses the credentials. */
const CREDENTIALS_HINT = /\b(auth\w*|unauthori[sz]ed|credentials?|password|username|login)\b/i;

/** eMAG's messages arrive as strings, objects, or an object of either: flatten them to text. */
export function messagesToText(raw: unknown): string[] {
  if (raw === undefined || raw === null || raw === '') return [];
  if (typeof raw === 'string') return [raw];
  if (typeof raw === 'number' || typeof raw === 'boolean') return [String(raw)];
  if (Array.isArray(raw)) return raw.flatMap(messagesToText);
  if (typeof raw === 'object') {
    const record = raw as Record<string, unknown>;
    for (const key of ['message', 'msg', 'text', 'error']) {
      const text = record[key];
      if (typeof text === 'string') return [text];
    }
    return Object.values(record).flatMap(messagesToText);
  }
  return [];
}

/** The access problem eMAG's messages name, if they name one. */
function authCodeOf(messages: readonly string[]): keyof typeof AUTH_TEXT | undefined {
  if (messages.some((m) => NO_API_RIGHTS.test(m))) return 'auth.api_rights_missing';
  if (messages.some((m) => IP_HINT.test(m))) return 'auth.ip_not_whitelisted';
  if (messages.some((m) => CREDENTIALS_HINT.test(m) || /\bforbidden\b/i.test(m))) return 'auth.credentials';
  return undefined;
}

/** What the seller should be told for each access problem (the window translates the code). */
const AUTH_TEXT: Record<Exclude<EmagErrorCode, 'emag.server_error'>, string> = {
  'auth.credentials': 'eMAG refused the API username or password',
  'auth.ip_not_whitelisted': "eMAG refused this computer's IP address: it is not on the account's API whitelist",
  'auth.api_rights_missing':
    'eMAG says this user has no API rights ("You are not allowed to use this API"): ask eMAG to grant API access',
  'auth.forbidden': 'eMAG refused access (HTTP 403)',
};

/**
 * eMAG's messages as text: `messages` (strings or objects), then the `errors` array some answers carry beside them
 * (field-level reasons), then a lone `message` (the gateway's 429 body).
 */
function envelopeMessages(body: Record<string, unknown>): string[] {
  return [...messagesToText(body.messages), ...messagesToText(body.errors), ...messagesToText(body.message)];
}

/** Retry-After as milliseconds (seconds or an HTTP date), when present and sane. */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, 300_000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.min(Math.max(0, at - now), 300_000);
}

function parseJson(body: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch {
    return { ok: false };
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The envelope of a successful call, or throws the EmagError that describes the failure. */
export function interpretAnswer(route: EmagRoute, answer: HttpAnswer): Envelope {
  const { status } = answer;
  const json = parseJson(answer.body);
  const body = json.ok && isRecord(json.value) ? json.value : undefined;
  const messages = body ? envelopeMessages(body) : [];
  const fail = (init: Omit<ConstructorParameters<typeof EmagError>[0], 'route' | 'messages' | 'status'>): never => {
    throw new EmagError({ ...init, route: route.name, messages, status });
  };

  if (status === 401 || status === 403) {
    const code = authCodeOf(messages) ?? (status === 401 ? 'auth.credentials' : 'auth.forbidden');
    fail({ kind: 'auth', code, message: `${AUTH_TEXT[code]} (HTTP ${status} on ${route.name})` });
  }
  if (status === 429) {
    const wait = retryAfterMs(answer.headers);
    fail({
      kind: 'rateLimit',
      message: `eMAG rate limit exceeded on ${route.name} (HTTP 429)`,
      ...(wait === undefined ? {} : { retryAfterMs: wait }),
    });
  }
  if (status >= 500) {
    fail({
      kind: 'transport',
      code: 'emag.server_error',
      message: `eMAG server error (HTTP ${status}) on ${route.name}`,
    });
  }
  if (status >= 300 && status < 400) {
    const location = answer.headers.get('location');
    fail({
      kind: 'api',
      message: `eMAG answered ${route.name} with a redirect (HTTP ${status}${location ? ` to ${location}` : ''}); check the API URL`,
    });
  }
  if (status < 200 || status >= 300) {
    const code = body?.isError === true ? authCodeOf(messages) : undefined;
    fail(
      code
        ? { kind: 'auth', code, message: withMessages(AUTH_TEXT[code], messages) }
        : { kind: 'api', message: withMessages(`eMAG refused ${route.name} (HTTP ${status})`, messages) },
    );
  }
  if (!json.ok) {
    // Usually a truncated body or an HTML page from a proxy: worth another try.
    fail({
      kind: 'badResponse',
      message: `eMAG answered ${route.name} with a body that is not JSON`,
      transient: true,
    });
  }
  if (!body || typeof body.isError !== 'boolean') {
    fail({
      kind: 'badResponse',
      message: `eMAG answered ${route.name} without the isError flag: the request was most likely not processed`,
    });
  }
  if (body?.isError === true) {
    const code = authCodeOf(messages);
    fail(
      code
        ? { kind: 'auth', code, message: withMessages(`${AUTH_TEXT[code]} on ${route.name}`, messages) }
        : { kind: 'api', message: withMessages(`eMAG rejected ${route.name}`, messages) },
    );
  }
  return { messages, results: body?.results };
}
