// Secret redaction for anything that is about to be logged: credentials never reach a log line.
import type { LogFields, Logger } from './logger';

export const REDACTED = '[REDACTED]';

/** Field names whose values are secrets whatever they contain. */
const SENSITIVE_KEY =
  /pass(?:word|wd|phrase)|^pass$|^pwd$|secret|token|authori[sz]ation|api[-_]?key|cookie|credential/i;

const AUTH_SCHEME = /\b(Basic|Bearer|Digest)\s+[A-Za-z0-9+/=._~-]+/gi;
const URL_USERINFO = /(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi;
const KEY_VALUE_SECRET =
  /((?:pass(?:word|wd)?|pwd|secret|token|api[-_]?key|authori[sz]ation)["']?\s*[:=]\s*["']?)([^\s"'&,;}]+)/gi;

/** Secrets shorter than this are only redacted where a whole value equals them (substring hits would shred logs). */
const MIN_SUBSTRING_SECRET = 4;
const MAX_DEPTH = 8;

export interface RedactOptions {
  /** Literal secrets (passwords, tokens) to remove wherever they appear. */
  secrets?: Iterable<string>;
}

/** Every spelling under which a secret can end up in text: raw, URL-encoded, JSON-escaped. */
function secretVariants(secrets: Iterable<string> | undefined): string[] {
  const variants = new Set<string>();
  for (const secret of secrets ?? []) {
    if (!secret) continue;
    variants.add(secret);
    variants.add(encodeURIComponent(secret));
    variants.add(JSON.stringify(secret).slice(1, -1));
  }
  // Longest first, so a secret that contains another is removed whole.
  return [...variants].sort((a, b) => b.length - a.length);
}

function redactTextWith(text: string, variants: readonly string[]): string {
  let out = text;
  for (const secret of variants) {
    if (out === secret) return REDACTED;
    if (secret.length >= MIN_SUBSTRING_SECRET && out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out
    .replace(AUTH_SCHEME, `$1 ${REDACTED}`)
    .replace(URL_USERINFO, `$1${REDACTED}@`)
    .replace(KEY_VALUE_SECRET, `$1${REDACTED}`);
}

function redactWith(value: unknown, variants: readonly string[], depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return redactTextWith(value, variants);
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function') return '[Function]';
    if (typeof value === 'bigint' || typeof value === 'symbol') return value.toString();
    return value;
  }
  if (seen.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Truncated]';
  seen.add(value);
  try {
    if (value instanceof Date) return value.toISOString();
    if (value instanceof URL) return redactTextWith(value.href, variants);
    if (Array.isArray(value)) return value.map((item) => redactWith(item, variants, depth + 1, seen));
    const entries: [string, unknown][] =
      value instanceof Headers || value instanceof Map ? [...value.entries()] : Object.entries(value);
    const out: Record<string, unknown> = {};
    if (value instanceof Error) {
      // name, message and stack are not enumerable: copy them explicitly.
      out.name = value.name;
      out.message = redactTextWith(value.message, variants);
      if (value.stack) out.stack = redactTextWith(value.stack, variants);
      if (value.cause !== undefined) out.cause = redactWith(value.cause, variants, depth + 1, seen);
    }
    for (const [key, inner] of entries) {
      out[key] =
        SENSITIVE_KEY.test(key) && inner !== null && inner !== undefined && inner !== ''
          ? REDACTED
          : redactWith(inner, variants, depth + 1, seen);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

/** A copy of `value` with secrets removed: sensitive keys, auth headers, URL credentials and the given secrets. */
export function redact(value: unknown, options: RedactOptions = {}): unknown {
  return redactWith(value, secretVariants(options.secrets), 0, new WeakSet());
}

/** `text` with secrets removed (see {@link redact}). */
export function redactText(text: string, options: RedactOptions = {}): string {
  return redactTextWith(text, secretVariants(options.secrets));
}

/** Redacts log fields to a plain record (a non-object result is kept under `value`). */
export function redactFields(fields: LogFields | undefined, options: RedactOptions = {}): LogFields | undefined {
  if (fields === undefined) return undefined;
  const out = redact(fields, options);
  return out !== null && typeof out === 'object' && !Array.isArray(out) ? (out as LogFields) : { value: out };
}

/**
 * Wraps a logger so every message and field passes redaction first, including the given secrets.
 * Components that hold a credential wrap whatever logger they are given, so no sink can leak it.
 */
export function withRedaction(inner: Logger, secrets: Iterable<string> = []): Logger {
  const variants = secretVariants(secrets);
  const clean =
    (write: (message: string, fields?: LogFields) => void) =>
    (message: string, fields?: LogFields): void => {
      const redactedFields =
        fields === undefined ? undefined : (redactWith(fields, variants, 0, new WeakSet()) as LogFields);
      write(redactTextWith(message, variants), redactedFields);
    };
  return {
    debug: clean((m, f) => inner.debug(m, f)),
    info: clean((m, f) => inner.info(m, f)),
    warn: clean((m, f) => inner.warn(m, f)),
    error: clean((m, f) => inner.error(m, f)),
  };
}
