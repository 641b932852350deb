// The smaller main-process modules: shell, safeStorage, powerMonitor, net, screen and session. What they do is
// journaled; where Electron refuses something before 'ready' the harness refuses it the same way.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { record } from '../journal';
import { fromPartition, request, Session } from './net';
import { protocol } from './protocol';
import { preventableEvent, requireReady, runtime } from './runtime';

export const shell = {
  async openExternal(url: string): Promise<void> {
    if (typeof url !== 'string') throw new TypeError('url must be a string');
    record('shell.openExternal', { url });
  },
  async openPath(path: string): Promise<string> {
    record('shell.openPath', { path, exists: existsSync(path) });
    return existsSync(path) ? '' : 'Failed to open path';
  },
  showItemInFolder(path: string): void {
    record('shell.showItemInFolder', { path });
  },
  beep(): void {
    record('shell.beep');
  },
};

/**
 * safeStorage on Linux (docs/api/safe-storage.md, "safeStorage.isEncryptionAvailable()": true once the app has emitted
 * 'ready' and the secret key is available; electron_api_safe_storage.cc): unavailable before ready (false,
 * encrypt/decrypt throw "safeStorage cannot be used before app is ready"); the backend is the keyring the session
 * has: MAGFLOW_HARNESS_KEYRING = gnome_libsecret (default: encrypts, key kept under $HOME so a restart decrypts),
 * basic_text (Chromium's hard-coded key: "available" but no protection) or none (no encryption at all).
 */
const keyringKind = process.env['MAGFLOW_HARNESS_KEYRING'] ?? 'gnome_libsecret';
function keyringKey(): Buffer {
  const file = join(homedir(), '.local/share/keyrings/magflow-harness.key');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32), { mode: 0o600 });
  }
  return readFileSync(file);
}
const encryptionAvailable = () => runtime.ready && keyringKind !== 'none';
export const safeStorage = {
  isEncryptionAvailable: () => encryptionAvailable(),
  getSelectedStorageBackend: () => (runtime.ready ? keyringKind : 'unknown'),
  isAsyncEncryptionAvailable: () => Promise.resolve(encryptionAvailable()),
  encryptString(plainText: string): Buffer {
    if (!encryptionAvailable()) {
      requireReady('safeStorage cannot be used before app is ready');
      throw new Error(
        'Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.',
      );
    }
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', keyringKey(), iv);
    const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
    record('safeStorage.encryptString', { backend: keyringKind, bytes: body.length });
    return Buffer.concat([Buffer.from('v11'), iv, cipher.getAuthTag(), body]);
  },
  decryptString(encrypted: Buffer): string {
    if (!encryptionAvailable()) {
      requireReady('safeStorage cannot be used before app is ready');
      throw new Error(
        'Error while decrypting the ciphertext provided to safeStorage.decryptString. Decryption is not available.',
      );
    }
    if (!Buffer.isBuffer(encrypted)) throw new Error('Expected the first argument of decryptString() to be a buffer');
    if (encrypted.length === 0) return '';
    const prefix = encrypted.subarray(0, 3).toString();
    if (prefix !== 'v10' && prefix !== 'v11') {
      throw new Error(
        'Error while decrypting the ciphertext provided to safeStorage.decryptString. Ciphertext does not appear to be encrypted.',
      );
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', keyringKey(), encrypted.subarray(3, 15));
      decipher.setAuthTag(encrypted.subarray(15, 31));
      const text = Buffer.concat([decipher.update(encrypted.subarray(31)), decipher.final()]).toString('utf8');
      record('safeStorage.decryptString', { backend: keyringKind });
      return text;
    } catch {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    }
  },
};

/** powerMonitor: listening is allowed before ready (lib/browser/api/power-monitor.ts starts the source at ready). */
class PowerMonitor extends EventEmitter {
  getSystemIdleState(): string {
    return 'active';
  }
  getSystemIdleTime(): number {
    return 0;
  }
  isOnBatteryPower(): boolean {
    return false;
  }
  get onBatteryPower(): boolean {
    return false;
  }
  /** The OS sends an event; 'shutdown' can be delayed with preventDefault (docs/api/power-monitor.md). */
  osEvent(name: string): { prevented: boolean; listeners: number } {
    const event = preventableEvent();
    const listeners = this.listenerCount(name);
    record('powerMonitor.os-event', { name, listeners });
    this.emit(name, event);
    return { prevented: event.defaultPrevented, listeners };
  }
}
export const powerMonitor = new PowerMonitor();

/**
 * docs/api/net.md: "net.isOnline()" is connectivity as the OS reports it (a test switches it); `request` is the
 * ClientRequest of ./net.ts (what electron-updater downloads with).
 */
let online = true;
export const net = {
  isOnline: () => online,
  get online() {
    return online;
  },
  request,
  fetch(): never {
    throw new Error('harness: net.fetch is not emulated');
  },
};
export function setOnline(value: boolean): void {
  online = value;
  record('net.online', { online });
}

/** screen: "The 'screen' module can't be used before the app 'ready' event" (electron_api_screen.cc). */
const display = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
  scaleFactor: 1,
  rotation: 0,
  internal: false,
};
const screenReady = () => requireReady("The 'screen' module can't be used before the app 'ready' event");
export const screen = Object.assign(new EventEmitter(), {
  getAllDisplays: () => (screenReady(), [structuredClone(display)]),
  getPrimaryDisplay: () => (screenReady(), structuredClone(display)),
  getDisplayMatching: () => (screenReady(), structuredClone(display)),
  getCursorScreenPoint: () => (screenReady(), { x: 0, y: 0 }),
});

/**
 * session.defaultSession and session.fromPartition: "Session can only be received when app is ready"
 * (electron_api_session.cc). Both are Session instances, which net.request checks its `session` option against.
 */
type Listener = (...args: never[]) => void;
const defaultSession = Object.assign(new Session('', true), {
  protocol,
  webRequest: {
    // Header listeners are recorded; see protocol.ts for why they do not touch the app's own pages.
    onHeadersReceived: (...args: [unknown, Listener?]) =>
      record('session.webRequest.onHeadersReceived', { set: args.some((a) => typeof a === 'function') }),
    onBeforeRequest: (...args: [unknown, Listener?]) =>
      record('session.webRequest.onBeforeRequest', { set: args.some((a) => typeof a === 'function') }),
    onBeforeSendHeaders: (...args: [unknown, Listener?]) =>
      record('session.webRequest.onBeforeSendHeaders', { set: args.some((a) => typeof a === 'function') }),
  },
  permissionRequestHandler: null as unknown,
  permissionCheckHandler: null as unknown,
  setPermissionRequestHandler(handler: unknown) {
    this.permissionRequestHandler = handler;
    record('session.setPermissionRequestHandler', { set: typeof handler === 'function' });
  },
  setPermissionCheckHandler(handler: unknown) {
    this.permissionCheckHandler = handler;
    record('session.setPermissionCheckHandler', { set: typeof handler === 'function' });
  },
  setSpellCheckerEnabled(enabled: boolean) {
    record('session.setSpellCheckerEnabled', { enabled });
  },
});
export const session = {
  get defaultSession() {
    if (!runtime.ready) throw new TypeError('Session can only be received when app is ready');
    return defaultSession;
  },
  fromPartition(partition: string, options?: { cache?: boolean }) {
    if (!runtime.ready) throw new TypeError('Session can only be received when app is ready');
    return fromPartition(partition, options);
  },
};
