// The database worker's entry: one task per worker (workerData), one reply, then the thread ends. Built as its own
// file next to each bundle (out/main/dbWorker.js, out/cli/dbWorker.cjs); see offThread.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { runDbTask, type DbTask, type WorkerReply } from './tasks';

const reply = (message: WorkerReply) => parentPort!.postMessage(message);

runDbTask(workerData as DbTask).then(
  (value) => reply({ ok: true, value }),
  (error: unknown) =>
    reply({
      ok: false,
      error: {
        name: error instanceof Error ? error.name : 'Error',
        message: error instanceof Error ? error.message : String(error),
      },
    }),
);
