import type { BackendName, SessionConfig } from '../../worker/contract';
import { changeSession, startEngine } from '../engineClient/engineActions';
import { useAppStore } from '../store';
import { busy } from '../store/selectors';
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

const BACKENDS: (BackendName | 'auto')[] = ['auto', ...BACKEND_NAMES];
/** WASM thread counts on offer (tfjs's wasm build runs at most 8). */
const WASM_THREADS = [1, 2, 3, 4, 6, 8];

/** Data, model, optimizer, batch size and backend: what the engine trains. */
export function SessionPanel() {
  const session = useAppStore((state) => state.session);
  const modelPreset = useAppStore((state) => state.modelPreset);
  const backendChoice = useAppStore((state) => state.backendChoice);
  const wasmThreads = useAppStore((state) => state.wasmThreads);
  const isBusy = useAppStore(busy);

  return (
    <section className="panel" aria-labelledby="session-heading">
      <h2 id="session-heading">Data and model</h2>
      {isBusy ? <p className="field-hint">Stop the current run to change these.</p> : null}
      <div className="field">
        <label htmlFor="field-dataset">Dataset</label>
        <select
          id="field-dataset"
          value={session.dataset}
          disabled={isBusy}
          onChange={(event) =>
            void changeSession({ dataset: event.target.value as SessionConfig['dataset'] })
          }
        >
          {DATASET_NAMES.map((name) => (
            <option key={name} value={name}>
              {DATASET_LABELS[name]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="field-model">Model</label>
        <select
          id="field-model"
          value={modelPreset}
          disabled={isBusy}
          onChange={(event) => {
            useAppStore.getState().setModelPreset(event.target.value as ModelPreset);
            void changeSession({});
          }}
        >
          {Object.entries(MODEL_PRESETS).map(([key, preset]) => (
            <option key={key} value={key}>
              {preset.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="field-optimizer">Optimizer</label>
        <select
          id="field-optimizer"
          value={session.optimizer}
          disabled={isBusy}
          onChange={(event) =>
            void changeSession({ optimizer: event.target.value as SessionConfig['optimizer'] })
          }
        >
          {OPTIMIZER_NAMES.map((name) => (
            <option key={name} value={name}>
              {OPTIMIZER_LABELS[name]}
            </option>
          ))}
        </select>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="field-batch-size">Batch size</label>
          <select
            id="field-batch-size"
            value={session.batchSize}
            disabled={isBusy}
            onChange={(event) => void changeSession({ batchSize: Number(event.target.value) })}
          >
            {BATCH_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="field-backend">Backend</label>
          <select
            id="field-backend"
            value={backendChoice}
            disabled={isBusy}
            onChange={(event) => {
              useAppStore.getState().setBackendChoice(event.target.value as BackendName | 'auto');
              void startEngine();
            }}
          >
            {BACKENDS.map((name) => (
              <option key={name} value={name}>
                {name === 'auto' ? 'Best available' : name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="field-wasm-threads">WASM threads</label>
          <select
            id="field-wasm-threads"
            value={wasmThreads}
            disabled={isBusy || (backendChoice !== 'auto' && backendChoice !== 'wasm')}
            title="Threads for the WASM backend (needs a cross-origin isolated page); the engine restarts."
            onChange={(event) => {
              const value = event.target.value;
              useAppStore.getState().setWasmThreads(value === 'auto' ? 'auto' : Number(value));
              void startEngine();
            }}
          >
            <option value="auto">
              One per core ({globalThis.navigator?.hardwareConcurrency ?? 1})
            </option>
            {WASM_THREADS.map((count) => (
              <option key={count} value={count}>
                {count}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field field-boolean">
        <input
          id="field-augment"
          type="checkbox"
          checked={session.augment}
          disabled={isBusy}
          onChange={(event) => void changeSession({ augment: event.target.checked })}
        />
        <label htmlFor="field-augment">Random shifts</label>
      </div>
    </section>
  );
}
