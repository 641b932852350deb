// Starts the sandbox host process and talks to it: the section's handle on "eMAG".
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { SandboxAccountSpec } from '../../main/sandbox';
import type { HostReply, HostRequest, LoggedRequest } from './sandboxProtocol';

export interface RemoteSandboxOptions {
  accounts: SandboxAccountSpec[];
  seed?: number;
  rateLimit?: boolean;
}

export interface RemoteSandbox {
  readonly url: string;
  log(): Promise<LoggedRequest[]>;
  clearLog(): Promise<void>;
  /** Adds new orders now; `at` is the wall-clock time (ms) they appeared. */
  addOrders(account: string, count: number): Promise<{ ids: number[]; at: number }>;
  close(): Promise<void>;
}

type Body<R> = R extends unknown ? Omit<R, 'id'> : never;

export async function startRemoteSandbox(options: RemoteSandboxOptions): Promise<RemoteSandbox> {
  const child: ChildProcess = fork(join(__dirname, 'sandboxHost.ts'), [], {
    execArgv: ['--import', 'tsx', '--max-old-space-size=4096'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  child.on('message', (reply: HostReply) => {
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.ok) waiter?.resolve(reply.result);
    else waiter?.reject(new Error(`sandbox host: ${reply.error}`));
  });
  child.on('exit', (code) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`sandbox host exited (${code})`));
    pending.clear();
  });
  const call = <T>(request: Body<HostRequest>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ ...request, id });
    });

  const started = await call<{ url: string }>({
    type: 'start',
    options: { seed: options.seed ?? 1, accounts: options.accounts, rateLimit: options.rateLimit ?? true },
  });
  return {
    url: started.url,
    log: () => call<LoggedRequest[]>({ type: 'log' }),
    clearLog: () => call<void>({ type: 'clearLog' }),
    addOrders: (account, count) => call({ type: 'addOrders', account, count }),
    async close() {
      await call({ type: 'close' }).catch(() => undefined);
      child.disconnect();
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
    },
  };
}
