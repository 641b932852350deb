// A scratch folder for one describe block (or file), removed when it ends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** A new folder under the OS temp dir; after all tests `closeFirst` runs (stop what writes there), then it goes. */
export function tempDirForSuite(prefix: string, closeFirst?: () => Promise<unknown> | unknown): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(async () => {
    await closeFirst?.();
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}
