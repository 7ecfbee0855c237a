import { useAppStore } from '../store';
import type { RunsSlice } from '../store/runsSlice';
import { hiddenAfterCrashText, quarantineEntry, type QuarantinedRun } from './quarantine';
import { parseRunFile } from './runImport';
import { describeSchemaError, storedRunSchema, type RunRecord } from './runRecord';
import { idbRunBackend, type RunBackend, type RunEdit } from './runStore';
import { broadcastRunsChannel, type RunsChannel, type RunsMessage } from './tabSync';

/** Storage errors are DOMExceptions whose name (QuotaExceededError…) says the most. */
function storageErrorText(error: unknown): string {
  // An aborted IndexedDB transaction may report no error at all.
  if (error === null || error === undefined) return 'the write was aborted, with no reason given';
  if (error instanceof DOMException || error instanceof Error) {
    const message = error.message || 'no reason given';
    return error.name && error.name !== 'Error' ? `${error.name}: ${message}` : message;
  }
  return String(error);
}

/** The panel's one message when storage fails, naming the cause and what to do. */
function storageMessage(what: string, error: unknown): string {
  return `${what}: this browser's storage refused it (${storageErrorText(error).replace(/\.$/, '')}). Private windows and full disks do this. Runs not saved stay here until the page closes: export them to keep them.`;
}

/** A silent channel, for a keeper that is the only tab (tests, or no BroadcastChannel). */
const NO_TABS: RunsChannel = { post: () => {}, listen: () => {} };

/**
 * What the runs panel and the engine do with kept runs: each change shows at once in the store
 * and is then written to `backend`; a write that fails leaves the run in memory, marked unsaved,
 * with a message saying so. Nothing is dropped silently. Edits are per field, and what storage
 * took is told to the other tabs on `tabs`, which apply it to their lists.
 */
