import { describe, expect, it } from 'vitest';
import { parseRunFile } from './runImport';
import { quarantineEntry, quarantinedFileName, quarantinedToJson, storedName } from './quarantine';
import { trainingRecord } from '../../testing/keptRunFixtures';

describe('runs set aside', () => {
  it('names an entry by its stored name, cut to a readable length, or by its key', () => {
    expect(storedName('k', { name: '  my run ' })).toBe('“my run”');
    expect(storedName('k', { name: 'x'.repeat(10_000) }).length).toBeLessThan(70);
    expect(storedName('abc', { name: 7 })).toBe('an unnamed run (stored as abc)');
    expect(storedName('a'.repeat(500), null).length).toBeLessThan(50);
  });

  it('cuts a long reason', () => {
    expect(quarantineEntry('k', {}, 'y'.repeat(5000)).reason.length).toBeLessThan(200);
  });

  it('exports the value exactly as stored, in a run file that imports once it is repaired', () => {
    const run = trainingRecord();
    const broken = { ...run, startedAt: 'yesterday', series: { ...run.series } };
    const entry = quarantineEntry(run.id, broken, 'startedAt: expected a number');
    const text = quarantinedToJson(entry);
    const file = JSON.parse(text) as { run: { startedAt: unknown; name: unknown } };
    expect(file.run.startedAt).toBe('yesterday');
    expect(file.run.name).toBe(run.name);
    const refused = parseRunFile(text);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatch(/startedAt/);

    const repaired = text.replace('"yesterday"', String(run.startedAt));
    const parsed = parseRunFile(repaired);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.record.series.lr).toEqual(run.series.lr);
  });

  it('gives the export a file name with no odd characters', () => {
    expect(quarantinedFileName(quarantineEntry('../../etc passwd', null, ''))).toBe(
      'set-aside-etc-passwd.json',
    );
  });
});
