// The browser bridge: the built renderer plus the `window.magflow` contract over loopback HTTP, so the UI runs in
// any browser (and in the end-to-end tests) against the same dispatcher and event bus the Electron IPC uses.
//   POST /api/invoke/<channel>  body {"input": ...}, Authorization: Bearer <token>  ->  IpcResult JSON
//   GET  /api/events?token=<token>                                                  ->  SSE, one MagflowEvent per frame
//   GET  anything else                                                               ->  static file or index.html
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { INVOICE_UPLOAD_BODY_BYTES } from '../../../shared/invoices';
import type { IpcResult } from '../../../shared/ipc';
import type { EventBus } from '../../core/events/bus';
import type { Dispatcher } from '../../core/ipc/dispatcher';
import { silentLogger, type Logger } from '../../core/logging';
import { eventStreams } from './eventStream';
import { bearerToken, newToken, originProblem, tokenMatches } from './guards';
import { BodyTooLarge, readBody } from './readBody';
import { SECURITY_HEADERS, serveStatic } from './staticFiles';

export interface BridgeServerOptions {
  dispatcher: Dispatcher;
  bus: EventBus;
  /** Folder of the built renderer (out/renderer). */
  staticDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Loopback only: 127.0.0.1 (default). */
  host?: string;
  /** Default: 32 random bytes. */
  token?: string;
  logger?: Logger;
  /** Largest accepted invoke body (default 1 MiB). */
  maxBodyBytes?: number;
  /** Interval of the SSE keep-alive comments (default 15 s). */
  heartbeatMs?: number;
}

export interface BridgeServer {
  /** What to open in a browser: http://127.0.0.1:PORT/?token=T */
  readonly url: string;
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  readonly token: string;
  readonly port: number;
  /** Ends the event streams and stops listening. */
  close(): Promise<void>;
}

const INVOKE_PREFIX = '/api/invoke/';
/** Channels that carry a file: their own body limit (an invoice PDF of up to 10 MB as base64). */
const FILE_CHANNEL_BODY_BYTES: Readonly<Record<string, number>> = { 'invoices.attachFile': INVOICE_UPLOAD_BODY_BYTES };
const EVENTS_PATH = '/api/events';

type Failure = IpcResult<never>;
const failure = (kind: 'validation' | 'unavailable' | 'unknown_channel', message: string): Failure => ({
  ok: false,
  error: { kind, message },
});

function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(text);
}

function isLoopbackHost(host: string): boolean {
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) throw new Error(`the bridge listens on loopback only, not on ${host}`);
  const token = options.token ?? newToken();
  if (token.length < 16 || !/^[A-Za-z0-9_-]+$/.test(token)) {
    throw new Error('the bridge token must be at least 16 URL-safe characters');
  }
  const logger = options.logger ?? silentLogger;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const streams = eventStreams(options.bus, options.heartbeatMs ?? 15_000);
  let port = 0;

  async function invoke(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') {
      sendJson(res, 405, failure('validation', 'Use POST for invoke calls'), { Allow: 'POST' });
      return;
    }
    if (!tokenMatches(token, bearerToken(req))) {
      sendJson(res, 401, failure('unavailable', 'Missing or wrong bridge token'));
      return;
    }
    // A JSON content type cannot be sent by a plain HTML form: one more barrier against cross-site posts.
    const type = String(req.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim()
      .toLowerCase();
    if (type !== 'application/json') {
      sendJson(res, 415, failure('validation', 'Send the call as application/json'));
      return;
    }
    let body: unknown;
    const fileLimit = Object.hasOwn(FILE_CHANNEL_BODY_BYTES, channel) ? FILE_CHANNEL_BODY_BYTES[channel]! : 0;
    const limit = Math.max(maxBodyBytes, fileLimit);
    try {
      const text = await readBody(req, limit);
      body = text.trim() === '' ? {} : JSON.parse(text);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        sendJson(res, 413, failure('validation', `Request body is larger than ${limit} bytes`), {
          Connection: 'close',
        });
        return;
      }
      sendJson(res, 400, failure('validation', 'The request body is not valid JSON'));
      return;
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      sendJson(res, 400, failure('validation', 'The request body must be an object {"input": ...}'));
      return;
    }
    const result = await options.dispatcher.dispatch(channel, (body as { input?: unknown }).input);
    sendJson(res, 200, result);
  }

  function events(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (req.method !== 'GET') {
      sendJson(res, 405, failure('validation', 'Use GET for the event stream'), { Allow: 'GET' });
      return;
    }
    if (!tokenMatches(token, url.searchParams.get('token'))) {
      sendJson(res, 401, failure('unavailable', 'Missing or wrong bridge token'));
      return;
    }
    streams.attach(res);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const problem = originProblem(req, host, port);
    if (problem) {
      sendJson(res, 403, failure('unavailable', `Refused: ${problem}`));
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${host}:${port}`);
    } catch {
      sendJson(res, 400, failure('validation', 'Malformed request URL'));
      return;
    }
    const path = url.pathname;
    if (path.startsWith(INVOKE_PREFIX)) {
      let channel: string;
      try {
        channel = decodeURIComponent(path.slice(INVOKE_PREFIX.length));
      } catch {
        sendJson(res, 400, failure('unknown_channel', 'Malformed channel name'));
        return;
      }
      await invoke(req, res, channel);
      return;
    }
    if (path === EVENTS_PATH) {
      events(req, res, url);
      return;
    }
    if (path === '/api' || path.startsWith('/api/')) {
      sendJson(res, 404, failure('unknown_channel', `No bridge route ${path.slice(0, 80)}`));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }).end();
      return;
    }
    await serveStatic(req, res, options.staticDir, path);
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      logger.error('bridge request failed', { path: req.url?.split('?')[0], error });
      if (!res.headersSent) sendJson(res, 500, failure('unavailable', 'The bridge could not answer'));
      else res.destroy();
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${host}:${port}`;
  logger.info('browser bridge listening', { origin });

  let closing: Promise<void> | null = null;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    port,
    close() {
      closing ??= new Promise<void>((resolvePromise) => {
        streams.closeAll();
        server.close(() => resolvePromise());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
