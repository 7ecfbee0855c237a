import { useState } from 'react';
import { downloadBlob } from '../download';
import { exportModel } from '../engineClient/engineActions';
import { useAppStore } from '../store';
import { activity } from '../store/selectors';
import { errorMessage } from '../../core';

const MODEL_FILE = 'model.json';
/** model.json names this file: both must be saved side by side under these names. */
const WEIGHTS_FILE = 'model.weights.bin';

/**
 * Downloads the current weights as a TF.js layers model: model.json and the weights file it
 * names, loadable with `tf.loadLayersModel` in any TF.js app.
 */
export function ModelDownloadButton() {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  // Only settled weights are exported: nothing may be training or sweeping them.
  const blocked = useAppStore((state) => activity(state) !== 'idle');

  const download = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const files = await exportModel(WEIGHTS_FILE);
      downloadBlob(new Blob([files.modelJson], { type: 'application/json' }), MODEL_FILE);
      downloadBlob(new Blob([files.weights], { type: 'application/octet-stream' }), WEIGHTS_FILE);
      setOutcome({
        ok: true,
        message: `Saved ${MODEL_FILE} and ${WEIGHTS_FILE}: keep them in one folder and load ${MODEL_FILE} with tf.loadLayersModel.`,
      });
    } catch (error) {
      setOutcome({ ok: false, message: `The model could not be exported: ${errorMessage(error)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="model-download">
      <button
        type="button"
        className="secondary"
        onClick={() => void download()}
        disabled={blocked || busy}
        title="The current weights as a TF.js layers model (model.json + weights)"
      >
        {busy ? 'Exporting…' : 'Download model (TF.js)'}
      </button>
      {outcome ? (
        <p
          className={outcome.ok ? 'field-hint' : 'field-message'}
          role={outcome.ok ? 'status' : 'alert'}
        >
          {outcome.message}
        </p>
      ) : null}
    </div>
  );
}
