// nativeImage: enough to check what the app hands to the tray, windows and notifications. A path that is not a
// readable PNG/JPEG gives an empty image, as Electron's createFromPath does (docs/api/native-image.md); the size
// is read from the PNG header; createFromBitmap needs width × height × 4 bytes.
import { readFileSync } from 'node:fs';

export class NativeImage {
  readonly #size: { width: number; height: number };
  constructor(
    /** Where the image came from (a path, or "bitmap"), for the journal. */
    readonly source: string,
    size: { width: number; height: number },
  ) {
    this.#size = size;
  }
  isEmpty(): boolean {
    return this.#size.width === 0 || this.#size.height === 0;
  }
  getSize(): { width: number; height: number } {
    return { ...this.#size };
  }
  /** For the journal. */
  toJSON(): object {
    return { source: this.source, ...this.#size, empty: this.isEmpty() };
  }
}

function sizeOf(path: string): { width: number; height: number } {
  try {
    const bytes = readFileSync(path);
    if (bytes.length > 24 && bytes.readUInt32BE(0) === 0x89504e47) {
      return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
    }
  } catch {
    // missing or unreadable: empty
  }
  return { width: 0, height: 0 };
}

export const nativeImage = {
  createFromPath: (path: string) => new NativeImage(path, sizeOf(path)),
  createFromBitmap(buffer: Buffer, options: { width: number; height: number }) {
    if (!Buffer.isBuffer(buffer)) throw new TypeError('buffer must be a node Buffer');
    if (buffer.length !== options.width * options.height * 4) throw new Error('invalid buffer size');
    return new NativeImage('bitmap', { width: options.width, height: options.height });
  },
  createEmpty: () => new NativeImage('empty', { width: 0, height: 0 }),
};

/** What Electron accepts where an image is expected: a NativeImage or a path. */
export function toImage(image: unknown, what: string): NativeImage {
  if (image instanceof NativeImage) return image;
  if (typeof image === 'string') return nativeImage.createFromPath(image);
  throw new TypeError(`${what}: the image must be a NativeImage or a path`);
}
