// Draws MagFlow's app and tray icons with plain code (pure Node, no image tools, nothing downloaded), in the form each
// OS wants (docs/desktop.md, "Icons"):
//   app      icon.png (512, macOS: electron-builder makes the .icns), icon.ico (Windows: 16-256), icons/NxN.png (Linux)
//   tray     tray-<state>.png + @2x (Linux, AppIndicator), tray-<state>.ico (Windows: 16, 20, 24, 32 and 48 px, the
//            sizes the notification area uses at 100-300 % scaling), tray-<state>Template.png + @2x (macOS: black and
//            alpha only, the menu bar tints it; Electron marks an image whose file name ends in "Template" as a
//            template image, docs/api/native-image.md "Template Image")
// The app icon is a rounded square with a white "M" stroke; the tray icon a state-coloured disc with the same stroke,
// and on macOS (no colour) a ring whose shape says the state.
// Run: node scripts/make-icons.cjs   (writes resources/; the results are committed)
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
/** A PNG (8-bit RGBA, no filtering) of a square image. */
function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * One ICO image as a classic DIB (BITMAPINFOHEADER, 32-bit BGRA rows bottom-up, then the 1-bit AND mask): what
 * Windows' LoadImage reads for small icons everywhere. Sizes of 256 are stored as PNG, as Windows Vista and later
 * expect.
 */
function icoImage(size, rgba) {
  if (size >= 256) return png(size, rgba);
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // XOR bitmap + AND mask
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const xor = Buffer.alloc(size * size * 4);
  const maskRow = Math.ceil(size / 32) * 4;
  const and = Buffer.alloc(maskRow * size);
  for (let y = 0; y < size; y++) {
    const row = size - 1 - y; // bottom-up
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4, o = (row * size + x) * 4;
      xor[o] = rgba[i + 2]; xor[o + 1] = rgba[i + 1]; xor[o + 2] = rgba[i]; xor[o + 3] = rgba[i + 3];
      if (rgba[i + 3] === 0) and[row * maskRow + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  header.writeUInt32LE(xor.length + and.length, 20);
  return Buffer.concat([header, xor, and]);
}
/** An .ico holding one image per size. */
function ico(images) {
  const dir = Buffer.alloc(6 + 16 * images.length);
  dir.writeUInt16LE(0, 0);
  dir.writeUInt16LE(1, 2); // icon
  dir.writeUInt16LE(images.length, 4);
  let offset = dir.length;
  const bodies = images.map(({ size, rgba }, n) => {
    const body = icoImage(size, rgba);
    const e = 6 + 16 * n;
    dir[e] = size >= 256 ? 0 : size;
    dir[e + 1] = size >= 256 ? 0 : size;
    dir.writeUInt16LE(1, e + 4); // planes
    dir.writeUInt16LE(32, e + 6); // bits per pixel
    dir.writeUInt32LE(body.length, e + 8);
    dir.writeUInt32LE(offset, e + 12);
    offset += body.length;
    return body;
  });
  return Buffer.concat([dir, ...bodies]);
}

const segDist = (px, py, [ax, ay], [bx, by]) => {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
};
// The mark: an "M" drawn as one flowing stroke, in unit coordinates.
const MARK = [[0.22, 0.7], [0.22, 0.32], [0.5, 0.58], [0.78, 0.32], [0.78, 0.7]];
const inMark = (x, y, width) => MARK.slice(1).some((p, i) => segDist(x, y, MARK[i], p) <= width / 2);

/** Anti-aliased RGBA pixels of `shape` (a function of unit coordinates giving a colour or null). */
function rasterize(size, shape) {
  const out = Buffer.alloc(size * size * 4);
  const ss = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const u = (x + (sx + 0.5) / ss) / size, v = (y + (sy + 0.5) / ss) / size;
          const c = shape(u, v);
          if (c) { r += c[0]; g += c[1]; b += c[2]; a += 255; }
        }
      }
      const n = ss * ss, i = (y * size + x) * 4;
      if (a > 0) { out[i] = r / (a / 255); out[i + 1] = g / (a / 255); out[i + 2] = b / (a / 255); }
      out[i + 3] = a / n;
    }
  }
  return out;
}
const render = (size, shape) => png(size, rasterize(size, shape));

