// The test's side of the harness: starts the built app (out/main/index.js) in its own process under the harness's
// electron module, reads its journal, sends it commands (play the seller or the OS), takes screenshots, and makes
// sure nothing is left running (the app process, its Chromium).
import { fork, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { JOURNAL_ENV, readJournal, type JournalEntry } from './journal';

export const ROOT = resolve(__dirname, '../../..');
export const MAIN = join(ROOT, 'out/main/index.js');
export const SCREENSHOT_DIR = join(ROOT, 'test-results/desktop');
const BOOT = join(__dirname, 'boot.ts');

export interface LaunchOptions {
  /** The user's home folder; a new temporary one when omitted (a first start). */
  home?: string;
  args?: string[];
  env?: Record<string, string>;
  /** Run as the packaged app whose resources folder (process.resourcesPath) is this one (see release.ts). */
  packagedResources?: string;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Date.now() when the process ended. */
  at: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export class DesktopApp {
  readonly exited: Promise<Exit>;
  #exit: Exit | null = null;
  #nextId = 1;
  readonly #replies = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();

  private constructor(
    readonly home: string,
    readonly journalPath: string,
    readonly logPath: string,
    readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        this.#exit = { code, signal, at: Date.now() };
        for (const reply of this.#replies.values()) reply.reject(new Error('the app process exited'));
        this.#replies.clear();
        resolve(this.#exit);
      });
    });
    child.on('message', (message: { id: number; ok: boolean; value?: unknown; error?: string }) => {
      const reply = this.#replies.get(message.id);
      this.#replies.delete(message.id);
      if (message.ok) reply?.resolve(message.value);
      else reply?.reject(new Error(message.error));
    });
  }

  /** Starts `out/main/index.js` like `electron .` would, as a user whose home folder is `home`. */
  static launch(options: LaunchOptions = {}): DesktopApp {
    const home = options.home ?? mkdtempSync(join(tmpdir(), 'magflow-desktop-'));
    const journalPath = join(home, `journal-${Date.now()}-${Math.random().toString(36).slice(2)}.jsonl`);
    const logPath = journalPath.replace(/\.jsonl$/, '.log');
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) {
      if (value !== undefined && !/^(VITEST|NODE_ENV$|TEST$|ELECTRON_RENDERER_URL$|MAGFLOW_HARNESS_)/.test(key))
        env[key] = value;
    }
    Object.assign(env, {
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      XDG_CACHE_HOME: join(home, '.cache'),
      [JOURNAL_ENV]: journalPath,
      MAGFLOW_HARNESS_APP_PATH: ROOT,
      ...(options.packagedResources ? { MAGFLOW_HARNESS_RESOURCES: options.packagedResources } : {}),
      ...options.env,
    });
    const log = openSync(logPath, 'a');
    const child = fork(BOOT, [MAIN, ...(options.args ?? [])], {
      cwd: ROOT,
      env,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', log, log, 'ipc'],
    });
    closeSync(log);
    return new DesktopApp(home, journalPath, logPath, child);
  }

  journal(): JournalEntry[] {
    return readJournal(this.journalPath);
  }

  entries(kind: string, where: (entry: JournalEntry) => boolean = () => true): JournalEntry[] {
    return this.journal().filter((entry) => entry.kind === kind && where(entry));
  }

  /** Waits until the journal has an entry matching; fails with what the journal holds. */
  async waitFor(
    kind: string,
    where: (entry: JournalEntry) => boolean = () => true,
    timeoutMs = 30_000,
  ): Promise<JournalEntry> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.entries(kind, where)[0];
      if (found) return found;
      if (this.#exit) throw new Error(`the app exited (${JSON.stringify(this.#exit)}) before "${kind}"${this.#tail()}`);
      if (Date.now() > deadline) throw new Error(`no "${kind}" in the journal after ${timeoutMs} ms${this.#tail()}`);
      await sleep(50);
    }
  }

  /** Waits for an entry after `seq` (something that happens again). */
  waitForNext(
    kind: string,
    afterSeq: number,
    where: (entry: JournalEntry) => boolean = () => true,
    timeoutMs = 30_000,
  ) {
    return this.waitFor(kind, (entry) => entry.seq > afterSeq && where(entry), timeoutMs);
  }

  lastSeq(): number {
    return this.journal().at(-1)?.seq ?? 0;
  }

  #tail(): string {
    const journal = this.journal()
      .slice(-25)
      .map((e) => JSON.stringify(e).slice(0, 300));
    let log = '';
    try {
      log = readFileSync(this.logPath, 'utf8').slice(-3000);
    } catch {
      // no output
    }
    return `\n--- journal (last 25) ---\n${journal.join('\n')}\n--- app output ---\n${log}`;
  }

  command<T = unknown>(name: string, args: Record<string, unknown> = {}): Promise<T> {
    if (this.#exit) return Promise.reject(new Error(`the app has exited; cannot ${name}`));
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      this.#replies.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.child.send({ id, name, args });
    });
  }

  evaluate<T = unknown>(expression: string, window?: number): Promise<T> {
    return this.command<T>('page.evaluate', { expression, ...(window !== undefined ? { window } : {}) });
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const path = join(SCREENSHOT_DIR, `${name}.png`);
    await this.command('page.screenshot', { path });
    return path;
  }

  /** Ends the app if it still runs (asks, then kills) and any Chromium it left; removes the home folder if asked. */
  async dispose(options: { removeHome?: boolean } = {}): Promise<void> {
    if (!this.#exit) {
      this.child.kill('SIGTERM');
      await Promise.race([this.exited, sleep(5_000)]);
      if (!this.#exit) {
        this.child.kill('SIGKILL');
        await this.exited;
      }
    }
    for (const launched of this.entries('chromium.launched')) {
      const pid = launched['chromiumPid'];
      if (typeof pid === 'number' && alive(pid)) process.kill(pid, 'SIGKILL');
    }
    if (options.removeHome) rmSync(this.home, { recursive: true, force: true });
  }
}
