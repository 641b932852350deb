// Notification: not before ready ("Cannot create Notification before app is ready", electron_api_notification.cc);
// show() puts it on screen (journaled), a test clicks or closes it. Notification.isSupported() "whether or not
// desktop notifications are supported on the current system" (docs/api/notification.md): the harness plays a Linux
// desktop with a notification server (the deb package depends on libnotify), so true.
import { EventEmitter } from 'node:events';
import { record } from '../journal';
import { toImage } from './nativeImage';
import { preventableEvent, requireReady } from './runtime';

export const notifications = new Map<number, Notification>();

interface NotificationOptions {
  title?: string;
  body?: string;
  silent?: boolean;
  icon?: unknown;
  [key: string]: unknown;
}

export class Notification extends EventEmitter {
  static #nextId = 1;
  static isSupported(): boolean {
    return true;
  }
  readonly id = Notification.#nextId++;
  readonly title: string;
  readonly body: string;
  readonly silent: boolean;
  #shown = false;
  #closed = false;

  constructor(options: NotificationOptions = {}) {
    super();
    requireReady('Cannot create Notification before app is ready');
    this.title = String(options.title ?? '');
    this.body = String(options.body ?? '');
    this.silent = options.silent === true;
    const icon = options.icon === undefined ? null : toImage(options.icon, 'Notification icon').toJSON();
    notifications.set(this.id, this);
    record('notification.created', { id: this.id, title: this.title, body: this.body, silent: this.silent, icon });
  }
  show(): void {
    this.#shown = true;
    record('notification.show', { id: this.id, title: this.title, body: this.body });
    setImmediate(() => this.emit('show', preventableEvent()));
  }
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    record('notification.close', { id: this.id });
    this.emit('close', preventableEvent());
  }
  /** The seller clicks it on screen. */
  userClick(): void {
    if (!this.#shown) throw new Error(`harness: notification ${this.id} was never shown`);
    record('notification.user-click', { id: this.id });
    this.emit('click', preventableEvent());
  }
}
