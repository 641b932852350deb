// `protocol`: a custom scheme served by the app's own `protocol.handle` handler. Chromium cannot be taught a new
// scheme through playwright (a magflow:// navigation is aborted before any request exists), so each
// `<scheme>://<host>` origin is mapped to its own loopback origin, http://127.0.0.1:<port>, whose server calls the
// app's handler with a fetch Request for the original magflow:// URL and answers with the handler's Response:
// status, headers (the CSP included, which Chromium then enforces) and body. Page URLs are mapped back wherever
// the app sees them (getURL, senderFrame.url, will-navigate). 127.0.0.1 is a secure context, as the scheme is
// registered `secure`. session.webRequest header listeners are not applied to these responses: Electron does not
// run them for custom protocols either (electron/electron#6021, #14804).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { record } from '../journal';
import { requireReady, runtime } from './runtime';

type Handler = (request: Request) => Response | Promise<Response>;

export interface CustomScheme {
  scheme: string;
  privileges?: Record<string, boolean>;
}

const privileged = new Map<string, CustomScheme>();
const handlers = new Map<string, Handler>();
/** `<scheme>://<host>` → its loopback server's origin. */
const origins = new Map<string, { origin: string; server: Server }>();
let registered = false;

async function requestFor(appUrl: string, incoming: IncomingMessage): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined && name !== 'host') headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const method = incoming.method ?? 'GET';
  let body: Uint8Array | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    body = new Uint8Array(Buffer.concat(chunks));
  }
  return new Request(appUrl, { method, headers, ...(body ? { body } : {}) });
}

async function startOrigin(scheme: string, host: string): Promise<string> {
  const key = `${scheme}://${host}`;
  const existing = origins.get(key);
  if (existing) return existing.origin;
  const server = createServer((incoming, outgoing) => {
    const appUrl = `${key}${incoming.url ?? '/'}`;
    void (async () => {
      const handler = handlers.get(scheme);
      if (!handler) {
        outgoing.writeHead(404).end();
        return;
      }
      try {
        const response = await handler(await requestFor(appUrl, incoming));
        const headers: Record<string, string> = {};
        response.headers.forEach((value, name) => (headers[name] = value));
        const body = Buffer.from(await response.arrayBuffer());
        record('protocol.request', { url: appUrl, status: response.status });
        outgoing.writeHead(response.status, headers).end(body);
      } catch (error) {
        // Electron answers a throwing handler with net::ERR_FAILED (lib/browser/api/protocol.ts).
        record('protocol.handler-error', { url: appUrl, error });
        outgoing.destroy();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  origins.set(key, { origin, server });
  runtime.teardown.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return origin;
}

/** The URL Chromium loads for an app URL (a handled scheme goes to its loopback origin). */
export async function toChromium(url: string): Promise<string> {
  const parsed = new URL(url);
  const scheme = parsed.protocol.slice(0, -1);
  if (!handlers.has(scheme)) return url;
  const origin = await startOrigin(scheme, parsed.host);
  return `${origin}${parsed.pathname}${parsed.search}${parsed.hash}`;
}

/** The URL the app sees for a page URL in Chromium. */
export function fromChromium(url: string): string {
  for (const [appOrigin, { origin }] of origins) {
    if (url === origin || url.startsWith(`${origin}/`)) return `${appOrigin}${url.slice(origin.length) || '/'}`;
  }
  return url;
}

export const protocol = {
  /** docs/api/protocol.md, "protocol.registerSchemesAsPrivileged": only before 'ready', and only once. */
  registerSchemesAsPrivileged(schemes: CustomScheme[]): void {
    if (runtime.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    if (registered) throw new Error('protocol.registerSchemesAsPrivileged can be called only once');
    registered = true;
    for (const scheme of schemes) privileged.set(scheme.scheme, scheme);
    record('protocol.registerSchemesAsPrivileged', { schemes });
  },
  handle(scheme: string, handler: Handler): void {
    // protocol.handle goes through session.defaultSession (lib/browser/api/protocol.ts), which needs ready.
    requireReady('Session can only be received when app is ready');
    if (handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    const privileges = privileged.get(scheme)?.privileges ?? {};
    if (!privileges['standard'] || !privileges['secure']) {
      // A non-standard scheme resolves URLs like file:// (docs/api/protocol.md); the loopback mapping cannot show it.
      throw new Error(`harness: only standard, secure schemes are emulated (${scheme})`);
    }
    if (privileges['bypassCSP']) throw new Error(`harness: bypassCSP is not emulated (${scheme})`);
    handlers.set(scheme, handler);
    record('protocol.handle', { scheme });
  },
  unhandle(scheme: string): void {
    handlers.delete(scheme);
    record('protocol.unhandle', { scheme });
  },
  isProtocolHandled(scheme: string): boolean {
    return handlers.has(scheme);
  },
};
