import { describe, expect, it } from 'vitest';
import { decodePageParams, decodeShareQuery } from './shareCodec';
import { defaultShareConfig } from './shareConfig';

const decode = (query: string) =>
  decodeShareQuery(new URLSearchParams(query), defaultShareConfig());

describe('what a link that is partial, doubled or hostile says', () => {
  it('keeps a lone schedule field on the default schedule instead of dropping it', () => {
    const { config, rejections } = decode('maxLr=0.05');
    expect(rejections).toEqual([]);
    expect(config.schedule).toMatchObject({ policy: 'triangular', maxLr: 0.05 });
  });

  it('says, in a shown message, that fields of another policy need their policy', () => {
    const { rejections } = decode('gamma=0.5&periodMult=2');
    expect(rejections).toHaveLength(1);
    expect(rejections[0].field).toBe('schedule.policy');
    expect(rejections[0].reason).toMatch(/^is missing, and without it .*gamma.*periodMult/);
    // Not the bare "is missing" of a field the link never set, which the page does not show.
    expect(rejections[0].reason).not.toBe('is missing');
  });

  it('names a lone schedule field whose value is out of range, with the range', () => {
    const { config, rejections } = decode('stepSize=1e308');
    expect(rejections).toHaveLength(1);
    expect(rejections[0].field).toBe('schedule.stepSize');
    expect(rejections[0].reason).toMatch(/at most/);
    expect(config.schedule).toEqual(defaultShareConfig().schedule);
  });

  it('says which parameter was given twice and that the first is used', () => {
    const { config, rejections } = decode('policy=fixed&lr=0.05&lr=0.2');
    expect(config.schedule).toEqual({ policy: 'fixed', lr: 0.05 });
    expect(rejections).toEqual([
      {
        field: 'lr',
        reason: 'is given 2 times ("0.05", "0.2")',
        fallback: 'using the first, "0.05"',
      },
    ]);
  });

  it('reports a bad threads= as it reports a bad backend=', () => {
    const { rejections } = decodePageParams(new URLSearchParams('threads=abc'));
    expect(rejections).toEqual([
      expect.objectContaining({ field: 'threads', fallback: 'one thread per core' }),
    ]);
    expect(decodePageParams(new URLSearchParams('threads=4')).rejections).toEqual([]);
  });

  it('quotes a 100 KB hostile value in a few words, not whole', () => {
    const hostile = 'x'.repeat(100_000);
    for (const query of [`dataset=${hostile}`, `seed=${hostile}`, `maxLr=${hostile}`]) {
      // A partial link's "is missing" notes are not shown (LinkMessages); the bad value is.
      const shown = decode(query).rejections.filter((r) => r.reason !== 'is missing');
      expect(shown).toHaveLength(1);
      expect(shown[0].reason.length).toBeLessThan(250);
    }
    const page = decodePageParams(new URLSearchParams(`backend=${hostile}`));
    expect(page.rejections[0].reason).toContain('100,000 characters');
  });
});
