// `npx tsx scripts/icon.ts`: draws icon.png, the bundle's icon (manifest.json "icon"): a white W on an indigo
// rounded square, 512x512. Drawn here rather than kept only as a binary, so it can be changed and redrawn.
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { crc32, deflateSync } from "node:zlib";

const SIZE = 512;
const SAMPLES = 4; // per axis: 16 samples a pixel smooth the edges
const BACKGROUND = [0x63, 0x63, 0xf1] as const;
const FOREGROUND = [0xff, 0xff, 0xff] as const;
const CORNER_RADIUS = 0.22;
const STROKE = 0.075;
// The W's five points, in unit coordinates (0..1 across the icon).
const W = [
  [0.2, 0.3],
  [0.33, 0.72],
  [0.5, 0.38],
  [0.67, 0.72],
  [0.8, 0.3],
] as const;

function insideRoundedSquare(x: number, y: number): boolean {
  const dx = Math.max(CORNER_RADIUS - x, x - (1 - CORNER_RADIUS), 0);
  const dy = Math.max(CORNER_RADIUS - y, y - (1 - CORNER_RADIUS), 0);
  return dx * dx + dy * dy <= CORNER_RADIUS * CORNER_RADIUS;
}

function distanceToSegment(x: number, y: number, [ax, ay]: readonly number[], [bx, by]: readonly number[]) {
  const [ex, ey] = [(bx ?? 0) - (ax ?? 0), (by ?? 0) - (ay ?? 0)];
  const t = Math.min(1, Math.max(0, ((x - (ax ?? 0)) * ex + (y - (ay ?? 0)) * ey) / (ex * ex + ey * ey)));
  return Math.hypot(x - (ax ?? 0) - t * ex, y - (ay ?? 0) - t * ey);
}

function onW(x: number, y: number): boolean {
  for (let i = 1; i < W.length; i++) {
    if (distanceToSegment(x, y, W[i - 1] as readonly number[], W[i] as readonly number[]) <= STROKE / 2)
      return true;
  }
  return false;
}

/** RGBA pixels, row by row. */
function draw(): Buffer {
  const pixels = Buffer.alloc(SIZE * SIZE * 4);
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      let covered = 0;
      let white = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / SIZE;
          const y = (py + (sy + 0.5) / SAMPLES) / SIZE;
          if (!insideRoundedSquare(x, y)) continue;
          covered++;
          if (onW(x, y)) white++;
        }
      }
      const offset = (py * SIZE + px) * 4;
      const share = covered === 0 ? 0 : white / covered;
      for (let c = 0; c < 3; c++) {
        pixels[offset + c] = Math.round((BACKGROUND[c] ?? 0) * (1 - share) + (FOREGROUND[c] ?? 0) * share);
      }
      pixels[offset + 3] = Math.round((covered / (SAMPLES * SAMPLES)) * 255);
    }
  }
  return pixels;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** The icon as a PNG file: 8-bit RGBA, no interlace, every row unfiltered. */
export function iconPng(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const pixels = draw();
  const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) pixels.copy(rows, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = join(resolve(fileURLToPath(import.meta.url), "..", ".."), "icon.png");
  writeFileSync(file, iconPng());
  console.log(`wrote ${file}`);
}
