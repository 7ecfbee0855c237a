import { formatCount } from '../format';
import { rangeTestSeries } from '../series/runSeries';
import { useAppStore } from '../store';

/**
 * One bar for the whole race: leg k of n plus how far the current leg is (its range test and
 * its training, for an optimizer leg), and a line saying which leg runs and where it is.
 */
export function RaceProgress() {
  const race = useAppStore((state) => state.race);
  const numDone = useAppStore((state) => state.training.numIterationsDone);
  const rangeTestSteps = useAppStore((state) => state.rangeTest.config.numIter);
  // Re-rendered on series bumps, so the range test's recorded steps read live.
  useAppStore((state) => state.seriesVersion);
  const legIdx = race.currentLegIdx;
  if (race.status !== 'running' || legIdx === null) return null;
  const leg = race.legs[legIdx];
  const numLegs = race.legs.length;
  const testSteps = race.ranKind === 'optimizer' ? rangeTestSteps : 0;
  const legSteps = testSteps + race.numLegIterations;
  const done =
    leg.status === 'rangeTest'
      ? Math.min(rangeTestSeries.lr.length, testSteps)
      : leg.status === 'training'
        ? testSteps + Math.min(numDone, race.numLegIterations)
        : 0;
  const fraction = (legIdx + done / legSteps) / numLegs;
  const where =
    leg.status === 'rangeTest'
      ? `range test, step ${formatCount(done)} of ${formatCount(testSteps)}`
      : leg.status === 'training'
        ? `iteration ${formatCount(done - testSteps)} of ${formatCount(race.numLegIterations)}`
        : 'starting';

  return (
    <div className="race-progress">
      <progress
        value={fraction}
        max={1}
        aria-label={`Race progress: leg ${legIdx + 1} of ${numLegs}`}
      />
      <span data-testid="race-progress-text">
        Leg {legIdx + 1} of {numLegs}: {leg.label} — {where}
        {race.cancelRequested ? ' (stopping…)' : ''}
      </span>
    </div>
  );
}
