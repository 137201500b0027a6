// Draws the ribbon icons (assets/icon-16/32/64/80.png): a navy rounded square with three white rising bars.
// A tiny PNG encoder (zlib + CRC-32) keeps the icons reproducible without an image editor.
// Run with `npx tsx src/commands/make-icons.ts`; the PNGs are committed, so this only runs when the design changes.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";

type Rgba = [number, number, number, number];

const NAVY: Rgba = [0x1f, 0x38, 0x64, 0xff];
const WHITE: Rgba = [0xff, 0xff, 0xff, 0xff];
const CLEAR: Rgba = [0, 0, 0, 0];

/** Sizes Office asks for: 16/32/80 on the ribbon, 32/64 for the add-in's own icon. */
export const ICON_SIZES = [16, 32, 64, 80] as const;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const body = Buffer.concat([head.subarray(4), Buffer.from(data)]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([head.subarray(0, 4), body, crc]);
}

/** Encodes an RGBA image (row-major pixels) as a PNG file. */
export function encodePng(width: number, height: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const raw = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 4);
    raw[row] = 0; // filter type "None"
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", new Uint8Array()),
  ]);
}

/** The glyph at a given size: rounded navy tile, three white bars rising left to right on a baseline. */
export function iconPixel(size: number): (x: number, y: number) => Rgba {
  const radius = Math.max(2, Math.round(size * 0.16));
  const pad = Math.max(3, Math.round(size * 0.2));
  const inner = size - 2 * pad;
  const gap = Math.max(1, Math.round(inner * 0.12));
  const barWidth = Math.floor((inner - 2 * gap) / 3);
  const baseline = size - pad;
  const heights = [0.45, 0.7, 1].map((f) => Math.max(2, Math.round(inner * f)));
  return (x, y) => {
    // Transparent corners give the rounded tile.
    const cx = x < radius ? radius - x - 0.5 : x >= size - radius ? x - (size - radius) + 0.5 : 0;
    const cy = y < radius ? radius - y - 0.5 : y >= size - radius ? y - (size - radius) + 0.5 : 0;
    if (cx > 0 && cy > 0 && cx * cx + cy * cy > radius * radius) return CLEAR;
    for (let i = 0; i < 3; i++) {
      const left = pad + i * (barWidth + gap);
      if (x >= left && x < left + barWidth && y < baseline && y >= baseline - heights[i]) return WHITE;
    }
    return NAVY;
  };
}

export function writeIcons(folder: string): string[] {
  return ICON_SIZES.map((size) => {
    const file = join(folder, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, size, iconPixel(size)));
    return file;
  });
}

if (process.argv[1] && /make-icons\.ts$/.test(process.argv[1])) {
  for (const file of writeIcons(join(__dirname, "..", "..", "assets"))) console.log(`wrote ${file}`);
}
