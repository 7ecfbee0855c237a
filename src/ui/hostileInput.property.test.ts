import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epochTicks, logAxis, niceLinearAxis, positiveAxis } from './charts/axisTicks';
import { parseRunFile } from './runs/runImport';
import { decodePageParams, decodeShareQuery } from './share/shareCodec';
import { defaultShareConfig } from './share/shareConfig';

/**
 * Hostile and extreme values thrown at what reads outside input (share links, imported run
 * files) and at the tick generators every chart runs on recorded numbers. Each must return or
 * reject within a bounded time, never throw and never hang (issue 16).
 */

/** Far under what would freeze the page for a user: a tenth of a second per call. */
const BOUND_MS = 100;

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

/** Numbers a chart can be fed: extremes, specials, and everything in between. */
const anyNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(
    0,
    -0,
    Infinity,
    -Infinity,
    NaN,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    1e308,
    -1e308,
  ),
  fc.integer(),
);

/** Link values as a hostile sender writes them: long, unicode, numeric-looking, empty. */
const linkValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    'NaN',
    'Infinity',
    '-1',
    '1e400',
    '1e-400',
    '0x10',
    ' 1 ',
    'null',
    '[]',
    '{}',
  ),
  fc.double().map(String),
  fc.integer({ min: 1, max: 20 }).map((n) => 'x'.repeat(n * 5000)),
);
const LINK_KEYS = [
  'dataset',
  'policy',
  'maxLr',
  'baseLr',
  'stepSize',
  'seed',
  'batchSize',
  'backend',
  'threads',
  'trainUnit',
  'trainFor',
  'controls',
  'spec',
];

describe('hostile share links', () => {
  it('decode to a config or named rejections, quickly, whatever the parameters', () => {
    const defaults = defaultShareConfig();
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(fc.constantFrom(...LINK_KEYS), fc.string()), linkValue), {
          maxLength: 12,
        }),
        (pairs) => {
          const params = new URLSearchParams(pairs);
          const { value, ms } = timed(() => decodeShareQuery(params, defaults));
          expect(ms).toBeLessThan(BOUND_MS);
          expect(value.config).toBeDefined();
          for (const rejection of value.rejections) expect(typeof rejection).toBe('object');
          expect(() => decodePageParams(params)).not.toThrow();
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('hostile run files', () => {
  it('import as a run or one message, quickly, whatever the text', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.json({ maxDepth: 4 }),
      // Shapes close to a real export, with hostile leaves.
      fc
        .record({
          format: fc.oneof(fc.constant('lr-playground-run'), fc.string()),
          version: fc.oneof(fc.constant(1), anyNumber),
          run: fc.dictionary(fc.string({ maxLength: 12 }), fc.oneof(anyNumber, fc.string()), {
            maxKeys: 8,
          }),
        })
        .map((file) => JSON.stringify(file)),
    );
    fc.assert(
      fc.property(text, (contents) => {
        const { value, ms } = timed(() => parseRunFile(contents));
        expect(ms).toBeLessThan(BOUND_MS);
        if (!value.ok) {
          expect(value.error.length).toBeGreaterThan(0);
          // One readable message, not a dump of the file.
          expect(value.error.length).toBeLessThan(2000);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('tick generators on extreme recorded values', () => {
  it('give a finite domain and a short tick list for any pair of numbers', () => {
    fc.assert(
      fc.property(anyNumber, anyNumber, (a, b) => {
        for (const make of [() => niceLinearAxis(a, b), () => logAxis(Math.abs(a), Math.abs(b))]) {
          const { value, ms } = timed(make);
          expect(ms).toBeLessThan(BOUND_MS);
          expect(value.ticks.length).toBeLessThan(50);
          expect(value.ticks.every(Number.isFinite)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('draw any series on a positive axis and any run length in epoch ticks', () => {
    fc.assert(
      fc.property(
        fc.array(anyNumber, { maxLength: 30 }),
        anyNumber,
        anyNumber,
        fc.boolean(),
        (ys, n, perEpoch, log) => {
          const series = { xs: ys.map((_, k) => k), ys };
          const { value, ms } = timed(() => positiveAxis([series], log));
          expect(ms).toBeLessThan(BOUND_MS);
          expect(value.ticks.length).toBeLessThan(50);
          const ticks = timed(() => epochTicks(n, perEpoch));
          expect(ticks.ms).toBeLessThan(BOUND_MS);
          expect((ticks.value ?? []).length).toBeLessThan(50);
        },
      ),
      { numRuns: 500 },
    );
  });
});
