import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { rangeTestRecord, trainingRecord } from '../../testing/keptRunFixtures';
import { useAppStore } from '../store';
import { runToJson } from './runExport';
import { createRunKeeper } from './runKeeper';
import type { RunRecord } from './runRecord';
import { idbRunBackend, type RunBackend } from './runStore';

/** A storage that refuses everything, as a full disk or a private window does. */
function refusingBackend(error: Error): RunBackend {
  return {
    readAll: () => Promise.reject(error),
    write: () => Promise.reject(error),
    patch: () => Promise.reject(error),
    remove: () => Promise.reject(error),
  };
}

function quotaError(): Error {
  const error = new Error('The quota has been exceeded.');
  error.name = 'QuotaExceededError';
  return error;
}

const runs = () => useAppStore.getState().runs;

beforeEach(() => {
  useAppStore.setState(useAppStore.getInitialState(), true);
});

describe('keeping runs', () => {
  it('keeps a run across a reload: a new page reads it back from IndexedDB', async () => {
    await createRunKeeper(idbRunBackend('keeper-reload')).keep(trainingRecord());
    expect(runs().unsaved).toEqual([]);

    useAppStore.getState().setRuns({ list: [], loaded: false });
    await createRunKeeper(idbRunBackend('keeper-reload')).load();
    expect(runs().loaded).toBe(true);
    expect(runs().list).toEqual([trainingRecord()]);
    expect(runs().storageError).toBeNull();
  });

  it('writes renames, pins and hiding, and forgets deleted runs', async () => {
    const keeper = createRunKeeper(idbRunBackend('keeper-edits'));
    await keeper.keep(trainingRecord());
    await keeper.keep(rangeTestRecord());
    await keeper.update('run-training-1', { name: 'best so far', pinned: true, shown: false });
    await keeper.remove('run-range-1');

    useAppStore.getState().setRuns({ list: [] });
    await createRunKeeper(idbRunBackend('keeper-edits')).load();
    expect(runs().list).toHaveLength(1);
    expect(runs().list[0]).toMatchObject({ name: 'best so far', pinned: true, shown: false });
  });

  it('when storage refuses a run, keeps it in memory, marks it unsaved and says why', async () => {
    const keeper = createRunKeeper(refusingBackend(quotaError()));
    await keeper.keep(trainingRecord());
    expect(runs().list).toEqual([trainingRecord()]);
    expect(runs().unsaved).toEqual(['run-training-1']);
    expect(runs().storageError).toMatch(/"triangular, 5 iterations" was not saved/);
    expect(runs().storageError).toMatch(/QuotaExceededError: The quota has been exceeded/);
    expect(runs().storageError).toMatch(/export them to keep them/);
    // Still exportable: the record in memory is whole.
    expect(runToJson(runs().list[0])).toBe(runToJson(trainingRecord()));
  });

  it('when storage is missing altogether, says the runs could not be read', async () => {
    const keeper = createRunKeeper(refusingBackend(new ReferenceError('indexedDB is not defined')));
    await keeper.load();
    expect(runs().loaded).toBe(true);
    expect(runs().storageError).toMatch(
      /^Kept runs could not be read: .*ReferenceError: indexedDB is not defined/,
    );
  });

  it('saves an unsaved run once storage works again', async () => {
    let refuse = true;
    const stored = new Map<string, RunRecord>();
    const flaky: RunBackend = {
      readAll: async () => [...stored],
      write: async (record) => {
        if (refuse) throw quotaError();
        stored.set(record.id, record);
      },
      patch: async () => {
        throw new Error('an unsaved run must be written whole, not patched');
      },
      remove: async (id) => void stored.delete(id),
    };
    const keeper = createRunKeeper(flaky);
    await keeper.keep(trainingRecord());
    expect(runs().unsaved).toEqual(['run-training-1']);
    refuse = false;
    await keeper.update('run-training-1', { pinned: true });
    expect(runs().unsaved).toEqual([]);
    expect(stored.get('run-training-1')?.pinned).toBe(true);
  });

  it('sets aside stored entries it cannot read, by name, and deletes one only when asked', async () => {
    const stored = new Map<string, unknown>([
      ['run-training-1', trainingRecord()],
      ['broken', { kind: 'training', name: 'half a run' }],
      ['nameless', 42],
    ]);
    const keeper = createRunKeeper({
      readAll: async () => [...stored],
      write: async () => {},
      patch: async () => true,
      remove: async (id) => void stored.delete(id),
    });
    await keeper.load();
    expect(runs().list.map((run) => run.id)).toEqual(['run-training-1']);
    expect(runs().quarantined.map((entry) => entry.name)).toEqual([
      '“half a run”',
      'an unnamed run (stored as nameless)',
    ]);
    expect(runs().quarantined[0]?.reason).toMatch(/\S/);
    expect(stored.has('broken')).toBe(true);

    await keeper.deleteQuarantined('broken');
    expect(stored.has('broken')).toBe(false);
    expect(runs().quarantined.map((entry) => entry.key)).toEqual(['nameless']);
    expect(stored.has('run-training-1')).toBe(true);
  });

  it('takes the shown runs off the charts, in storage too, after a chart crashed', async () => {
    const stored = new Map<string, RunRecord>();
    const keeper = createRunKeeper({
      readAll: async () => [...stored],
      write: async (record) => void stored.set(record.id, record),
      patch: async (id, edit) => {
        const run = stored.get(id);
        if (run) stored.set(id, { ...run, ...edit } as RunRecord);
        return run !== undefined;
      },
      remove: async (id) => void stored.delete(id),
    });
    await keeper.keep({ ...trainingRecord(), shown: true });
    await keeper.keep({ ...rangeTestRecord(), shown: false });
    expect(keeper.hideShownAfterCrash('Training charts')).toBe(true);
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(runs().list.every((run) => !run.shown)).toBe(true);
    expect([...stored.values()].every((run) => !run.shown)).toBe(true);
    expect(runs().crashNote).toContain(`“${trainingRecord().name}”`);
    expect(runs().crashNote).toMatch(/^The Training charts panel crashed/);
    // Nothing left to take off: the panel shows its own message instead of mounting again.
    expect(keeper.hideShownAfterCrash('Training charts')).toBe(false);
  });

  it('keeps runs that ended while the stored ones were being read', async () => {
    const keeper = createRunKeeper({
      readAll: async () => [['run-range-1', rangeTestRecord()]],
      write: async () => {},
      patch: async () => true,
      remove: async () => {},
    });
    useAppStore.getState().setRuns({ list: [trainingRecord()] });
    await keeper.load();
    expect(
      runs()
        .list.map((run) => run.id)
        .sort(),
    ).toEqual(['run-range-1', 'run-training-1']);
  });
});

