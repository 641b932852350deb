// The sandbox command: option parsing with clear errors, and `npm run sandbox` as a real process on 127.0.0.1.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSandboxArgs } from '../../main/sandbox';
import { MAIN, basic } from './helpers';

describe('parseSandboxArgs', () => {
  it('has defaults for a demo: port 8787, seed 1, an order every 30 s, rate limits on, no faults, live forms', () => {
    expect(parseSandboxArgs([])).toEqual({
      help: false,
      options: { port: 8787, seed: 1, newOrderEverySec: 30, faults: [], rateLimit: true, plain: false },
    });
  });

  it('reads every option', () => {
    const command = parseSandboxArgs([
      '--port',
      '0',
      '--seed',
      '7',
      '--orders',
      '100000',
      '--offers',
      '12',
      '--new-order-every',
      '2.5',
      '--faults',
      'order/read:http500:0.1,awb/save:resetAfter:count=1',
      '--no-rate-limit',
      '--plain',
    ]);
    expect(command).toEqual({
      help: false,
      options: {
        port: 0,
        seed: 7,
        ordersPerAccount: 100_000,
        offersPerAccount: 12,
        newOrderEverySec: 2.5,
        faults: [
          { route: 'order/read', kind: 'http500', probability: 0.1 },
          { route: 'awb/save', kind: 'resetAfter', count: 1 },
        ],
        rateLimit: false,
        plain: true,
      },
    });
    expect(parseSandboxArgs(['-h'])).toEqual({ help: true });
  });

  it('names the option and what it expects when a value is wrong', () => {
    expect(() => parseSandboxArgs(['--port', '70000'])).toThrow(/--port expects an integer from 0 to 65535/);
    expect(() => parseSandboxArgs(['--port', '80.5'])).toThrow(/--port/);
    expect(() => parseSandboxArgs(['--orders', '-3'])).toThrow(/--orders/);
    expect(() => parseSandboxArgs(['--seed', 'abc'])).toThrow(/--seed/);
    expect(() => parseSandboxArgs(['--new-order-every', ''])).toThrow(/--new-order-every/);
    expect(() => parseSandboxArgs(['--faults', 'order/read:boom'])).toThrow(/unknown kind/);
    expect(() => parseSandboxArgs(['--colour', 'red'])).toThrow(/colour/);
  });
});

describe('npm run sandbox', () => {
  it('starts on a random 127.0.0.1 port, prints the base URL and credentials, serves, and stops on SIGTERM', async () => {
    const root = resolve(__dirname, '../..');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'main/sandbox/cli.ts', '--port', '0', '--orders', '5', '--new-order-every', '0'],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    try {
      const url = await new Promise<string>((found, fail) => {
        const timer = setTimeout(() => fail(new Error(`no URL printed: ${output}`)), 20_000);
        child.stdout.on('data', () => {
          const match = /MARKETPLACE_API_URL\s+(http:\/\/127\.0\.0\.1:\d+\/api-3)/.exec(output);
          if (match?.[1]) {
            clearTimeout(timer);
            found(match[1]);
          }
        });
        void exited.then(() => fail(new Error(`exited early: ${output}`)));
      });
      expect(output).toContain(`username ${MAIN.username}  password ${MAIN.password}`);
      const reply = await fetch(`${url}/order/count`, {
        method: 'POST',
        headers: { Authorization: basic(MAIN.username, MAIN.password), 'Content-Type': 'application/json' },
        body: '{}',
      });
      const body = (await reply.json()) as { isError: boolean; results: { noOfItems: string } };
      expect(body).toMatchObject({ isError: false, results: { noOfItems: '5' } });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output).toContain('SIGTERM: stopping the sandbox');
  }, 40_000);
});
