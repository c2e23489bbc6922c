/**
 * Draws CallDeck's icons: the app icon (assets/icon.png, assets/icons/<n>x<n>.png for Linux) and
 * one tray icon per line state (assets/tray/<state>.png and @2x; assets/tray/linux/<state>.png).
 * Shapes are signed-distance functions, so every size is drawn crisp rather than scaled; the PNG
 * encoder is ~30 lines of zlib. Run `npm run icons` after changing a shape; test/unit/packaging
 * checks the committed files are exactly what this draws.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import type { TrayIconState } from '../main/core/ports.js';

export const TRAY_STATES: readonly TrayIconState[] = ['idle', 'ringing', 'on-call', 'on-hold', 'dnd', 'offline', 'signed-out'];
/** Windows and macOS draw tray icons at 16 points (with @2x for HiDPI); Linux panels at 22–32 px. */
export const TRAY_SIZE = 16;
export const LINUX_TRAY_SIZE = 32;
export const LINUX_ICON_SIZES = [16, 32, 48, 64, 128, 256, 512] as const;
export const APP_ICON_SIZE = 1024;

type Rgb = readonly [number, number, number];
/** Signed distance in icon units (the icon spans -1…1); negative inside. */
type Shape = (x: number, y: number) => number;
interface Layer {
  shape: Shape;
  color: Rgb;
}

const BLUE: Rgb = [29, 78, 216];
const GREEN: Rgb = [21, 128, 61];
const AMBER: Rgb = [180, 83, 9];
const RED: Rgb = [185, 28, 28];
const GREY: Rgb = [107, 114, 128];
/** Light enough to see on a dark panel, dark enough on a light one. */
const SILVER: Rgb = [148, 155, 168];
const WHITE: Rgb = [255, 255, 255];
const BADGE: Rgb = [234, 88, 12];

// ─── shapes ─────────────────────────────────────────────────────────────────────────────────────

const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    Math.hypot(x - cx, y - cy) - r;

const ring =
  (r: number, width: number): Shape =>
  (x, y) =>
    Math.abs(Math.hypot(x, y) - r) - width / 2;

/** A segment from a to b with round ends, `r` thick on each side. */
const capsule =
  (ax: number, ay: number, bx: number, by: number, r: number): Shape =>
  (x, y) => {
    const px = x - ax;
    const py = y - ay;
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
    return Math.hypot(px - dx * t, py - dy * t) - r;
  };

const roundedSquare =
  (half: number, radius: number): Shape =>
  (x, y) => {
    const qx = Math.abs(x) - half + radius;
    const qy = Math.abs(y) - half + radius;
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
  };

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    Math.min(...shapes.map((shape) => shape(x, y)));

const subtract =
  (shape: Shape, cut: Shape): Shape =>
  (x, y) =>
    Math.max(shape(x, y), -cut(x, y));

const scale =
  (shape: Shape, factor: number): Shape =>
  (x, y) =>
    shape(x / factor, y / factor) * factor;

/**
 * A telephone handset: an arc (the grip) between two pads (ear and mouth), the classic glyph.
 * Its back faces the lower left, as in most phone icons. y grows downwards.
 */
function handset(): Shape {
  const centre = { x: 0.3, y: -0.3 };
  const radius = 0.78;
  const halfAperture = (52 * Math.PI) / 180;
  const middle = (135 * Math.PI) / 180; // towards the lower left, in screen coordinates
  const end = (angle: number) => ({ x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) });
  const grip: Shape = (x, y) => {
    const angle = Math.atan2(y - centre.y, x - centre.x);
    let delta = Math.abs(angle - middle);
    if (delta > Math.PI) delta = 2 * Math.PI - delta;
    if (delta <= halfAperture) return Math.abs(Math.hypot(x - centre.x, y - centre.y) - radius) - 0.17;
    const a = end(middle - halfAperture);
    const b = end(middle + halfAperture);
    return Math.min(Math.hypot(x - a.x, y - a.y), Math.hypot(x - b.x, y - b.y)) - 0.17;
  };
  const pad = (angle: number) => {
    const tip = end(angle);
    const inward = { x: centre.x + (radius - 0.16) * Math.cos(angle), y: centre.y + (radius - 0.16) * Math.sin(angle) };
    const along = { x: -Math.sin(angle) * Math.sign(angle - middle) * 0.12, y: Math.cos(angle) * Math.sign(angle - middle) * 0.12 };
    return capsule(inward.x, inward.y, tip.x + along.x, tip.y + along.y, 0.22);
  };
  return union(grip, pad(middle - halfAperture), pad(middle + halfAperture));
}

