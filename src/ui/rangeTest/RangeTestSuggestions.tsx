import { formatRate } from '../format';
import { useAppStore } from '../store';
import { SUGGESTION_COLORS } from './suggestionColors';
import { useRangeTestAnalysis } from './useRangeTestAnalysis';
import { RangeTestRepeatPicker } from './RangeTestRepeatPicker';
import { TrySuggestions } from './TrySuggestions';
import { spreadText, type SuggestionInterval } from './rangeTestRepeatsView';
import { boundsFromMaxLr, type RangeTestSuggestion } from './rangeTestAnalysis';

/** Why the recommended pick is the one offered (the order of `RECOMMENDATION_ORDER`), a sentence. */
const WHY_RECOMMENDED: Partial<Record<RangeTestSuggestion['id'], string>> = {
  accuracy: 'Meant for cyclical LRs, so it comes first.',
  valley: "No accuracy knee was found, so fastai's default comes next.",
  steep: 'Neither an accuracy knee nor a valley was found.',
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

function ApplyBounds({
  bounds,
  onApply,
}: {
  bounds: { maxLr: number; baseLr: number };
  onApply: () => void;
}) {
  return (
    <p className="suggested-apply">
      <button type="button" onClick={onApply}>
        Use suggestion
      </button>{' '}
      <span className="field-hint">
        Max LR {formatRate(bounds.maxLr)}, Base LR {formatRate(bounds.baseLr)}
      </span>
    </p>
  );
}

/** Each rule over the repeats: its median and the interval its picks fall in. */
function RepeatIntervals({ intervals }: { intervals: readonly SuggestionInterval[] }) {
  return (
    <ul className="suggestion-list" aria-label="Suggestions over the repeats">
      {intervals.map(({ id, label, spread }) => (
        <li key={id}>
          <span
            className="suggestion-swatch"
            style={{ background: SUGGESTION_COLORS[id] }}
            aria-hidden="true"
          />
          <span className="suggestion-name">{label}</span>{' '}
          <span className="suggestion-lr">{formatRate(spread.median)}</span>
          <span className="suggestion-why">
            {formatRate(spread.min)}–{formatRate(spread.max)}, {spread.decades.toFixed(2)} decades
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The range test's verdict: the suggested max LR with "Use suggestion", every method's pick with
 * a one-line explanation (or why it is missing), how far apart the picks are, and why the test
 * stopped. Compact: it sits beside the range-test chart.
 */
export function RangeTestSuggestions() {
  const { recorded, picks, repeated } = useRangeTestAnalysis();
  const status = useAppStore((state) => state.rangeTest.status);
  const end = useAppStore((state) => state.rangeTest.end);
  const ratio = useAppStore((state) => state.rangeTest.ratio);
  const updateDraft = useAppStore((state) => state.updateDraft);
  // Mid-test picks jump around; offer them once the test has ended.
  const ready = status !== 'running' && recorded.lrs.length > 0;
  const { recommended } = picks;
  const recommendedLr = repeated
    ? (repeated.recommended?.spread.median ?? null)
    : (recommended?.lr ?? null);
  const bounds = recommendedLr !== null ? boundsFromMaxLr(recommendedLr, ratio) : null;
  const spreadOfPicks = spread(picks.suggestions);

  return (
    <section className="range-test-suggestions" aria-labelledby="range-test-suggestions-heading">
      <h3 id="range-test-suggestions-heading">Suggestions</h3>
      {!ready ? (
        <p className="field-hint">
          {status === 'running'
            ? 'Suggestions appear when the range test ends.'
            : 'Run a range test to get suggested bounds.'}
        </p>
      ) : repeated?.recommended && bounds ? (
        <div className="suggested">
          <p className="suggested-value" data-testid="range-test-headline">
            Suggested max LR: {formatRate(repeated.recommended.spread.median)},{' '}
            {spreadText(repeated.recommended.spread)}
          </p>
          <p className="field-hint">
            {repeated.recommended.label}: the median of {repeated.recommended.spread.numRuns} of{' '}
            {repeated.numRepeats} repeats ({formatRate(repeated.recommended.spread.min)}–
            {formatRate(repeated.recommended.spread.max)}).
          </p>
          <ApplyBounds bounds={bounds} onApply={() => updateDraft(bounds)} />
          <TrySuggestions suggestions={picks.suggestions} />
        </div>
      ) : recommended && bounds ? (
        <div className="suggested">
          <p className="suggested-value" data-testid="range-test-headline">
            Suggested max LR: {formatRate(recommended.lr)}
            {spreadOfPicks ? (
              <span className="suggested-spread">
                {' '}
                (the methods&apos; picks span {spreadOfPicks})
              </span>
            ) : null}
          </p>
          <p className="field-hint">
            {recommended.label}: {recommended.explanation}.
            {WHY_RECOMMENDED[recommended.id] ? ` ${WHY_RECOMMENDED[recommended.id]}` : ''}
          </p>
          <ApplyBounds bounds={bounds} onApply={() => updateDraft(bounds)} />
          <TrySuggestions suggestions={picks.suggestions} />
        </div>
      ) : (
        <p className="field-hint">
          No suggestion from this test: it recorded too few steps. Run a longer one.
        </p>
      )}
      <RangeTestRepeatPicker />
      {ready ? (
        <details className="suggestion-details">
          <summary>Every pick, and why the test stopped</summary>
          {repeated ? <RepeatIntervals intervals={repeated.intervals} /> : null}
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
