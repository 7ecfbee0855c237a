import { useRef } from 'react';
import type { BackendReport } from '../../worker/contract';
import { startEngine } from '../engineClient/engineActions';
import { formatCount, formatRate } from '../format';
import { rangeTestSeries, trainingSeries } from '../series/runSeries';
import { useAppStore } from '../store';
import { cycleNow } from '../store/selectors';
import { DivergenceNote } from './DivergenceNote';
import { StatusAnnouncer } from './StatusAnnouncer';

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

function wasmSummary(wasm: BackendReport['wasm']): string {
  const threads = `${wasm.threads} thread${wasm.threads === 1 ? '' : 's'}`;
  return `SIMD ${wasm.simd ? 'on' : 'off'}, ${threads}${wasm.threadsNote ? `: ${wasm.threadsNote}` : ''}`;
}

/** The line a user glances at: backend, progress, current LR, speed, ETA, accuracy, and any trouble. */
export function StatusBar() {
  const statusRef = useRef<HTMLDivElement>(null);
  const engine = useAppStore((state) => state.engine);
  const training = useAppStore((state) => state.training);
  const rangeTest = useAppStore((state) => state.rangeTest);
  const batchSize = useAppStore((state) => state.session.batchSize);
  useAppStore((state) => state.seriesVersion);

  const backend = engine.backend;
  const backendText =
    engine.status === 'starting'
      ? 'Starting the engine…'
      : backend
        ? `Backend: ${backend.backend}${backend.backend === 'wasm' ? ` (${wasmSummary(backend.wasm)})` : ''}`
        : 'No backend';
  const numDone = training.numIterationsDone;
  const perEpoch = engine.dataset?.iterationsPerEpoch ?? 0;
  const lr =
    trainingSeries.lr.length > 0 ? trainingSeries.lr.at(trainingSeries.lr.length - 1) : null;
  const cycle = useAppStore(cycleNow);
  const remaining = training.numIterationsPlanned - numDone;
  const eta = training.samplesPerSec > 0 ? (remaining * batchSize) / training.samplesPerSec : NaN;
  const showTraining = training.status !== 'idle';

  return (
    <footer className="status-bar" data-testid="status-bar">
      <StatusAnnouncer source={statusRef} />
      <div className="status-text" data-testid="status" ref={statusRef}>
        <span>{backendText}</span>
        {showTraining ? (
          <>
            <span>
              Iteration {formatCount(numDone)}
              {training.numIterationsPlanned > 0
                ? ` / ${formatCount(training.numIterationsPlanned)}`
                : ''}
            </span>
            {perEpoch > 0 ? <span>Epoch {(numDone / perEpoch).toFixed(2)}</span> : null}
            {cycle !== null ? <span>Cycle {cycle}</span> : null}
            {lr !== null ? <span>LR {formatRate(lr)}</span> : null}
            {training.samplesPerSec > 0 ? (
              <span>{Math.round(training.samplesPerSec)} samples/s</span>
            ) : null}
            {training.status === 'running' ? <span>ETA {formatDuration(eta)}</span> : null}
            {training.status === 'paused' ? <span>Paused</span> : null}
            {training.lastValidation ? (
              <span>
                Validation accuracy {(100 * training.lastValidation.accuracy).toFixed(1)}%
              </span>
            ) : null}
          </>
        ) : null}
        {rangeTest.status === 'running' ? <span>Range test running</span> : null}
      </div>
      {backend && backend.backend !== 'webgpu' ? <BackendWhy reasons={backend.reasons} /> : null}
      {rangeTest.status === 'running' ? (
        <RangeTestProgress total={rangeTest.config.numIter} />
      ) : training.status === 'running' || training.status === 'paused' ? (
        <progress
          aria-label="Training progress"
          max={Math.max(1, training.numIterationsPlanned)}
          value={numDone}
        />
      ) : null}
      {training.status === 'ended' && training.endReason === 'nonFinite' ? (
        <p className="status-error" role="alert">
          {training.message}
        </p>
      ) : null}
      <DivergenceNote />
      {engine.error ? (
        <p className="status-error" role="alert">
          {engine.error}
          <button type="button" onClick={() => void startEngine()}>
            Restart engine
          </button>
          {engine.status === 'ready' ? (
            <button
              type="button"
              className="link"
              onClick={() => useAppStore.getState().setEngine({ error: null })}
            >
              Dismiss
            </button>
          ) : null}
        </p>
      ) : null}
    </footer>
  );
}

function RangeTestProgress({ total }: { total: number }) {
  // The series lives outside React; seriesVersion says it grew.
  useAppStore((state) => state.seriesVersion);
  return (
    <progress
      aria-label="Range test progress"
      max={Math.max(1, total)}
      value={Math.min(total, rangeTestSeries.lr.length)}
    />
  );
}

/** Why the faster backends were not used: a GPU that is missing, software-rendered or failing. */
function BackendWhy({ reasons }: { reasons: Record<string, string> }) {
  const skipped = (['webgpu', 'webgl'] as const).filter(
    (name) => !reasons[name].startsWith('chosen'),
  );
  return (
    <details className="backend-why">
      <summary>Why this backend?</summary>
      <ul>
        {skipped.map((name) => (
          <li key={name}>
            {name}: {reasons[name]}
          </li>
        ))}
      </ul>
    </details>
  );
}
