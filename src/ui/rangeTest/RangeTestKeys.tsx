import { formatRate } from '../format';
import type { RangeTestOverlay } from '../runs/runOverlays';
import { useAppStore } from '../store';
import type { RangeTestPicks } from './rangeTestAnalysis';
import { LegendIcon } from '../charts/LegendIcon';
import { SUGGESTION_COLORS } from './suggestionColors';
import { SUGGESTION_SHAPES } from './suggestionShapes';

/** Under the range-test plot: the suggestion markers, the kept tests shown, and how to click. */
export function RangeTestKeys({
  picks,
  overlays,
}: {
  picks: RangeTestPicks;
  overlays: readonly RangeTestOverlay[];
}) {
  const ratio = useAppStore((state) => state.rangeTest.ratio);
  return (
    <div className="range-test-caption">
      {picks.suggestions.length > 0 ? (
        <ul className="range-test-key" aria-label="Suggestion markers">
          {picks.suggestions.map((suggestion) => (
            <li key={suggestion.id}>
              <LegendIcon
                mark={SUGGESTION_SHAPES[suggestion.id].shape}
                color={SUGGESTION_COLORS[suggestion.id]}
              />
              {suggestion.label} {formatRate(suggestion.lr)}
            </li>
          ))}
        </ul>
      ) : null}
      {overlays.length > 0 ? (
        <ul className="range-test-key" aria-label="Kept range tests shown">
          {overlays.map((run) => (
            <li key={run.id}>
              <span
                className="kept-run-swatch"
                style={{ background: run.color }}
                aria-hidden="true"
              />
              {run.name} (smoothed loss)
            </li>
          ))}
        </ul>
      ) : null}
      <span className="field-hint">
        Click or drag on the chart to set Max LR; Base LR follows at Max LR / {ratio}.
      </span>
    </div>
  );
}
