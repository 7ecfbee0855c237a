import { runRangeTest, stop } from '../engine/engineActions';
import { rangeTestConfigErrors } from '../rangeTest/rangeTestConfigErrors';
import { useAppStore } from '../store';

/** The range test's button; its settings and suggestions sit beside the chart. */
export function RangeTestPanel() {
  const status = useAppStore((state) => state.rangeTest.status);
  const engineStatus = useAppStore((state) => state.engine.status);
  const training = useAppStore((state) => state.training.status);
  const config = useAppStore((state) => state.rangeTest.config);
  const configError = Object.values(rangeTestConfigErrors(config))[0];
  const trainingActive = training === 'running' || training === 'paused';
  const blocker =
    engineStatus !== 'ready'
      ? engineStatus === 'starting'
        ? 'The engine is starting…'
        : 'The engine is not running.'
      : trainingActive
        ? 'Stop training to run a range test.'
        : configError
          ? `Fix the sweep first: ${configError}`
          : null;

  return (
    <section className="panel" aria-labelledby="range-heading">
      <h2 id="range-heading">Range test</h2>
      <p className="field-hint">
        Sweeps the LR upward for a short run and records the loss at each step. Weights are restored
        afterwards.
      </p>
      <div className="button-row">
        <button
          type="button"
          onClick={() => void runRangeTest()}
          disabled={status === 'running' || blocker !== null}
          aria-describedby={blocker ? 'range-blocker' : undefined}
        >
          Run range test
        </button>
        {status === 'running' ? (
          <button type="button" className="secondary" onClick={() => void stop()}>
            Stop test
          </button>
        ) : null}
      </div>
      {blocker ? (
        <p id="range-blocker" className="field-hint">
          {blocker}
        </p>
      ) : null}
    </section>
  );
}
