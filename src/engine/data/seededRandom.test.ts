import { describe, expect, it } from 'vitest';
import { deriveSeed, mulberry32, seededPermutation } from './seededRandom';

describe('seeded randomness', () => {
  it('repeats the same stream for the same seed, in [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const first = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(Math.abs(first.reduce((s, x) => s + x, 0) / 1000 - 0.5)).toBeLessThan(0.05);
    expect(mulberry32(8)()).not.toBe(first[0]);
  });

  it('shuffles into a permutation, reproducibly', () => {
    const order = seededPermutation(1000, mulberry32(3));
    expect(Array.from(order).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 1000 }, (_, i) => i),
    );
    expect(seededPermutation(1000, mulberry32(3))).toEqual(order);
    expect(seededPermutation(1000, mulberry32(4))).not.toEqual(order);
    const fixedPoints = order.filter((value, index) => value === index).length;
    expect(fixedPoints).toBeLessThan(10);
  });

  it('derives distinct seeds for distinct streams of one seed', () => {
    const seeds = new Set(Array.from({ length: 100 }, (_, stream) => deriveSeed(42, stream)));
    expect(seeds.size).toBe(100);
    expect(deriveSeed(42, 5)).toBe(deriveSeed(42, 5));
    expect(deriveSeed(42, 5)).not.toBe(deriveSeed(43, 5));
  });
});
