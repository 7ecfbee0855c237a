import { AccuracyChart } from './AccuracyChart';
import { LossChart } from './LossChart';
import { LrChart } from './LrChart';
import { MomentumChart } from './MomentumChart';
import { useTrainingView } from './useTrainingView';

/**
 * The live training charts: LR, loss, accuracy and (when the schedule cycles it) momentum
 * against iteration. Reads the store and the training series itself; place it anywhere.
 */
export function TrainingCharts() {
  const view = useTrainingView();
  const momentum = view.preview.momentum;

  return (
    <section
      className={`training-charts${momentum ? '' : ' training-charts-three'}`}
      aria-label="Training charts"
    >
      <LrChart view={view} />
      <LossChart view={view} />
      <AccuracyChart view={view} />
      {momentum ? <MomentumChart view={view} planned={momentum} /> : null}
    </section>
  );
}
