// Serves one /api-3 request like eMAG's gateway and backend: Basic auth, the per-account rate limit, fault
// injection, routing, the JSON envelope; and records it in the request log.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { AccountState } from './accountState';
import { ApiRefusal, errorEnvelope, okEnvelope, type Envelope } from './envelope';
import type { FaultInjector } from './faults';
import { FileAnswer, ROUTES } from './handlers/routeTable';
import { BodyTooLarge, readBody, sendJson, sendText } from './httpIo';
import { readPayload } from './payload';
import type { RateLimiter } from './rateLimiter';
import { resolveRoute } from './routes';
import type { FaultKind, RequestLogEntry } from './types';

export interface ApiCore {
  accounts: ReadonlyMap<string, AccountState>;
  limiter: RateLimiter;
  faults: FaultInjector;
  clock: () => number;
  log: (entry: RequestLogEntry) => void;
}

const RATE_LIMIT_BODY = '{"message":"API rate limit exceeded"}';
const SERVER_ERROR_HTML =
  '<html><head><title>500 Internal Server Error</title></head><body><h1>500 Internal Server Error</h1></body></html>';

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/** The account whose Basic credentials match, or null. Compares digests in constant time. */
export function authenticate(
  accounts: ReadonlyMap<string, AccountState>,
  header: string | undefined,
): AccountState | null {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  const account = accounts.get(decoded.slice(0, colon));
  if (!account) return null;
  return timingSafeEqual(digest(decoded.slice(colon + 1)), digest(account.spec.password)) ? account : null;
}

/** The caller's address as eMAG's IP filter would see it. */
const clientIp = (req: IncomingMessage): string => (req.socket.remoteAddress ?? 'unknown').replace(/^::ffff:/, '');

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function handleApiRequest(
  core: ApiCore,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  query: URLSearchParams = new URLSearchParams(),
): Promise<void> {
  const at = core.clock();
  const method = req.method ?? 'GET';
  const { route, bucket, alsoBucket, param } = resolveRoute(pathname);
  const entry: RequestLogEntry = { at, method, path: pathname, route, bucket, account: null, status: 0 };
  const finish = (status: number, fault?: FaultKind): void => {
    entry.status = status;
    if (fault) entry.fault = fault;
    core.log(entry);
  };

  let rawBody = '';
  try {
    rawBody = await readBody(req);
  } catch (error) {
    sendJson(res, error instanceof BodyTooLarge ? 413 : 400, errorEnvelope([String((error as Error).message)]));
    finish(error instanceof BodyTooLarge ? 413 : 400);
    return;
  }

  const account = authenticate(core.accounts, req.headers.authorization);
  if (!account) {
    // Auth failures are answered before the rate limiter: they are not counted against any account.
    sendJson(res, 401, errorEnvelope(['Invalid username or password']), {
      'WWW-Authenticate': 'Basic realm="eMAG Marketplace API"',
    });
    finish(401);
    return;
  }
  entry.account = account.username;

  const decision = core.limiter.takeAll(account.username, alsoBucket ? [bucket, alsoBucket] : [bucket], at);
  if (!decision.allowed) {
    sendText(res, 429, RATE_LIMIT_BODY, 'application/json; charset=utf-8', decision.headers);
    finish(429);
    return;
  }
  const headers = decision.headers;

  const fault = core.faults.draw(route, account.username);
  switch (fault?.kind) {
    case 'reset':
      finish(0, 'reset');
      req.socket.destroy();
      return;
    case 'http500':
      sendText(res, 500, SERVER_ERROR_HTML, 'text/html', headers);
      finish(500, 'http500');
      return;
    case 'http429':
      sendText(res, 429, RATE_LIMIT_BODY, 'application/json; charset=utf-8', {
        ...headers,
        'X-RateLimit-Remaining-3second': '0',
        'X-RateLimit-Remaining-Second': '0',
      });
      finish(429, 'http429');
      return;
    case 'isError':
      sendJson(res, 200, errorEnvelope(['The request could not be processed (simulated fault)']), headers);
      finish(200, 'isError');
      return;
    case 'ipBlocked':
      // eMAG filters callers by IP; the status of that refusal is undocumented, so the sandbox uses the hardest case
      // for a client: HTTP 200 with isError true, recognisable only by its message.
      sendJson(
        res,
        200,
        errorEnvelope([`Access denied: IP ${clientIp(req)} is not whitelisted for this account`]),
        headers,
      );
      finish(200, 'ipBlocked');
      return;
    case 'noApiRights':
      // The answer public clients record for a user without API rights: 403 and eMAG's own sentence.
      sendJson(res, 403, errorEnvelope(['You are not allowed to use this API']), headers);
      finish(403, 'noApiRights');
      return;
    case 'noIsError':
      sendJson(res, 200, { messages: [], results: [] }, headers);
      finish(200, 'noIsError');
      return;
    case 'slow':
      await sleep(fault.delayMs ?? 2000);
      break;
    default:
      break;
  }

  const [status, envelope] = await runRoute(
    core,
    account,
    method,
    route,
    param,
    rawBody,
    req.headers['content-type'],
    query,
  );
  if (fault?.kind === 'resetAfter') {
    // The action ran and the answer is lost: what a client sees when eMAG closes the connection after processing.
    finish(0, 'resetAfter');
    req.socket.destroy();
    return;
  }
  if (fault?.kind === 'malformedJson') {
    // The action ran; only the answer is cut short, the nastiest case for a client to recover from.
    const text = JSON.stringify(envelope);
    sendText(res, 200, text.slice(0, Math.max(1, Math.floor(text.length / 2))), 'application/json', headers);
    finish(200, 'malformedJson');
    return;
  }
  if (envelope instanceof FileAnswer) {
    if (!res.destroyed && !res.headersSent) {
      res.writeHead(status, {
        'Content-Type': envelope.contentType,
        'Content-Length': envelope.body.length,
        ...headers,
      });
      res.end(envelope.body);
    }
  } else {
    sendJson(res, status, envelope, headers);
  }
  finish(status, fault?.kind);
}

async function runRoute(
  core: ApiCore,
  account: AccountState,
  method: string,
  route: string,
  param: string | undefined,
  rawBody: string,
  contentType: string | undefined,
  query: URLSearchParams,
): Promise<[number, Envelope | FileAnswer]> {
  const spec = ROUTES.get(route);
  if (!spec) return [404, errorEnvelope([`Unknown resource or action '${route}'`])];
  if (method !== spec.method) return [405, errorEnvelope([`${route} expects HTTP ${spec.method}, not ${method}`])];
  try {
    const payload = readPayload(rawBody, contentType);
    // Most handlers answer at once; order/attachments/save first downloads the documents, as eMAG does.
    const results = await spec.handle({ account, payload, param, query, nowMs: core.clock() });
    return [200, results instanceof FileAnswer ? results : okEnvelope(results)];
  } catch (error) {
    if (error instanceof ApiRefusal) return [200, errorEnvelope(error.messages)];
    return [500, errorEnvelope([`Sandbox internal error: ${(error as Error).message}`])];
  }
}
