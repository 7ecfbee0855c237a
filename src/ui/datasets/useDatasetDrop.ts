import { useEffect } from 'react';
import { useAppStore } from '../store';
import { importDataset } from './datasetActions';
import { droppedFiles } from './droppedFiles';

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

/** Files or a folder dropped anywhere on the page are imported with the panel's choices. */
export function useDatasetDrop(): void {
  useEffect(() => {
    const over = (event: DragEvent) => {
      if (carriesFiles(event)) event.preventDefault();
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event) || !event.dataTransfer) return;
      event.preventDefault();
      void droppedFiles(event.dataTransfer).then((files) =>
        importDataset(files, useAppStore.getState().datasets.options),
      );
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);
}
