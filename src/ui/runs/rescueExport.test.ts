import { describe, expect, it } from 'vitest';
import { rangeTestRecord, trainingRecord } from '../../testing/keptRunFixtures';
import { rescueFiles } from './rescueExport';
import { parseRunFile } from './runImport';

describe('the crashed page’s export of kept runs', () => {
  it('writes every stored run as a file Import JSON reads back as the same run', () => {
    const training = trainingRecord();
    const range = rangeTestRecord();
    const files = rescueFiles(
      [
        [training.id, training],
        [range.id, range],
      ],
      [],
    );
    expect(files.map((file) => parseRunFile(file.text))).toEqual([
      { ok: true, record: training },
      { ok: true, record: range },
    ]);
    expect(new Set(files.map((file) => file.fileName)).size).toBe(2);
  });

  it('keeps an unreadable stored value as stored, and adds runs storage never took, once', () => {
    const stored = trainingRecord();
    const unsaved = rangeTestRecord({ id: 'only-in-memory', name: 'Never saved' });
    const broken = { kind: 'training', name: 'Broken by hand', startedAt: 'x' };
    const files = rescueFiles(
      [
        [stored.id, stored],
        ['hand-broken', broken],
      ],
      [stored, unsaved],
    );
    expect(files).toHaveLength(3);
    expect(JSON.parse(files[1].text).run).toEqual(broken);
    expect(files[1].fileName).toBe('kept-run-2-broken-by-hand.json');
    expect(parseRunFile(files[2].text)).toEqual({ ok: true, record: unsaved });
  });
});
