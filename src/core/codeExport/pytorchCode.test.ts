import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadGolden } from '../../../tests/golden';
import { scheduleSpecArb } from '../../../tests/scheduleArbitraries';
import { parseScheduleSpec, ScheduleSpecError, type ScheduleSpec } from '../scheduleSpec';
import type { ExportOptions } from './optimizerCode';
import { pytorchCode } from './pytorchCode';
import { readPyTorchCode } from './pytorchCodeReader';
import { pytorchArgsToSpec } from './pytorchScheduler';

const options: ExportOptions = { optimizer: 'sgdMomentum', batchSize: 64, iterationsPerEpoch: 860 };
const cases = [
  ...loadGolden<{ name: string; spec: unknown }>('schedules'),
  ...loadGolden<{ name: string; spec: unknown }>('schedules-modern'),
];
/** The header's comment lines as one line of prose (the export wraps them). */
const prose = (code: string): string =>
  code
    .split('\n')
    .filter((line) => line.startsWith('# '))
    .map((line) => line.slice(2))
    .join(' ');
const roundTrip = (spec: ScheduleSpec, opts = options): ScheduleSpec =>
  pytorchArgsToSpec(readPyTorchCode(pytorchCode(spec, opts)));

describe('the PyTorch export maps back to the spec it came from', () => {
  it.each(cases.map((c) => [c.name, parseScheduleSpec(c.spec)] as const))('%s', (_, spec) => {
    expect(roundTrip(spec)).toEqual(spec);
  });

  it('for any valid spec', () => {
    fc.assert(
      fc.property(scheduleSpecArb, (spec) => {
        expect(roundTrip(spec)).toEqual(spec);
      }),
      { numRuns: 500 },
    );
  });

  it.each(
    cases
      .filter((c) => parseScheduleSpec(c.spec).policy === 'wsd')
      .map((c) => [c.name, parseScheduleSpec(c.spec)] as const),
  )('%s, as transformers.get_wsd_schedule', (_, spec) => {
    const code = pytorchCode(spec, { ...options, pytorchWsd: 'transformers' });
    expect(code).toContain('scheduler = transformers.get_wsd_schedule(\n    optimizer,\n');
    expect(code).not.toContain('LambdaLR');
    expect(pytorchArgsToSpec(readPyTorchCode(code))).toEqual(spec);
  });
});

describe('each policy gets its torch scheduler, stepped per batch', () => {
  it.each([
    [{ policy: 'fixed', lr: 0.01 }, null],
    [{ policy: 'step', lr: 0.1, stepSize: 30, gamma: 0.1 }, 'StepLR'],
    [{ policy: 'exp', lr: 0.1, gamma: 0.99 }, 'ExponentialLR'],
    [{ policy: 'triangular', baseLr: 0.001, maxLr: 0.006, stepSize: 2000 }, 'CyclicLR'],
    [{ policy: 'triangular2', baseLr: 0.001, maxLr: 0.006, stepSize: 20 }, 'CyclicLR'],
    [{ policy: 'exp_range', baseLr: 0.001, maxLr: 0.006, stepSize: 20 }, 'CyclicLR'],
    [{ policy: 'cosine_restarts', maxLr: 0.1, period: 10 }, 'CosineAnnealingWarmRestarts'],
    [{ policy: 'one_cycle', maxLr: 0.1, totalSteps: 100 }, 'OneCycleLR'],
    [{ policy: 'cosine', maxLr: 0.1, totalSteps: 100 }, 'CosineAnnealingLR'],
    // The dependency-free LambdaLR reads back as the get_wsd_schedule call it stands for.
    [
      { policy: 'wsd', maxLr: 0.1, warmupSteps: 10, stableSteps: 50, decaySteps: 40 },
      'get_wsd_schedule',
    ],
  ])('%o → %s', (json, scheduler) => {
    const code = pytorchCode(parseScheduleSpec(json), options);
    expect(readPyTorchCode(code).scheduler?.name ?? null).toBe(scheduler);
    if (scheduler) expect(code).toContain('#         scheduler.step()');
  });

  it("sets cycle_momentum explicitly, since torch's default (True) differs from the spec's", () => {
    const code = pytorchCode(
      parseScheduleSpec({ policy: 'one_cycle', maxLr: 0.1, totalSteps: 100 }),
      options,
    );
    expect(code).toContain('cycle_momentum=False,');
    expect(code).not.toContain('base_momentum');
  });

  it("writes the session's optimizer with the schedule's first LR", () => {
    const spec = parseScheduleSpec({ policy: 'cosine_restarts', maxLr: 0.05, period: 10 });
    expect(pytorchCode(spec, { ...options, optimizer: 'adam' })).toContain(
      'optimizer = torch.optim.Adam(model.parameters(), lr=0.05)',
    );
    expect(pytorchCode(spec, options)).toContain(
      'optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)',
    );
  });

  it('says how long a cycle is in steps and epochs', () => {
    const spec = parseScheduleSpec({
      policy: 'triangular',
      baseLr: 0.001,
      maxLr: 0.006,
      stepSize: 2000,
    });
    const code = pytorchCode(spec, options);
    expect(code).toContain('One cycle is 4000 steps: 2000 up, 2000 down');
    expect(code).toContain('4.65 epochs at batch size 64, 860 steps per epoch');
    expect(code).toContain(`# Spec: ${JSON.stringify(spec)}`);
  });
});

