import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadGolden } from '../../../tests/golden';
import { scheduleSpecArb } from '../../../tests/scheduleArbitraries';
import {
  OPTIMIZER_NAMES,
  OPTIONS_OF,
  RANGE_TEST_REPEATS,
  type OptimizerOptionName,
  parseScheduleSpec,
  safeParseScheduleSpec,
  type ScheduleSpec,
} from '../../core';
import { MODEL_PRESETS, type ModelPreset } from '../sessionChoices';
import { defaultShareConfig, type ShareConfig } from './shareConfig';
import { decodePageParams, decodeShareQuery, encodeShareQuery, pageQuery } from './shareCodec';
import { compactSpec } from './scheduleParams';

const defaults = defaultShareConfig();

const decode = (query: string) => decodeShareQuery(new URLSearchParams(query), defaults);
const roundTrip = (config: ShareConfig) =>
  decodeShareQuery(new URLSearchParams(encodeShareQuery(config).toString()), defaults);

/** A link to `config` with some parameters replaced (null removes one). */
function tampered(config: ShareConfig, changes: Record<string, string | null>): string {
  const params = encodeShareQuery(config);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) params.delete(name);
    else params.set(name, value);
  }
  return params.toString();
}

const lr = fc.double({ min: 1e-6, max: 10, noNaN: true });
const lrPair = fc.tuple(lr, lr).map(([a, b]) => (a <= b ? [a, b] : [b, a]));
const momentumPair = fc
  .tuple(
    fc.double({ min: 0, max: 0.99, noNaN: true }),
    fc.double({ min: 0, max: 0.99, noNaN: true }),
  )
  .map(([a, b]) => (a <= b ? [a, b] : [b, a]));
const cyclic = (policy: 'triangular' | 'triangular2' | 'exp_range') =>
  fc.record(
    {
      policy: fc.constant(policy),
      bounds: lrPair,
      stepSize: fc.double({ min: 0.5, max: 5000, noNaN: true }),
      stepSizeDown: fc.integer({ min: 1, max: 5000 }),
      cycleMomentum: fc.boolean(),
      momentum: momentumPair,
      gamma: fc.double({ min: 0.9, max: 1, noNaN: true }),
    },
    { requiredKeys: ['policy', 'bounds', 'stepSize', 'cycleMomentum', 'momentum'] },
  );

/** Any JSON the core accepts, one arbitrary per policy family. */
const specJson: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.record({ policy: fc.constant('fixed'), lr }),
  fc.record({
    policy: fc.constant('step'),
    lr,
    stepSize: fc.integer({ min: 1, max: 10000 }),
    gamma: fc.double({ min: 0.01, max: 2, noNaN: true }),
  }),
  fc.record({
    policy: fc.constant('exp'),
    lr,
    gamma: fc.double({ min: 0.9, max: 1, noNaN: true }),
  }),
  fc.oneof(cyclic('triangular'), cyclic('triangular2'), cyclic('exp_range')).map((drawn) => {
    const { bounds, momentum, gamma, ...rest } = drawn;
    return {
      ...rest,
      baseLr: bounds[0],
      maxLr: bounds[1],
      baseMomentum: momentum[0],
      maxMomentum: momentum[1],
      ...(drawn.policy === 'exp_range' && gamma !== undefined ? { gamma } : {}),
    };
  }),
  fc
    .record({
      policy: fc.constant('cosine_restarts'),
      bounds: lrPair,
      period: fc.integer({ min: 1, max: 5000 }),
      periodMult: fc.integer({ min: 1, max: 4 }),
    })
    .map(({ bounds, ...rest }) => ({ ...rest, minLr: bounds[0], maxLr: bounds[1] })),
  fc.record({
    policy: fc.constant('one_cycle'),
    maxLr: lr,
    totalSteps: fc.integer({ min: 2, max: 10000 }),
    pctStart: fc.double({ min: 0.01, max: 0.99, noNaN: true }),
    divFactor: fc.double({ min: 1, max: 100, noNaN: true }),
    finalDivFactor: fc.double({ min: 1, max: 1e5, noNaN: true }),
    anneal: fc.constantFrom('cos', 'linear'),
    threePhase: fc.boolean(),
    cycleMomentum: fc.boolean(),
  }),
);

