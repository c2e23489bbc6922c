import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { TrayIconState } from '../../../main/core/ports.js';
import { iconFiles, TRAY_STATES } from '../../../assets/generate-icons.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Reads an RGBA PNG as the generator writes it (8-bit, no filtering), whatever zlib compressed it. */
function decode(file: string): { size: number; pixels: Uint8Array } {
  const bytes = readFileSync(join(root, file));
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let size = 0;
  const data: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('ascii', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      size = body.readUInt32BE(0);
      expect([body.readUInt32BE(4), body[8], body[9]]).toEqual([size, 8, 6]);
    }
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    expect(raw[y * (size * 4 + 1)]).toBe(0);
    pixels.set(raw.subarray(y * (size * 4 + 1) + 1, (y + 1) * (size * 4 + 1)), y * size * 4);
  }
  return { size, pixels };
}

describe('icons in assets/', () => {
  it('has a tray icon for every state the tray shows', () => {
    const every: Record<TrayIconState, true> = { idle: true, ringing: true, 'on-call': true, 'on-hold': true, dnd: true, offline: true, 'signed-out': true };
    expect([...TRAY_STATES].sort()).toEqual(Object.keys(every).sort());
  });

  it.each(iconFiles().map((icon) => [icon.path, icon] as const))('%s is exactly what assets/generate-icons.ts draws', (_path, icon) => {
    const committed = decode(icon.path);
    expect(committed.size).toBe(icon.size);
    expect(Buffer.from(committed.pixels).equals(Buffer.from(icon.pixels()))).toBe(true);
  });

  it('states are told apart by colour, not only by shape', () => {
    const centreColour = (state: string) => {
      const { size, pixels } = decode(`assets/tray/${state}.png`);
      const i = (Math.floor(size * 0.15) * size + Math.floor(size / 2)) * 4;
      return [...pixels.subarray(i, i + 3)].join(',');
    };
    const colours = new Set(['idle', 'on-call', 'on-hold', 'dnd', 'offline'].map(centreColour));
    expect(colours.size).toBe(5);
  });
});
