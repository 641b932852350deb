// app.requestSingleInstanceLock(), the way Chromium's ProcessSingleton does it on Linux: a `SingletonLock` symlink
// in the user data folder naming "<host>-<pid>" (created atomically; a lock whose process is gone is stale), and a
// socket the first instance listens on. A second instance gets `false` and hands its argv, working directory and
// additionalData to the first, which emits 'second-instance' (docs/api/app.md, "Event: 'second-instance'").
import { createHash } from 'node:crypto';
import { mkdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { record } from '../journal';
import { runtime } from './runtime';

export interface SecondLaunch {
  argv: string[];
  workingDirectory: string;
  additionalData: unknown;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Chromium keeps the socket in a temp folder (a socket path must be short); keyed by the user data folder. */
const socketPath = (userData: string) =>
  join(tmpdir(), `magflow-harness-${createHash('sha1').update(userData).digest('hex').slice(0, 16)}.sock`);

/** Returns true for the first instance (which then hears later launches through `onSecond`). */
export function requestLock(userData: string, additionalData: unknown, onSecond: (launch: SecondLaunch) => void) {
  mkdirSync(userData, { recursive: true });
  const lock = join(userData, 'SingletonLock');
  const me = `${hostname()}-${process.pid}`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      symlinkSync(me, lock);
      listen(userData, lock, onSecond);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readlinkSync(lock);
      const pid = Number(owner.slice(owner.lastIndexOf('-') + 1));
      if (owner.startsWith(`${hostname()}-`) && !alive(pid)) {
        rmSync(lock, { force: true }); // stale: its process is gone
        continue;
      }
      notifyFirst(userData, { argv: process.argv, workingDirectory: process.cwd(), additionalData });
      return false;
    }
  }
  return false;
}

function listen(userData: string, lock: string, onSecond: (launch: SecondLaunch) => void) {
  const path = socketPath(userData);
  rmSync(path, { force: true });
  const server = createServer((socket) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (text += chunk));
    socket.on('end', () => {
      socket.end();
      try {
        onSecond(JSON.parse(text) as SecondLaunch);
      } catch (error) {
        record('harness.error', { where: 'second-instance message', error });
      }
    });
  });
  server.listen(path);
  server.unref();
  runtime.teardown.push(
    () =>
      new Promise<void>((resolve) => {
        rmSync(lock, { force: true });
        server.close(() => {
          rmSync(path, { force: true });
          resolve();
        });
      }),
  );
}

function notifyFirst(userData: string, launch: SecondLaunch) {
  const delivered = new Promise<void>((resolve) => {
    const socket = createConnection(socketPath(userData), () => socket.end(JSON.stringify(launch)));
    socket.on('close', () => resolve());
    socket.on('error', (error) => {
      record('harness.error', { where: 'telling the first instance', error });
      resolve();
    });
  });
  runtime.pending.add(delivered);
  void delivered.finally(() => runtime.pending.delete(delivered));
}
