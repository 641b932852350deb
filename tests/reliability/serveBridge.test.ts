// The `serve` bridge under attack: it must listen on loopback only, refuse calls without the token, with a wrong
// token, from another Origin or Host (DNS rebinding), and never serve a file outside its folder, whatever the path
// spelling (raw requests, so no client normalises the path first) or a symlink planted inside it.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridgeServer, type BridgeServer } from '../../main/cli/serve';
import { createMagflowCore, type MagflowCore } from '../../main/core/magflow';
import { Invariants } from './support/report';

const MARKER = 'TOP-SECRET-MARKER-7f3a';

/** One raw HTTP/1.1 exchange: the request line and headers go out exactly as written. */
function raw(port: number, request: string, host = '127.0.0.1'): Promise<{ status: number; text: string }> {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    let text = '';
    socket.setTimeout(5_000, () => socket.destroy());
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
    });
    socket.on('error', () => resolve({ status: -1, text }));
    socket.on('close', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text }));
    socket.write(request);
  });
}

describe('serve bridge', () => {
  let core: MagflowCore;
  let bridge: BridgeServer;
  const dir = mkdtempSync(join(tmpdir(), 'magflow-bridge-'));
  const staticDir = join(dir, 'renderer');

  beforeAll(async () => {
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>MagFlow</title>');
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), MARKER);
    writeFileSync(join(staticDir, '.env'), MARKER);
    symlinkSync(join(dir, 'secret.txt'), join(staticDir, 'link.txt'));
    symlinkSync(dir, join(staticDir, 'assets', 'up'));
    core = await createMagflowCore({ dataDir: join(dir, 'data'), demo: false });
    bridge = await startBridgeServer({ dispatcher: core.dispatcher, bus: core.bus, staticDir, port: 0 });
  });

  afterAll(async () => {
    await bridge.close();
    await core.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses everything it must refuse', async () => {
    const inv = new Invariants('serve bridge');
    inv.inject(
      'no/wrong token, foreign Origin, rebinding Host, 30 traversal spellings, planted symlinks, other interfaces',
    );
    const port = bridge.port;
    const hostHeader = `127.0.0.1:${port}`;
    const invoke = (headers: string, body = '{}') =>
      raw(
        port,
        `POST /api/invoke/app.info HTTP/1.1\r\nHost: ${hostHeader}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${headers}Connection: close\r\n\r\n${body}`,
      );

    inv.check('the URL is a loopback URL', bridge.url.startsWith(`http://127.0.0.1:${port}/`));
    const good = await invoke(`Authorization: Bearer ${bridge.token}\r\n`);
    inv.check('the token holder is answered', good.status === 200 && good.text.includes('"ok":true'), () =>
      good.text.slice(0, 200),
    );

    const refusals: [string, Promise<{ status: number; text: string }>][] = [
      ['no token', invoke('')],
      ['wrong token', invoke(`Authorization: Bearer ${'x'.repeat(bridge.token.length)}\r\n`)],
      ['token prefix', invoke(`Authorization: Bearer ${bridge.token.slice(0, -1)}\r\n`)],
      [
        'token in the query instead of the header',
        raw(
          port,
          `POST /api/invoke/app.info?token=${bridge.token} HTTP/1.1\r\nHost: ${hostHeader}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
        ),
      ],
      [
        'Basic instead of Bearer',
        invoke(`Authorization: Basic ${Buffer.from(`x:${bridge.token}`).toString('base64')}\r\n`),
      ],
      ['foreign Origin', invoke(`Authorization: Bearer ${bridge.token}\r\nOrigin: https://evil.example\r\n`)],
      ['null Origin', invoke(`Authorization: Bearer ${bridge.token}\r\nOrigin: null\r\n`)],
      [
        'Origin on another port',
        invoke(`Authorization: Bearer ${bridge.token}\r\nOrigin: http://127.0.0.1:${port + 1}\r\n`),
      ],
      [
        'rebinding Host',
        raw(
          port,
          `POST /api/invoke/app.info HTTP/1.1\r\nHost: evil.example:${port}\r\nAuthorization: Bearer ${bridge.token}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
        ),
      ],
      [
        'events without token',
        raw(port, `GET /api/events HTTP/1.1\r\nHost: ${hostHeader}\r\nConnection: close\r\n\r\n`),
      ],
      [
        'events from a foreign Origin',
        raw(
          port,
          `GET /api/events?token=${bridge.token} HTTP/1.1\r\nHost: ${hostHeader}\r\nOrigin: https://evil.example\r\nConnection: close\r\n\r\n`,
        ),
      ],
    ];
    for (const [label, pending] of refusals) {
      const answer = await pending;
      inv.check(
        `refused: ${label}`,
        answer.status === 401 ||
          answer.status === 403 ||
          answer.status === 400 ||
          answer.status === 404 ||
          answer.status === 405,
        () => `HTTP ${answer.status}`,
      );
      inv.check(`no data for: ${label}`, !answer.text.includes('"ok":true') && !answer.text.includes('dataDir'));
    }

    const traversals = [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/%252e%252e/secret.txt',
      '/..\\secret.txt',
      '/..%5csecret.txt',
      '/assets/../../secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '//secret.txt',
      `/${'../'.repeat(12)}etc/passwd`,
      `/${'%2e%2e/'.repeat(12)}etc/passwd`,
      '/%c0%ae%c0%ae/secret.txt',
      '/..%00/secret.txt',
      '/secret.txt%00.html',
      '/.env',
      '/%2eenv',
      '/assets/.%2e/.%2e/secret.txt',
      '/link.txt',
      '/assets/up/secret.txt',
      '/assets/up/renderer/index.html/../../secret.txt',
      'http://127.0.0.1/../secret.txt',
      `/${dir}/secret.txt`,
      `/${encodeURIComponent(join(dir, 'secret.txt'))}`,
      '/etc/passwd',
      '/proc/self/environ',
      '/api/../../secret.txt',
      '/api/invoke/../../secret.txt',
      '/index.html/..%2f..%2fsecret.txt',
    ];
    for (const path of traversals) {
      const answer = await raw(port, `GET ${path} HTTP/1.1\r\nHost: ${hostHeader}\r\nConnection: close\r\n\r\n`);
      inv.check(
        'no file outside the folder is ever served',
        !answer.text.includes(MARKER) && !/root:.*:0:0:/.test(answer.text),
        () => `${path} -> HTTP ${answer.status}`,
      );
    }
    const asset = await raw(port, `GET /assets/app.js HTTP/1.1\r\nHost: ${hostHeader}\r\nConnection: close\r\n\r\n`);
    inv.check('real files inside the folder are served', asset.status === 200 && asset.text.includes('console.log(1)'));
    inv.check(
      'responses carry a strict Content-Security-Policy',
      /content-security-policy: default-src 'self'/i.test(asset.text),
    );

    // Other interfaces of this machine: nothing listens there.
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i && !i.internal && i.family === 'IPv4')
      .map((i) => i!.address);
    for (const address of external) {
      const answer = await raw(
        port,
        `GET / HTTP/1.1\r\nHost: ${address}:${port}\r\nConnection: close\r\n\r\n`,
        address,
      );
      inv.check(
        'not reachable on a non-loopback interface',
        answer.status === -1 || answer.status === 0,
        () => `${address} answered ${answer.status}`,
      );
    }
    inv.note(`${external.length} non-loopback interfaces probed; ${traversals.length} traversal paths`);
    let refusedHost = false;
    try {
      await startBridgeServer({ dispatcher: core.dispatcher, bus: core.bus, staticDir, port: 0, host: '0.0.0.0' });
    } catch {
      refusedHost = true;
    }
    inv.check('refuses to listen on all interfaces', refusedHost);
    expect(inv.finish()).toEqual([]);
  });
});
