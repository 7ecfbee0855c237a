import { formatCount, formatRate } from '../format';
import { trainingSeries } from '../series/runSeries';
import { useAppStore } from '../store';

/**
 * Says that the run diverged when its loss stayed well above a uniform guess's: with batch
 * norm a much too high LR often never overflows (the loss wanders at 3–8 on MNIST), so the
 * engine's stop on a non-finite loss alone would leave the user guessing. The run goes on, as
 * it would in PyTorch; the user decides.
 */
export function DivergenceNote() {
  const found = useAppStore((state) => state.training.aboveChance);
  const status = useAppStore((state) => state.training.status);
  const stoppedOnNaN = useAppStore((state) => state.training.endReason === 'nonFinite');
  if (!found || status === 'idle' || stoppedOnNaN) return null;
  const lr = found.since < trainingSeries.lr.length ? trainingSeries.lr.at(found.since) : null;
  return (
    <p className="status-error" role="alert" data-testid="divergence-note">
      The run has diverged: since iteration {formatCount(found.since)}
      {lr !== null ? ` (LR ${formatRate(lr)})` : ''} the smoothed loss has stayed above{' '}
      {found.bar.toFixed(2)}, worse than guessing at random ({found.chanceLoss.toFixed(2)}). The LR
      is too high for this model: lower it, or Stop.
    </p>
  );
}
