import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadGolden, maxRelativeError } from '../../tests/golden';
import { sweepLr, type SweepOptions } from './sweep';

/** Every LR of a sweep, step by step as the engine asks for them. */
const sweepLrs = (options: SweepOptions) =>
  Array.from({ length: options.numIter }, (_, k) => sweepLr(options, k));

interface SweepCase {
  name: string;
  sweep: Omit<SweepOptions, 'library'>;
  lr: number[];
  source: string;
}

const cases = loadGolden<SweepCase>('sweeps');

describe('golden range-test sweeps', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (name, c) => {
    const library = name.startsWith('fastai') ? 'fastai' : 'pytorch-lr-finder';
    const lrs = sweepLrs({ ...c.sweep, library });
    expect(maxRelativeError(lrs, c.lr)).toBeLessThanOrEqual(1e-6);
  });
});

describe('sweep properties', () => {
  const sweepArb = fc.record({
    startLr: fc.double({ min: 1e-8, max: 1e-2, noNaN: true }),
    endLr: fc.double({ min: 1e-1, max: 10, noNaN: true }),
    numIter: fc.integer({ min: 2, max: 500 }),
    mode: fc.constantFrom<'exp' | 'linear'>('exp', 'linear'),
    library: fc.constantFrom<'fastai' | 'pytorch-lr-finder'>('fastai', 'pytorch-lr-finder'),
  });

  it('rises strictly from startLr and never passes endLr', () => {
    fc.assert(
      fc.property(sweepArb, (options) => {
        const lrs = sweepLrs(options);
        expect(lrs[0]).toBeCloseTo(options.startLr, 15);
        for (let k = 1; k < lrs.length; k++) expect(lrs[k]).toBeGreaterThan(lrs[k - 1]);
        expect(lrs[lrs.length - 1]).toBeLessThanOrEqual(options.endLr * (1 + 1e-12));
      }),
    );
  });

  it('pytorch-lr-finder ends exactly at endLr; fastai stops one ratio short of it', () => {
    const options = { startLr: 1e-7, endLr: 10, numIter: 100, mode: 'exp' } as const;
    expect(sweepLr(options, 99)).toBeCloseTo(10, 12);
    const fastai = sweepLr({ ...options, library: 'fastai' }, 99);
    expect(fastai).toBeCloseTo(10 * (1e-7 / 10) ** (1 / 100), 12);
  });
});
