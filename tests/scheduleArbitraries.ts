import fc from 'fast-check';
import {
  parseScheduleSpec,
  safeParseScheduleSpec,
  WSD_SHAPES,
  type ScheduleSpec,
} from '../src/core';

/** Valid schedule specs of every policy, with awkward doubles, for property tests. */

const lr = fc.double({ min: 1e-6, max: 10, noNaN: true });
const gamma = fc.double({ min: 0.5, max: 1, noNaN: true });
const momentumPair = fc
  .tuple(
    fc.double({ min: 0, max: 0.99, noNaN: true }),
    fc.double({ min: 0, max: 0.99, noNaN: true }),
  )
  .map(([a, b]) => ({ baseMomentum: Math.min(a, b), maxMomentum: Math.max(a, b) }));
/** Momentum fields only when cycled: a spec that does not cycle keeps the defaults. */
const momentum = fc
  .option(momentumPair, { nil: undefined })
  .map((pair) => (pair ? { cycleMomentum: true, ...pair } : {}));
const stepSize = fc.oneof(
  fc.integer({ min: 1, max: 300 }),
  fc.double({ min: 0.5, max: 300, noNaN: true }),
);

const specJson = fc.oneof(
  fc.record({ policy: fc.constant('fixed'), lr }),
  fc.record({ policy: fc.constant('step'), lr, stepSize: fc.integer({ min: 1, max: 300 }), gamma }),
  fc.record({
    policy: fc.constant('exp'),
    lr,
    gamma: fc.double({ min: 0.99, max: 1, noNaN: true }),
  }),
  fc
    .record({
      policy: fc.constantFrom('triangular', 'triangular2', 'exp_range'),
      lrs: fc.tuple(lr, lr),
      stepSize,
      stepSizeDown: fc.option(stepSize, { nil: undefined }),
      gamma: fc.double({ min: 0.99, max: 1, noNaN: true }),
      momentum,
    })
    .map(({ policy, lrs, stepSizeDown, gamma: g, momentum: m, ...rest }) => ({
      policy,
      baseLr: Math.min(...lrs),
      maxLr: Math.max(...lrs),
      ...rest,
      ...(stepSizeDown === undefined ? {} : { stepSizeDown }),
      ...(policy === 'exp_range' ? { gamma: g } : {}),
      ...m,
    })),
  fc
    .record({
      lrs: fc.tuple(lr, fc.oneof(fc.constant(0), lr)),
      period: fc.integer({ min: 1, max: 100 }),
      periodMult: fc.integer({ min: 1, max: 3 }),
    })
    .map(({ lrs, ...rest }) => ({
      policy: 'cosine_restarts',
      maxLr: Math.max(...lrs),
      minLr: Math.min(...lrs),
      ...rest,
    })),
  fc
    .record({
      maxLr: lr,
      totalSteps: fc.integer({ min: 2, max: 600 }),
      threePhase: fc.boolean(),
      pctStart: fc.double({ min: 0.01, max: 0.99, noNaN: true }),
      divFactor: fc.double({ min: 1, max: 100, noNaN: true }),
      finalDivFactor: fc.double({ min: 1, max: 1e4, noNaN: true }),
      anneal: fc.constantFrom('cos', 'linear'),
      momentum,
    })
    .map(({ momentum: m, threePhase, pctStart, ...rest }) => ({
      policy: 'one_cycle',
      ...rest,
      threePhase,
      pctStart: threePhase ? pctStart / 2 : pctStart,
      ...m,
    })),
  fc
    .record({
      lrs: fc.tuple(lr, fc.oneof(fc.constant(0), lr)),
      totalSteps: fc.integer({ min: 1, max: 600 }),
    })
    .map(({ lrs, totalSteps }) => ({
      policy: 'cosine',
      maxLr: Math.max(...lrs),
      minLr: Math.min(...lrs),
      totalSteps,
    })),
  fc.record(
    {
      policy: fc.constant('wsd'),
      maxLr: lr,
      warmupSteps: fc.integer({ min: 0, max: 200 }),
      stableSteps: fc.integer({ min: 0, max: 200 }),
      decaySteps: fc.integer({ min: 0, max: 200 }),
      warmupType: fc.constantFrom(...WSD_SHAPES),
      decayType: fc.constantFrom(...WSD_SHAPES),
      minLrRatio: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
    },
    { requiredKeys: ['policy', 'maxLr', 'warmupSteps', 'stableSteps', 'decaySteps'] },
  ),
);

export const scheduleSpecArb: fc.Arbitrary<ScheduleSpec> = specJson
  .filter((json) => safeParseScheduleSpec(json).ok)
  .map((json) => parseScheduleSpec(json));