/** This file's wide-ranged families, and every policy (cosine and wsd included) from the shared arbitraries. */
const spec: fc.Arbitrary<ScheduleSpec> = fc.oneof(
  specJson
    .map((json) => safeParseScheduleSpec(json))
    .filter((parsed) => parsed.ok)
    .map((parsed) => (parsed.ok ? parsed.spec : defaults.schedule)),
  scheduleSpecArb,
);

const fraction = fc.double({ min: 0, max: 0.999999, noNaN: true });
/** A valid value of every optimizer option, awkward doubles included. */
const OPTION_VALUES: Record<OptimizerOptionName, fc.Arbitrary<number>> = {
  weightDecay: fc.double({ min: 0, max: 1, noNaN: true }),
  momentum: fraction,
  beta1: fraction,
  beta2: fraction,
  eps: fc.double({ min: 1e-12, max: 1, noNaN: true }),
  rho: fraction,
  alpha: fraction,
  warmupSteps: fc.integer({ min: 0, max: 1_000_000 }),
  d0: fc.double({ min: 1e-12, max: 1, noNaN: true }),
  dCoef: fc.double({ min: 1e-3, max: 100, noNaN: true }),
  growthRate: fc.double({ min: 1, max: 1e6, noNaN: true }),
};

/** Any optimizer, the four newest included, with some of its own options set (or none). */
const optimizerWithOptions = fc
  .constantFrom(...OPTIMIZER_NAMES)
  .chain((optimizer) =>
    fc
      .record(
        Object.fromEntries(OPTIONS_OF[optimizer].map((name) => [name, OPTION_VALUES[name]])),
        { requiredKeys: [] },
      )
      .map((options) =>
        Object.keys(options).length > 0 ? { optimizer, optimizerOptions: options } : { optimizer },
      ),
  );

const config: fc.Arbitrary<ShareConfig> = fc.record({
  session: fc
    .record({
      dataset: fc.constantFrom('mnist', 'fashion-mnist', 'synthetic'),
      modelPreset: fc.constantFrom(...(Object.keys(MODEL_PRESETS) as ModelPreset[])),
      optimizer: optimizerWithOptions,
      batchSize: fc.constantFrom(16, 32, 64, 128, 256),
      seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      augment: fc.boolean(),
    })
    .map(({ optimizer, ...rest }) => ({ ...rest, ...optimizer })),
  schedule: spec,
  // Mid-run changes to any spec at any iterations, written as what each changes of the last.
  scheduleChanges: fc
    .uniqueArray(fc.integer({ min: 0, max: 100000 }), { maxLength: 3 })
    .chain((iterations) =>
      fc.tuple(
        ...[...iterations]
          .sort((a, b) => a - b)
          .map((iteration) => spec.map((changed) => ({ iteration, spec: changed }))),
      ),
    ),
  rangeTest: fc.record({
    startLr: fc.double({ min: 1e-8, max: 1, noNaN: true }),
    endLr: fc.double({ min: 2, max: 100, noNaN: true }),
    numIter: fc.integer({ min: 10, max: 5000 }),
    mode: fc.constantFrom('exp', 'linear'),
    divergeFactor: fc.double({ min: 1.01, max: 100, noNaN: true }),
    heldOutBatch: fc.boolean(),
    repeats: fc.constantFrom(...RANGE_TEST_REPEATS),
    reinitWeights: fc.boolean(),
  }),
  rangeTestView: fc.record({
    ratio: fc.constantFrom(3, 3.5, 4, 4.5, 5, 5.5, 6),
    smoothing: fc.double({ min: 0, max: 0.995, noNaN: true }),
  }),
  training: fc.oneof(
    fc.record({
      unit: fc.constant('epochs' as const),
      value: fc.double({ min: 0.01, max: 100, noNaN: true }),
    }),
    fc.record({
      unit: fc.constantFrom('iterations' as const, 'cycles' as const),
      value: fc.integer({ min: 1, max: 100000 }),
    }),
  ),
});

