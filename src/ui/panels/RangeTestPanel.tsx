import { RangeTestAnalysisChoices } from '../rangeTest/RangeTestAnalysisChoices';
import { RangeTestReading } from '../rangeTest/RangeTestReading';
import { RangeTestSettings } from '../rangeTest/RangeTestSettings';

/** What the range test does, how it is read (ratio, smoothing) and its sweep settings; its button sits in the run bar. */
export function RangeTestPanel() {
  return (
    <section className="panel" aria-labelledby="range-heading">
      <h2 id="range-heading">Range test: reading and sweep</h2>
      <p className="field-hint">
        Sweeps the LR upward for a short run and records the loss at each step. Weights are restored
        afterwards.
      </p>
      <RangeTestReading />
      <RangeTestSettings />
      <RangeTestAnalysisChoices />
    </section>
  );
}
