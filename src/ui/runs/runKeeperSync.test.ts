import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { rangeTestRecord, trainingRecord } from '../../testing/keptRunFixtures';
import { useAppStore } from '../store';
import { runToJson } from './runExport';
import { createRunKeeper } from './runKeeper';
import type { RunRecord } from './runRecord';
import { idbRunBackend, type RunBackend } from './runStore';
import type { RunsChannel, RunsMessage } from './tabSync';

const runs = () => useAppStore.getState().runs;
const setList = (list: RunRecord[]) => useAppStore.getState().setRuns({ list });

/** What a fresh page reads back from the database `name`. */
async function storedAfterReload(name: string): Promise<RunRecord[]> {
  useAppStore.getState().setRuns({ list: [], loaded: false });
  await createRunKeeper(idbRunBackend(name)).load();
  return runs().list;
}

/** A channel that records what is posted and lets the test deliver messages from "another tab". */
function fakeChannel() {
  const posted: RunsMessage[] = [];
  let deliver: (message: RunsMessage) => void = () => {};
  const channel: RunsChannel = {
    post: (message) => posted.push(message),
    listen: (onMessage) => {
      deliver = onMessage;
    },
  };
  return { channel, posted, fromOtherTab: (message: RunsMessage) => deliver(message) };
}

beforeEach(() => {
  useAppStore
    .getState()
    .setRuns({ list: [], unsaved: [], loaded: false, storageError: null, importNote: null });
});

describe('edits are per field (two tabs, each with its own copy of the run)', () => {
  it("a stale tab's Pin does not undo the other tab's rename", async () => {
    const tabA = createRunKeeper(idbRunBackend('per-field-rename'));
    const tabB = createRunKeeper(idbRunBackend('per-field-rename'));
    await tabA.keep(trainingRecord());
    await tabA.update('run-training-1', { name: 'renamed in A' });
    // Tab B still holds the run as it was before the rename.
    setList([trainingRecord()]);
    await tabB.update('run-training-1', { pinned: true });

    const [stored] = await storedAfterReload('per-field-rename');
    expect(stored).toMatchObject({ name: 'renamed in A', pinned: true });
  });

  it("a stale tab's Shown tick does not bring back a run deleted in the other tab", async () => {
    const tabA = createRunKeeper(idbRunBackend('per-field-delete'));
    const tabB = createRunKeeper(idbRunBackend('per-field-delete'));
    await tabA.keep(trainingRecord());
    await tabA.keep(rangeTestRecord());
    await tabA.remove('run-training-1');
    setList([trainingRecord(), rangeTestRecord()]);
    await tabB.update('run-training-1', { shown: true });
    // Tab B learns it is gone instead of writing it back.
    expect(runs().list.map((run) => run.id)).toEqual(['run-range-1']);

    const stored = await storedAfterReload('per-field-delete');
    expect(stored.map((run) => run.id)).toEqual(['run-range-1']);
  });
});

describe('tabs stay in sync', () => {
  it('tells the other tabs what it kept, edited and removed, once storage has it', async () => {
    const { channel, posted } = fakeChannel();
    const keeper = createRunKeeper(idbRunBackend('sync-posts'), channel);
    await keeper.load();
    await keeper.keep(trainingRecord());
    await keeper.update('run-training-1', { pinned: true });
    await keeper.remove('run-training-1');
    expect(posted.map((message) => message.type)).toEqual(['kept', 'edited', 'removed']);
    expect(posted[1]).toEqual({ type: 'edited', id: 'run-training-1', edit: { pinned: true } });
  });

  it("applies another tab's new runs, edits and deletions to its own list", async () => {
    const { channel, fromOtherTab } = fakeChannel();
    const keeper = createRunKeeper(idbRunBackend('sync-hears'), channel);
    await keeper.load();
    fromOtherTab({ type: 'kept', record: trainingRecord() });
    fromOtherTab({ type: 'kept', record: rangeTestRecord() });
    expect(runs().list.map((run) => run.id)).toEqual(['run-training-1', 'run-range-1']);
    fromOtherTab({ type: 'edited', id: 'run-range-1', edit: { name: 'from tab B' } });
    expect(runs().list[1].name).toBe('from tab B');
    fromOtherTab({ type: 'removed', id: 'run-training-1' });
    expect(runs().list.map((run) => run.id)).toEqual(['run-range-1']);
    // A malformed message is ignored, not shown.
    fromOtherTab({ type: 'kept', record: { kind: 'training' } as unknown as RunRecord });
    expect(runs().list).toHaveLength(1);
  });
});

describe('importing while the stored runs are still being read', () => {
  it('waits for them, then imports under a new id instead of overwriting the stored run', async () => {
    const stored = new Map<string, RunRecord>([['run-training-1', trainingRecord()]]);
    let finishReading: () => void = () => {};
    const slow: RunBackend = {
      readAll: () =>
        new Promise((resolve) => {
          finishReading = () => resolve([...stored]);
        }),
      write: async (record) => void stored.set(record.id, record),
      patch: async () => true,
      remove: async (id) => void stored.delete(id),
    };
    const keeper = createRunKeeper(slow);
    const loading = keeper.load();
    const importing = keeper.importFile(
      'run.json',
      runToJson(trainingRecord({ name: 'from a friend' })),
    );
    finishReading();
    await Promise.all([loading, importing]);
    expect(stored.get('run-training-1')?.name).toBe('triangular, 5 iterations');
    expect(stored.size).toBe(2);
    expect(
      runs()
        .list.map((run) => run.name)
        .sort(),
    ).toEqual(['from a friend', 'triangular, 5 iterations']);
  });
});

describe('checkpoints', () => {
  it('writes a live run to storage only, and its real end replaces it', async () => {
    const keeper = createRunKeeper(idbRunBackend('checkpoints'));
    await keeper.checkpoint(trainingRecord({ stopReason: 'interrupted' }));
    expect(runs().list).toEqual([]);
    await keeper.keep(trainingRecord());
    // Too late: the run is kept, so a last checkpoint cannot overwrite its end.
    await keeper.checkpoint(trainingRecord({ stopReason: 'interrupted' }));
    const [stored] = await storedAfterReload('checkpoints');
    expect(stored.stopReason).toBe(trainingRecord().stopReason);
    expect(stored.stopReason).not.toBe('interrupted');
  });

  it('leaves an interrupted run in storage when the page goes away before its end', async () => {
    await createRunKeeper(idbRunBackend('checkpoint-reload')).checkpoint(
      trainingRecord({ stopReason: 'interrupted' }),
    );
    const stored = await storedAfterReload('checkpoint-reload');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ id: 'run-training-1', stopReason: 'interrupted' });
  });
});
