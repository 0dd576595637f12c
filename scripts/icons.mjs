// Draws the two icons the Azure DevOps extension needs — the task icon (icon.png, 32x32, beside
// task.json) and the extension icon (images/extension-icon.png, 128x128) — a white padlock on a
// purple rounded square, and writes them as PNG files with nothing but node:zlib.
//
//   node scripts/icons.mjs
// @ts-check
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLES = 8; // per axis, for anti-aliased edges

/** @typedef {[number, number, number]} Rgb */
const TOP = /** @type {Rgb} */ ([0x7c, 0x5c, 0xff]);
const BOTTOM = /** @type {Rgb} */ ([0x4a, 0x2b, 0xc2]);
const WHITE = /** @type {Rgb} */ ([0xff, 0xff, 0xff]);

/** Is (x, y) inside the rectangle [x0, x1] x [y0, y1] with corners rounded by r? */
function inRoundedRect(
  /** @type {number} */ x,
  /** @type {number} */ y,
  /** @type {number} */ x0,
  /** @type {number} */ y0,
  /** @type {number} */ x1,
  /** @type {number} */ y1,
  /** @type {number} */ r
) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Distance from (x, y) to the segment (ax, ay)-(bx, by). */
function toSegment(
  /** @type {number} */ x,
  /** @type {number} */ y,
  /** @type {number} */ ax,
  /** @type {number} */ ay,
  /** @type {number} */ bx,
  /** @type {number} */ by
) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy);
}

/**
 * What covers the point (x, y) of the unit square (y grows downwards): 'lock', 'background'
 * or nothing.
 * @returns {'lock' | 'background' | null}
 */
function shapeAt(/** @type {number} */ x, /** @type {number} */ y) {
  if (!inRoundedRect(x, y, 0, 0, 1, 1, 0.2)) return null;
  // The shackle: an upper half circle and two legs, stroked.
  const [cx, cy, r, half] = [0.5, 0.38, 0.145, 0.045];
  const arc = y <= cy ? Math.abs(Math.hypot(x - cx, y - cy) - r) : Infinity;
  const legs = Math.min(toSegment(x, y, cx - r, cy, cx - r, 0.5), toSegment(x, y, cx + r, cy, cx + r, 0.5));
  if (Math.min(arc, legs) <= half) return 'lock';
  // The body, with a keyhole cut out of it.
  if (inRoundedRect(x, y, 0.25, 0.46, 0.75, 0.83, 0.07)) {
    const keyhole = Math.hypot(x - 0.5, y - 0.6) <= 0.055 || (Math.abs(x - 0.5) <= 0.022 && y >= 0.6 && y <= 0.72);
    return keyhole ? 'background' : 'lock';
  }
  return 'background';
}

/** RGBA pixels of a size x size icon. */
function render(/** @type {number} */ size) {
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, covered] = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          const shape = shapeAt(x, y);
          if (!shape) continue;
          const color = shape === 'lock' ? WHITE : /** @type {Rgb} */ (TOP.map((top, i) => top + (BOTTOM[i] - top) * y));
          r += color[0];
          g += color[1];
          b += color[2];
          covered++;
        }
      }
      const at = (py * size + px) * 4;
      if (covered) {
        pixels[at] = Math.round(r / covered);
        pixels[at + 1] = Math.round(g / covered);
        pixels[at + 2] = Math.round(b / covered);
      }
      pixels[at + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 as PNG chunks use it. */
function crc32(/** @type {Buffer} */ data) {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One PNG chunk: length, type, data, CRC of type and data. */
function chunk(/** @type {string} */ type, /** @type {Buffer} */ data) {
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** An 8-bit RGBA PNG of a size x size image. */
function png(/** @type {number} */ size, /** @type {Buffer} */ pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, deflate, no filter, no interlace
  const rows = [];
  for (let y = 0; y < size; y++) rows.push(Buffer.from([0]), pixels.subarray(y * size * 4, (y + 1) * size * 4));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0))
  ]);
}

for (const [file, size] of /** @type {[string, number][]} */ ([
  ['icon.png', 32],
  ['images/extension-icon.png', 128]
])) {
  const target = path.join(ROOT, file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, png(size, render(size)));
  process.stdout.write(`wrote ${file} (${size}x${size})\n`);
}
