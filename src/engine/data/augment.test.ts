import { describe, expect, it } from 'vitest';
import { randomShift, writeShiftedImage } from './augment';
import { mulberry32 } from './seededRandom';

// 3x3 image 1..9, row-major.
const image = Uint8Array.from({ length: 9 }, (_, i) => (i + 1) * 25);

function shifted(dx: number, dy: number): number[] {
  const out = new Float32Array(9).fill(-1);
  writeShiftedImage(out, 0, image, 0, { rows: 3, cols: 3, channels: 1 }, dx, dy);
  return Array.from(out, (v) => Math.round(v * 255) / 25);
}

describe('random shift augmentation', () => {
  it('scales to [0, 1] when not shifted', () => {
    expect(shifted(0, 0)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('moves right/down for positive shifts and fills with zeros', () => {
    expect(shifted(1, 0)).toEqual([0, 1, 2, 0, 4, 5, 0, 7, 8]);
    expect(shifted(0, 1)).toEqual([0, 0, 0, 1, 2, 3, 4, 5, 6]);
    expect(shifted(-1, -1)).toEqual([5, 6, 0, 8, 9, 0, 0, 0, 0]);
    expect(shifted(3, 0)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('moves every channel of a colour pixel with it', () => {
    // 2×2 RGB, pixel p's channel c is 10p + c.
    const rgb = Uint8Array.from({ length: 12 }, (_, i) => 10 * Math.floor(i / 3) + (i % 3));
    const out = new Float32Array(12).fill(-1);
    writeShiftedImage(out, 0, rgb, 0, { rows: 2, cols: 2, channels: 3 }, 1, 0);
    expect(Array.from(out, (v) => Math.round(v * 255))).toEqual([
      0, 0, 0, 0, 1, 2, 0, 0, 0, 20, 21, 22,
    ]);
  });

  it('draws every shift from -2 to 2 and nothing else', () => {
    const random = mulberry32(1);
    const seen = new Set(Array.from({ length: 500 }, () => randomShift(random)));
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2]);
  });
});
