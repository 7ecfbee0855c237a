import { describe, expect, it } from 'vitest';
import { lrAt } from '../../core';
import { DEFAULT_DRAFT, draftToSpec, specToDraft } from '../schedule/scheduleDraft';
import { decodeShareQuery, encodeShareQuery } from '../share/shareCodec';
import { defaultShareConfig } from '../share/shareConfig';
import { TEACHING_PRESETS } from './presets';

const byId = (id: string) => {
  const preset = TEACHING_PRESETS.find((candidate) => candidate.id === id);
  if (!preset) throw new Error(`no preset ${id}`);
  return preset;
};

describe('teaching presets', () => {
  it.each(TEACHING_PRESETS.map((preset) => [preset.title, preset] as const))(
    '%s is a configuration a share link carries without complaint',
    (_title, preset) => {
      const params = new URLSearchParams(encodeShareQuery(preset.config).toString());
      expect(decodeShareQuery(params, defaultShareConfig())).toEqual({
        config: preset.config,
        rejections: [],
      });
    },
  );

  it.each(TEACHING_PRESETS.map((preset) => [preset.title, preset] as const))(
    '%s shows in the schedule form as exactly its spec',
    (_title, preset) => {
      const shown = draftToSpec(specToDraft(preset.config.schedule, DEFAULT_DRAFT));
      expect(shown).toEqual({ ok: true, spec: preset.config.schedule });
    },
  );

  it('each preset has its own id and an explanation of what to look for', () => {
    expect(new Set(TEACHING_PRESETS.map((preset) => preset.id)).size).toBe(TEACHING_PRESETS.length);
    for (const preset of TEACHING_PRESETS) expect(preset.explanation.length).toBeGreaterThan(80);
  });

  it('"Max LR too high" climbs far past where Good CLR stops', () => {
    const good = byId('good-clr').config.schedule;
    const high = byId('max-lr-too-high').config.schedule;
    const peak = (spec: typeof good) =>
      Math.max(...Array.from({ length: 900 }, (_, k) => lrAt(spec, k)));
    expect(peak(high)).toBeGreaterThan(40 * peak(good));
  });

  it('"Too-small step size" cycles many times where Good CLR cycles once', () => {
    const small = byId('too-small-step');
    const good = byId('good-clr');
    const peaksIn = (spec: typeof good.config.schedule, steps: number) => {
      let peaks = 0;
      for (let k = 1; k < steps - 1; k++) {
        if (lrAt(spec, k) > lrAt(spec, k - 1) && lrAt(spec, k) >= lrAt(spec, k + 1)) peaks += 1;
      }
      return peaks;
    };
    expect(peaksIn(good.config.schedule, 860)).toBe(1);
    expect(peaksIn(small.config.schedule, small.config.training.value)).toBeGreaterThanOrEqual(10);
  });

  it('"Fixed vs triangular2" trains triangular2 and asks for a race against fixed', () => {
    const preset = byId('fixed-vs-triangular2');
    expect(preset.config.schedule.policy).toBe('triangular2');
    expect(preset.race).toEqual({ kind: 'policy', legs: ['fixedHalf', 'triangular2'] });
  });
});
