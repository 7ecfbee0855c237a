import { formatCount, formatRate } from '../format';
import { trainingSeries } from '../series/runSeries';
import { useAppStore } from '../store';
import { cycleNow } from '../store/selectors';

/** The numbers a class reads from the back row: iteration, epoch, cycle, LR, validation accuracy. */
export function LiveNumbers() {
  const training = useAppStore((state) => state.training);
  const perEpoch = useAppStore((state) => state.engine.dataset?.iterationsPerEpoch ?? 0);
  // The series lives outside React; seriesVersion says it grew.
  useAppStore((state) => state.seriesVersion);
  const numDone = training.numIterationsDone;
  const lr =
    trainingSeries.lr.length > 0 ? trainingSeries.lr.at(trainingSeries.lr.length - 1) : null;
  const cycle = useAppStore(cycleNow);
  const accuracy = training.lastValidation?.accuracy;
  const items: [label: string, value: string][] = [
    ['Iteration', formatCount(numDone)],
    ['Epoch', perEpoch > 0 ? (numDone / perEpoch).toFixed(2) : '–'],
    ['Cycle', cycle !== null ? String(cycle) : '–'],
    ['LR', lr !== null ? formatRate(lr) : '–'],
    ['Val. acc.', accuracy !== undefined ? `${(100 * accuracy).toFixed(1)}%` : '–'],
  ];
  return (
    <dl className="live-numbers" aria-label="Live numbers">
      {items.map(([label, value]) => (
        <div key={label} className="live-number">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
