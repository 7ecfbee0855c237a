import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_PLANNED_CHANGES, parseScheduleSpec, scheduleChangesSchema } from '../../core';
import { specToDraft } from '../schedule/scheduleDraft';
import { useAppStore } from '../store';
import { configFromState, defaultShareConfig, type ShareConfig } from './shareConfig';
import { decodeShareQuery, encodeShareQuery, pageQuery } from './shareCodec';

/** A run's mid-run schedule changes in the share link: written, read back, checked. */

const defaults = defaultShareConfig();
const decode = (query: string) => decodeShareQuery(new URLSearchParams(query), defaults);
const triangular = (maxLr: number, extra: Record<string, unknown> = {}) =>
  parseScheduleSpec({ policy: 'triangular', baseLr: 0.001, maxLr, stepSize: 100, ...extra });

const start = triangular(0.01);
const changed: ShareConfig = {
  ...defaults,
  schedule: start,
  scheduleChanges: [
    { iteration: 120, spec: triangular(0.1) },
    { iteration: 300, spec: parseScheduleSpec({ policy: 'fixed', lr: 0.05 }) },
  ],
};

describe('a link with schedule changes', () => {
  it('writes each change as the fields it changes, and reads back exactly the same run', () => {
    const params = encodeShareQuery(changed);
    expect(params.get('change.120.maxLr')).toBe('0.1');
    // Only what changed: Base LR and the step size stay as they were.
    expect(params.has('change.120.baseLr')).toBe(false);
    // A change of policy is the whole new spec.
    expect(params.get('change.300.policy')).toBe('fixed');
    expect(params.get('change.300.lr')).toBe('0.05');
    expect(decode(params.toString())).toEqual({ config: changed, rejections: [] });
  });

  it('drops changes that break the schedule rules, naming the field and why', () => {
    const params = encodeShareQuery(changed);
    params.set('change.120.maxLr', '-1');
    const { config, rejections } = decode(params.toString());
    expect(config.scheduleChanges).toEqual([]);
    // The starting schedule is still the link's.
    expect(config.schedule).toEqual(start);
    expect(rejections).toEqual([
      expect.objectContaining({
        field: 'change.120.maxLr',
        reason: expect.stringMatching(/greater than 0/),
        fallback: 'training without the changes',
      }),
    ]);
  });

  it('rejects a change parameter that names no iteration or no spec field', () => {
    for (const name of ['change.soon.maxLr', 'change.120.colour', 'change.120']) {
      const { config, rejections } = decode(`${encodeShareQuery(changed)}&${name}=1`);
      expect(config.scheduleChanges).toEqual([]);
      expect(rejections.map((rejection) => rejection.field)).toEqual([name]);
    }
  });

  it(`holds at most ${MAX_PLANNED_CHANGES} changes`, () => {
    const many = Array.from({ length: MAX_PLANNED_CHANGES + 1 }, (_, i) => ({
      iteration: i + 1,
      spec: triangular(0.02 + i * 0.001),
    }));
    const query = encodeShareQuery({ ...changed, scheduleChanges: many }).toString();
    const { config, rejections } = decode(query);
    expect(config.scheduleChanges).toEqual([]);
    expect(rejections[0].reason).toMatch(`${MAX_PLANNED_CHANGES + 1} changes, more than`);
  });

  it('ignores the changes of a schedule it could not read', () => {
    const params = encodeShareQuery(changed);
    params.set('stepSize', '0');
    const { config, rejections } = decode(params.toString());
    expect(config.schedule).toEqual(defaults.schedule);
    expect(config.scheduleChanges).toEqual([]);
    expect(rejections.map((rejection) => rejection.field)).toEqual(['schedule.stepSize']);
  });

  it('are written once: the address does not keep the last link changes as foreign parameters', () => {
    const old = new URLSearchParams('change.5.maxLr=9&run=abc');
    const params = new URLSearchParams(
      pageQuery(defaults, { backend: 'auto', controlsHidden: false }, old),
    );
    expect(params.has('change.5.maxLr')).toBe(false);
    expect(params.get('run')).toBe('abc');
  });
});

describe('hostile change parameters', () => {
  it('never throw: the changes read are valid for the link’s schedule, or none with a reason', () => {
    const name = fc.oneof(
      fc.constantFrom('maxLr', 'baseLr', 'stepSize', 'policy', 'lr', 'gamma', 'x'),
      fc.string({ maxLength: 6 }),
    );
    const iteration = fc.oneof(fc.nat({ max: 1000 }).map(String), fc.string({ maxLength: 4 }));
    const value = fc.oneof(
      fc.double().map(String),
      fc.constantFrom('triangular', 'fixed', 'one_cycle', 'NaN', '', 'true'),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(iteration, name, value), { maxLength: 6 }), (entries) => {
        const params = encodeShareQuery({ ...changed, scheduleChanges: [] });
        for (const [at, field, text] of entries) params.append(`change.${at}.${field}`, text);
        const { config, rejections } = decode(params.toString());
        expect(scheduleChangesSchema.safeParse(config.scheduleChanges).success).toBe(true);
        if (entries.length > 0 && config.scheduleChanges.length === 0) {
          expect(rejections.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe('the link the page makes after a run changed mid-run', () => {
  const store = () => useAppStore.getState();
  const showInForm = (spec: ReturnType<typeof triangular>) =>
    store().updateDraft(specToDraft(spec, store().draft));

  beforeEach(() => {
    useAppStore.setState(useAppStore.getInitialState(), true);
    const { training, session } = store();
    const { length } = training;
    store().setTraining({
      status: 'ended',
      ranWith: { id: 'run', startedAt: 0, session, schedule: start, length },
      scheduleChanges: [{ iteration: 120, spec: triangular(0.1) }],
    });
    showInForm(triangular(0.1));
  });

  it('starts from the run’s first schedule and carries its changes', () => {
    const config = configFromState(store());
    expect(config.schedule).toEqual(start);
    expect(config.scheduleChanges).toEqual([{ iteration: 120, spec: triangular(0.1) }]);
  });

  it('is the form alone once the schedule is edited after the run', () => {
    showInForm(triangular(0.2));
    const config = configFromState(store());
    expect(config.schedule).toEqual(triangular(0.2));
    expect(config.scheduleChanges).toEqual([]);
  });

  it('keeps an opened link’s changes while the form holds its schedule', () => {
    useAppStore.setState(useAppStore.getInitialState(), true);
    store().setShare({ replay: { initial: start, changes: changed.scheduleChanges } });
    showInForm(start);
    expect(configFromState(store()).scheduleChanges).toEqual(changed.scheduleChanges);
    showInForm(triangular(0.02));
    expect(configFromState(store()).scheduleChanges).toEqual([]);
  });
});
