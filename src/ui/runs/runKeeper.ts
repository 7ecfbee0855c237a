import { useAppStore } from '../store';
import type { RunsSlice } from '../store/runsSlice';
import { parseRunFile } from './runImport';
import { describeSchemaError, storedRunSchema, type RunRecord } from './runRecord';
import { idbRunBackend, type RunBackend } from './runStore';

/** Storage errors are DOMExceptions whose name (QuotaExceededError…) says the most. */
function storageErrorText(error: unknown): string {
  if (error instanceof DOMException || error instanceof Error) {
    return error.name && error.name !== 'Error' ? `${error.name}: ${error.message}` : error.message;
  }
  return String(error);
}

/** The panel's one message when storage fails, naming the cause and what to do. */
function storageMessage(what: string, error: unknown): string {
  return `${what}: this browser's storage refused it (${storageErrorText(error).replace(/\.$/, '')}). Private windows and full disks do this. Runs not saved stay here until the page closes: export them to keep them.`;
}

/**
 * What the runs panel and the engine do with kept runs: each change shows at once in the store
 * and is then written to `backend`; a write that fails leaves the run in memory, marked unsaved,
 * with a message saying so. Nothing is dropped silently.
 */
export function createRunKeeper(backend: RunBackend) {
  const state = () => useAppStore.getState().runs;
  const setRuns = (change: Partial<RunsSlice['runs']>) => useAppStore.getState().setRuns(change);

  /** Writes the run; on success it is no longer unsaved, on failure it is, with the reason. */
  async function save(record: RunRecord, what: string): Promise<void> {
    try {
      await backend.write(record);
      setRuns({ unsaved: state().unsaved.filter((id) => id !== record.id) });
    } catch (error) {
      if (!state().list.some((run) => run.id === record.id)) return;
      setRuns({
        unsaved: [...new Set([...state().unsaved, record.id])],
        storageError: storageMessage(what, error),
      });
    }
  }

  async function keep(record: RunRecord): Promise<void> {
    setRuns({ list: [...state().list, record] });
    await save(record, `"${record.name}" was not saved`);
  }

  return {
    /** Keeps a run that just ended. */
    keep,

    /** Reads the stored runs back (page load); runs kept meanwhile stay. */
    async load(): Promise<void> {
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
      const unreadable: string[] = [];
      for (const [key, value] of stored) {
        const parsed = storedRunSchema.safeParse(value);
        if (parsed.success) read.push(parsed.data);
        else unreadable.push(`${key} (${describeSchemaError(parsed.error)})`);
      }
      const current = state().list;
      const known = new Set(current.map((run) => run.id));
      setRuns({
        list: [...read.filter((run) => !known.has(run.id)), ...current],
        loaded: true,
        ...(unreadable.length > 0
          ? {
              storageError: `${unreadable.length} stored run(s) could not be read and are not shown: ${unreadable.join('; ')}.`,
            }
          : {}),
      });
    },

    /** Renames, pins or shows a run. */
    async update(id: string, change: Partial<Pick<RunRecord, 'name' | 'pinned' | 'shown'>>) {
      const before = state().list.find((run) => run.id === id);
      if (!before) return;
      const record = { ...before, ...change } as RunRecord;
      setRuns({ list: state().list.map((run) => (run.id === id ? record : run)) });
      await save(record, `The change to "${record.name}" was not saved`);
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
      const taken = state().list.some((run) => run.id === parsed.record.id);
      const record = taken ? { ...parsed.record, id: crypto.randomUUID() } : parsed.record;
      setRuns({ importNote: { ok: true, text: `Imported "${record.name}" from ${fileName}.` } });
      await keep(record);
    },

    dismissStorageError(): void {
      setRuns({ storageError: null });
    },
  };
}

/** The page's kept runs, in this browser's IndexedDB. */
export const runKeeper = createRunKeeper(idbRunBackend());
