// Another process holding a data folder's lock, as the desktop app or a `magflow run` would: a child Node process
// (node --import tsx) that takes the lock under the given name, says "locked", and keeps it until it is killed.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const REPO = resolve(__dirname, '..', '..');

if (process.argv[1] === __filename) {
  void import('../../main/core/lock/dataDirLock').then(({ lockDataDir }) => {
    lockDataDir(process.argv[2]!, process.argv[3]!);
    process.stdout.write('locked\n');
    setInterval(() => undefined, 60_000);
  });
}

/** Starts the holder and resolves once it holds the lock. */
export function holdLockInChild(dataDir: string, command: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', __filename, dataDir, command], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolvePromise, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the lock holder exited (${code}) before taking the lock`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) resolvePromise(child);
    });
  });
}

/** Kills the holder and waits until it is gone (so its OS lock is dropped). */
export async function killHolder(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolvePromise) => child.once('exit', resolvePromise));
  child.kill(signal);
  await gone;
}
