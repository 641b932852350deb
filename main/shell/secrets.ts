// The desktop secret store: account passwords encrypted with Electron's safeStorage (the OS keychain: Keychain,
// DPAPI, libsecret/kwallet) before they touch disk. Where the OS offers no encryption (some Linux desktops), the
// seller is asked once: store passwords in the weaker form (a 0600 file, obfuscated, not encrypted), or keep them
// in memory only until MagFlow quits. Nothing weaker is ever written without that consent. The question never
// blocks the call that stored the password: the password is held in memory meanwhile and written once the seller
// allows it.
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import type { Logger } from '../core/logging';
import type { SecretStore } from '../core/secrets/store';
import type { SafeStoragePort } from './ports';
import { messages } from '../core/messages/catalogue';

export const SECRETS_FILE = 'secrets.safe.json';

/** The seller's answer about unencrypted storage (kept in the settings; 'ask' until answered). */
export type UnencryptedChoice = 'ask' | 'allow' | 'deny';

export interface SafeSecretStoreDeps {
  path: string;
  safeStorage: SafeStoragePort;
  logger: Logger;
  /** The stored answer. */
  choice(): UnencryptedChoice;
  /** Asks the seller (a message box); resolves true for "store in the weaker form". */
  ask(): Promise<boolean>;
  remember(choice: Exclude<UnencryptedChoice, 'ask'>): void;
  /**
   * Values that are not secrets (the built-in sandbox's demo passwords): kept in memory without asking when
   * encryption is unavailable, so demo mode never prompts.
   */
  isPublic?(value: string): boolean;
}

const EntrySchema = z.object({ form: z.enum(['os-encrypted', 'unencrypted']), data: z.string() });
const FileSchema = z.record(z.string(), EntrySchema);
type Entries = z.infer<typeof FileSchema>;

export interface SafeSecretStore extends SecretStore {
  /** True when the OS encrypts (checked now, the keyring can appear after start). */
  encrypted(): boolean;
  /** Writes the session-only passwords to disk once that became possible (encryption, or the seller allowed it). */
  persistSessionSecrets(): number;
}

export function safeStorageSecretStore(deps: SafeSecretStoreDeps): SafeSecretStore {
  const { path, safeStorage, logger } = deps;
  /** Values kept for this session only (never written). */
  const memory = new Map<string, string>();

  const read = (): Entries => {
    if (!existsSync(path)) return {};
    const parsed = FileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) throw new Error(`The secrets file ${path} is damaged; MagFlow left it untouched`);
    return parsed.data;
  };
  const write = (entries: Entries) => {
    const temp = `${path}.tmp`;
    writeFileSync(temp, JSON.stringify(entries, null, 1), { mode: 0o600 });
    chmodSync(temp, 0o600);
    renameSync(temp, path);
  };
  const encrypted = () =>
    safeStorage.isEncryptionAvailable() && safeStorage.getSelectedStorageBackend?.() !== 'basic_text';

  let asking: Promise<void> | null = null;
  /** Asks the seller once (one question at a time); "allow" writes what is held in memory. */
  const askOnce = () => {
    asking ??= deps
      .ask()
      .then((allow) => {
        const choice = allow ? 'allow' : 'deny';
        deps.remember(choice);
        logger.warn('secrets: OS encryption unavailable; seller chose', { choice });
        if (allow) store.persistSessionSecrets();
      })
      .catch((error: unknown) => logger.error('secrets: could not ask about unencrypted storage', { error }))
      .finally(() => (asking = null));
  };

  const store: SafeSecretStore = {
    get protection() {
      if (encrypted()) return 'os-keychain';
      return deps.choice() === 'allow' ? 'user-file' : 'memory';
    },
    encrypted,
    persistSessionSecrets() {
      if (!encrypted() && deps.choice() !== 'allow') return 0;
      const entries = read();
      let written = 0;
      for (const [ref, value] of memory) {
        if (deps.isPublic?.(value)) continue;
        entries[ref] = encrypted()
          ? { form: 'os-encrypted', data: safeStorage.encryptString(value).toString('base64') }
          : { form: 'unencrypted', data: Buffer.from(value, 'utf8').toString('base64') };
        memory.delete(ref);
        written++;
      }
      if (written > 0) write(entries);
      return written;
    },
    get(ref) {
      const kept = memory.get(ref);
      if (kept !== undefined) return kept;
      const entry = read()[ref];
      if (!entry) return undefined;
      if (entry.form === 'unencrypted') return Buffer.from(entry.data, 'base64').toString('utf8');
      if (!encrypted()) {
        logger.warn('secrets: a password is encrypted but OS encryption is unavailable now', { ref });
        return undefined;
      }
      try {
        return safeStorage.decryptString(Buffer.from(entry.data, 'base64'));
      } catch (error) {
        logger.error('secrets: could not decrypt a stored password', { ref, error });
        return undefined;
      }
    },
    set(ref, value) {
      if (encrypted()) {
        const data = safeStorage.encryptString(value).toString('base64');
        write({ ...read(), [ref]: { form: 'os-encrypted', data } });
        memory.delete(ref);
        return;
      }
      const choice = deps.choice();
      if (deps.isPublic?.(value) || choice !== 'allow') {
        // Held for this session only; any older copy on disk is dropped so the two never disagree.
        memory.set(ref, value);
        const entries = read();
        if (entries[ref]) {
          delete entries[ref];
          write(entries);
        }
        if (choice === 'ask' && !deps.isPublic?.(value)) askOnce();
        return;
      }
      write({ ...read(), [ref]: { form: 'unencrypted', data: Buffer.from(value, 'utf8').toString('base64') } });
      memory.delete(ref);
    },
    delete(ref) {
      memory.delete(ref);
      const entries = read();
      if (!entries[ref]) return;
      delete entries[ref];
      write(entries);
    },
  };
  return store;
}

/** The question asked when the OS cannot encrypt (see docs/desktop.md). */
export function unencryptedConsentText(lang: 'ro' | 'en') {
  return messages(lang).dialogs.unencryptedConsent;
}