const HANDSET = scale(handset(), 0.68);
const DISC = circle(0, 0, 0.94);

function trayLayers(state: TrayIconState): Layer[] {
  switch (state) {
    case 'idle':
      return [
        { shape: DISC, color: BLUE },
        { shape: HANDSET, color: WHITE },
      ];
    case 'ringing':
      return [
        { shape: subtract(DISC, circle(0.62, -0.62, 0.46)), color: BLUE },
        { shape: HANDSET, color: WHITE },
        { shape: circle(0.62, -0.62, 0.34), color: BADGE },
      ];
    case 'on-call':
      return [
        { shape: DISC, color: GREEN },
        { shape: HANDSET, color: WHITE },
      ];
    case 'on-hold':
      return [
        { shape: DISC, color: AMBER },
        { shape: union(capsule(-0.24, -0.36, -0.24, 0.36, 0.13), capsule(0.24, -0.36, 0.24, 0.36, 0.13)), color: WHITE },
      ];
    case 'dnd':
      return [
        { shape: DISC, color: RED },
        { shape: capsule(-0.48, 0, 0.48, 0, 0.15), color: WHITE },
      ];
    case 'offline':
      return [
        { shape: DISC, color: GREY },
        { shape: subtract(HANDSET, capsule(-0.62, -0.62, 0.62, 0.62, 0.16)), color: WHITE },
        { shape: capsule(-0.58, -0.58, 0.58, 0.58, 0.08), color: WHITE },
      ];
    case 'signed-out':
      return [
        { shape: ring(0.82, 0.2), color: SILVER },
        { shape: scale(handset(), 0.55), color: SILVER },
      ];
  }
}

function appLayers(): Layer[] {
  return [
    { shape: roundedSquare(0.94, 0.36), color: BLUE },
    { shape: scale(handset(), 0.62), color: WHITE },
  ];
}

// ─── rasterising and encoding ───────────────────────────────────────────────────────────────────

/** RGBA pixels, row by row; each pixel's coverage comes from the distance at its centre. */
export function rasterize(layers: readonly Layer[], size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const unitsPerPixel = 2 / size;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const x = ((px + 0.5) / size) * 2 - 1;
      const y = ((py + 0.5) / size) * 2 - 1;
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (const layer of layers) {
        const coverage = Math.max(0, Math.min(1, 0.5 - layer.shape(x, y) / unitsPerPixel));
        if (coverage === 0) continue;
        // Premultiplied "over".
        r = layer.color[0] * coverage + r * (1 - coverage);
        g = layer.color[1] * coverage + g * (1 - coverage);
        b = layer.color[2] * coverage + b * (1 - coverage);
        a = coverage + a * (1 - coverage);
      }
      const i = (py * size + px) * 4;
      pixels[i] = a > 0 ? Math.round(r / a) : 0;
      pixels[i + 1] = a > 0 ? Math.round(g / a) : 0;
      pixels[i + 2] = a > 0 ? Math.round(b / a) : 0;
      pixels[i + 3] = Math.round(a * 255);
    }
  }
  return pixels;
}

export function encodePng(pixels: Uint8Array, size: number): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(pixels.buffer, pixels.byteOffset + y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// ─── the icon set ───────────────────────────────────────────────────────────────────────────────

export interface IconFile {
  /** Relative to the repository root. */
  path: string;
  size: number;
  pixels(): Uint8Array;
}

export function iconFiles(): IconFile[] {
  const tray = TRAY_STATES.flatMap((state) => [
    { path: `assets/tray/${state}.png`, size: TRAY_SIZE, pixels: () => rasterize(trayLayers(state), TRAY_SIZE) },
    { path: `assets/tray/${state}@2x.png`, size: TRAY_SIZE * 2, pixels: () => rasterize(trayLayers(state), TRAY_SIZE * 2) },
    { path: `assets/tray/linux/${state}.png`, size: LINUX_TRAY_SIZE, pixels: () => rasterize(trayLayers(state), LINUX_TRAY_SIZE) },
  ]);
  const linux = LINUX_ICON_SIZES.map((size) => ({ path: `assets/icons/${size}x${size}.png`, size, pixels: () => rasterize(appLayers(), size) }));
  return [...tray, ...linux, { path: 'assets/icon.png', size: APP_ICON_SIZE, pixels: () => rasterize(appLayers(), APP_ICON_SIZE) }];
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  for (const icon of iconFiles()) {
    const file = join(root, icon.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, encodePng(icon.pixels(), icon.size));
    process.stdout.write(`${icon.path}\n`);
  }
}
