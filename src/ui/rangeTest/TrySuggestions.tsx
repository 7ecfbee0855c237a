import { plural } from '../../core';
import { runRace } from '../race/raceActions';
import { distinctSuggestions } from '../race/suggestionLegs';
import { useAppStore } from '../store';
import { raceBlocker } from '../store/selectors';
import type { RangeTestSuggestion } from './rangeTestAnalysis';

/**
 * "Try the suggestions": a race with one short run per distinct pick, opened in the Race tab,
 * or why it cannot start now.
 */
export function TrySuggestions({ suggestions }: { suggestions: readonly RangeTestSuggestion[] }) {
  const ratio = useAppStore((state) => state.rangeTest.ratio);
  const raceBlocked = useAppStore((state) => raceBlocker(state, suggestions, 'suggestion'));
  const raceLength = useAppStore((state) => state.race.length);
  const numDistinct = distinctSuggestions(suggestions, ratio).length;
  const trySuggestions = () => {
    const { setRace, setChartTab } = useAppStore.getState();
    setRace({ kind: 'suggestion' });
    setChartTab('race');
    void runRace(suggestions);
  };
  return (
    <p className="suggested-apply">
      <button
        type="button"
        className="secondary"
        disabled={raceBlocked !== null}
        aria-describedby="try-suggestions-hint"
        onClick={trySuggestions}
      >
        Try the suggestions
      </button>{' '}
      <span id="try-suggestions-hint" className="field-hint">
        {raceBlocked ??
          `Races the ${numDistinct} distinct picks, ${plural(raceLength.value, raceLength.unit.replace(/s$/, ''))} each.`}
      </span>
    </p>
  );
}
