import type { StateCreator } from 'zustand';
import type { ImportOptions } from '../../worker/importWorkerApi';
import type { KeptDatasetInfo } from '../datasets/keptDataset';

export interface DatasetsSlice {
  datasets: {
    /** Imported datasets kept in this browser, oldest first. */
    kept: KeptDatasetInfo[];
    /** The import under way: files or images done of the total; null when none runs. */
    importing: { done: number; total: number; fileName: string } | null;
    /** The size, colour and held-out share the next import uses. */
    options: ImportOptions;
    /** The outcome of the last import or deletion, good or bad. */
    note: { ok: boolean; text: string } | null;
  };
  setDatasets: (change: Partial<DatasetsSlice['datasets']>) => void;
}

export const createDatasetsSlice: StateCreator<DatasetsSlice> = (set) => ({
  datasets: {
    kept: [],
    importing: null,
    note: null,
    options: { side: 'auto', channels: 'auto', heldOutFraction: 0.1 },
  },
  setDatasets: (change) => set((state) => ({ datasets: { ...state.datasets, ...change } })),
});
