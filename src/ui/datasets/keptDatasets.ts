import { errorMessage, isImportedDatasetName, type DatasetName } from '../../core';
import type { ImportedDatasetSets } from '../../worker/contract';
import { useAppStore } from '../store';
import { idbDatasetStore, type DatasetStore } from './datasetStore';
import type { KeptDatasetInfo } from './keptDataset';

/** The kept datasets' storage (IndexedDB, opened on use). */
export const storeOf = (): DatasetStore => idbDatasetStore();

/** Reads the kept datasets' list into the store (at start and after each change). */
export async function loadKeptDatasets(): Promise<KeptDatasetInfo[]> {
  try {
    const kept = await storeOf().list();
    useAppStore.getState().setDatasets({ kept });
    return kept;
  } catch (error) {
    useAppStore.getState().setDatasets({
      note: { ok: false, text: `Kept datasets could not be read: ${errorMessage(error)}` },
    });
    return [];
  }
}

/** The images of a kept dataset as the engine takes them; null when it is not kept here. */
export async function keptDatasetSets(name: DatasetName): Promise<ImportedDatasetSets | null> {
  if (!isImportedDatasetName(name)) return null;
  const store = storeOf();
  const info = (await store.list()).find((kept) => kept.name === name);
  const images = info && (await store.images(name));
  if (!info || !images) return null;
  const shape = {
    rows: info.side,
    cols: info.side,
    channels: info.channels,
    numClasses: info.classNames.length,
  };
  return {
    name,
    train: {
      ...shape,
      images: images.trainImages,
      labels: images.trainLabels,
      count: info.numTrain,
    },
    heldOut: {
      ...shape,
      images: images.heldOutImages,
      labels: images.heldOutLabels,
      count: info.numHeldOut,
    },
  };
}
