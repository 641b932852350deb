// Tray: not before ready ("Cannot create Tray before app is ready", electron_api_tray.cc), an image is required
// (docs/api/tray.md, "new Tray(image, [guid])": a NativeImage or a path), and a destroyed tray throws. Every change is journaled; a test clicks the icon or a menu item.
import { EventEmitter } from 'node:events';
import { record } from '../journal';
import { findItem, Menu } from './menu';
import { toImage, type NativeImage } from './nativeImage';
import { preventableEvent, requireReady } from './runtime';

export const trays: Tray[] = [];

export class Tray extends EventEmitter {
  static #nextId = 1;
  readonly id = Tray.#nextId++;
  #image: NativeImage;
  #toolTip = '';
  #menu: Menu | null = null;
  #destroyed = false;

  constructor(image: unknown) {
    super();
    requireReady('Cannot create Tray before app is ready');
    this.#image = toImage(image, 'Tray');
    trays.push(this);
    record('tray.created', { tray: this.id, image: this.#image.toJSON() });
  }
  #alive(): void {
    if (this.#destroyed) throw new Error('Tray is destroyed');
  }
  setImage(image: unknown): void {
    this.#alive();
    this.#image = toImage(image, 'Tray.setImage');
    record('tray.setImage', { tray: this.id, image: this.#image.toJSON() });
  }
  setToolTip(toolTip: string): void {
    this.#alive();
    this.#toolTip = String(toolTip);
    record('tray.setToolTip', { tray: this.id, toolTip: this.#toolTip });
  }
  setContextMenu(menu: Menu | null): void {
    this.#alive();
    if (menu !== null && !(menu instanceof Menu)) throw new TypeError('Invalid menu');
    this.#menu = menu;
    record('tray.setContextMenu', { tray: this.id, menu: menu ? menu.toJSON() : null });
  }
  destroy(): void {
    this.#destroyed = true;
    record('tray.destroy', { tray: this.id });
  }
  isDestroyed(): boolean {
    return this.#destroyed;
  }

  /** The seller clicks the icon. */
  userClick(): void {
    this.#alive();
    record('tray.user-click', { tray: this.id });
    this.emit('click', preventableEvent(), { x: 0, y: 0, width: 22, height: 22 }, { x: 0, y: 0 });
  }
  /** The seller opens the menu and clicks an item (by id or label). */
  userClickItem(key: string): void {
    this.#alive();
    if (!this.#menu) throw new Error('harness: the tray has no menu');
    const item = findItem(this.#menu, key);
    record('tray.user-click-item', { tray: this.id, item: item.id ?? item.label });
    item.click();
  }
  state(): object {
    return {
      id: this.id,
      image: this.#image.toJSON(),
      toolTip: this.#toolTip,
      menu: this.#menu?.toJSON() ?? null,
      destroyed: this.#destroyed,
    };
  }
}
