// Headless secret store: one JSON file in the data folder, mode 0600, rewritten atomically.
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { SecretStore } from './store';

/** Encodes values so they are not plain text in the file (obfuscation, not encryption: the file mode protects them). */
export interface SecretCodec {
  encode(plain: string): string;
  decode(stored: string): string;
}

const base64Codec: SecretCodec = {
  encode: (plain) => Buffer.from(plain, 'utf8').toString('base64'),
  decode: (stored) => Buffer.from(stored, 'base64').toString('utf8'),
};

export function fileSecretStore(
  path: string,
  codec: SecretCodec = base64Codec,
  protection: SecretStore['protection'] = 'user-file',
): SecretStore {
  const read = (): Record<string, string> => {
    if (!existsSync(path)) return {};
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  };
  const write = (values: Record<string, string>) => {
    const temp = `${path}.tmp`;
    writeFileSync(temp, JSON.stringify(values), { mode: 0o600 });
    chmodSync(temp, 0o600);
    renameSync(temp, path);
  };
  return {
    protection,
    get(ref) {
      const stored = read()[ref];
      return stored === undefined ? undefined : codec.decode(stored);
    },
    set(ref, value) {
      write({ ...read(), [ref]: codec.encode(value) });
    },
    delete(ref) {
      const values = read();
      delete values[ref];
      write(values);
    },
  };
}
