import { createStore, del, entries, set, type UseStore } from 'idb-keyval';
import type { RunRecord } from './runRecord';

/** The fields of a kept run a user edits, each on its own. */
export type RunEdit = Partial<Pick<RunRecord, 'name' | 'pinned' | 'shown'>>;

/** Where kept runs live: IndexedDB in the page, anything with the same calls in tests. */
export interface RunBackend {
  /** Every stored value, by key; values are checked by the caller. */
  readAll(): Promise<[string, unknown][]>;
  write(record: RunRecord): Promise<void>;
  /**
   * Changes only the fields in `edit` of the stored run, read and written in one transaction,
   * so an edit made in another tab to another field survives. False when no run has that id
   * (deleted meanwhile, in another tab): nothing is written, the run is not brought back.
   */
  patch(id: string, edit: RunEdit): Promise<boolean>;
  remove(id: string): Promise<void>;
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

/**
 * Runs in IndexedDB through idb-keyval, one entry per run keyed by its id (typed arrays are
 * stored as they are). The database is opened on first use, so a browser without IndexedDB
 * (or one that refuses it, as some private modes do) fails there, as a rejected promise.
 */
export function idbRunBackend(dbName = 'lr-playground', storeName = 'runs'): RunBackend {
  let store: UseStore | null = null;
  const open = async (): Promise<UseStore> => (store ??= createStore(dbName, storeName));
  return {
    readAll: async () => entries<string, unknown>(await open()),
    write: async (record) => set(record.id, record, await open()),
    patch: async (id, edit) =>
      (await open())(
        'readwrite',
        (runs) =>
          new Promise<boolean>((resolve, reject) => {
            const read = runs.get(id);
            read.onerror = () => reject(read.error ?? new Error('the run could not be read'));
            read.onsuccess = () => {
              const stored: unknown = read.result;
              if (!isObject(stored)) return resolve(false);
              const written = runs.put({ ...stored, ...edit }, id);
              written.onerror = () => reject(written.error ?? new Error('the edit was refused'));
              written.onsuccess = () => resolve(true);
            };
          }),
      ),
    remove: async (id) => del(id, await open()),
  };
}
