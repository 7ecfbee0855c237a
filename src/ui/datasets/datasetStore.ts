import { createStore, delMany, getMany, keys, get, setMany, type UseStore } from 'idb-keyval';
import type { ImportedDatasetName } from '../../core';
import type { KeptDatasetImages, KeptDatasetInfo } from './keptDataset';

/**
 * Imported datasets in IndexedDB, in their own database (kept runs are elsewhere): for each,
 * `info:<name>` (what the picker lists) and `images:<name>` (the pixels), written and deleted
 * together in one transaction, so a failed write leaves nothing half kept.
 */
export interface DatasetStore {
  list(): Promise<KeptDatasetInfo[]>;
  images(name: ImportedDatasetName): Promise<KeptDatasetImages | undefined>;
  keep(info: KeptDatasetInfo, images: KeptDatasetImages): Promise<void>;
  remove(name: ImportedDatasetName): Promise<void>;
}

export function idbDatasetStore(
  dbName = 'lr-playground-datasets',
  storeName = 'datasets',
): DatasetStore {
  let store: UseStore | null = null;
  const open = (): UseStore => (store ??= createStore(dbName, storeName));
  return {
    list: async () => {
      const infoKeys = (await keys<string>(open())).filter((key) => key.startsWith('info:'));
      const infos = await getMany<KeptDatasetInfo | undefined>(infoKeys, open());
      return infos
        .filter((info): info is KeptDatasetInfo => typeof info?.name === 'string')
        .sort((a, b) => a.importedAt - b.importedAt);
    },
    images: (name) => get<KeptDatasetImages>(`images:${name}`, open()),
    keep: (info, images) =>
      setMany(
        [
          [`images:${info.name}`, images],
          [`info:${info.name}`, info],
        ],
        open(),
      ),
    remove: (name) => delMany([`info:${name}`, `images:${name}`], open()),
  };
}
