import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { rangeTestRecord, trainingRecord } from '../../testing/keptRunFixtures';
import { runToJson } from './runExport';
import { parseRunFile } from './runImport';
import { storedRunSchema } from './runRecord';
import { idbRunBackend } from './runStore';

describe('runs in IndexedDB', () => {
  it('are read back by a fresh connection (a reload) as they were written, typed arrays and all', async () => {
    const writer = idbRunBackend('runs-reload', 'runs');
    await writer.write(trainingRecord());
    await writer.write(rangeTestRecord());

    const entries = await idbRunBackend('runs-reload', 'runs').readAll();
    const byId = new Map(entries);
    expect([...byId.keys()].sort()).toEqual(['run-range-1', 'run-training-1']);
    const training = storedRunSchema.parse(byId.get('run-training-1'));
    expect(training).toEqual(trainingRecord());
    expect(training.series.lr).toBeInstanceOf(Float64Array);
    expect(storedRunSchema.parse(byId.get('run-range-1'))).toEqual(rangeTestRecord());
  });

  it('replace a run written again under its id, and forget a removed one', async () => {
    const backend = idbRunBackend('runs-update', 'runs');
    await backend.write(trainingRecord());
    await backend.write(trainingRecord({ name: 'renamed', pinned: true }));
    await backend.write(rangeTestRecord());
    await backend.remove('run-range-1');

    const entries = await idbRunBackend('runs-update', 'runs').readAll();
    expect(entries).toHaveLength(1);
    expect(entries[0][1]).toMatchObject({ id: 'run-training-1', name: 'renamed', pinned: true });
  });
});

describe('non-finite numbers in a kept run (item 5)', () => {
  const diverged = () => {
    const base = trainingRecord();
    return trainingRecord({
      samplesPerSec: Infinity,
      validations: base.validations.map((v) => ({ ...v, loss: NaN, accuracy: -Infinity })),
    });
  };

  it('are read back from storage as they were recorded, so the run can be shown and deleted', async () => {
    expect(diverged().validations.length).toBeGreaterThan(0);
    const writer = idbRunBackend('runs-nonfinite', 'runs');
    await writer.write(diverged());
    const [[, stored]] = await idbRunBackend('runs-nonfinite', 'runs').readAll();
    const parsed = storedRunSchema.safeParse(stored);
    expect(parsed.error).toBeUndefined();
    expect(parsed.data).toEqual(diverged());
  });

  it('survive an export and an import', () => {
    const read = parseRunFile(runToJson(diverged()));
    expect(read).toEqual({ ok: true, record: diverged() });
  });
});

describe('a range test whose LRs cannot be drawn on a log axis (item 4)', () => {
  it('is refused at import with the step named', () => {
    for (const bad of ['Infinity', 0]) {
      const json = JSON.parse(runToJson(rangeTestRecord())) as {
        run: { series: { lr: unknown[] } };
      };
      json.run.series.lr[1] = bad;
      const read = parseRunFile(JSON.stringify(json));
      expect(read.ok).toBe(false);
      if (!read.ok)
        expect(read.error).toMatch(
          /^run\.series\.lr\.1: the LR of step 1 must be positive and finite/,
        );
    }
  });
});
