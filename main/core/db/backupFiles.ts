// The daily backups' files: their names (magflow-YYYY-MM-DD.db in the backups folder), listing, and the error a
// failed backup reports. Shared by the main thread (listing, restore) and the database worker (writing).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const BACKUP_KEEP = 7;
export const BACKUP_PREFIX = 'magflow-';
export const BACKUP_SUFFIX = '.db';
/** A backup being written; renamed to its final name only once checked. */
export const PARTIAL_SUFFIX = '.partial';
const NAME = /^magflow-(\d{4}-\d{2}-\d{2})\.db$/;

export interface BackupFile {
  path: string;
  /** The UTC day it was taken (YYYY-MM-DD). */
  day: string;
  bytes: number;
}

export interface BackupOutcome {
  /** The backup taken now, or null when today's already existed. */
  created: BackupFile | null;
  /** Older backups removed to keep the last `keep`. */
  removed: string[];
}

export class BackupError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'BackupError';
  }
}

export const backupPath = (dir: string, day: string): string => join(dir, `${BACKUP_PREFIX}${day}${BACKUP_SUFFIX}`);

/** Backups in the folder, newest first. Files that do not look like MagFlow backups are ignored. */
export function listBackups(dir: string): BackupFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => ({ name, match: NAME.exec(name) }))
    .filter((entry): entry is { name: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ name, match }) => ({ path: join(dir, name), day: match[1]!, bytes: statSync(join(dir, name)).size }))
    .sort((a, b) => b.day.localeCompare(a.day));
}
