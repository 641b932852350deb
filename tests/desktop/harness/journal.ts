// The journal: one JSON line per thing the app asked of Electron (a window shown, a tray menu set, a notification,
// a dialog, an external link...) and per thing the harness did to it. The app process appends; tests read it.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';

export interface JournalEntry {
  seq: number;
  /** Milliseconds since the app process started. */
  t: number;
  kind: string;
  [field: string]: unknown;
}

/** Environment variable naming the journal file of an app process. */
export const JOURNAL_ENV = 'MAGFLOW_HARNESS_JOURNAL';

let seq = 0;
const started = Date.now();

/** JSON-safe copy: functions and other non-data become a short description. */
function plain(value: unknown, depth = 0): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (value === undefined) return undefined;
  if (typeof value === 'function') return '[function]';
  if (typeof value !== 'object' || depth > 6) return String(value);
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (Array.isArray(value)) return value.map((item) => plain(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = plain(item, depth + 1);
  return out;
}

export function record(kind: string, fields: Record<string, unknown> = {}): void {
  const path = process.env[JOURNAL_ENV];
  const entry = { seq: ++seq, t: Date.now() - started, pid: process.pid, kind, ...(plain(fields) as object) };
  if (path) appendFileSync(path, `${JSON.stringify(entry)}\n`);
}

export function readJournal(path: string): JournalEntry[] {
  if (!existsSync(path)) return [];
  // The app process may be mid-append while a test reads: only lines that end in a newline are complete.
  const text = readFileSync(path, 'utf8');
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  return complete
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as JournalEntry);
}
