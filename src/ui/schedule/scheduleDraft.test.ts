import { describe, expect, it } from 'vitest';
import { loadGolden } from '../../../tests/golden';
import { parseScheduleSpec } from '../../core';
import { DEFAULT_DRAFT, draftToSpec, jsonToDraft, specToDraft } from './scheduleDraft';

describe('specToDraft', () => {
  it('every golden spec, loaded into the form, is the same spec again', () => {
    for (const { name, spec } of loadGolden<{ name: string; spec: unknown }>('schedules')) {
      const parsed = parseScheduleSpec(spec);
      expect(draftToSpec(specToDraft(parsed, DEFAULT_DRAFT)), name).toEqual({
        ok: true,
        spec: parsed,
      });
    }
  });

  it('a draft shown as a spec and loaded back is the same draft', () => {
    const draft = { ...DEFAULT_DRAFT, baseLr: 0.02, maxLr: 0.08, stepSizeDown: 200 };
    const spec = draftToSpec(draft);
    if (!spec.ok) throw spec.error;
    expect(specToDraft(spec.spec, DEFAULT_DRAFT)).toEqual(draft);
  });

  it('fields the spec lacks keep the base draft’s values; a symmetric cycle has no down step', () => {
    const base = { ...DEFAULT_DRAFT, lr: 0.3, stepSizeDown: 99, baseMomentum: 0.7 };
    const draft = specToDraft(
      parseScheduleSpec({ policy: 'triangular2', baseLr: 0.001, maxLr: 0.01, stepSize: 10 }),
      base,
    );
    expect(draft).toMatchObject({
      policy: 'triangular2',
      baseLr: 0.001,
      maxLr: 0.01,
      stepSize: 10,
    });
    expect(draft.lr).toBe(0.3);
    expect(draft.stepSizeDown).toBeNull();
    // Momentum is not cycled, so the spec's filled-in bounds (0.8/0.9) say nothing.
    expect(draft.baseMomentum).toBe(0.7);
  });

  it('cycled momentum bounds come from the spec', () => {
    const draft = specToDraft(
      parseScheduleSpec({
        policy: 'triangular',
        baseLr: 0.001,
        maxLr: 0.01,
        stepSize: 10,
        cycleMomentum: true,
        baseMomentum: 0.82,
        maxMomentum: 0.93,
      }),
      DEFAULT_DRAFT,
    );
    expect(draft).toMatchObject({ cycleMomentum: true, baseMomentum: 0.82, maxMomentum: 0.93 });
  });
});

describe('jsonToDraft', () => {
  const triangular = { policy: 'triangular', baseLr: 0.001, maxLr: 0.01, stepSize: 10 };

  it('loads bad values as they are, for the form to flag at their fields', () => {
    const draft = jsonToDraft({ ...triangular, baseLr: 0.1, stepSize: -3 }, DEFAULT_DRAFT);
    expect(draft).toMatchObject({ policy: 'triangular', baseLr: 0.1, maxLr: 0.01, stepSize: -3 });
  });

  it('refuses JSON that cannot be a draft, naming the field', () => {
    expect(jsonToDraft([triangular], DEFAULT_DRAFT)).toMatch(/JSON object/);
    expect(jsonToDraft({ ...triangular, policy: 'sawtooth' }, DEFAULT_DRAFT)).toMatch(
      /^policy: unknown policy "sawtooth"/,
    );
    expect(jsonToDraft({ ...triangular, lr: 0.1 }, DEFAULT_DRAFT)).toBe(
      'lr: is not a field of this policy',
    );
    expect(jsonToDraft({ ...triangular, maxLr: '0.01' }, DEFAULT_DRAFT)).toBe(
      'maxLr: must be a number (got "0.01")',
    );
    // A type error is found even behind a bad value in another field.
    expect(jsonToDraft({ ...triangular, baseLr: -1, cycleMomentum: 'yes' }, DEFAULT_DRAFT)).toBe(
      'cycleMomentum: must be a boolean (got "yes")',
    );
    const withoutStepSize: Partial<typeof triangular> = { ...triangular };
    delete withoutStepSize.stepSize;
    expect(jsonToDraft(withoutStepSize, DEFAULT_DRAFT)).toBe('stepSize: is missing');
  });
});
