// Runs a TypeScript fixture in its own Node process (`node --import tsx`), the way the headless core runs.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');
export const fixture = (name: string): string => join(ROOT, 'tests', 'reliability', 'fixtures', name);

/** Unprivileged ids to run a child with when this process is root (root ignores file modes). */
export const UNPRIVILEGED = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

export function runFixtureSync(
  name: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; unprivileged?: boolean } = {},
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', fixture(name), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
    timeout: 120_000,
    ...(options.unprivileged ? UNPRIVILEGED : {}),
  });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/** The last JSON line a fixture printed. */
export function lastJson<T>(stdout: string): T {
  const lines = stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('{'));
  const last = lines.at(-1);
  if (!last) throw new Error(`the fixture printed no JSON line:\n${stdout.slice(-2000)}`);
  return JSON.parse(last) as T;
}

export function startFixture(name: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', fixture(name)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Starts a fixture and waits for it to exit: its exit code and what it printed. */
export async function runFixture(
  name: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = startFixture(name, env);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => void (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, stdout, stderr };
}

/** What fixtures/headlessCore.ts reads: its data folder, the sandbox, and the main and FBE accounts' credentials. */
export function headlessCoreEnv(
  dataDir: string,
  apiUrl: string,
  main: { username: string; password: string },
  fbe: { username: string; password: string },
): Record<string, string> {
  return {
    MF_DATA_DIR: dataDir,
    MF_API_URL: apiUrl,
    MF_MAIN_USER: main.username,
    MF_MAIN_PASS: main.password,
    MF_FBE_USER: fbe.username,
    MF_FBE_PASS: fbe.password,
  };
}
