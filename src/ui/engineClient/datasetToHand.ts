import { errorMessage, isImportedDatasetName } from '../../core';
import type { ImportedDatasetSets } from '../../worker/contract';
import { keptDatasetSets } from '../datasets/keptDatasets';
import { useAppStore } from '../store';

/**
 * The session to start with and the images of its imported dataset, read from this browser's
 * storage; a dataset not kept here (a share link from elsewhere, a deleted one) falls back to
 * MNIST with a message naming what was asked for.
 */
export async function datasetToHand() {
  const { session, setSession } = useAppStore.getState();
  if (!isImportedDatasetName(session.dataset)) return { session, imported: null, missing: null };
  let imported: ImportedDatasetSets | null = null;
  let why = 'which is not kept in this browser';
  try {
    imported = await keptDatasetSets(session.dataset);
  } catch (error) {
    why = `which could not be read (${errorMessage(error)})`;
  }
  if (imported) return { session, imported, missing: null };
  setSession({ dataset: 'mnist' });
  const missing = `This page asked for the imported dataset "${session.dataset.slice('imported:'.length)}", ${why}: import it with Import dataset to train on it. Training on MNIST instead.`;
  return { session: useAppStore.getState().session, imported: null, missing };
}
