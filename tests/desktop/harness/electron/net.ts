// `net.request` and `session.fromPartition`, for what the main process downloads itself (electron-updater checks its
// feed and downloads an update through them). Electron runs these requests on Chromium's network stack; the harness
// runs them on Node's http/https, keeping the contract Electron's own JavaScript gives them
// (lib/common/api/net-client-request.ts, docs/api/client-request.md, docs/api/incoming-message.md):
// - `net.request(options)` only after 'ready' (docs/api/net.md: "can only be used after the ready event"); options is
//   a URL string or { url } or { protocol, hostname/host, port, path }; only http: and https:; `redirect` is follow,
//   error or manual; `session` must be a Session (from session.fromPartition or defaultSession);
// - ClientRequest is a Writable: end() starts the request; abort() emits 'abort' once; 'response' gives an
//   IncomingMessage, a Readable with statusCode, statusMessage and `headers` whose names are lower case, repeated
//   values joined with ", " except the headers Node keeps once (set-cookie stays an array);
// - a redirect under 'manual' emits 'redirect' (statusCode, method, url, headers) and is cancelled ("Redirect was
//   cancelled") unless followRedirect() is called from that listener; under 'follow' it is followed after the event;
//   under 'error' the request fails;
// - a network failure is an Error whose message is Chromium's net error name (net::ERR_CONNECTION_REFUSED...), with
//   no Node `code`.
// The harness adds one rule of its own: only this machine (127.0.0.1, ::1, localhost) is reachable, so no test
// can reach a real feed; anything else fails with net::ERR_NAME_NOT_RESOLVED and is journaled.
import {
  request as httpRequest,
  type IncomingMessage as NodeResponse,
  type ClientRequest as NodeRequest,
} from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable, Writable } from 'node:stream';
import { record } from '../journal';
import { requireReady } from './runtime';

const DISCARDABLE_DUPLICATES = new Set([
  'content-type',
  'content-length',
  'user-agent',
  'referer',
  'host',
  'authorization',
  'proxy-authorization',
  'if-modified-since',
  'if-unmodified-since',
  'from',
  'location',
  'max-forwards',
  'retry-after',
  'etag',
  'last-modified',
  'server',
  'age',
  'expires',
]);
const LOOPBACK = new Set(['127.0.0.1', '::1', '[::1]', 'localhost']);
const NET_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'net::ERR_CONNECTION_REFUSED',
  ECONNRESET: 'net::ERR_CONNECTION_RESET',
  ENOTFOUND: 'net::ERR_NAME_NOT_RESOLVED',
  ETIMEDOUT: 'net::ERR_TIMED_OUT',
  EPIPE: 'net::ERR_CONNECTION_RESET',
};
const netError = (error: NodeJS.ErrnoException): Error => new Error(NET_ERRORS[error.code ?? ''] ?? 'net::ERR_FAILED');

/** A session: the default one, or one of session.fromPartition's (electron-updater uses "electron-updater"). */
export class Session {
  constructor(
    readonly partition: string,
    readonly cache: boolean,
  ) {}
}
const partitions = new Map<string, Session>();
export function fromPartition(partition: string, options: { cache?: boolean } = {}): Session {
  // electron_api_session.cc: "Session can only be received when app is ready".
  if (typeof partition !== 'string') throw new TypeError('partition must be a string');
  let found = partitions.get(partition);
  if (!found) {
    found = new Session(partition, options.cache !== false);
    partitions.set(partition, found);
    record('session.fromPartition', { partition, cache: found.cache });
  }
  return found;
}

/** Response headers as Electron's IncomingMessage gives them. */
function headersOf(raw: string[]): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (let i = 0; i < raw.length; i += 2) {
    const key = raw[i]!.toLowerCase();
    const value = raw[i + 1]!;
    if (key === 'set-cookie') headers[key] = [...((headers[key] as string[] | undefined) ?? []), value];
    else if (!(key in headers)) headers[key] = value;
    else if (!DISCARDABLE_DUPLICATES.has(key)) headers[key] = `${headers[key] as string}, ${value}`;
  }
  return headers;
}

export class IncomingMessage extends Readable {
  readonly #response: NodeResponse;
  constructor(response: NodeResponse) {
    super();
    this.#response = response;
    response.on('data', (chunk: Buffer) => {
      if (!this.push(chunk)) response.pause();
    });
    response.on('end', () => this.push(null));
    response.on('error', (error) => this.destroy(netError(error)));
  }
  override _read(): void {
    this.#response.resume();
  }
  get statusCode(): number {
    return this.#response.statusCode ?? 0;
  }
  get statusMessage(): string {
    return this.#response.statusMessage ?? '';
  }
  get headers(): Record<string, string | string[]> {
    return headersOf(this.#response.rawHeaders);
  }
  get httpVersion(): string {
    return this.#response.httpVersion;
  }
}

interface RequestOptions {
  url?: string;
  method?: string;
  protocol?: string;
  host?: string;
  hostname?: string;
  port?: string | number;
  path?: string;
  headers?: Record<string, string | number | string[]>;
  redirect?: string;
  session?: unknown;
  partition?: string;
}

function urlOf(options: RequestOptions): URL {
  if (options.url) return new URL(options.url);
  if (options.path && / /.test(options.path)) throw new TypeError('Request path contains unescaped characters');
  const protocol = options.protocol ?? 'http:';
  const host = options.host ?? `${options.hostname ?? 'localhost'}${options.port ? `:${String(options.port)}` : ''}`;
  return new URL(options.path ?? '/', `${protocol}//${host}`);
}

const MAX_REDIRECTS = 20; // Chromium's limit

export class ClientRequest extends Writable {
  readonly #method: string;
  readonly #headers = new Map<string, { name: string; value: string }>();
  readonly #redirect: 'follow' | 'error' | 'manual';
  readonly #session: Session | null;
  #url: URL;
  #body: Buffer[] = [];
  #started = false;
  #aborted = false;
  #current: NodeRequest | null = null;
  #followRedirect: (() => void) | null = null;
  #redirects = 0;