describe('share link round trip', () => {
  it('any valid configuration comes back from its link unchanged, with no complaint', () => {
    fc.assert(
      fc.property(config, (original) => {
        expect(roundTrip(original)).toEqual({ config: original, rejections: [] });
      }),
      { numRuns: 500 },
    );
  });

  it('every golden schedule spec survives the link', () => {
    const cases = loadGolden<{ name: string; spec: unknown }>('schedules');
    expect(cases.length).toBeGreaterThan(20);
    for (const { name, spec: json } of cases) {
      const schedule = parseScheduleSpec(json);
      const back = roundTrip({ ...defaults, schedule });
      expect(back.rejections, name).toEqual([]);
      expect(back.config.schedule, name).toEqual(schedule);
    }
  });

  it('every modern golden schedule spec (cosine, wsd) survives the link', () => {
    const cases = loadGolden<{ name: string; spec: unknown }>('schedules-modern');
    const policies = new Set(cases.map((c) => parseScheduleSpec(c.spec).policy));
    expect([...policies].sort()).toEqual(['cosine', 'wsd']);
    for (const { name, spec: json } of cases) {
      const schedule = parseScheduleSpec(json);
      const back = roundTrip({ ...defaults, schedule });
      expect(back.rejections, name).toEqual([]);
      expect(back.config.schedule, name).toEqual(schedule);
    }
  });

  it("writes the optimizer's options it sets, one parameter each, and reads them back", () => {
    const session = {
      ...defaults.session,
      optimizer: 'prodigy' as const,
      optimizerOptions: { d0: 1e-5, dCoef: 0.5, weightDecay: 0.01 },
    };
    const params = encodeShareQuery({ ...defaults, session });
    expect(params.toString()).toContain(
      '&augment=false&optimizer.weightDecay=0.01&optimizer.d0=0.00001&optimizer.dCoef=0.5&policy=',
    );
    expect(params.has('optimizer.beta1')).toBe(false);
    expect(roundTrip({ ...defaults, session })).toEqual({
      config: { ...defaults, session },
      rejections: [],
    });
  });

  it('writes the schedule as its spec fields, leaving out what the parser fills in', () => {
    const params = encodeShareQuery({
      ...defaults,
      schedule: parseScheduleSpec({
        policy: 'triangular',
        baseLr: 0.016,
        maxLr: 0.066,
        stepSize: 430,
      }),
    });
    expect(params.toString()).toContain(
      '&policy=triangular&baseLr=0.016&maxLr=0.066&stepSize=430&',
    );
    expect(params.has('cycleMomentum')).toBe(false);
    expect(params.has('baseMomentum')).toBe(false);
  });

  it('keeps a non-default value the parser would otherwise fill in', () => {
    const schedule = parseScheduleSpec({
      policy: 'one_cycle',
      maxLr: 0.1,
      totalSteps: 100,
      pctStart: 0.25,
      cycleMomentum: true,
    });
    expect(compactSpec(schedule)).toEqual({
      policy: 'one_cycle',
      maxLr: 0.1,
      totalSteps: 100,
      pctStart: 0.25,
      cycleMomentum: true,
    });
  });

  it('a plain address (no configuration) opens the defaults without a message', () => {
    expect(decode('')).toEqual({ config: defaults, rejections: [] });
    expect(decode('backend=wasm&controls=hidden&someone=else')).toEqual({
      config: defaults,
      rejections: [],
    });
  });
});

/** A configuration unlike the defaults in every part, to see which parts a bad link keeps. */
const custom: ShareConfig = {
  session: {
    dataset: 'fashion-mnist',
    modelPreset: 'small',
    optimizer: 'adam',
    batchSize: 128,
    seed: 7,
    augment: true,
  },
  schedule: parseScheduleSpec({
    policy: 'exp_range',
    baseLr: 0.002,
    maxLr: 0.02,
    stepSize: 15,
    gamma: 0.998,
  }),
  scheduleChanges: [],
  rangeTest: {
    startLr: 1e-6,
    endLr: 3,
    numIter: 200,
    mode: 'linear',
    divergeFactor: 5,
    heldOutBatch: true,
    repeats: 3,
    reinitWeights: true,
  },
  rangeTestView: { ratio: 5, smoothing: 0.9 },
  training: { unit: 'cycles', value: 3 },
};