const roundedSquare = (u, v, radius) => {
  const dx = Math.max(Math.abs(u - 0.5) - (0.5 - radius), 0), dy = Math.max(Math.abs(v - 0.5) - (0.5 - radius), 0);
  return Math.hypot(dx, dy) <= radius;
};

const appIcon = (u, v) => {
  const m = 0.04; // margin
  const su = (u - m) / (1 - 2 * m), sv = (v - m) / (1 - 2 * m);
  if (su < 0 || sv < 0 || su > 1 || sv > 1 || !roundedSquare(su, sv, 0.22)) return null;
  if (inMark(su, sv, 0.1)) return [255, 255, 255];
  const t = (su + sv) / 2; // diagonal gradient indigo -> teal
  return [Math.round(59 + (18 - 59) * t), Math.round(91 + (184 - 91) * t), Math.round(219 + (134 - 219) * t)];
};

const TRAY = { ok: [34, 160, 90], syncing: [50, 110, 230], error: [214, 48, 49], paused: [128, 134, 142] };
const trayIcon = (color) => (u, v) => {
  if (Math.hypot(u - 0.5, v - 0.5) > 0.47) return null;
  if (inMark(u, v, 0.14)) return [255, 255, 255];
  return color;
};

// macOS template images: black, the state told by shape. The "M" sits inside a ring; syncing breaks the ring into
// two arcs, error puts a solid dot on it (bottom right), paused two bars.
const BLACK = [0, 0, 0];
const BADGE = [0.8, 0.8];
function templateIcon(state) {
  return (u, v) => {
    const du = u - 0.5, dv = v - 0.5;
    const r = Math.hypot(du, dv);
    const inBadge = Math.hypot(u - BADGE[0], v - BADGE[1]) <= 0.22;
    if (state === 'error' || state === 'paused') {
      if (inBadge) {
        if (state === 'error') return Math.hypot(u - BADGE[0], v - BADGE[1]) <= 0.14 ? BLACK : null;
        const bar = (x) => Math.abs(u - x) <= 0.04 && Math.abs(v - BADGE[1]) <= 0.13;
        return bar(BADGE[0] - 0.065) || bar(BADGE[0] + 0.065) ? BLACK : null;
      }
    }
    if (r >= 0.4 && r <= 0.48) {
      if (state === 'syncing') {
        const angle = Math.atan2(dv, du); // gaps at the top right and bottom left
        if (Math.abs(angle + Math.PI / 4) < 0.45 || Math.abs(angle - (3 * Math.PI) / 4) < 0.45) return null;
      }
      return BLACK;
    }
    return r < 0.36 && inMark((u - 0.5) / 0.62 + 0.5, (v - 0.5) / 0.62 + 0.5, 0.2) ? BLACK : null;
  };
}

/** The tray sizes Windows asks an .ico for: 16 px at 100 % scaling up to 48 px at 300 %. */
const WINDOWS_TRAY_SIZES = [16, 20, 24, 32, 48];
const WINDOWS_APP_SIZES = [16, 24, 32, 48, 64, 128, 256];
const LINUX_APP_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];

const dir = path.join(__dirname, '..', 'resources');
fs.mkdirSync(path.join(dir, 'icons'), { recursive: true });
fs.writeFileSync(path.join(dir, 'icon.png'), render(512, appIcon));
fs.writeFileSync(path.join(dir, 'icon.ico'), ico(WINDOWS_APP_SIZES.map((size) => ({ size, rgba: rasterize(size, appIcon) }))));
for (const size of LINUX_APP_SIZES) fs.writeFileSync(path.join(dir, 'icons', `${size}x${size}.png`), render(size, appIcon));
for (const [state, color] of Object.entries(TRAY)) {
  fs.writeFileSync(path.join(dir, `tray-${state}.png`), render(16, trayIcon(color)));
  fs.writeFileSync(path.join(dir, `tray-${state}@2x.png`), render(32, trayIcon(color)));
  fs.writeFileSync(
    path.join(dir, `tray-${state}.ico`),
    ico(WINDOWS_TRAY_SIZES.map((size) => ({ size, rgba: rasterize(size, trayIcon(color)) }))),
  );
  fs.writeFileSync(path.join(dir, `tray-${state}Template.png`), render(16, templateIcon(state)));
  fs.writeFileSync(path.join(dir, `tray-${state}Template@2x.png`), render(32, templateIcon(state)));
}
console.log(`icons written to ${dir}`);
