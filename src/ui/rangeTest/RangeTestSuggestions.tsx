import { plural } from '../../core';
import { formatRate } from '../format';
import { runRace } from '../race/raceActions';
import { distinctSuggestions } from '../race/suggestionLegs';
import { useAppStore } from '../store';
import { raceBlocker } from '../store/selectors';
import { SUGGESTION_COLORS } from './suggestionColors';
import { useRangeTestAnalysis } from './useRangeTestAnalysis';
import { boundsFromMaxLr, type RangeTestSuggestion } from './rangeTestAnalysis';

/** Why the recommended pick is the one offered (the order of `RECOMMENDATION_ORDER`). */
const WHY_RECOMMENDED: Partial<Record<RangeTestSuggestion['id'], string>> = {
  accuracy: "Smith's own rule for cyclical LRs, so it comes first",
  valley: "no accuracy knee was found, so fastai's default comes next",
  steep: 'neither an accuracy knee nor a valley was found',
};

/** How far apart the methods' picks are, e.g. "0.00534–0.0498, 9×". */
function spread(suggestions: readonly RangeTestSuggestion[]): string | null {
  const lrs = suggestions.map((suggestion) => suggestion.lr).filter((lr) => lr > 0);
  if (lrs.length < 2) return null;
  const low = Math.min(...lrs);
  const high = Math.max(...lrs);
  const ratio = high / low;
  return `${formatRate(low)}–${formatRate(high)}, ${ratio < 10 ? ratio.toFixed(1) : Math.round(ratio)}×`;
}

/**
 * The range test's verdict: the suggested max LR with "Use suggestion", every method's pick with
 * a one-line explanation (or why it is missing), how far apart the picks are, and why the test
 * stopped. Compact: it sits beside the range-test chart.
 */
export function RangeTestSuggestions() {
  const { recorded, picks } = useRangeTestAnalysis();
  const status = useAppStore((state) => state.rangeTest.status);
  const end = useAppStore((state) => state.rangeTest.end);
  const ratio = useAppStore((state) => state.rangeTest.ratio);
  const updateDraft = useAppStore((state) => state.updateDraft);
  const raceBlocked = useAppStore((state) => raceBlocker(state, picks.suggestions, 'suggestion'));
  const raceLength = useAppStore((state) => state.race.length);
  const numDistinct = distinctSuggestions(picks.suggestions, ratio).length;
  const trySuggestions = () => {
    const { setRace, setChartTab } = useAppStore.getState();
    setRace({ kind: 'suggestion' });
    setChartTab('race');
    void runRace(picks.suggestions);
  };
  // Mid-test picks jump around; offer them once the test has ended.
  const ready = status !== 'running' && recorded.lrs.length > 0;
  const { recommended } = picks;
  const bounds = recommended ? boundsFromMaxLr(recommended.lr, ratio) : null;

  return (
    <section className="range-test-suggestions" aria-labelledby="range-test-suggestions-heading">
      <h3 id="range-test-suggestions-heading">Suggestions</h3>
      {!ready ? (
        <p className="field-hint">
          {status === 'running'
            ? 'Suggestions appear when the range test ends.'
            : 'Run a range test to get suggested bounds.'}
        </p>
      ) : recommended && bounds ? (
        <div className="suggested">
          <p className="suggested-value">Suggested max LR: {formatRate(recommended.lr)}</p>
          <p className="field-hint">
            {recommended.label}: {recommended.explanation}
            {WHY_RECOMMENDED[recommended.id] ? ` (${WHY_RECOMMENDED[recommended.id]})` : ''}.
            {spread(picks.suggestions) ? ` Picks span ${spread(picks.suggestions)}.` : ''}
          </p>
          <p className="suggested-apply">
            <button type="button" onClick={() => updateDraft(bounds)}>
              Use suggestion
            </button>{' '}
            <span className="field-hint">
              Max LR {formatRate(bounds.maxLr)}, Base LR {formatRate(bounds.baseLr)}
            </span>
          </p>
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
                `Trains from each of the ${numDistinct} distinct picks for ${plural(raceLength.value, raceLength.unit.replace(/s$/, ''))} (set in the Race tab) and ranks them.`}
            </span>
          </p>
        </div>
      ) : (
        <p className="field-hint">
          No suggestion from this test: it recorded too few steps. Run a longer one.
        </p>
      )}
      {ready ? (
        <details className="suggestion-details">
          <summary>Every method&apos;s pick and why the test stopped</summary>
          <ul className="suggestion-list">
            {picks.suggestions.map((suggestion) => (
              <li key={suggestion.id}>
                <span
                  className="suggestion-swatch"
                  style={{ background: SUGGESTION_COLORS[suggestion.id] }}
                  aria-hidden="true"
                />
                <span className="suggestion-name">{suggestion.label}</span>{' '}
                <span className="suggestion-lr">{formatRate(suggestion.lr)}</span>
                {suggestion === recommended ? (
                  <span className="suggestion-tag"> (suggested)</span>
                ) : null}
                <span className="suggestion-why">{suggestion.explanation}</span>
              </li>
            ))}
            {picks.omitted.map((omission) => (
              <li key={omission.id} className="suggestion-omitted">
                <span className="suggestion-swatch" aria-hidden="true" />
                <span className="suggestion-name">{omission.label}</span>{' '}
                <span className="suggestion-lr">not available</span>
                <span className="suggestion-why">{omission.reason}</span>
              </li>
            ))}
          </ul>
          {end?.message ? (
            <p className={`range-test-stop range-test-stop-${end.reason}`}>{end.message}</p>
          ) : null}
        </details>
      ) : null}
    </section>
  );
}
