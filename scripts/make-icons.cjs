// Draws MagFlow's app and tray icons as PNGs with plain code (no image tools needed): a rounded square with a
// white "flow" stroke for the app, a state-coloured disc with the same stroke for the tray.
// Run: node scripts/make-icons.cjs   (writes resources/*.png; the results are committed)
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

const segDist = (px, py, [ax, ay], [bx, by]) => {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
};
// The mark: an "M" drawn as one flowing stroke, in unit coordinates.
const MARK = [[0.22, 0.7], [0.22, 0.32], [0.5, 0.58], [0.78, 0.32], [0.78, 0.7]];
const inMark = (x, y, width) => MARK.slice(1).some((p, i) => segDist(x, y, MARK[i], p) <= width / 2);

function render(size, shape) {
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
  return png(size, out);
}

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

const dir = path.join(__dirname, '..', 'resources');
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'icon.png'), render(512, appIcon));
fs.writeFileSync(path.join(dir, 'icon-256.png'), render(256, appIcon));
for (const [state, color] of Object.entries(TRAY)) {
  fs.writeFileSync(path.join(dir, `tray-${state}.png`), render(16, trayIcon(color)));
  fs.writeFileSync(path.join(dir, `tray-${state}@2x.png`), render(32, trayIcon(color)));
}
console.log(`icons written to ${dir}`);
