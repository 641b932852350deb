// The harness's net.request keeps the contract of Electron's ClientRequest that electron-updater relies on
// (docs/api/client-request.md, lib/common/api/net-client-request.ts): only after ready, a Session from
// session.fromPartition, lower-case response headers joined as Electron joins them, the three redirect modes, abort,
// and network failures as Chromium's net::ERR_* messages without a Node code.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientRequest, fromPartition, request, type IncomingMessage } from './harness/electron/net';
import { runtime } from './harness/electron/runtime';

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/moved') return void res.writeHead(302, { location: '/target' }).end();
    if (req.url === '/target') {
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      res.setHeader('x-list', ['one', 'two']);
      res.setHeader('content-type', 'text/plain');
      return void res.end(`got ${req.method} ${req.headers['x-asked'] ?? ''}`);
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function send(req: ClientRequest): Promise<{ response: IncomingMessage; body: string }> {
  return new Promise((resolve, reject) => {
    req.on('error', reject);
    req.on('response', (response: IncomingMessage) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ response, body }));
    });
    req.end();
  });
}
const failure = (req: ClientRequest) =>
  new Promise<Error>((resolve) => {
    req.on('error', resolve);
    req.end();
  });

describe('harness net.request', () => {
  it('refuses before ready, like Electron', () => {
    runtime.ready = false;
    expect(() => request(`${base}/target`)).toThrow('net module can only be used after app is ready');
    runtime.ready = true;
  });

  it('answers with Electron-shaped headers through a session of its own; options as electron-updater gives them', async () => {
    runtime.ready = true;
    const session = fromPartition('electron-updater', { cache: false });
    expect(fromPartition('electron-updater')).toBe(session);
    const { port } = new URL(base);
    const req = request({
      protocol: 'http:',
      hostname: '127.0.0.1',
      port,
      path: '/target',
      headers: { 'X-Asked': 'yes' },
      session,
    });
    expect(req.getHeader('x-asked')).toBe('yes');
    const { response, body } = await send(req);
    expect(response.statusCode).toBe(200);
    expect(body).toBe('got GET yes');
    expect(response.headers['content-type']).toBe('text/plain');
    expect(response.headers['set-cookie']).toEqual(['a=1', 'b=2']);
    expect(response.headers['x-list']).toBe('one, two');
    expect(() => req.setHeader('x', 'y')).toThrow("Can't set headers after they are sent");
  });

  it("redirects: 'manual' is cancelled unless followed in the listener, 'follow' follows, 'error' fails", async () => {
    runtime.ready = true;
    const manual = request({ url: `${base}/moved`, redirect: 'manual' });
    const seen: unknown[] = [];
    manual.on('redirect', (status: number, method: string, url: string) => seen.push([status, method, url]));
    expect((await failure(manual)).message).toBe('Redirect was cancelled');
    expect(seen).toEqual([[302, 'GET', `${base}/target`]]);

    const followed = request({ url: `${base}/moved`, redirect: 'manual' });
    followed.on('redirect', () => followed.followRedirect());
    expect((await send(followed)).body).toBe('got GET ');
    expect((await send(request(`${base}/moved`))).body).toBe('got GET ');
    expect((await failure(request({ url: `${base}/moved`, redirect: 'error' }))).message).toBe(
      "Attempted to redirect, but redirect policy was 'error'",
    );
    expect(() => followed.followRedirect()).toThrow('followRedirect() called, but was not waiting for a redirect');
  });

  it('fails like Chromium: net::ERR_* messages, no Node code; only this machine is reachable', async () => {
    runtime.ready = true;
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = await failure(request(`http://127.0.0.1:${port}/`));
    expect(refused.message).toBe('net::ERR_CONNECTION_REFUSED');
    expect((refused as NodeJS.ErrnoException).code).toBeUndefined();
    expect((await failure(request('https://updates.magflow.example/latest-linux.yml'))).message).toBe(
      'net::ERR_NAME_NOT_RESOLVED',
    );
    expect(() => request('ftp://127.0.0.1/x')).toThrow('ClientRequest only supports http: and https: protocols');
    expect(() => request({ url: `${base}/target`, session: {} })).toThrow(
      '`session` should be an instance of the Session class',
    );
    expect(() => request({ url: `${base}/target`, redirect: 'sometimes' })).toThrow(/redirect mode/);
  });

  it("abort emits 'abort' once", async () => {
    runtime.ready = true;
    const req = request(`${base}/target`);
    let aborts = 0;
    req.on('abort', () => aborts++);
    req.on('error', () => undefined);
    req.abort();
    req.abort();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(aborts).toBe(1);
  });
});
