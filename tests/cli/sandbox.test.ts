// `magflow sandbox` (and `npm run sandbox`, its alias): option parsing with clear errors, and the command as a real
// process on 127.0.0.1.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandboxCommand } from '../../main/cli/commands/sandbox';
import { runCli } from '../../main/cli/program';
import { sandboxOptionsFrom, type SandboxCliValues } from '../../main/cli/sandboxOptions';
import { MAIN, basic } from '../sandbox/helpers';
import type { CliIo } from '../../main/cli/io';

/** A CliIo that keeps what the command printed. */
function memoryIo(): CliIo & { text(): string } {
  let text = '';
  return {
    out: (chunk) => void (text += chunk),
    err: (line) => void (text += `${line}\n`),
    readStdin: async () => '',
    env: {},
    text: () => text,
  };
}

/** `magflow sandbox ARGS` parsed as the command parses them, without starting anything. */
async function parseSandboxArgs(argv: string[]) {
  let values: SandboxCliValues | null = null;
  const io = memoryIo();
  const command = sandboxCommand({ io }, () => ({}))
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: () => undefined })
    .action((options: SandboxCliValues) => void (values = options));
  try {
    await command.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if ((error as { code?: string }).code === 'commander.helpDisplayed') return { help: true, text: io.text() };
    throw error;
  }
  return { help: false, options: sandboxOptionsFrom(values!) };
}

describe('magflow sandbox options', () => {
  it('has defaults for a demo: port 8787, seed 1, an order every 30 s, rate limits on, no faults, live forms', async () => {
    expect(await parseSandboxArgs([])).toEqual({
      help: false,
      options: { port: 8787, seed: 1, newOrderEverySec: 30, faults: [], rateLimit: true, plain: false },
    });
  });

  it('reads every option', async () => {
    const command = await parseSandboxArgs([
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
    expect(await parseSandboxArgs(['-h'])).toMatchObject({ help: true });
  });

  it('names the option and what it expects when a value is wrong', async () => {
    await expect(parseSandboxArgs(['--port', '70000'])).rejects.toThrow(/--port expects an integer from 0 to 65535/);
    await expect(parseSandboxArgs(['--port', '80.5'])).rejects.toThrow(/--port/);
    await expect(parseSandboxArgs(['--orders', '-3'])).rejects.toThrow(/--orders/);
    await expect(parseSandboxArgs(['--seed', 'abc'])).rejects.toThrow(/--seed/);
    await expect(parseSandboxArgs(['--new-order-every', ''])).rejects.toThrow(/--new-order-every/);
    await expect(parseSandboxArgs(['--faults', 'order/read:boom'])).rejects.toThrow(/unknown kind/);
    await expect(parseSandboxArgs(['--colour', 'red'])).rejects.toThrow(/colour/);
  });

  it('shows its options with their defaults on --help, exit 0', async () => {
    const io = memoryIo();
    expect(await runCli(['sandbox', '--help'], { io })).toBe(0);
    for (const flag of [
      '--port',
      '--seed',
      '--orders',
      '--offers',
      '--new-order-every',
      '--faults',
      '--no-rate-limit',
    ]) {
      expect(io.text()).toContain(flag);
    }
    expect(io.text()).toContain('default 8787');
  });
});

describe('npm run sandbox (magflow sandbox)', () => {
  it('starts on a random 127.0.0.1 port, prints the base URL and credentials, serves, and stops on SIGTERM', async () => {
    const root = resolve(__dirname, '../..');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'main/cli.ts', 'sandbox', '--port', '0', '--orders', '5', '--new-order-every', '0'],
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
