import { describe, expect, it } from 'vitest';
import { lrAt } from '../../core';
import { formatRate } from '../format';
import type { RangeTestSuggestion } from '../rangeTest/rangeTestAnalysis';
import { DEFAULT_DRAFT, type ScheduleDraft } from '../schedule/scheduleDraft';
import { distinctSuggestions, suggestionLegs } from './suggestionLegs';

const pick = (id: RangeTestSuggestion['id'], label: string, lr: number): RangeTestSuggestion => ({
  id,
  label,
  explanation: '',
  lr,
  index: 0,
});

/** Six rules as a range test gives them; valley and slide agree once rounded to 3 digits. */
const PICKS = [
  pick('steep', 'Steep', 0.00813),
  pick('valley', 'Valley', 0.0021234),
  pick('minimum', 'Minimum / 10', 0.0152),
  pick('slide', 'Slide', 0.0021241),
  pick('steepestGradient', 'Steepest gradient', 0.00813),
  pick('accuracy', 'Accuracy knee', 0.0498),
];

function legsOf(options: Partial<Parameters<typeof suggestionLegs>[1]> = {}) {
  const result = suggestionLegs(PICKS, {
    draft: DEFAULT_DRAFT,
    ratio: 4,
    iterations: 860,
    alsoFixed: false,
    ...options,
  });
  if (!result.ok) throw new Error(result.error);
  return result.legs;
}

describe('the suggestion race legs', () => {
  it('race each distinct max LR once, lowest first, naming every rule that picked it', () => {
    const legs = legsOf();
    expect(legs.map((leg) => leg.label)).toEqual([
      'Valley = Slide',
      'Steep = Steepest gradient',
      'Minimum / 10',
      'Accuracy knee',
    ]);
    expect(legs.map((leg) => leg.bounds.maxLr)).toEqual([0.00212, 0.00813, 0.0152, 0.0498]);
    expect(new Set(legs.map((leg) => leg.id)).size).toBe(legs.length);
  });

  it('use each suggestion as the max LR of the form’s policy, with Base LR = max / ratio', () => {
    for (const ratio of [3, 4, 6]) {
      for (const leg of legsOf({ ratio })) {
        expect(leg.spec).toMatchObject({
          policy: 'triangular',
          maxLr: leg.bounds.maxLr,
          stepSize: DEFAULT_DRAFT.stepSize,
        });
        // Rounded to three significant digits, as the sliders show it.
        expect(Math.abs((leg.bounds.baseLr * ratio) / leg.bounds.maxLr - 1)).toBeLessThan(0.005);
        if (leg.spec.policy !== 'triangular') throw new Error('not triangular');
        expect(leg.spec.baseLr).toBe(leg.bounds.baseLr);
        expect(leg.detail).toBe(
          `triangular ${formatRate(leg.bounds.baseLr)}–${formatRate(leg.bounds.maxLr)}`,
        );
      }
    }
  });

  it('add the same max LR, fixed, after each one when asked', () => {
    const legs = legsOf({ alsoFixed: true });
    expect(legs).toHaveLength(8);
    for (let i = 0; i < legs.length; i += 2) {
      const [cyclic, fixed] = [legs[i], legs[i + 1]];
      expect(fixed.label).toBe(`${cyclic.label}, fixed`);
      expect(fixed.spec).toEqual({ policy: 'fixed', lr: cyclic.bounds.maxLr });
      expect(fixed.bounds).toEqual(cyclic.bounds);
      expect(fixed.id).not.toBe(cyclic.id);
    }
    // Under a fixed policy the leg is already fixed: no second one.
    const fixedDraft: ScheduleDraft = { ...DEFAULT_DRAFT, policy: 'fixed' };
    const underFixed = legsOf({ alsoFixed: true, draft: fixedDraft });
    expect(underFixed).toHaveLength(4);
    expect(underFixed.map((leg) => leg.spec)).toEqual(
      legsOf().map((leg) => ({ policy: 'fixed', lr: leg.bounds.maxLr })),
    );
  });

  it('fit schedules that end at a set step to the leg, so each runs whole', () => {
    const iterations = 500;
    for (const policy of ['one_cycle', 'cosine', 'wsd'] as const) {
      const [leg] = legsOf({ draft: { ...DEFAULT_DRAFT, policy }, iterations });
      const { maxLr, baseLr } = leg.bounds;
      const lrs = Array.from({ length: iterations }, (_, k) => lrAt(leg.spec, k));
      expect(Math.max(...lrs)).toBeCloseTo(maxLr, 8);
      // The schedule has come down by the leg's last step.
      expect(lrs[iterations - 1]).toBeLessThan(maxLr / 10);
      if (policy === 'one_cycle') expect(lrs[0]).toBeCloseTo(maxLr / 4, 8);
      expect(Math.abs((baseLr * 4) / maxLr - 1)).toBeLessThan(0.005);
    }
    const [sgdr] = legsOf({ draft: { ...DEFAULT_DRAFT, policy: 'cosine_restarts' } });
    expect(sgdr.spec).toMatchObject({ maxLr: sgdr.bounds.maxLr, minLr: sgdr.bounds.baseLr });
  });

  it('name the suggestion whose bounds the policy rejects, and need one suggestion', () => {
    const result = suggestionLegs(PICKS, {
      draft: { ...DEFAULT_DRAFT, stepSize: 0 },
      ratio: 4,
      iterations: 860,
      alsoFixed: false,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^Valley = Slide: .*stepSize/i);
    expect(
      suggestionLegs([], { draft: DEFAULT_DRAFT, ratio: 4, iterations: 860, alsoFixed: true }),
    ).toEqual({ ok: false, error: 'the range test gave no suggestion' });
  });

  it('skip a pick that is not a positive LR', () => {
    const picks = [pick('valley', 'Valley', NaN), pick('steep', 'Steep', 0), ...PICKS.slice(2, 3)];
    expect(distinctSuggestions(picks, 4).map((s) => s.label)).toEqual(['Minimum / 10']);
  });
});
