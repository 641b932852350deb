// Why something failed, in words a seller can act on: one language-neutral vocabulary the core stores (sync runs,
// health, connection tests, IPC errors) and the window and the main process translate (title + what to do).
// The eMAG behaviours behind each cause: /work/shared/emag-api/README.md, "Authentication" and "Errors".

export const FAILURE_CAUSES = [
  /** eMAG refused the API username or password (HTTP 401, or a message naming them). */
  'credentials',
  /** The user exists but has no API rights ("You are not allowed to use this API"). */
  'api_rights',
  /** This computer's IP address is not on the account's API whitelist. */
  'ip_not_whitelisted',
  /** eMAG refused access (HTTP 403) without saying which of the three above. */
  'access_denied',
  /** eMAG's own error: it answered 5xx, or `isError: true` with its reason (kept beside the cause). */
  'emag_error',
  /** eMAG answered something MagFlow cannot read (not JSON, no isError flag). */
  'bad_response',
  /** eMAG could not be reached: connection refused or reset, DNS, no network. */
  'network',
  /** No complete answer in time (one request, or the whole run). */
  'timeout',
  /** Too many requests: eMAG asked for a pause (HTTP 429). */
  'rate_limit',
  /** MagFlow paused calls to this account for a short while after repeated failures (circuit breaker). */
  'paused_after_failures',
  /** The account's settings are incomplete or invalid (no password, bad API address). */
  'config',
  /** The run was stopped (MagFlow quitting, the seller cancelled) or cut short by a crash. */
  'interrupted',
  /** A fault inside MagFlow itself. */
  'internal',
] as const;
export type FailureCause = (typeof FAILURE_CAUSES)[number];

export const isFailureCause = (value: unknown): value is FailureCause =>
  typeof value === 'string' && (FAILURE_CAUSES as readonly string[]).includes(value);

/** Causes only the seller can fix (MagFlow's retries will not help): shown as failing, not as a passing problem. */
export const SELLER_MUST_ACT: ReadonlySet<FailureCause> = new Set([
  'credentials',
  'api_rights',
  'ip_not_whitelisted',
  'access_denied',
  'config',
]);

const BY_KIND: Record<string, FailureCause> = {
  auth: 'access_denied',
  rateLimit: 'rate_limit',
  api: 'emag_error',
  transport: 'network',
  timeout: 'timeout',
  badResponse: 'bad_response',
  circuitOpen: 'paused_after_failures',
  config: 'config',
  aborted: 'interrupted',
  cancelled: 'interrupted',
  interrupted: 'interrupted',
  stuck: 'interrupted',
  internal: 'internal',
};

const BY_CODE: Record<string, FailureCause> = {
  'auth.credentials': 'credentials',
  'auth.ip_not_whitelisted': 'ip_not_whitelisted',
  'auth.api_rights_missing': 'api_rights',
  'auth.forbidden': 'access_denied',
  'emag.server_error': 'emag_error',
};

/**
 * The cause of a failure recorded before causes were stored (an old run's error kind), or reported with only the
 * client's kind and code: the precise code wins, then the kind; anything else is internal.
 */
export function causeFromKind(kind: string | null | undefined, code?: string | null): FailureCause | null {
  if (code && BY_CODE[code]) return BY_CODE[code];
  if (!kind) return null;
  if (isFailureCause(kind)) return kind;
  return BY_KIND[kind] ?? 'internal';
}
