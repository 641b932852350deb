// Sends one HTTP request to eMAG and reads the whole answer; network failures become typed EmagErrors.
import { abortedError, EmagError } from './errors';
import type { HttpAnswer } from './envelope';
import type { EmagRoute } from './routes';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface OutgoingRequest {
  url: string;
  method: 'POST' | 'PATCH' | 'GET';
  headers: Record<string, string>;
  body?: string;
  /** A file is expected (awb/read_pdf): a body that starts like a PDF is kept as bytes, anything else as text. */
  binary?: boolean;
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

export const looksLikePdf = (bytes: Uint8Array): boolean => PDF_MAGIC.every((byte, k) => bytes[k] === byte);

/** Connection errors that prove the request never reached eMAG (so even a non-idempotent route may be retried). */
const NOT_DELIVERED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** The system error code buried in fetch's "fetch failed" TypeError (or its cause chain). */
function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== null && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Classifies a failed fetch: the caller's abort, our timeout (the attempt signal fired), or a transport failure.
 * Non-idempotent routes keep `retryable` only when eMAG provably never saw the request.
 */
export function classifyNetworkError(
  route: EmagRoute,
  error: unknown,
  attemptSignal: AbortSignal,
  callerSignal: AbortSignal | undefined,
  timeoutMs: number,
): EmagError {
  if (error instanceof EmagError) return error;
  if (callerSignal?.aborted) return abortedError(route.name, error);
  if (attemptSignal.aborted) {
    return new EmagError({
      kind: 'timeout',
      message: `eMAG did not answer ${route.name} within ${timeoutMs} ms`,
      route: route.name,
      retryable: route.idempotent,
      cause: error,
    });
  }
  const code = errorCode(error);
  const notDelivered = code !== undefined && NOT_DELIVERED.has(code);
  return new EmagError({
    kind: 'transport',
    message: notDelivered
      ? `Could not connect to eMAG for ${route.name} (${code})`
      : `The connection to eMAG was lost during ${route.name}${code ? ` (${code})` : ''}`,
    route: route.name,
    retryable: route.idempotent || notDelivered,
    cause: error,
  });
}

/** One request, start to end of body. Resolves with whatever HTTP status came back; rejects only on network failure. */
export async function sendOnce(
  fetchImpl: FetchLike,
  request: OutgoingRequest,
  signal: AbortSignal,
): Promise<HttpAnswer> {
  const response = await fetchImpl(request.url, {
    method: request.method,
    headers: request.headers,
    ...(request.body === undefined ? {} : { body: request.body }),
    signal,
    // A redirect would drop or leak the Authorization header: surface it instead of following it.
    redirect: 'manual',
  });
  if (request.binary) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    // eMAG reports a refused label in its JSON envelope: only a PDF stays bytes.
    if (looksLikePdf(bytes)) return { status: response.status, headers: response.headers, body: '', bytes };
    return { status: response.status, headers: response.headers, body: new TextDecoder().decode(bytes) };
  }
  const body = await response.text();
  return { status: response.status, headers: response.headers, body };
}
