// Account passwords: encrypted through safeStorage before they touch disk; without OS encryption the seller is asked
// once (without holding up the call that stored the password), and without consent nothing is written.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../../main/core/logging';
import { safeStorageSecretStore, type UnencryptedChoice } from '../../main/shell/secrets';
import { fakeSafeStorage } from './fakeElectron';

const PASSWORD = 'S3cr3t-API-pass!';

describe('safeStorage secret store', () => {
  let dir = '';
  let path = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'magflow-secrets-'));
    path = join(dir, 'secrets.safe.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function store(options: { available?: boolean; choice?: UnencryptedChoice; answer?: boolean } = {}) {
    const safe = fakeSafeStorage(options.available ?? true);
    let choice: UnencryptedChoice = options.choice ?? 'ask';
    const asked: number[] = [];
    const secrets = safeStorageSecretStore({
      path,
      safeStorage: safe,
      logger: createMemoryLogger(),
      choice: () => choice,
      ask: async () => {
        asked.push(1);
        return options.answer ?? false;
      },
      remember: (next) => (choice = next),
      isPublic: (value) => value === 'demo-main-secret',
    });
    return { secrets, safe, asked, choice: () => choice };
  }

  it('stores a password only through safeStorage: the file holds the ciphertext, never the password', () => {
    const { secrets, safe } = store();
    secrets.set('account:1', PASSWORD);
    expect(safe.calls).toEqual([{ method: 'encryptString', value: PASSWORD }]);
    const file = readFileSync(path, 'utf8');
    expect(file).not.toContain(PASSWORD);
    expect(file).not.toContain(Buffer.from(PASSWORD).toString('base64'));
    expect(JSON.parse(file)['account:1'].form).toBe('os-encrypted');
    expect(secrets.protection).toBe('os-keychain');
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);

    // A new store (next launch) decrypts it through safeStorage.
    const next = store();
    expect(next.secrets.get('account:1')).toBe(PASSWORD);
    expect(next.safe.calls.map((c) => c.method)).toEqual(['decryptString']);
  });

  it('delete removes it; an unknown ref is undefined', () => {
    const { secrets } = store();
    secrets.set('account:1', PASSWORD);
    secrets.set('account:2', 'other-password');
    secrets.delete('account:1');
    expect(secrets.get('account:1')).toBeUndefined();
    expect(secrets.get('account:2')).toBe('other-password');
    expect(secrets.get('nope')).toBeUndefined();
  });

  it('a basic_text backend on Linux (a hard-coded key) does not count as encryption', () => {
    const { secrets, safe, asked } = store({ available: true });
    safe.backend = 'basic_text';
    secrets.set('account:1', PASSWORD);
    expect(asked).toHaveLength(1);
    expect(safe.calls).toEqual([]);
  });

  it('without OS encryption: asks once; refused means memory only, nothing on disk', async () => {
    const { secrets, asked, choice } = store({ available: false, answer: false });
    secrets.set('account:1', PASSWORD);
    secrets.set('account:2', 'second-password');
    expect(asked).toHaveLength(1);
    await vi.waitFor(() => expect(choice()).toBe('deny'));
    expect(choice()).toBe('deny');
    expect(existsSync(path) ? readFileSync(path, 'utf8') : '').not.toContain('password');
    expect(secrets.get('account:1')).toBe(PASSWORD);
    expect(secrets.protection).toBe('memory');
    // Next launch: gone, the seller enters it again.
    expect(store({ available: false, choice: 'deny' }).secrets.get('account:1')).toBeUndefined();
  });

  it('without OS encryption and with consent: a 0600 file in the weaker (unencrypted) form', async () => {
    const { secrets, asked, choice } = store({ available: false, answer: true });
    secrets.set('account:1', PASSWORD);
    // The call returned at once, the password held in memory; it is written once the seller has answered.
    expect(existsSync(path)).toBe(false);
    expect(secrets.get('account:1')).toBe(PASSWORD);
    expect(asked).toHaveLength(1);
    await vi.waitFor(() => expect(existsSync(path)).toBe(true));
    expect(choice()).toBe('allow');
    expect(JSON.parse(readFileSync(path, 'utf8'))['account:1'].form).toBe('unencrypted');
    expect(readFileSync(path, 'utf8')).not.toContain(PASSWORD); // obfuscated, still not plain text
    expect(store({ available: false, choice: 'allow' }).secrets.get('account:1')).toBe(PASSWORD);
    expect(secrets.protection).toBe('user-file');
  });

  it('demo passwords never trigger the question', () => {
    const { secrets, asked } = store({ available: false });
    secrets.set('account:demo', 'demo-main-secret');
    expect(asked).toHaveLength(0);
    expect(secrets.get('account:demo')).toBe('demo-main-secret');
  });

  it('session-only passwords are written once the seller allows it', () => {
    let choice: UnencryptedChoice = 'deny';
    const safe = fakeSafeStorage(false);
    const secrets = safeStorageSecretStore({
      path,
      safeStorage: safe,
      logger: createMemoryLogger(),
      choice: () => choice,
      ask: async () => false,
      remember: (next) => (choice = next),
    });
    secrets.set('account:1', PASSWORD);
    expect(secrets.persistSessionSecrets()).toBe(0);
    choice = 'allow';
    expect(secrets.persistSessionSecrets()).toBe(1);
    expect(JSON.parse(readFileSync(path, 'utf8'))['account:1'].form).toBe('unencrypted');
  });

  it('a value encrypted earlier is not readable while encryption is unavailable, and is never decoded as text', () => {
    store().secrets.set('account:1', PASSWORD);
    const locked = store({ available: false, choice: 'allow' });
    expect(locked.secrets.get('account:1')).toBeUndefined();
  });

  it('refuses to work with a damaged file instead of overwriting it', () => {
    writeFileSync(path, '{"account:1": 42}');
    const { secrets } = store();
    expect(() => secrets.set('account:2', PASSWORD)).toThrow(/damaged/);
    expect(readFileSync(path, 'utf8')).toBe('{"account:1": 42}');
  });
});
