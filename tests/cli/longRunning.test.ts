// The long-running commands as child processes: `sandbox` serves the eMAG API until SIGTERM, and `demo` brings up
// the sandbox, the demo accounts and the bridge in a throwaway data folder that is removed when it stops.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finished, runCli, startCli, waitForOutput } from './helpers';

const jsonOutput = (text: string) => JSON.parse(text.slice(text.indexOf('{'))) as Record<string, unknown>;
const completeJson = (text: string) => /\}\s*$/.test(text) && text.includes('{');

describe('long-running CLI commands', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'magflow-cli-long-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('sandbox: prints its URL and demo credentials, answers eMAG calls, stops on SIGTERM', async () => {
    const child = startCli(join(dir, 'unused'), ['sandbox', '--port', '0', '--orders', '3', '--json']);
    const done = finished(child);
    const info = jsonOutput(await waitForOutput(child, completeJson)) as {
      url: string;
      accounts: { username: string; password: string }[];
    };
    expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api-3$/);
    const main = info.accounts.find((a) => a.username === 'demo-main')!;
    const response = await fetch(`${info.url}/order/count`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from(`${main.username}:${main.password}`).toString('base64')}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({}),
    });
    const body = (await response.json()) as { isError: boolean; results: { noOfItems: number } };
    expect(body.isError).toBe(false);
    expect(Number(body.results.noOfItems)).toBe(3);

    const badFlag = await finished(startCli(join(dir, 'unused'), ['sandbox', '--orders', 'many']));
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr.trim()).toMatch(/^magflow: --orders expects a non-negative number/);

    child.kill('SIGTERM');
    expect((await done).code).toBe(0);
    expect(existsSync(join(dir, 'unused'))).toBe(false);
  });

  it('demo: sandbox + two demo accounts + the bridge, in a throwaway folder removed on SIGTERM', async () => {
    const child = startCli(join(dir, 'not-used-by-demo'), ['demo', '--no-build', '--json', '--new-order-every', '1']);
    const done = finished(child);
    const info = jsonOutput(await waitForOutput(child, completeJson)) as {
      url: string;
      origin: string;
      token: string;
      dataDir: string;
      sandboxUrl: string;
    };
    expect(info.sandboxUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api-3$/);
    expect(existsSync(info.dataDir)).toBe(true);
    const invoke = async (channel: string) => {
      const response = await fetch(`${info.origin}/api/invoke/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${info.token}` },
        body: '{}',
      });
      return (await response.json()) as { ok: boolean; value: unknown };
    };
    const accounts = (await invoke('accounts.list')).value as { name: string; isDemo: boolean; apiUrl: string }[];
    expect(accounts.map((a) => [a.name, a.isDemo, a.apiUrl])).toEqual([
      ['Demo MAIN', true, info.sandboxUrl],
      ['Demo FBE', true, info.sandboxUrl],
    ]);
    expect(((await invoke('app.info')).value as { demo: boolean }).demo).toBe(true);
    const settings = (await invoke('settings.get')).value as { intervals: { newOrdersSec: number } };
    expect(settings.intervals.newOrdersSec).toBe(15);

    child.kill('SIGTERM');
    const result = await done;
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(info.dataDir)).toBe(false);
    expect(existsSync(join(dir, 'not-used-by-demo'))).toBe(false);
  });

  it('serve: demo mode in a folder without accounts; a real account added later ends it', async () => {
    const dataDir = join(dir, 'serve-demo');
    const child = startCli(dataDir, ['serve', '--no-build', '--json']);
    const done = finished(child);
    const info = jsonOutput(await waitForOutput(child, completeJson)) as { sandboxUrl: string | null };
    expect(info.sandboxUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api-3$/);
    child.kill('SIGTERM');
    expect((await done).code).toBe(0);

    const names = async () =>
      (JSON.parse((await runCli(dataDir, ['accounts', 'list', '--json'])).stdout) as { name: string }[]).map(
        (a) => a.name,
      );
    expect(await names()).toEqual(['Demo MAIN', 'Demo FBE']);
    const run = await runCli(dataDir, ['run']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(/^magflow: no enabled \(non-demo\) account/);

    const add = await runCli(
      dataDir,
      ['accounts', 'add', '--name', 'Shop', '--platform', 'emag-ro', '--kind', 'main', '--username', 'me'].concat([
        '--password-env',
        'PW',
        '--api-url',
        'http://127.0.0.1:9/api-3',
      ]),
      { env: { PW: 'secret' } },
    );
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toMatch(/Removed 2 demo account/);
    expect(await names()).toEqual(['Shop']);
  });
});
