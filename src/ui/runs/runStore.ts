import { createStore, del, entries, set, type UseStore } from 'idb-keyval';
import type { RunRecord } from './runRecord';

/** Where kept runs live: IndexedDB in the page, anything with the same three calls in tests. */
export interface RunBackend {
  /** Every stored value, by key; values are checked by the caller. */
  readAll(): Promise<[string, unknown][]>;
  write(record: RunRecord): Promise<void>;
  remove(id: string): Promise<void>;
}

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
    remove: async (id) => del(id, await open()),
  };
}
