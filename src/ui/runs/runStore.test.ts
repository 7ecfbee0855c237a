import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { rangeTestRecord, trainingRecord } from '../../testing/keptRunFixtures';
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
