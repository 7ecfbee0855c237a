import { describe, expect, it } from 'vitest';
import { parseConfig } from './configError';
import { OPTIMIZER_NAMES, OPTIONS_OF, OPTION_DEFAULTS, resolvedOptions } from './optimizerOptions';
import { sessionConfigSchema } from './sessionConfig';

const session = {
  dataset: 'synthetic',
  model: { widthMultiplier: 1, batchNorm: false, dropoutRate: 0 },
  optimizer: 'adamw',
  batchSize: 64,
  seed: 1,
  augment: false,
} as const;

/** The message a session with these options is refused with, or null. */
function refusal(optimizer: string, optimizerOptions: unknown): string | null {
  try {
    parseConfig('session', sessionConfigSchema, { ...session, optimizer, optimizerOptions });
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('optimizer options in the session config', () => {
  it('a session without options (an old link or kept run) is valid and runs on the defaults', () => {
    const parsed = parseConfig('session', sessionConfigSchema, session);
    expect(parsed.optimizerOptions).toBeUndefined();
    expect(resolvedOptions('adamw', parsed.optimizerOptions)).toEqual(OPTION_DEFAULTS.adamw);
  });

  it('takes each optimizer’s own options at the edges of their ranges', () => {
    expect(refusal('adamw', { weightDecay: 1, beta1: 0, beta2: 0.999999, eps: 1 })).toBeNull();
    expect(refusal('sgdScheduleFree', { momentum: 0, warmupSteps: 1000000 })).toBeNull();
    expect(refusal('prodigy', { d0: 1, dCoef: 100, growthRate: 1 })).toBeNull();
  });

  it.each([
    [
      'adamw',
      { weightDecay: -0.1 },
      'session.optimizerOptions.weightDecay must be at least 0, got -0.1',
    ],
    ['adamw', { weightDecay: 2 }, 'session.optimizerOptions.weightDecay must be at most 1, got 2'],
    ['adam', { beta1: 1 }, 'session.optimizerOptions.beta1 must be less than 1, got 1'],
    [
      'adam',
      { beta2: Number.NaN },
      'session.optimizerOptions.beta2 must be a finite number, got NaN',
    ],
    ['adam', { eps: 0 }, 'session.optimizerOptions.eps must be greater than 0, got 0'],
    [
      'sgdMomentum',
      { momentum: -1 },
      'session.optimizerOptions.momentum must be at least 0, got -1',
    ],
    [
      'sgdScheduleFree',
      { warmupSteps: 2.5 },
      'session.optimizerOptions.warmupSteps must be a whole number, got 2.5',
    ],
    ['prodigy', { d0: 0 }, 'session.optimizerOptions.d0 must be greater than 0, got 0'],
    [
      'prodigy',
      { growthRate: 0.5 },
      'session.optimizerOptions.growthRate must be at least 1, got 0.5',
    ],
    ['prodigy', { dCoef: '2' }, 'session.optimizerOptions.dCoef'],
  ])('%s with %j is refused, naming the field', (optimizer, options, message) => {
    expect(refusal(optimizer, options)).toMatch(
      new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    );
  });

  it('refuses an option the optimizer does not take, listing the ones it does', () => {
    expect(refusal('adam', { momentum: 0.5 })).toBe(
      'session.optimizerOptions.momentum is not an option of adam (its options: beta1, beta2, eps, weightDecay), got 0.5',
    );
    expect(refusal('sgd', { d0: 1e-6 })).toMatch(
      /^session\.optimizerOptions\.d0 is not an option of sgd/,
    );
    expect(refusal('sgd', { lr: 0.1 })).toMatch(
      /^session\.optimizerOptions has no option lr \(options: weightDecay, /,
    );
  });

  it('every optimizer has a default for each of its options (growthRate: unset is no limit)', () => {
    for (const name of OPTIMIZER_NAMES) {
      const expected = OPTIONS_OF[name].filter((option) => option !== 'growthRate');
      expect(Object.keys(OPTION_DEFAULTS[name]).sort(), name).toEqual([...expected].sort());
    }
  });

  it('resolves set options over the defaults, and only the optimizer’s own', () => {
    expect(resolvedOptions('prodigy', { d0: 1e-5 })).toEqual({
      ...OPTION_DEFAULTS.prodigy,
      d0: 1e-5,
    });
    expect(resolvedOptions('sgd', { weightDecay: 0.1 })).toEqual({ weightDecay: 0.1 });
  });
});