  constructor(input: RequestOptions | string) {
    super();
    const options: RequestOptions = typeof input === 'string' ? { url: input } : { ...input };
    this.#url = urlOf(options);
    if (this.#url.protocol !== 'http:' && this.#url.protocol !== 'https:') {
      throw new Error('ClientRequest only supports http: and https: protocols');
    }
    const redirect = options.redirect ?? 'follow';
    if (redirect !== 'follow' && redirect !== 'error' && redirect !== 'manual') {
      throw new Error('redirect mode should be one of follow, error or manual');
    }
    this.#redirect = redirect;
    if (options.headers != null && typeof options.headers !== 'object')
      throw new TypeError('headers must be an object');
    for (const [name, value] of Object.entries(options.headers ?? {})) this.setHeader(name, value);
    if (options.session !== undefined && !(options.session instanceof Session)) {
      throw new TypeError('`session` should be an instance of the Session class');
    }
    this.#session =
      (options.session as Session | undefined) ?? (options.partition ? fromPartition(options.partition) : null);
    this.#method = (options.method ?? 'GET').toUpperCase();
  }

  setHeader(name: string, value: string | number | string[]): void {
    if (typeof name !== 'string') throw new TypeError('`name` should be a string in setHeader(name, value)');
    if (value == null) throw new Error(`\`value\` required in setHeader("${name}", value)`);
    if (this.#started) throw new Error("Can't set headers after they are sent");
    this.#headers.set(name.toLowerCase(), { name, value: String(value) });
  }
  getHeader(name: string): string | undefined {
    return this.#headers.get(name.toLowerCase())?.value;
  }
  removeHeader(name: string): void {
    if (this.#started) throw new Error("Can't remove headers after they are sent");
    this.#headers.delete(name.toLowerCase());
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.#body.push(Buffer.from(chunk));
    callback();
  }
  override _final(callback: () => void): void {
    this.#start();
    callback();
  }

  followRedirect(): void {
    if (!this.#followRedirect) throw new Error('followRedirect() called, but was not waiting for a redirect');
    this.#followRedirect();
  }

  abort(): void {
    if (!this.#aborted) process.nextTick(() => this.emit('abort'));
    this.#aborted = true;
    this.#current?.destroy();
    this.destroy();
  }

  getUploadProgress() {
    return { active: false, started: this.#started, current: 0, total: 0 };
  }

  #die(error: Error): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#current?.destroy();
    this.emit('error', error);
    this.destroy();
  }

  #start(): void {
    this.#started = true;
    const url = this.#url;
    record('net.request', {
      method: this.#method,
      url: url.href,
      partition: this.#session?.partition ?? '(default)',
      headers: Object.fromEntries([...this.#headers.values()].map((h) => [h.name, h.value])),
    });
    if (!LOOPBACK.has(url.hostname)) {
      record('net.request-refused', { url: url.href, reason: 'the harness reaches only this machine' });
      setImmediate(() => this.#die(new Error('net::ERR_NAME_NOT_RESOLVED')));
      return;
    }
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const body = Buffer.concat(this.#body);
    const request = send(url, {
      method: this.#method,
      headers: Object.fromEntries([...this.#headers.values()].map((h) => [h.name, h.value])),
    });
    this.#current = request;
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (!this.#aborted) this.#die(netError(error));
    });
    request.on('response', (response) => this.#onResponse(response));
    request.end(body.length > 0 ? body : undefined);
  }

  #onResponse(response: NodeResponse): void {
    if (this.#aborted) return void response.resume();
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (status >= 300 && status < 400 && location) {
      response.resume();
      this.#onRedirect(status, new URL(location, this.#url).href, headersOf(response.rawHeaders));
      return;
    }
    record('net.response', { url: this.#url.href, status });
    this.emit('response', new IncomingMessage(response));
  }

  #onRedirect(status: number, target: string, headers: Record<string, string | string[]>): void {
    const method = status === 303 && this.#method !== 'HEAD' ? 'GET' : this.#method;
    if (this.#redirect === 'error')
      return this.#die(new Error("Attempted to redirect, but redirect policy was 'error'"));
    if (++this.#redirects > MAX_REDIRECTS) return this.#die(new Error('net::ERR_TOO_MANY_REDIRECTS'));
    let follow = this.#redirect === 'follow';
    this.#followRedirect = () => void (follow = true);
    try {
      this.emit('redirect', status, method, target, headers);
    } finally {
      this.#followRedirect = null;
    }
    if (this.#aborted) return;
    if (!follow) return this.#die(new Error('Redirect was cancelled'));
    this.#url = new URL(target);
    this.#start();
  }
}

export function request(options: RequestOptions | string): ClientRequest {
  requireReady('net module can only be used after app is ready');
  return new ClientRequest(options);
}
