// Turns one HTTP answer into eMAG's envelope or a typed EmagError: anything but JSON with `isError: false` is an error.
import { EmagError, withMessages } from './errors';
import type { EmagRoute } from './routes';

export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: string;
}

export interface Envelope {
  /** eMAG's messages; a successful save can still carry warnings here. */
  messages: string[];
  results: unknown;
}

/** Words eMAG uses when it refuses the credentials or the caller's IP. */
const AUTH_HINT =
  /\b(auth\w*|unauthori[sz]ed|forbidden|credentials?|password|username|login|ip|whitelist\w*|white-list\w*)\b/i;

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

const looksLikeAuth = (messages: readonly string[]): boolean => messages.some((m) => AUTH_HINT.test(m));

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
  const messages = body ? messagesToText(body.messages ?? body.message) : [];
  const fail = (init: Omit<ConstructorParameters<typeof EmagError>[0], 'route' | 'messages' | 'status'>): never => {
    throw new EmagError({ ...init, route: route.name, messages, status });
  };

  if (status === 401 || status === 403) {
    fail({
      kind: 'auth',
      message: `eMAG refused the credentials or this computer's IP address (HTTP ${status}) on ${route.name}`,
    });
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
    fail({ kind: 'transport', message: `eMAG server error (HTTP ${status}) on ${route.name}` });
  }
  if (status >= 300 && status < 400) {
    const location = answer.headers.get('location');
    fail({
      kind: 'api',
      message: `eMAG answered ${route.name} with a redirect (HTTP ${status}${location ? ` to ${location}` : ''}); check the API URL`,
    });
  }
  if (status < 200 || status >= 300) {
    const isAuth = body?.isError === true && looksLikeAuth(messages);
    fail({
      kind: isAuth ? 'auth' : 'api',
      message: withMessages(`eMAG refused ${route.name} (HTTP ${status})`, messages),
    });
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
    const isAuth = looksLikeAuth(messages);
    fail({
      kind: isAuth ? 'auth' : 'api',
      message: withMessages(`eMAG ${isAuth ? 'refused access to' : 'rejected'} ${route.name}`, messages),
    });
  }
  return { messages, results: body?.results };
}
