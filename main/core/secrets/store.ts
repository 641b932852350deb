// Where account passwords live. The database only holds a reference; the shell backs this with Electron's
// safeStorage, the CLI with a file only the user can read.
export interface SecretStore {
  /** 'os-keychain' when encrypted by the OS (safeStorage), 'user-file' for the headless file store. */
  readonly protection: 'os-keychain' | 'user-file' | 'memory';
  get(ref: string): string | undefined;
  set(ref: string, value: string): void;
  delete(ref: string): void;
}

export function memorySecretStore(): SecretStore {
  const values = new Map<string, string>();
  return {
    protection: 'memory',
    get: (ref) => values.get(ref),
    set: (ref, value) => void values.set(ref, value),
    delete: (ref) => void values.delete(ref),
  };
}
