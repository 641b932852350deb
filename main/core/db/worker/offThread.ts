// Runs a database task (an integrity check, a backup) in a worker thread with its own SQLite connection, so the main
// thread (the tray, IPC, the window's answers, the scheduler) never waits for a read of the whole file (seconds on a
// large database: docs/performance.md, §9). One worker per task: they run a few times a day.
//
// The worker's script is a file of its own beside the code that starts it, in each form the core runs in:
//   main/core/db/worker/dbWorker.ts   under tsx (development, the tests, the bench)
//   out/main/dbWorker.js              the electron-vite main bundle (second rollup input, electron.vite.config.mts);
//                                     inside app.asar when packaged: Electron loads workers from asar since v18
//                                     (electron/electron#33216)
//   out/cli/dbWorker.cjs              beside the CLI bundle out/cli/magflow.cjs (second esbuild entry, build:cli)
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DbTask, DbTaskResult, WorkerReply } from './tasks';

const SCRIPT_NAMES = ['dbWorker.js', 'dbWorker.cjs', 'dbWorker.ts'];

/** The worker script next to this code; throws when a build left it out. */
export function dbWorkerScript(dir: string = __dirname): string {
  const found = SCRIPT_NAMES.map((name) => join(dir, name)).find((path) => existsSync(path));
  if (!found) throw new Error(`the database worker script is missing next to ${dir} (${SCRIPT_NAMES.join(', ')})`);
  return found;
}

function startWorker(script: string, task: DbTask): Worker {
  if (!script.endsWith('.ts')) return new Worker(script, { workerData: task });
  // Under tsx a new thread does not inherit its loader (and `--import tsx` in execArgv does not reach the worker's
  // entry on Node 20): register tsx's require hook first, then load the TypeScript entry.
  const code =
    `require(require.resolve('tsx/cjs', { paths: [${JSON.stringify(dirname(script))}] }));` +
    `require(${JSON.stringify(script)});`;
  return new Worker(code, { eval: true, workerData: task });
}

function errorFrom(data: { name: string; message: string }): Error {
  const error = new Error(data.message);
  error.name = data.name;
  return error;
}

/**
 * Runs `task` in a new worker thread and resolves with its result. The signal terminates the worker (the task's own
 * cleanup, e.g. a half-written backup, happens at the next run) and rejects with the signal's reason.
 */
export function runOffThread<T extends DbTask>(
  task: T,
  options: { signal?: AbortSignal; script?: string } = {},
): Promise<DbTaskResult<T>> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  let worker: Worker;
  try {
    worker = startWorker(options.script ?? dbWorkerScript(), task);
  } catch (error) {
    return Promise.reject(error);
  }
  return new Promise<DbTaskResult<T>>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    const onAbort = () =>
      settle(() => {
        void worker.terminate();
        reject(signal!.reason);
      });
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.once('message', (reply: WorkerReply) =>
      settle(() => (reply.ok ? resolve(reply.value as DbTaskResult<T>) : reject(errorFrom(reply.error)))),
    );
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) =>
      settle(() => reject(new Error(`the database worker stopped (exit code ${code}) before it answered`))),
    );
  });
}