describe('cycled momentum follows what the optimizer can cycle', () => {
  const cyclic = parseScheduleSpec({
    policy: 'triangular',
    baseLr: 0.001,
    maxLr: 0.006,
    stepSize: 10,
    cycleMomentum: true,
  });
  const oneCycle = parseScheduleSpec({
    policy: 'one_cycle',
    maxLr: 0.1,
    totalSteps: 100,
    cycleMomentum: true,
  });

  it("OneCycleLR cycles Adam's beta1", () => {
    expect(roundTrip(oneCycle, { ...options, optimizer: 'adam' })).toEqual(oneCycle);
  });

  it("CyclicLR cannot cycle Adam's beta1 in torch 1.13: it is left out, and the code says so", () => {
    const code = pytorchCode(cyclic, { ...options, optimizer: 'adam' });
    expect(code).toContain('cycle_momentum=False');
    expect(prose(code)).toContain(
      "torch 1.13's CyclicLR can only cycle SGD-style momentum (it raises for Adam), so beta1 stays fixed here.",
    );
    expect(roundTrip(cyclic, { ...options, optimizer: 'adam' })).toEqual({
      ...cyclic,
      cycleMomentum: false,
    });
  });

  it.each(['sgd', 'adagrad', 'rmsprop', 'adadelta'] as const)(
    '%s has no momentum to cycle, as in the playground',
    (optimizer) => {
      const code = pytorchCode(oneCycle, { ...options, optimizer });
      expect(code).toContain('cycle_momentum=False');
      expect(prose(code)).toContain('has none (the playground ignores it too)');
    },
  );

  it.each(['sgdScheduleFree', 'adamwScheduleFree', 'prodigy'] as const)(
    '%s keeps its momentum fixed, as in the playground',
    (optimizer) => {
      const code = pytorchCode(oneCycle, { ...options, optimizer });
      expect(code).toContain('cycle_momentum=False');
      expect(prose(code)).toMatch(/the playground keeps .+'s fixed, and so does this code/);
    },
  );
});

describe('reading torch arguments back', () => {
  const read = (code: string) => pytorchArgsToSpec(readPyTorchCode(code));
  const optimizer = 'optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)\n';

  it("fills torch's defaults for arguments left out", () => {
    const spec = read(
      `${optimizer}scheduler = torch.optim.lr_scheduler.CyclicLR(optimizer, base_lr=0.01, max_lr=0.1)`,
    );
    expect(spec).toMatchObject({
      policy: 'triangular',
      stepSize: 2000,
      cycleMomentum: true,
      baseMomentum: 0.8,
      maxMomentum: 0.9,
    });
  });

  it('reads single-quoted strings and ignores comments', () => {
    const spec = read(
      `${optimizer}scheduler = torch.optim.lr_scheduler.OneCycleLR(  # a comment, with (parens)\n` +
        `    optimizer, max_lr=0.1, total_steps=100, anneal_strategy='linear', cycle_momentum=False)`,
    );
    expect(spec).toMatchObject({ policy: 'one_cycle', anneal: 'linear', totalSteps: 100 });
  });

  it('names a scheduler without a playground policy', () => {
    expect(() =>
      read(`${optimizer}scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda=None)`),
    ).toThrow(/scheduler LambdaLR has no playground policy; expected one of StepLR, /);
  });

  it('names an argument it cannot read', () => {
    expect(() =>
      read(
        `${optimizer}scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=0.1, epochs=3, steps_per_epoch=10)`,
      ),
    ).toThrow('OneCycleLR argument epochs is not one the playground reads');
  });

  it('names an argument of the wrong type', () => {
    expect(() =>
      read(`${optimizer}scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size="30")`),
    ).toThrow('StepLR argument step_size must be a number (got 30)');
  });

  it('rejects values the playground cannot take, naming the spec field', () => {
    const bad = () =>
      read(
        `${optimizer}scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=0, gamma=0.5)`,
      );
    expect(bad).toThrow(ScheduleSpecError);
    expect(bad).toThrow('stepSize: must be at least 1');
  });

  it("fills Transformers' defaults for get_wsd_schedule arguments left out", () => {
    const spec = read(
      `${optimizer}scheduler = transformers.get_wsd_schedule(optimizer, num_warmup_steps=5, num_stable_steps=10, num_decay_steps=20)`,
    );
    expect(spec).toEqual({
      policy: 'wsd',
      maxLr: 0.1,
      warmupSteps: 5,
      stableSteps: 10,
      decaySteps: 20,
      warmupType: 'linear',
      decayType: 'cosine',
      minLrRatio: 0,
    });
  });

  it('needs the optimizer line for the LR', () => {
    expect(() =>
      read('scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=3)'),
    ).toThrow(/no torch\.optim optimizer call found/);
  });
});

describe('optimizers from outside torch.optim, and Schedule-Free’s two points', () => {
  const spec = parseScheduleSpec({ policy: 'fixed', lr: 0.5 });
  const wsd = parseScheduleSpec({
    policy: 'wsd',
    maxLr: 1,
    warmupSteps: 10,
    stableSteps: 80,
    decaySteps: 20,
    decayType: '1-sqrt',
  });

  it.each([
    ['adamw', 'import torch\n', 'torch.optim.AdamW(model.parameters(), lr=0.5)'],
    [
      'sgdScheduleFree',
      'import schedulefree  # pip install schedulefree\n',
      'schedulefree.SGDScheduleFree(model.parameters(), lr=0.5, momentum=0.9)',
    ],
    [
      'adamwScheduleFree',
      'import schedulefree  # pip install schedulefree\n',
      'schedulefree.AdamWScheduleFree(model.parameters(), lr=0.5)',
    ],
    [
      'prodigy',
      'import prodigyopt  # pip install prodigyopt\n',
      'prodigyopt.Prodigy(model.parameters(), lr=0.5)',
    ],
  ] as const)('%s: imported and constructed', (optimizer, imports, call) => {
    const code = pytorchCode(spec, { ...options, optimizer });
    expect(code).toContain(imports);
    expect(code).toContain(`optimizer = ${call}\n`);
    expect(roundTrip(spec, { ...options, optimizer })).toEqual(spec);
    expect(roundTrip(wsd, { ...options, optimizer })).toEqual(wsd);
  });

  it.each([
    [
      'adamw',
      { weightDecay: 0.05 },
      'torch.optim.AdamW(model.parameters(), lr=0.5, weight_decay=0.05)',
    ],
    [
      'adam',
      { beta1: 0.8, eps: 1e-6 },
      'torch.optim.Adam(model.parameters(), lr=0.5, betas=(0.8, 0.999), eps=0.000001)',
    ],
    [
      'sgdMomentum',
      { momentum: 0.8, weightDecay: 0.0005 },
      'torch.optim.SGD(model.parameters(), lr=0.5, momentum=0.8, weight_decay=0.0005)',
    ],
    [
      'sgdScheduleFree',
      { momentum: 0.95, warmupSteps: 100 },
      'schedulefree.SGDScheduleFree(model.parameters(), lr=0.5, momentum=0.95, warmup_steps=100)',
    ],
    [
      'prodigy',
      { d0: 1e-5, dCoef: 0.5, growthRate: 1.02 },
      'prodigyopt.Prodigy(model.parameters(), lr=0.5, d0=0.00001, d_coef=0.5, growth_rate=1.02)',
    ],
    ['rmsprop', { alpha: 0.9 }, 'torch.optim.RMSprop(model.parameters(), lr=0.5, alpha=0.9)'],
  ] as const)('%s with %j: the options set, as the library names them', (optimizer, set, call) => {
    const withOptions = { ...options, optimizer, optimizerOptions: set };
    expect(pytorchCode(spec, withOptions)).toContain(`optimizer = ${call}\n`);
    expect(roundTrip(wsd, withOptions)).toEqual(wsd);
  });

  it('Schedule-Free trains after optimizer.train() and validates or saves between eval() and train()', () => {
    for (const optimizer of ['sgdScheduleFree', 'adamwScheduleFree'] as const) {
      for (const code of [spec, wsd].map((s) => pytorchCode(s, { ...options, optimizer }))) {
        const lines = code.split('\n');
        const at = (text: string) => lines.findIndex((line) => line.includes(text));
        expect(at('optimizer.train()  # parameters at y')).toBeGreaterThan(-1);
        expect(at('optimizer.train()  # parameters at y')).toBeLessThan(at('for inputs, targets'));
        expect(at('optimizer.eval()  # parameters at x')).toBeGreaterThan(at('optimizer.step()'));
        expect(at('torch.save')).toBeGreaterThan(at('optimizer.eval()'));
        expect(at('optimizer.train()  # back to y')).toBeGreaterThan(at('torch.save'));
      }
    }
    expect(pytorchCode(spec, { ...options, optimizer: 'prodigy' })).not.toContain('.eval()');
  });
});
