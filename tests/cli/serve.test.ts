// The browser bridge over real HTTP: the token, Origin and Host guards, invoke through the real core dispatcher,
// the SSE event stream, and the static renderer (traversal refused, index.html fallback, CSP header).
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridgeServer, type BridgeServer } from '../../main/cli/serve';
import { createMagflowCore, type MagflowCore } from '../../main/core/magflow';
import type { MagflowEvent } from '../../shared/events';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request (fetch would normalise `..` away and forbids setting Host/Origin freely). */
function raw(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: {
          ...options.headers,
          ...(options.body !== undefined ? { 'Content-Length': String(Buffer.byteLength(options.body)) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

describe('browser bridge (serve)', () => {
  let dir: string;
  let core: MagflowCore;
  let bridge: BridgeServer;
  const invoke = (channel: string, input?: unknown, token = bridge.token) =>
    fetch(`${bridge.origin}/api/invoke/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ input }),
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'magflow-serve-'));
    const dataDir = join(dir, 'data');
    const staticDir = join(dir, 'renderer');
    mkdirSync(dataDir);
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>MagFlow</title><div id="root"></div>');
    writeFileSync(join(staticDir, 'assets', 'app-abc123.js'), 'console.log("app")');
    writeFileSync(join(staticDir, '.env'), 'SECRET=1');
    writeFileSync(join(dir, 'secret.txt'), 'outside the static folder');
    core = await createMagflowCore({ dataDir, demo: false });
    bridge = await startBridgeServer({ dispatcher: core.dispatcher, bus: core.bus, staticDir, heartbeatMs: 200 });
  });

  afterAll(async () => {
    await bridge?.close();
    await core?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints a loopback URL carrying a random token', () => {
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/?token=${bridge.token}`);
    expect(bridge.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers invoke calls with the dispatcher result, typed errors included', async () => {
    const saved = await invoke('accounts.save', {
      name: 'Shop RO',
      platform: 'emag-ro',
      kind: 'main',
      username: 'seller',
      password: 'pw-123',
      apiUrl: 'http://127.0.0.1:9/api-3',
    });
    expect(saved.status).toBe(200);
    const savedBody = (await saved.json()) as { ok: boolean; value: { name: string; id: number } };
    expect(savedBody.ok).toBe(true);
    expect(savedBody.value.name).toBe('Shop RO');

    const listed = (await (await invoke('accounts.list')).json()) as { ok: true; value: { name: string }[] };
    expect(listed).toEqual(await core.dispatcher.dispatch('accounts.list', undefined));
    expect(listed.value.map((a) => a.name)).toEqual(['Shop RO']);

    const invalid = (await (await invoke('orders.get', { accountId: -1, orderId: 'x' })).json()) as {
      ok: false;
      error: { kind: string; issues: unknown[] };
    };
    expect(invalid.ok).toBe(false);
    expect(invalid.error.kind).toBe('validation');
    expect(invalid.error.issues.length).toBeGreaterThan(0);

    const unknown = (await (await invoke('shell.exec', {})).json()) as { ok: false; error: { kind: string } };
    expect(unknown.error.kind).toBe('unknown_channel');
  });

  it('refuses invoke calls without the token, with a wrong token, or from a foreign origin', async () => {
    const before = core.repos.accounts.list().length;
    const noToken = await fetch(`${bridge.origin}/api/invoke/accounts.remove`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ input: { id: 1 } }),
    });
    expect(noToken.status).toBe(401);
    expect(((await noToken.json()) as { ok: boolean }).ok).toBe(false);

    expect((await invoke('accounts.remove', { id: 1 }, 'x'.repeat(43))).status).toBe(401);

    const foreign = await raw(bridge.port, '/api/invoke/accounts.remove', {
      method: 'POST',
      headers: {
        Host: `127.0.0.1:${bridge.port}`,
        Origin: 'https://evil.example',
        Authorization: `Bearer ${bridge.token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ input: { id: 1 } }),
    });
    expect(foreign.status).toBe(403);

    const rebound = await raw(bridge.port, '/api/invoke/accounts.list', {
      method: 'POST',
      headers: { Host: 'evil.example', Authorization: `Bearer ${bridge.token}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(rebound.status).toBe(403);
    expect(core.repos.accounts.list().length).toBe(before);
  });

  it('accepts its own origin, refuses form posts, malformed and oversized bodies', async () => {
    const own = await raw(bridge.port, '/api/invoke/app.info', {
      method: 'POST',
      headers: {
        Origin: bridge.origin,
        Authorization: `Bearer ${bridge.token}`,
        'Content-Type': 'application/json',
      },
      body: '{}',
    });
    expect(own.status).toBe(200);
    expect((JSON.parse(own.body) as { ok: boolean }).ok).toBe(true);

    const form = await fetch(`${bridge.origin}/api/invoke/app.info`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Bearer ${bridge.token}` },
      body: 'input=1',
    });
    expect(form.status).toBe(415);

    const broken = await fetch(`${bridge.origin}/api/invoke/app.info`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bridge.token}` },
      body: '{"input":',
    });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { kind: string } }).error.kind).toBe('validation');

    const huge = await raw(bridge.port, '/api/invoke/orders.list', {
      method: 'POST',
      headers: { Authorization: `Bearer ${bridge.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ input: { search: 'x'.repeat(2 * 1024 * 1024) } }),
    });
    expect(huge.status).toBe(413);

    // Without a Content-Length (chunked), the limit is enforced while reading.
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: bridge.port,
          path: '/api/invoke/orders.list',
          method: 'POST',
          headers: { Authorization: `Bearer ${bridge.token}`, 'Content-Type': 'application/json' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      const piece = 'x'.repeat(64 * 1024);
      let sent = 0;
      const pump = () => {
        while (sent < 2 * 1024 * 1024) {
          sent += piece.length;
          if (!req.write(piece)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    expect(chunked).toBe(413);

    const get = await fetch(`${bridge.origin}/api/invoke/app.info`, {
      headers: { Authorization: `Bearer ${bridge.token}` },
    });
    expect(get.status).toBe(405);
  });

  it('streams bus events as SSE frames to a holder of the token only', async () => {
    expect((await fetch(`${bridge.origin}/api/events`)).status).toBe(401);
    expect((await fetch(`${bridge.origin}/api/events?token=wrong`)).status).toBe(401);

    const controller = new AbortController();
    const response = await fetch(`${bridge.origin}/api/events?token=${bridge.token}`, { signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    const event: MagflowEvent = { type: 'orders_imported', accountId: 1, account: 'Shop RO', count: 3 };
    let text = '';
    let emitted = false;
    // Read until the frame of our event and one heartbeat comment arrived.
    while (!(text.includes('"orders_imported"') && text.includes(': heartbeat'))) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
      if (!emitted && text.includes(': connected')) {
        emitted = true;
        core.bus.emit(event);
      }
    }
    controller.abort();
    const frame = text.split('\n').find((line) => line.startsWith('data: '));
    expect(JSON.parse(frame!.slice('data: '.length))).toEqual(event);
  });

  it('serves the renderer with a strict CSP, falls back to index.html, and never leaves the folder', async () => {
    const index = await fetch(`${bridge.origin}/?token=${bridge.token}`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<div id="root">');
    const csp = index.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe');
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');

    const asset = await fetch(`${bridge.origin}/assets/app-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('text/javascript');

    const route = await fetch(`${bridge.origin}/orders/1/42`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<div id="root">');

    expect((await fetch(`${bridge.origin}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${bridge.origin}/api/nothing`)).status).toBe(404);

    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
      const response = await raw(bridge.port, path);
      expect(response.body, path).not.toContain('outside the static folder');
    }
    const dotfile = await raw(bridge.port, '/.env');
    expect(dotfile.body).not.toContain('SECRET');
  });

  it('listens on loopback only', async () => {
    await expect(
      startBridgeServer({ dispatcher: core.dispatcher, bus: core.bus, staticDir: dir, host: '0.0.0.0' }),
    ).rejects.toThrow(/loopback/);
  });
});
