import * as Comlink from 'comlink';
import { errorMessage } from '../../core';
import type { ImportApi, ImportFileEntry, ImportOptions } from '../../worker/importWorkerApi';
import { changeSession } from '../engineClient/engineActions';
import { useAppStore } from '../store';
import { busy } from '../store/selectors';
import { importName } from './importName';
import { keptFromImport, type KeptDatasetInfo } from './keptDataset';
import { loadKeptDatasets, storeOf } from './keptDatasets';

/**
 * Importing, keeping and deleting datasets: the import runs in its own worker (Cancel ends
 * it), the result is kept in IndexedDB and chosen as the session's dataset.
 */

/** The worker of the import under way, so that Cancel can end it. */
let running: { worker: Worker; cancel: () => void } | null = null;

function skippedWords(result: { skipped: { count: number; firstPaths: string[] } }): string {
  const { count, firstPaths } = result.skipped;
  if (count === 0) return '';
  const more = count > firstPaths.length ? `, and ${count - firstPaths.length} more` : '';
  return ` Skipped ${count} unreadable or non-image ${count === 1 ? 'file' : 'files'}: ${firstPaths.join(', ')}${more}.`;
}

/** Imports `files` in a worker, keeps the dataset and trains on it; a failure keeps all as it was. */
export async function importDataset(
  files: ImportFileEntry[],
  options: ImportOptions,
): Promise<void> {
  const { setDatasets } = useAppStore.getState();
  if (running || files.length === 0) return;
  // The import ends by switching the dataset, which would end the run in progress.
  if (busy(useAppStore.getState())) {
    setDatasets({
      note: { ok: false, text: 'Stop the run in progress first, then import: nothing was read.' },
    });
    return;
  }
  const fileName = importName(files);
  setDatasets({ importing: { done: 0, total: 1, fileName }, note: null });
  const worker = new Worker(new URL('../../worker/import.worker.ts', import.meta.url), {
    type: 'module',
    name: 'lr-playground-import',
  });
  const cancelled = new Promise<null>((resolve) => {
    running = { worker, cancel: () => resolve(null) };
  });
  const api = Comlink.wrap<ImportApi>(worker);
  let kept: KeptDatasetInfo | null = null;
  const onProgress = (done: number, total: number) => {
    if (useAppStore.getState().datasets.importing)
      setDatasets({ importing: { done, total, fileName } });
  };
  try {
    const outcome = await Promise.race([
      api.importDataset(files, options, Comlink.proxy(onProgress)),
      cancelled,
    ]);
    if (!outcome) {
      setDatasets({
        note: { ok: false, text: `Import of ${fileName} cancelled: nothing was kept.` },
      });
      return;
    }
    if (!outcome.ok) {
      setDatasets({
        note: { ok: false, text: `Import failed: ${outcome.message}. Nothing was changed.` },
      });
      return;
    }
    const { info, images } = keptFromImport(outcome.result);
    await storeOf().keep(info, images);
    await loadKeptDatasets();
    const heldOut =
      info.heldOutFrom === 'testBatch'
        ? 'the test batch'
        : `${info.numHeldOut} images (a random share)`;
    setDatasets({
      note: {
        ok: true,
        text: `Imported ${info.title}: ${info.numTrain.toLocaleString('en-US')} training images in ${info.classNames.length} classes, ${heldOut} held out for validation.${skippedWords(outcome.result)}`,
      },
    });
    kept = info;
  } catch (error) {
    setDatasets({
      note: { ok: false, text: `Import failed: ${errorMessage(error)}. Nothing was changed.` },
    });
  } finally {
    running = null;
    worker.terminate();
    setDatasets({ importing: null });
  }
  // After the import has ended, so that another can start while the engine loads this one.
  if (kept) await changeSession({ dataset: kept.name });
}

/** Ends the import under way; nothing of it is kept. */
export function cancelImport(): void {
  running?.cancel();
}

/** Deletes a kept dataset; when it is the one in use, the page goes back to MNIST. */
export async function deleteKeptDataset(info: KeptDatasetInfo): Promise<void> {
  try {
    await storeOf().remove(info.name);
  } catch (error) {
    useAppStore.getState().setDatasets({
      note: { ok: false, text: `${info.title} could not be deleted: ${errorMessage(error)}` },
    });
    return;
  }
  await loadKeptDatasets();
  useAppStore.getState().setDatasets({ note: { ok: true, text: `Deleted ${info.title}.` } });
  if (useAppStore.getState().session.dataset === info.name)
    await changeSession({ dataset: 'mnist' });
}