describe('importing', () => {
  it('adds an imported run to the list, under a new id when its own is taken', async () => {
    const keeper = createRunKeeper(idbRunBackend('keeper-import'));
    await keeper.keep(trainingRecord());
    await keeper.importFile('run.json', runToJson(trainingRecord({ name: 'from a friend' })));
    expect(runs().list).toHaveLength(2);
    const imported = runs().list[1];
    expect(imported.name).toBe('from a friend');
    expect(imported.id).not.toBe('run-training-1');
    expect(runs().importNote).toEqual({
      ok: true,
      text: 'Imported "from a friend" from run.json as a copy (a kept run already has its id).',
    });
  });

  it('says what is wrong with a bad file and adds nothing', async () => {
    const keeper = createRunKeeper(idbRunBackend('keeper-bad-import'));
    await keeper.importFile('notes.json', '{"format": "lr-playground-run", "version": 1}');
    expect(runs().list).toEqual([]);
    expect(runs().importNote).toEqual({
      ok: false,
      text: expect.stringMatching(/^notes\.json was not imported: run: /),
    });
  });
});

describe('after storage comes back', () => {
  it('writes every unsaved run on the next save and drops the message about refused writes', async () => {
    let refuse = true;
    const stored = new Map<string, RunRecord>();
    const flaky: RunBackend = {
      readAll: async () => [...stored],
      write: async (record) => {
        if (refuse) throw quotaError();
        stored.set(record.id, record);
      },
      patch: async () => false,
      remove: async (id) => void stored.delete(id),
    };
    const keeper = createRunKeeper(flaky);
    await keeper.keep(trainingRecord());
    await keeper.keep(rangeTestRecord());
    expect(runs().unsaved).toHaveLength(2);
    expect(runs().storageError).toMatch(/was not saved/);

    refuse = false;
    await keeper.keep({ ...trainingRecord(), id: 'run-training-2' });
    expect(runs().unsaved).toEqual([]);
    expect([...stored.keys()].sort()).toEqual(['run-range-1', 'run-training-1', 'run-training-2']);
    expect(runs().storageError).toBeNull();
  });

  it('says an aborted write was aborted, not "(null)"', async () => {
    const keeper = createRunKeeper(refusingBackend(null as unknown as Error));
    await keeper.keep(trainingRecord());
    expect(runs().storageError).toMatch(/the write was aborted, with no reason given/);
    expect(runs().storageError).not.toMatch(/null/);
  });
});
