// Runs the real `magflow` entry point as a child process (node --import tsx main/cli.ts), the way a user does.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { expect } from 'vitest';

export const REPO = resolve(__dirname, '..', '..');
const ENTRY = resolve(REPO, 'main', 'cli.ts');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: Record<string, string>;
  input?: string;
}

/** Starts the CLI without waiting (for long-running commands). */
export function startCli(dataDir: string, args: readonly string[], options: CliOptions = {}): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, ...args], {
    cwd: REPO,
    env: { ...process.env, MAGFLOW_DATA_DIR: dataDir, NO_COLOR: '1', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin!.end(options.input ?? '');
  return child;
}

/** Collects a started CLI's output until it exits. */
export function finished(child: ChildProcess): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
  });
}

/** Runs one command to completion (asynchronously: an in-process sandbox keeps answering meanwhile). */
export const runCli = (dataDir: string, args: readonly string[], options: CliOptions = {}): Promise<CliResult> =>
  finished(startCli(dataDir, args, options));

/** Resolves with the output so far once `predicate` holds for it (stdout + stderr), or rejects after `ms`. */
export function waitForOutput(child: ChildProcess, predicate: (text: string) => boolean, ms = 30_000): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`timed out waiting for output; got: ${text}`)), ms);
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      if (predicate(text)) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        child.stderr!.off('data', onData);
        resolvePromise(text);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
  });
}

/** One line on stderr, prefixed, with no stack trace. */
export function expectOneLineError(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('npm warn'));
  if (lines.length !== 1) throw new Error(`expected one error line, got:\n${stderr}`);
  const line = lines[0]!;
  if (!line.startsWith('magflow: ')) throw new Error(`expected a 'magflow: ' line, got: ${line}`);
  if (/\n\s+at /.test(stderr)) throw new Error(`stack trace on stderr:\n${stderr}`);
  return line;
}

/**
 * Adds the sandbox seller as the main account 'Magazin' (password from the environment) and reads its orders once:
 * the starting point of the CLI tests that work on orders.
 */
export async function addMagazinAndSync(
  dataDir: string,
  apiUrl: string,
  seller: { username: string; password: string },
): Promise<void> {
  const add = await runCli(
    dataDir,
    [
      ...['accounts', 'add', '--name', 'Magazin', '--platform', 'emag-ro', '--kind', 'main'],
      ...['--username', seller.username, '--password-env', 'PW', '--api-url', apiUrl],
    ],
    { env: { PW: seller.password } },
  );
  expect(add.code).toBe(0);
  expect((await runCli(dataDir, ['sync', '--job', 'order-changes', '--account', 'Magazin'])).code).toBe(0);
}
