// Who holds a data folder's lock: a small JSON record beside the lock file, for people (`magflow status`, the
// refusal message, the desktop app's dialog). It only describes the holder; the lock itself is the OS file lock
// (see dataDirLock.ts), so a record left behind by a crash, or one that is not JSON at all, decides nothing.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';

export interface LockHolder {
  pid: number;
  /** What holds it, as a person would name it: 'magflow sync', 'the MagFlow desktop app'. */
  command: string;
  /** ISO time the lock was taken. */
  since: string;
  host: string;
  user: string;
}

function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return `uid ${process.getuid?.() ?? '?'}`; // no passwd entry (a container's random uid)
  }
}

export function thisProcessHolder(command: string, now: Date): LockHolder {
  return { pid: process.pid, command, since: now.toISOString(), host: hostname(), user: currentUser() };
}

/** The record, or null when there is none or it is not one of ours (garbage, truncated, an older format). */
export function readHolder(path: string): LockHolder | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    const ok =
      Number.isInteger(value.pid) &&
      typeof value.command === 'string' &&
      typeof value.since === 'string' &&
      typeof value.host === 'string' &&
      typeof value.user === 'string';
    return ok ? (value as LockHolder) : null;
  } catch {
    return null;
  }
}

/** Written under a temporary name and renamed, so a reader never sees half a record. */
export function writeHolder(path: string, holder: LockHolder): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(holder)}\n`, { mode: 0o600 });
  renameSync(temp, path);
}

export function removeHolder(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // the folder went away or became read-only: the record is only a description, the OS lock is what counts
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Local time, to the second: what the seller's clock said when the holder started. */
export function localTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
}

/** "magflow run (pid 4242, since 2026-11-23 10:15:03)", plus the host and user when they are not this one's. */
export function describeHolder(holder: LockHolder | null): string {
  if (!holder) return 'another MagFlow process (it left no description)';
  const where = [
    `pid ${holder.pid}`,
    ...(holder.host !== hostname() ? [`on computer ${holder.host}`] : []),
    ...(holder.user !== currentUser() ? [`user ${holder.user}`] : []),
    `since ${localTime(holder.since)}`,
  ];
  return `${holder.command} (${where.join(', ')})`;
}
