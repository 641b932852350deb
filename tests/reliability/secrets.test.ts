// Secrets: after a full headless run with real-looking credentials (sync, acknowledgements, injected failures,
// debug logging, a backup), the password is in no file of the data folder in plain text, nor in any encoding that
// gives it away at a glance (Basic token, URL-encoded, JSON-escaped); the secrets file is readable only by the user.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMagflowCore, SECRETS_FILE } from '../../main/core/magflow';
import { startSandbox, type Sandbox } from '../../main/sandbox';
import { Invariants } from './support/report';
import { tempDirForSuite } from '../support/tempDir';
import { safeStorageSecretStore } from '../../main/shell/secrets';
import type { SafeStoragePort } from '../../main/shell/ports';
import { headlessCoreEnv, lastJson, runFixture } from './support/spawn';
import { MIXED_FAULTS, MIXED_FAULTS_TEXT } from './support/world';

const MAIN = {
  username: 'vanzator@firma.ro',
  password: 'Zq7!parola Secretă#2026&x=1',
  kind: 'main' as const,
  orders: 300,
  offers: 20,
};
const FBE = {
  username: 'fbe@firma.ro',
  password: 'Fbe$ecret-Parolă/2026',
  kind: 'fbe' as const,
  orders: 50,
  offers: 5,
};

function filesUnder(path: string): string[] {
  return readdirSync(path).flatMap((name) => {
    const full = join(path, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Every way a password could be spelled in a file. */
function spellings(user: string, password: string): { label: string; bytes: Buffer }[] {
  return [
    { label: 'plain', bytes: Buffer.from(password, 'utf8') },
    { label: 'URL-encoded', bytes: Buffer.from(encodeURIComponent(password), 'utf8') },
    { label: 'JSON-escaped', bytes: Buffer.from(JSON.stringify(password).slice(1, -1), 'utf8') },
    { label: 'Basic token', bytes: Buffer.from(Buffer.from(`${user}:${password}`).toString('base64'), 'utf8') },
    { label: 'UTF-16', bytes: Buffer.from(password, 'utf16le') },
  ];
}

describe('secrets', () => {
  let sandbox: Sandbox | null = null;
  const dir = tempDirForSuite('magflow-secrets-', () => sandbox?.close());

  it('leaves the password nowhere in plain text after a full run', async () => {
    const inv = new Invariants('secrets');
    inv.inject(`full headless run, debug logs, ${MIXED_FAULTS_TEXT}, a wrong password tried, a backup taken`);
    sandbox = await startSandbox({ port: 0, seed: 12, accounts: [MAIN, FBE], rateLimit: false, faults: MIXED_FAULTS });
    const env = { ...headlessCoreEnv(dir, sandbox.url, MAIN, FBE), MF_FINAL: '1' };
    const { code, stdout: out, stderr: err } = await runFixture('headlessCore.ts', env);
    inv.check(
      'the full run finishes',
      code === 0 && lastJson<{ done: boolean }>(out).done,
      () => `${code} ${err.slice(-500)}`,
    );

    // Then: a wrong password (auth failures get logged) and a maintenance run (backup), in-process on the same folder.
    const logged: string[] = [];
    const line = (level: string) => (message: string, fields?: object) =>
      void logged.push(`${level} ${message} ${JSON.stringify(fields)}`);
    const core = await createMagflowCore({
      dataDir: dir,
      demo: false,
      logger: { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') },
      clientTuning: { retry: { maxAttempts: 1 } },
    });
    const account = core.repos.accounts.getByName('CHAOS MAIN')!;
    const tested = await core.accounts.test({
      platform: 'emag-ro',
      kind: 'main',
      username: MAIN.username,
      password: `${MAIN.password}-wrong`,
      apiUrl: sandbox.url,
    });
    inv.check('a wrong password is reported as such', !tested.ok && tested.errorKind === 'auth', () =>
      JSON.stringify(tested),
    );
    const run = await core.engine.runJob('new-orders', account.id, 'manual');
    inv.check('the real password still works', run.status === 'completed', () => `${run.status} ${run.error}`);
    const maintenance = await core.engine.runJob('maintenance', null, 'manual');
    inv.check('a backup was taken', maintenance.status === 'completed');
    const dispatched = JSON.stringify(await core.dispatcher.dispatch('accounts.list', undefined));
    const diagnostics = JSON.stringify(await core.dispatcher.dispatch('diagnostics.get', undefined));
    await core.stop();

    const files = filesUnder(dir);
    inv.check(
      'the data folder holds a database, logs, backups and the secrets file',
      files.some((f) => f.endsWith('.log')) &&
        files.some((f) => f.includes('backups')) &&
        files.some((f) => f.endsWith(SECRETS_FILE)),
    );
    // The scan itself works: the (non-secret) username is found in the database and the logs.
    inv.check(
      'scanner sanity: the username is found in the database and the log',
      files.filter((f) => readFileSync(f).includes(Buffer.from(MAIN.username))).length >= 2,
    );
    for (const [who, spec] of [
      ['main', MAIN],
      ['fbe', FBE],
    ] as const) {
      for (const spelling of spellings(spec.username, spec.password)) {
        const leaks = files.filter((file) => readFileSync(file).includes(spelling.bytes));
        inv.check(`${who} password (${spelling.label}) in no file of the data folder`, leaks.length === 0, () =>
          leaks.join(', '),
        );
        const text = spelling.bytes.toString('utf8');
        inv.check(
          `${who} password (${spelling.label}) in no log line, child output or IPC answer`,
          ![...logged, out, err, dispatched, diagnostics].some((t) => t.includes(text)),
        );
      }
    }
    const mode = statSync(join(dir, SECRETS_FILE)).mode & 0o777;
    inv.check('the secrets file is readable by its owner only (0600)', mode === 0o600, () => mode.toString(8));
    inv.check('no temporary secrets file left behind', !files.some((f) => f.endsWith(`${SECRETS_FILE}.tmp`)));

    // The desktop store (safeStorage) with a stand-in for the OS keychain: encrypted on disk, or nothing on disk
    // at all when the OS cannot encrypt and the seller did not allow the weaker form.
    const key = randomBytes(32);
    const keychain = (available: boolean): SafeStoragePort => ({
      isEncryptionAvailable: () => available,
      encryptString: (plain) => {
        const iv = randomBytes(12);
        const cipher = createCipheriv('aes-256-gcm', key, iv);
        const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
        return Buffer.concat([iv, cipher.getAuthTag(), body]);
      },
      decryptString: (data) => {
        const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
        decipher.setAuthTag(data.subarray(12, 28));
        return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
      },
    });
    for (const available of [true, false]) {
      const path = join(dir, `desktop-${available}.json`);
      const store = safeStorageSecretStore({
        path,
        safeStorage: keychain(available),
        logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
        choice: () => 'deny',
        ask: async () => false,
        remember: () => undefined,
      });
      store.set('account:1', MAIN.password);
      inv.check(
        `desktop store (OS encryption ${available ? 'on' : 'off'}) gives the password back`,
        store.get('account:1') === MAIN.password,
      );
      const onDisk = existsSync(path) ? readFileSync(path) : Buffer.alloc(0);
      inv.check(
        `desktop store (OS encryption ${available ? 'on' : 'off'}): password not on disk in plain text`,
        spellings(MAIN.username, MAIN.password).every((sp) => !onDisk.includes(sp.bytes)),
      );
      if (!available) inv.check('without OS encryption and without consent nothing is written', onDisk.length === 0);
    }
    expect(inv.finish()).toEqual([]);
  });
});