export function createRunKeeper(backend: RunBackend, tabs: RunsChannel = NO_TABS) {
  const state = () => useAppStore.getState().runs;
  const setRuns = (change: Partial<RunsSlice['runs']>) => useAppStore.getState().setRuns(change);
  /** The one read of the stored runs (a second load or an import waits for the same read). */
  let loading: Promise<void> | null = null;

  /** Another tab kept, edited or removed a run: the same change here, storage untouched. */
  function heard(message: RunsMessage): void {
    const list = state().list;
    if (message.type === 'kept') {
      const parsed = storedRunSchema.safeParse(message.record);
      if (!parsed.success) return;
      const others = list.filter((run) => run.id !== parsed.data.id);
      setRuns({ list: [...others, parsed.data] });
    } else if (message.type === 'edited') {
      const { id, edit } = message;
      setRuns({
        list: list.map((run) => (run.id === id ? ({ ...run, ...edit } as RunRecord) : run)),
      });
    } else {
      setRuns({ list: list.filter((run) => run.id !== message.id) });
    }
  }

  /** The storage message shown now came from a refused write (not from reading). */
  let errorFromWrite = false;
  /** A retry of the other unsaved runs is under way. */
  let retrying = false;

  /**
   * Writes the run; on success it is no longer unsaved, on failure it is, with the reason.
   * A success shows storage works again: the other unsaved runs are written too, and once
   * none is left the message about refused writes goes.
   */
  async function save(record: RunRecord, what: string): Promise<boolean> {
    try {
      await backend.write(record);
    } catch (error) {
      if (!state().list.some((run) => run.id === record.id)) return false;
      errorFromWrite = true;
      setRuns({
        unsaved: [...new Set([...state().unsaved, record.id])],
        storageError: storageMessage(what, error),
      });
      return false;
    }
    const unsaved = state().unsaved.filter((id) => id !== record.id);
    setRuns({
      unsaved,
      ...(unsaved.length === 0 && errorFromWrite ? { storageError: null } : {}),
    });
    if (unsaved.length === 0) errorFromWrite = false;
    else if (!retrying) await retryUnsaved();
    return true;
  }

  /** Writes every run still marked unsaved, one after another; stops at the first refusal. */
  async function retryUnsaved(): Promise<void> {
    retrying = true;
    try {
      for (const id of [...state().unsaved]) {
        const record = state().list.find((run) => run.id === id);
        if (!record || !(await save(record, `"${record.name}" was not saved`))) break;
      }
    } finally {
      retrying = false;
    }
  }

  async function keep(record: RunRecord): Promise<void> {
    setRuns({ list: [...state().list, record] });
    if (await save(record, `"${record.name}" was not saved`)) {
      tabs.post({ type: 'kept', record });
    }
  }

  async function readStored(): Promise<void> {
    let stored: [string, unknown][];
    try {
      stored = await backend.readAll();
    } catch (error) {
      setRuns({
        loaded: true,
        storageError: storageMessage('Kept runs could not be read', error),
      });
      return;
    }
    const read: RunRecord[] = [];
    const quarantined: QuarantinedRun[] = [];
    for (const [key, value] of stored) {
      const parsed = storedRunSchema.safeParse(value);
      if (parsed.success) read.push(parsed.data);
      else quarantined.push(quarantineEntry(key, value, describeSchemaError(parsed.error)));
    }
    const current = state().list;
    const known = new Set(current.map((run) => run.id));
    setRuns({
      list: [...read.filter((run) => !known.has(run.id)), ...current],
      quarantined,
      loaded: true,
    });
  }

  /**
   * Reads the stored runs back (page load), once; runs kept meanwhile stay. From then on,
   * what other tabs keep, edit and remove shows here too.
   */
  function load(): Promise<void> {
    if (!loading) {
      tabs.listen(heard);
      loading = readStored();
    }
    return loading;
  }

  const keeper = {
    /** Keeps a run that just ended. */
    keep,

    /**
     * Writes a live run's progress so far to storage only (the list shows it once it ends,
     * and its end overwrites this). Skipped once the run is kept; a refused write is left to
     * the run's real end to report.
     */
    async checkpoint(record: RunRecord): Promise<void> {
      if (state().list.some((run) => run.id === record.id)) return;
      await backend.write(record).catch(() => {});
    },

    /** Reads the stored runs back, once (see `load`). */
    load,

    /**
     * Renames, pins or shows a run: only the fields changed are written, over what storage
     * holds now (another tab may have changed other fields), and a run deleted elsewhere stays
     * deleted.
     */
    async update(id: string, edit: RunEdit) {
      const before = state().list.find((run) => run.id === id);
      if (!before) return;
      const record = { ...before, ...edit } as RunRecord;
      setRuns({ list: state().list.map((run) => (run.id === id ? record : run)) });
      const what = `The change to "${record.name}" was not saved`;
      // A run storage never took is written whole, as its first save.
      if (state().unsaved.includes(id)) {
        await save(record, what);
        return;
      }
      try {
        if (await backend.patch(id, edit)) {
          tabs.post({ type: 'edited', id, edit });
          return;
        }
        setRuns({ list: state().list.filter((run) => run.id !== id) });
      } catch (error) {
        setRuns({ storageError: storageMessage(what, error) });
      }
    },

    async remove(id: string): Promise<void> {
      const record = state().list.find((run) => run.id === id);
      if (!record) return;
      setRuns({
        list: state().list.filter((run) => run.id !== id),
        unsaved: state().unsaved.filter((unsavedId) => unsavedId !== id),
      });
      try {
        await backend.remove(id);
        tabs.post({ type: 'removed', id });
      } catch (error) {
        setRuns({
          storageError: storageMessage(
            `"${record.name}" was removed here but not from storage (it comes back on reload)`,
            error,
          ),
        });
      }
    },

    /** Adds the run in an exported file, or says what is wrong with the file. */
    async importFile(fileName: string, text: string): Promise<void> {
      const parsed = parseRunFile(text);
      if (!parsed.ok) {
        setRuns({
          importNote: { ok: false, text: `${fileName} was not imported: ${parsed.error}` },
        });
        return;
      }
      // The stored runs first: an id taken by one not yet read back must not be overwritten.
      await load();
      const taken = state().list.some((run) => run.id === parsed.record.id);
      const record = taken ? { ...parsed.record, id: crypto.randomUUID() } : parsed.record;
      const copy = taken ? ' as a copy (a kept run already has its id)' : '';
      setRuns({
        importNote: { ok: true, text: `Imported "${record.name}" from ${fileName}${copy}.` },
      });
      await keep(record);
    },

    /** Deletes a stored run that could not be read (it is gone from storage too). */
    async deleteQuarantined(key: string): Promise<void> {
      try {
        await backend.remove(key);
        setRuns({ quarantined: state().quarantined.filter((entry) => entry.key !== key) });
      } catch (error) {
        setRuns({ storageError: storageMessage('The set-aside run was not deleted', error) });
      }
    },

    /**
     * A chart crashed: the kept runs it was drawing are taken off the charts, in storage too,
     * so that a run that crashes a chart does not crash it again on every visit. True when
     * any was shown (the chart is worth drawing again without them).
     */
    hideShownAfterCrash(panel: string): boolean {
      const shown = state().list.filter((run) => run.shown);
      if (shown.length === 0) return false;
      setRuns({
        crashNote: hiddenAfterCrashText(
          panel,
          shown.map((run) => run.name),
        ),
      });
      for (const run of shown) void keeper.update(run.id, { shown: false });
      return true;
    },

    dismissCrashNote(): void {
      setRuns({ crashNote: null });
    },

    dismissStorageError(): void {
      setRuns({ storageError: null });
    },
  };
  return keeper;
}

/** The page's kept runs, in this browser's IndexedDB. */
export const runKeeper = createRunKeeper(idbRunBackend(), broadcastRunsChannel());
