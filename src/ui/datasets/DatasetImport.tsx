import { useRef } from 'react';
import { SelectField } from '../controls/SelectField';
import { useAppStore } from '../store';
import { busy } from '../store/selectors';
import { cancelImport, deleteKeptDataset, importDataset } from './datasetActions';
import { pickedFiles } from './droppedFiles';
import { keptDatasetLabel } from './keptDataset';

const SIZE_OPTIONS = [
  { value: 'auto', label: 'As the data' },
  { value: 28, label: '28×28' },
  { value: 32, label: '32×32' },
] as const;
const COLOUR_OPTIONS = [
  { value: 'auto', label: 'As the data' },
  { value: 1, label: 'Grey' },
  { value: 3, label: 'Colour' },
] as const;
const HELD_OUT_OPTIONS = [5, 10, 20].map((percent) => ({ value: percent, label: `${percent} %` }));

/**
 * Import of the user's own images (CIFAR-10/100 binary, a pixel CSV, a folder per class, or a
 * drop onto the page), with progress and Cancel, and the datasets kept in this browser.
 */
export function DatasetImport() {
  const { kept, importing, note, options } = useAppStore((state) => state.datasets);
  const setDatasets = useAppStore((state) => state.setDatasets);
  const isBusy = useAppStore(busy);
  const filesRef = useRef<HTMLInputElement>(null);
  const folderRef = useRef<HTMLInputElement>(null);
  const setOptions = (change: Partial<typeof options>) =>
    setDatasets({ options: { ...options, ...change } });
  const onPicked = (input: HTMLInputElement) => {
    const files = input.files ? pickedFiles(input.files) : [];
    input.value = '';
    void importDataset(files, options);
  };
  const locked = isBusy || importing !== null;

  return (
    <div className="dataset-import">
      <p className="field-hint" id="dataset-import-hint">
        Your own images: CIFAR-10 or CIFAR-100 (the binary .tar.gz or its .bin batches), a CSV of
        label and pixels, or a folder with one subfolder per class. Drop them on the page or:
      </p>
      <details className="dataset-import-options">
        <summary>Import options</summary>
        <div className="field-row">
          <SelectField
            id="field-import-size"
            label="Import size"
            value={options.side}
            options={SIZE_OPTIONS}
            disabled={locked}
            onChange={(side) => setOptions({ side })}
          />
          <SelectField
            id="field-import-colour"
            label="Colour"
            value={options.channels}
            options={COLOUR_OPTIONS}
            disabled={locked}
            onChange={(channels) => setOptions({ channels })}
          />
          <SelectField
            id="field-import-held-out"
            label="Held out"
            value={Math.round(options.heldOutFraction * 100)}
            options={HELD_OUT_OPTIONS}
            disabled={locked}
            onChange={(percent) => setOptions({ heldOutFraction: percent / 100 })}
          />
        </div>
        <p className="field-hint">
          Size: 28×28 or 32×32 (pictures of another size are scaled; as the data means 32×32 for
          pictures). Held out: the share kept for validation when the data has no test batch.
        </p>
      </details>
      <div className="button-row">
        <button
          type="button"
          className="secondary"
          disabled={locked}
          aria-describedby="dataset-import-hint"
          onClick={() => filesRef.current?.click()}
        >
          Import dataset
        </button>
        <button
          type="button"
          className="secondary"
          disabled={locked}
          onClick={() => folderRef.current?.click()}
        >
          Import a folder…
        </button>
        <input
          ref={filesRef}
          type="file"
          multiple
          hidden
          accept=".gz,.tgz,.tar,.bin,.txt,.csv,image/png,image/jpeg,image/webp"
          aria-label="Import dataset"
          onChange={(event) => onPicked(event.target)}
        />
        <input
          ref={folderRef}
          type="file"
          hidden
          aria-label="Import a folder"
          {...{ webkitdirectory: '' }}
          onChange={(event) => onPicked(event.target)}
        />
      </div>
      {importing ? (
        <div className="dataset-import-progress">
          <label htmlFor="dataset-import-bar">Importing {importing.fileName}…</label>
          <progress id="dataset-import-bar" max={importing.total} value={importing.done} />
          <button type="button" className="secondary" onClick={cancelImport}>
            Cancel
          </button>
        </div>
      ) : null}
      {note ? (
        <p className={note.ok ? 'field-hint' : 'field-message'} role={note.ok ? 'status' : 'alert'}>
          {note.text}
        </p>
      ) : null}
      {kept.length > 0 ? (
        <ul className="kept-datasets" aria-label="Kept datasets">
          {kept.map((info) => (
            <li key={info.name}>
              <span>{keptDatasetLabel(info)}</span>
              <button
                type="button"
                className="link"
                disabled={locked}
                aria-label={`Delete ${info.title}`}
                onClick={() => void deleteKeptDataset(info)}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
