// Writes the app's install icons to public/ (`node scripts/make-icons.mjs`): two stacked cards, the favicon's design, as
// PNGs drawn here and encoded with zlib, so no image tool or binary download is needed. Run it again after a change.
//
// - pwa-192.png, pwa-512.png: "any" icons, the cards on a rounded blue square with transparent corners.
// - pwa-maskable-512.png: full-bleed blue, the cards inside the central 70 %: their corners stay within the safe circle
//   (80 % of the side), which is all a platform may keep when it cuts the icon to its own shape.
// - apple-touch-icon.png (180 px): iOS puts its own rounded corners on a full-bleed square.
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const OUT = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'public');

const BLUE = [0x2b, 0x6c, 0xb0];
const BACK_CARD = [0x90, 0xcd, 0xf4];
const FRONT_CARD = [0xff, 0xff, 0xff];
const LINE = [0x2b, 0x6c, 0xb0];

/** Whether (x, y) lies in the rounded rectangle (all in units of the icon's side, 0–1). */
function inRoundRect(x, y, r) {
  if (x < r.x || y < r.y || x > r.x + r.w || y > r.y + r.h) return false;
  const cx = Math.min(Math.max(x, r.x + r.radius), r.x + r.w - r.radius);
  const cy = Math.min(Math.max(y, r.y + r.radius), r.y + r.h - r.radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r.radius ** 2;
}

/** The shapes of an icon, back to front: a background, then the cards scaled into a box of side `scale`. */
function shapes({ fullBleed, scale }) {
  const bg = fullBleed ? { x: 0, y: 0, w: 1, h: 1, radius: 0 } : { x: 0, y: 0, w: 1, h: 1, radius: 0.2 };
  // The favicon's 32-unit grid: back card at (3, 7) 22×16, front card at (7, 11) 22×16, both with radius 3; the pair
  // spans y 7–27, so it moves up one unit to sit in the middle.
  const o = (1 - scale) / 2;
  const ux = (v) => o + (v / 32) * scale;
  const uy = (v) => o + ((v - 1) / 32) * scale;
  const s = (v) => (v / 32) * scale;
  const card = (x, y) => ({ x: ux(x), y: uy(y), w: s(22), h: s(16), radius: s(3) });
  const line = (x, y, w) => ({ x: ux(x), y: uy(y), w: s(w), h: s(1.6), radius: s(0.8) });
  return [
    { rect: bg, color: BLUE },
    { rect: card(3, 7), color: BACK_CARD },
    { rect: card(7, 11), color: FRONT_CARD },
    // Two lines of "text" on the front card.
    { rect: line(10, 15.5, 14), color: LINE },
    { rect: line(10, 20, 9), color: LINE },
  ];
}

/** RGBA pixels, each averaged over 4×4 samples so that the edges are smooth. */
function draw(size, options) {
  const layers = shapes(options);
  const px = new Uint8Array(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let pxl = 0; pxl < size; pxl++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (pxl + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          let color = null;
          for (const layer of layers) if (inRoundRect(x, y, layer.rect)) color = layer.color;
          if (!color) continue;
          r += color[0];
          g += color[1];
          b += color[2];
          a += 1;
        }
      }
      const i = (py * size + pxl) * 4;
      // Colours are averaged over the covered samples only (straight alpha, as PNG stores it).
      px[i] = a ? Math.round(r / a) : 0;
      px[i + 1] = a ? Math.round(g / a) : 0;
      px[i + 2] = a ? Math.round(b / a) : 0;
      px[i + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, k) => {
  let c = k;
  for (let j = 0; j < 8; j++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** A PNG file of RGBA pixels: 8 bits a channel, each row with filter 0. */
function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const ICONS = [
  { file: 'pwa-192.png', size: 192, fullBleed: false, scale: 0.86 },
  { file: 'pwa-512.png', size: 512, fullBleed: false, scale: 0.86 },
  { file: 'pwa-maskable-512.png', size: 512, fullBleed: true, scale: 0.7 },
  { file: 'apple-touch-icon.png', size: 180, fullBleed: true, scale: 0.8 },
];

for (const icon of ICONS) {
  const bytes = png(icon.size, draw(icon.size, icon));
  writeFileSync(resolve(OUT, icon.file), bytes);
  console.log(`${icon.file}: ${icon.size}×${icon.size}, ${bytes.length} bytes`);
}