describe('a tampered link', () => {
  const scheduleCases: [string, Record<string, string | null>, string, RegExp][] = [
    [
      'baseLr above maxLr',
      { baseLr: '0.5' },
      'schedule.baseLr',
      /must not exceed maxLr \(0\.5 > 0\.02\)/,
    ],
    [
      'an unknown policy',
      { policy: 'polynomial' },
      'schedule.policy',
      /unknown policy "polynomial"/,
    ],
    ['NaN', { maxLr: 'NaN' }, 'schedule.maxLr', /must be a finite number \(got NaN\)/],
    ['Infinity', { stepSize: 'Infinity' }, 'schedule.stepSize', /must be a finite number/],
    ['a negative rate', { baseLr: '-0.1' }, 'schedule.baseLr', /must be greater than 0/],
    ['text for a number', { maxLr: 'abc' }, 'schedule.maxLr', /must be a number \(got "abc"\)/],
    ['an empty number', { gamma: '' }, 'schedule.gamma', /must be a number/],
    ['a missing field', { stepSize: null }, 'schedule.stepSize', /is missing/],
    ['a missing policy', { policy: null }, 'schedule.policy', /is missing/],
    ['a field of another policy', { lr: '0.1' }, 'schedule.lr', /is not a field of this policy/],
    ['a bad boolean', { cycleMomentum: 'yes' }, 'schedule.cycleMomentum', /must be true or false/],
    ['JSON in a field', { maxLr: '{"policy":"fixed"}' }, 'schedule.maxLr', /must be a number/],
  ];

  it.each(scheduleCases)(
    '%s: default schedule, the field named, every other part kept',
    (_name, changes, field, reason) => {
      const { config: opened, rejections } = decode(tampered(custom, changes));
      expect(rejections).toHaveLength(1);
      expect(rejections[0].field).toBe(field);
      expect(rejections[0].reason).toMatch(reason);
      expect(rejections[0].fallback).toBe('using the default schedule');
      expect(opened).toEqual({ ...custom, schedule: defaults.schedule });
    },
  );

  const fieldCases: [
    string,
    Record<string, string | null>,
    string,
    RegExp,
    Partial<ShareConfig>,
  ][] = [
    [
      'a fractional seed',
      { seed: '1.5' },
      'seed',
      /whole number/,
      { session: { ...custom.session, seed: defaults.session.seed } },
    ],
    [
      'an unknown dataset',
      { dataset: 'cifar10' },
      'dataset',
      /must be one of mnist, fashion-mnist, synthetic or imported:<id> \(got "cifar10"\)/,
      { session: { ...custom.session, dataset: defaults.session.dataset } },
    ],
    [
      'a batch size the page does not offer',
      { batchSize: '100' },
      'batchSize',
      /must be one of 16, 32, 64, 128, 256/,
      { session: { ...custom.session, batchSize: defaults.session.batchSize } },
    ],
    [
      'a missing optimizer',
      { optimizer: null },
      'optimizer',
      /is missing/,
      { session: { ...custom.session, optimizer: defaults.session.optimizer } },
    ],
    [
      'an unknown model',
      { model: 'huge' },
      'model',
      /must be one of/,
      { session: { ...custom.session, modelPreset: defaults.session.modelPreset } },
    ],
    [
      'a bad boolean',
      { augment: 'yes' },
      'augment',
      /must be true or false/,
      { session: { ...custom.session, augment: defaults.session.augment } },
    ],
    [
      'a NaN sweep start',
      { 'rangeTest.startLr': 'NaN' },
      'rangeTest.startLr',
      /must be a finite number/,
      { rangeTest: { ...custom.rangeTest, startLr: defaults.rangeTest.startLr } },
    ],
    [
      'too many sweep steps',
      { 'rangeTest.numIter': '100000' },
      'rangeTest.numIter',
      /at most 5,000 iterations/,
      { rangeTest: { ...custom.rangeTest, numIter: defaults.rangeTest.numIter } },
    ],
    [
      'a sweep that ends below its start',
      { 'rangeTest.endLr': '1e-7' },
      'rangeTest.endLr',
      /End LR must be above Start LR/,
      { rangeTest: { ...custom.rangeTest, endLr: defaults.rangeTest.endLr } },
    ],
    [
      'a ratio off the slider',
      { ratio: '7' },
      'ratio',
      /at most 6/,
      { rangeTestView: { ...custom.rangeTestView, ratio: defaults.rangeTestView.ratio } },
    ],
    [
      'a smoothing of 2',
      { smoothing: '2' },
      'smoothing',
      /at most 0.995/,
      { rangeTestView: { ...custom.rangeTestView, smoothing: defaults.rangeTestView.smoothing } },
    ],
    [
      'a fractional cycle count',
      { trainFor: '1.5' },
      'trainFor',
      /whole number of cycles/,
      { training: { ...custom.training, value: defaults.training.value } },
    ],
    [
      'an unknown unit',
      { trainUnit: 'hours' },
      'trainUnit',
      /must be one of epochs, iterations, cycles/,
      { training: { ...custom.training, unit: defaults.training.unit } },
    ],
  ];

  it.each(fieldCases)(
    '%s: that field is the default and named, the rest kept',
    (_name, changes, field, reason, expected) => {
      const { config: opened, rejections } = decode(tampered(custom, changes));
      expect(rejections.map((rejection) => rejection.field)).toEqual([field]);
      expect(rejections[0].reason).toMatch(reason);
      expect(opened).toEqual({ ...custom, ...expected });
    },
  );

  it.each([
    ['an option out of range', { 'optimizer.beta1': '1' }, /must be less than 1 \(got "1"\)/],
    ['text for an option', { 'optimizer.eps': 'tiny' }, /must be a finite number \(got "tiny"\)/],
    ['an option Adam lacks', { 'optimizer.d0': '0.001' }, /is not an option of adam/],
  ])('%s: the option is named and left to its default, the rest kept', (_name, changes, reason) => {
    const withOptions = {
      ...custom,
      session: { ...custom.session, optimizerOptions: { weightDecay: 0.1 } },
    };
    const { config: opened, rejections } = decode(tampered(withOptions, changes));
    expect(rejections.map((rejection) => rejection.field)).toEqual(Object.keys(changes));
    expect(rejections[0].reason).toMatch(reason);
    expect(opened).toEqual(withOptions);
  });

  it('a sweep start moved past the default end falls back to the whole default sweep', () => {
    const { config: opened, rejections } = decode(
      tampered(custom, { 'rangeTest.startLr': '50', 'rangeTest.endLr': 'x' }),
    );
    expect(rejections.map((rejection) => rejection.field)).toEqual([
      'rangeTest.endLr',
      'range test sweep',
    ]);
    expect(opened.rangeTest).toEqual(defaults.rangeTest);
    expect(opened.session).toEqual(custom.session);
  });

  it('garbage never throws and always opens a configuration the page accepts', () => {
    const names = [
      'policy',
      'baseLr',
      'maxLr',
      'stepSize',
      'seed',
      'dataset',
      'ratio',
      'trainFor',
      'rangeTest.numIter',
      'x',
    ];
    const query = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.base64String({ maxLength: 200 }),
      fc.json().map((json) => `policy=${encodeURIComponent(json)}`),
      fc
        .array(
          fc.tuple(fc.constantFrom(...names), fc.oneof(fc.string(), fc.double().map(String))),
          { maxLength: 12 },
        )
        .map((pairs) => new URLSearchParams(pairs).toString()),
    );
    fc.assert(
      fc.property(query, (text) => {
        const { config: opened, rejections } = decode(text);
        // What was opened must itself be a valid link: it comes back without complaint.
        expect(roundTrip(opened)).toEqual({ config: opened, rejections: [] });
        for (const rejection of rejections) {
          expect(rejection.field).not.toBe('');
          expect(rejection.reason).not.toBe('');
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('page parameters', () => {
  it('controls=hidden opens the charts-only view; anything but hidden or shown is reported', () => {
    expect(decodePageParams(new URLSearchParams('controls=hidden'))).toEqual({
      controlsHidden: true,
      rejections: [],
    });
    const odd = decodePageParams(new URLSearchParams('controls=gone&backend=gpu'));
    expect(odd.controlsHidden).toBe(false);
    expect(odd.rejections.map((rejection) => rejection.field)).toEqual(['controls', 'backend']);
  });

  it('the address keeps other parameters and writes backend and controls from the page', () => {
    const query = pageQuery(
      defaults,
      { backend: 'wasm', controlsHidden: true },
      new URLSearchParams('backend=webgl&seed=99&run=abc'),
    );
    const params = new URLSearchParams(query);
    expect(params.get('backend')).toBe('wasm');
    expect(params.get('controls')).toBe('hidden');
    expect(params.get('run')).toBe('abc');
    expect(params.getAll('seed')).toEqual([String(defaults.session.seed)]);
    expect(decodeShareQuery(params, defaults)).toEqual({ config: defaults, rejections: [] });
  });
});
