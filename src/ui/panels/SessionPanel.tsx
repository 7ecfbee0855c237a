import type { DatasetName } from '../../core';
import type { BackendName } from '../../worker/contract';
import { SelectField, type SelectOption } from '../controls/SelectField';
import { DatasetImport } from '../datasets/DatasetImport';
import { keptDatasetLabel } from '../datasets/keptDataset';
import { changeSession, startEngine } from '../engineClient/engineActions';
import { useAppStore } from '../store';
import { OptimizerOptionsFields } from './OptimizerOptionsFields';
import { activity, busy, type Activity } from '../store/selectors';
import {
  BACKEND_NAMES,
  BATCH_SIZES,
  DATASET_LABELS,
  DATASET_NAMES,
  MODEL_PRESETS,
  OPTIMIZER_LABELS,
  OPTIMIZER_NAMES,
  type ModelPreset,
} from '../sessionChoices';

const DATASET_OPTIONS: SelectOption<DatasetName>[] = DATASET_NAMES.map((name) => ({
  value: name,
  label: DATASET_LABELS[name],
}));
const MODEL_OPTIONS = (Object.keys(MODEL_PRESETS) as ModelPreset[]).map((key) => ({
  value: key,
  label: MODEL_PRESETS[key].label,
}));
const OPTIMIZER_OPTIONS = OPTIMIZER_NAMES.map((name) => ({
  value: name,
  label: OPTIMIZER_LABELS[name],
}));
const BATCH_SIZE_OPTIONS = BATCH_SIZES.map((size) => ({ value: size, label: String(size) }));
const BACKEND_OPTIONS: SelectOption<BackendName | 'auto'>[] = [
  { value: 'auto', label: 'Best available' },
  ...BACKEND_NAMES.map((name) => ({ value: name, label: name })),
];
/** WASM thread counts on offer (tfjs's wasm build runs at most 8). */
const WASM_THREADS = [1, 2, 3, 4, 6, 8];

/** Why the settings that need a new run are locked now. */
function lockReason(now: Activity): string {
  switch (now) {
    case 'starting':
      return 'The engine is starting…';
    case 'rangeTest':
      return 'Locked while the range test runs: stop it to change the data, model or optimizer.';
    case 'race':
      return 'Locked while a race runs: stop it to change the data, model or optimizer.';
    default:
      return 'Locked while a run is in progress: stop it to change the data, model or optimizer.';
  }
}

/** Data, model, optimizer, batch size and backend: what the engine trains. */
export function SessionPanel() {
  const session = useAppStore((state) => state.session);
  const modelPreset = useAppStore((state) => state.modelPreset);
  const backendChoice = useAppStore((state) => state.backendChoice);
  const wasmThreads = useAppStore((state) => state.wasmThreads);
  const kept = useAppStore((state) => state.datasets.kept);
  const isBusy = useAppStore(busy);
  const now = useAppStore(activity);
  const lock = isBusy ? lockReason(now) : null;
  const lockId = lock ? 'session-lock' : undefined;
  const threadOptions: SelectOption<number | 'auto'>[] = [
    { value: 'auto', label: `One per core (${globalThis.navigator?.hardwareConcurrency ?? 1})` },
    ...WASM_THREADS.map((count) => ({ value: count, label: String(count) })),
  ];

  return (
    <section className="panel" aria-labelledby="session-heading">
      <h2 id="session-heading">Data and model</h2>
      {lock ? (
        <p id="session-lock" className="field-hint session-lock">
          {lock}
        </p>
      ) : null}
      <SelectField
        id="field-dataset"
        label="Dataset"
        value={session.dataset}
        disabled={isBusy}
        describedBy={lockId}
        options={[
          ...DATASET_OPTIONS,
          ...kept.map((info) => ({ value: info.name, label: keptDatasetLabel(info) })),
        ]}
        onChange={(dataset) => void changeSession({ dataset })}
      />
      <DatasetImport />
      <SelectField
        id="field-model"
        label="Model"
        value={modelPreset}
        disabled={isBusy}
        describedBy={lockId}
        options={MODEL_OPTIONS}
        onChange={(preset) => {
          useAppStore.getState().setModelPreset(preset);
          void changeSession({});
        }}
      />
      <SelectField
        id="field-optimizer"
        label="Optimizer"
        value={session.optimizer}
        disabled={isBusy}
        describedBy={lockId}
        options={OPTIMIZER_OPTIONS}
        onChange={(optimizer) => void changeSession({ optimizer })}
      />
      <OptimizerOptionsFields
        optimizer={session.optimizer}
        options={session.optimizerOptions}
        disabled={isBusy}
        lockId={lockId}
        onChange={(optimizerOptions) => void changeSession({ optimizerOptions })}
      />
      <div className="field-row">
        <SelectField
          id="field-batch-size"
          label="Batch size"
          value={session.batchSize}
          disabled={isBusy}
          describedBy={lockId}
          options={BATCH_SIZE_OPTIONS}
          onChange={(batchSize) => void changeSession({ batchSize })}
        />
        <SelectField
          id="field-backend"
          label="Backend"
          value={backendChoice}
          disabled={isBusy}
          describedBy={lockId}
          options={BACKEND_OPTIONS}
          onChange={(choice) => {
            useAppStore.getState().setBackendChoice(choice);
            void startEngine();
          }}
        />
        <SelectField
          id="field-wasm-threads"
          label="WASM threads"
          value={wasmThreads}
          describedBy={lockId}
          disabled={isBusy || (backendChoice !== 'auto' && backendChoice !== 'wasm')}
          title="Threads for the WASM backend (needs a cross-origin isolated page); the engine restarts."
          options={threadOptions}
          onChange={(threads) => {
            useAppStore.getState().setWasmThreads(threads);
            void startEngine();
          }}
        />
      </div>
      <div className="field field-boolean">
        <input
          id="field-augment"
          type="checkbox"
          checked={session.augment}
          disabled={isBusy}
          aria-describedby={lockId}
          onChange={(event) => void changeSession({ augment: event.target.checked })}
        />
        <label htmlFor="field-augment">Random shifts</label>
      </div>
    </section>
  );
}
