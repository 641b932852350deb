// The one error type of the eMAG client: a kind the UI can explain, eMAG's own messages, and whether a retry may help.
export const EMAG_ERROR_KINDS = [
  'auth',
  'rateLimit',
  'api',
  'transport',
  'timeout',
  'badResponse',
  'circuitOpen',
  'config',
  'aborted',
] as const;

/**
 * - auth: credentials refused or the IP is not whitelisted (401/403, or isError mentioning auth/IP)
 * - rateLimit: HTTP 429 from eMAG
 * - api: eMAG understood the request and refused it (isError: true, or a 4xx other than 401/403/429)
 * - transport: the request or its answer was lost (connection refused/reset, DNS, HTTP 5xx)
 * - timeout: no complete answer within the per-request timeout
 * - badResponse: an answer that is not eMAG's envelope (not JSON, no isError: false, unexpected shape)
 * - circuitOpen: the account's circuit breaker is open; nothing was sent
 * - config: invalid client settings or call arguments; nothing was sent
 * - aborted: the caller's AbortSignal fired
 */
export type EmagErrorKind = (typeof EMAG_ERROR_KINDS)[number];

/**
 * Why eMAG refused access, when it said so (kind `auth`). Neutral codes the window translates:
 * - auth.credentials: the API username or password is wrong (HTTP 401, or a message about them)
 * - auth.ip_not_whitelisted: this computer's IP address is not on the account's API whitelist
 * - auth.api_rights_missing: the user has no API rights ("You are not allowed to use this API")
 * - auth.forbidden: HTTP 403 without a message that tells which of the above
 * - emag.server_error: eMAG's own server failed (HTTP 5xx); kind `transport` so it is retried like a lost answer,
 *   but the seller is told it is eMAG's error, not their network
 */
export const EMAG_ERROR_CODES = [
  'auth.credentials',
  'auth.ip_not_whitelisted',
  'auth.api_rights_missing',
  'auth.forbidden',
  'emag.server_error',
] as const;
export type EmagErrorCode = (typeof EMAG_ERROR_CODES)[number];

/** Kinds that are usually temporary; `badResponse` joins them only for bodies that are not JSON at all. */
const TRANSIENT_KINDS: ReadonlySet<EmagErrorKind> = new Set(['rateLimit', 'transport', 'timeout']);

export interface EmagErrorInit {
  kind: EmagErrorKind;
  /** The precise reason, for the kinds that have several (auth). */
  code?: EmagErrorCode;
  message: string;
  /** Route template, e.g. `order/acknowledge` (never the id, so it can be a metric label). */
  route: string;
  messages?: readonly string[];
  status?: number;
  /** The failure is likely temporary (network, server, garbled answer). Defaults from the kind. */
  transient?: boolean;
  /** A retry may help and cannot apply a change twice. Defaults to `transient`. */
  retryable?: boolean;
  account?: string;
  /** Server-suggested wait before retrying (Retry-After), when it gave one. */
  retryAfterMs?: number;
  cause?: unknown;
}

export class EmagError extends Error {
  readonly kind: EmagErrorKind;
  readonly code?: EmagErrorCode;
  readonly route: string;
  /** eMAG's own messages (from the envelope), as text. */
  readonly messages: readonly string[];
  readonly status?: number;
  /** The failure is likely temporary: it counts against the circuit breaker (429s excepted). */
  readonly transient: boolean;
  /** The client may retry it: transient, and the route is safe to repeat (or eMAG provably never got it). */
  readonly retryable: boolean;
  readonly account?: string;
  readonly retryAfterMs?: number;

  constructor(init: EmagErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'EmagError';
    this.kind = init.kind;
    if (init.code !== undefined) this.code = init.code;
    this.route = init.route;
    this.messages = init.messages ?? [];
    if (init.status !== undefined) this.status = init.status;
    this.transient = init.transient ?? TRANSIENT_KINDS.has(init.kind);
    this.retryable = init.retryable ?? this.transient;
    if (init.account !== undefined) this.account = init.account;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
  }

  /** A copy that may not be retried (used for routes where a retry could apply the change twice). */
  withoutRetry(): EmagError {
    return this.retryable ? new EmagError({ ...this.init(), retryable: false }) : this;
  }

  /** A copy with its message and eMAG's messages passed through `clean` (used to scrub echoed secrets). */
  withText(clean: (text: string) => string): EmagError {
    return new EmagError({ ...this.init(), message: clean(this.message), messages: this.messages.map(clean) });
  }

  /** A copy stamped with the account it happened on. */
  forAccount(account: string): EmagError {
    return this.account === account ? this : new EmagError({ ...this.init(), account });
  }

  /** The fields a log line or an IPC answer carries: those of init() but the retry delay and the cause. */
  toJSON(): Record<string, unknown> {
    const { retryAfterMs: _retryAfterMs, cause: _cause, ...shown } = this.init();
    return { name: this.name, ...shown };
  }

  private init(): EmagErrorInit {
    return {
      kind: this.kind,
      code: this.code,
      message: this.message,
      route: this.route,
      messages: this.messages,
      status: this.status,
      transient: this.transient,
      retryable: this.retryable,
      account: this.account,
      retryAfterMs: this.retryAfterMs,
      cause: this.cause,
    };
  }
}

export const isEmagError = (error: unknown): error is EmagError => error instanceof EmagError;

export const configError = (message: string, route = 'config'): EmagError =>
  new EmagError({ kind: 'config', message, route });

export const abortedError = (route: string, cause?: unknown): EmagError =>
  new EmagError({ kind: 'aborted', message: `eMAG request ${route} was cancelled`, route, cause });

/** eMAG's messages with blanks and repeats dropped (eMAG often sends one per entity, or the same text twice). */
export function distinctMessages(messages: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const message of messages) {
    const text = message.trim();
    if (text && !seen.has(text)) {
      seen.add(text);
      out.push(text);
    }
  }
  return out;
}

/** `text: a; b` with each of eMAG's messages once, or `text` alone when there are none. */
export const withMessages = (text: string, messages: readonly string[]): string => {
  const distinct = distinctMessages(messages);
  return distinct.length > 0 ? `${text}: ${distinct.join('; ')}` : text;
};

/**
 * The one text to show or store for an error: its message, then those of eMAG's messages that add something to it
 * (an `isError` refusal already quotes them; a 429's "API rate limit exceeded" only repeats it), each said once.
 */
export function describeEmagError(error: EmagError): string {
  return withMessages(
    error.message,
    error.messages.filter((message) => !repeats(error.message, message)),
  );
}

/** Words that tell the seller nothing new next to our own message. */
const FILLER_WORDS = new Set(['api', 'emag', 'error', 'the', 'a', 'an', 'is', 'was', 'has', 'been', 'request']);

const wordsOf = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** True when `text` already says `message`: every word of it is there (quoted whole, or in other words). */
function repeats(text: string, message: string): boolean {
  const said = new Set(wordsOf(text));
  return wordsOf(message).every((word) => said.has(word) || FILLER_WORDS.has(word));
}
