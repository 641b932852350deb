// Reads the icon files scripts/make-icons.cjs writes, to check them as each OS will read them: a PNG's size and
// pixels (all five PNG filter types), an .ico's directory and images (classic DIB or embedded PNG).
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

export interface Bitmap {
  width: number;
  height: number;
  /** RGBA, rows top-down. */
  rgba: Buffer;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a),
    pb = Math.abs(p - b),
    pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes an 8-bit RGBA, non-interlaced PNG (what make-icons writes); throws on anything else. */
export function decodePng(bytes: Buffer): Bitmap {
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (bytes[24] !== 8 || bytes[25] !== 6 || bytes[28] !== 0) throw new Error('expected 8-bit RGBA, not interlaced');
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    if (bytes.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const rgba = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const left = x >= 4 ? rgba[y * stride + x - 4]! : 0;
      const up = y > 0 ? rgba[(y - 1) * stride + x]! : 0;
      const upLeft = x >= 4 && y > 0 ? rgba[(y - 1) * stride + x - 4]! : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter];
      if (predictor === undefined) throw new Error(`unknown PNG filter ${filter}`);
      rgba[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { width, height, rgba };
}

export const readPng = (path: string): Bitmap => decodePng(readFileSync(path));

export interface IcoImage extends Bitmap {
  format: 'bmp' | 'png';
  /** Bits per pixel as the directory entry says. */
  bitCount: number;
}

/** The images of an .ico file, as Windows' icon loader sees them. */
export function readIco(path: string): IcoImage[] {
  const bytes = readFileSync(path);
  if (bytes.readUInt16LE(0) !== 0 || bytes.readUInt16LE(2) !== 1) throw new Error('not an icon file');
  const images: IcoImage[] = [];
  for (let n = 0; n < bytes.readUInt16LE(4); n++) {
    const entry = 6 + 16 * n;
    const size = bytes[entry] || 256;
    const bitCount = bytes.readUInt16LE(entry + 6);
    const body = bytes.subarray(
      bytes.readUInt32LE(entry + 12),
      bytes.readUInt32LE(entry + 12) + bytes.readUInt32LE(entry + 8),
    );
    if (body.subarray(0, 8).equals(PNG_SIGNATURE)) {
      images.push({ ...decodePng(body), format: 'png', bitCount });
      continue;
    }
    if (body.readUInt32LE(0) !== 40) throw new Error(`image ${n}: expected a BITMAPINFOHEADER`);
    const width = body.readInt32LE(4);
    if (width !== size || body.readInt32LE(8) !== size * 2 || body.readUInt16LE(14) !== 32) {
      throw new Error(`image ${n}: header does not match its ${size} px directory entry`);
    }
    const rgba = Buffer.alloc(size * size * 4);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const from = 40 + ((size - 1 - y) * size + x) * 4; // rows bottom-up, BGRA
        const to = (y * size + x) * 4;
        rgba[to] = body[from + 2]!;
        rgba[to + 1] = body[from + 1]!;
        rgba[to + 2] = body[from]!;
        rgba[to + 3] = body[from + 3]!;
      }
    }
    images.push({ width: size, height: size, rgba, format: 'bmp', bitCount });
  }
  return images;
}

/** True when every pixel is black (or fully transparent): what macOS wants of a template image. */
export function isBlackAndAlpha(bitmap: Bitmap): boolean {
  for (let i = 0; i < bitmap.rgba.length; i += 4) {
    if (bitmap.rgba[i + 3] === 0) continue;
    if (bitmap.rgba[i] !== 0 || bitmap.rgba[i + 1] !== 0 || bitmap.rgba[i + 2] !== 0) return false;
  }
  return true;
}

/** How many pixels are at least half opaque. */
export const opaquePixels = (bitmap: Bitmap): number => {
  let count = 0;
  for (let i = 3; i < bitmap.rgba.length; i += 4) if (bitmap.rgba[i]! >= 128) count++;
  return count;
};
