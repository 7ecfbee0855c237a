import { useMemo } from 'react';
import type { SuggestChoices } from '../../core';
import { OptionalNumberField } from '../controls/OptionalNumberField';
import { formatRate } from '../format';
import { useAppStore } from '../store';
import { pickLrs } from './rangeTestAnalysis';
import { useRangeTestAnalysis } from './useRangeTestAnalysis';

const BETAS = [0.9, 0.95, 0.98, 0.99] as const;

/** How the suggestions move: each rule's LR with the libraries' defaults and with these choices. */
function SuggestionShift() {
  const { recorded, picks } = useRangeTestAnalysis();
  const numIt = useAppStore(
    (state) => (state.rangeTest.ranWith?.config ?? state.rangeTest.config).numIter,
  );
  const running = useAppStore((state) => state.rangeTest.status === 'running');
  const own = useMemo(() => pickLrs(recorded, numIt), [recorded, numIt]);
  if (running || recorded.lrs.length === 0) {
    return (
      <p className="field-hint">Run a range test to see how each choice moves the suggestions.</p>
    );
  }
  return (
    <table className="analysis-shift" data-testid="analysis-shift">
      <thead>
        <tr>
          <th scope="col">Suggestion</th>
          <th scope="col">Libraries&apos; defaults</th>
          <th scope="col">These choices</th>
        </tr>
      </thead>
      <tbody>
        {own.suggestions
          .filter((s) => s.id !== 'accuracy')
          .map((s) => {
            const now = picks.suggestions.find((p) => p.id === s.id);
            const why = picks.omitted.find((o) => o.id === s.id)?.reason;
            return (
              <tr key={s.id} data-suggestion={s.id}>
                <th scope="row">{s.label}</th>
                <td>{formatRate(s.lr)}</td>
                <td className={now && now.index !== s.index ? 'analysis-moved' : undefined}>
                  {now ? formatRate(now.lr) : `none: ${why ?? 'not available'}`}
                </td>
              </tr>
            );
          })}
      </tbody>
    </table>
  );
}

const wholeAtLeast0 = (value: number) =>
  Number.isInteger(value) && value >= 0 ? null : 'Use a whole number, 0 or more.';

/**
 * The numerical choices behind the suggestions, each with the libraries' defaults named; the
 * suggestions recompute from the kept curve as they change (the table shows how far they move).
 */
export function RangeTestAnalysisChoices() {
  const choices = useAppStore((state) => state.rangeTest.choices);
  const setRangeTest = useAppStore((state) => state.setRangeTest);
  const change = (next: Partial<SuggestChoices>) => {
    const merged: SuggestChoices = { ...choices, ...next };
    for (const key of Object.keys(merged) as (keyof SuggestChoices)[]) {
      if (merged[key] === undefined) delete merged[key];
    }
    setRangeTest({ choices: merged });
  };
  return (
    <details className="range-test-analysis" data-testid="range-test-analysis">
      <summary>Analysis: how the suggestions are computed</summary>
      <div className="range-test-settings-grid">
        <div className="field">
          <label htmlFor="analysis-beta">Smoothing β</label>
          <select
            id="analysis-beta"
            value={choices.beta ?? 0.98}
            aria-describedby="analysis-beta-hint"
            onChange={(event) => change({ beta: Number(event.target.value) })}
          >
            {BETAS.map((beta) => (
              <option key={beta} value={beta}>
                {beta}
              </option>
            ))}
          </select>
          <p id="analysis-beta-hint" className="field-hint">
            fastai: 0.98 (pytorch-lr-finder smooths with smooth_f 0.05, kept).
          </p>
        </div>
        <div className="field">
          <label htmlFor="analysis-slope">Slope against</label>
          <select
            id="analysis-slope"
            value={choices.slope ?? 'own'}
            aria-describedby="analysis-slope-hint"
            onChange={(event) => {
              const value = event.target.value;
              change({ slope: value === 'logLr' || value === 'index' ? value : undefined });
            }}
          >
            <option value="own">Each library&apos;s own</option>
            <option value="logLr">log LR</option>
            <option value="index">Step index</option>
          </select>
          <p id="analysis-slope-hint" className="field-hint">
            fastai: log LR; pytorch-lr-finder: step index (the same on an exponential sweep).
          </p>
        </div>
        <OptionalNumberField
          id="analysis-skipStart"
          label="Skip at start"
          value={choices.skipStart ?? null}
          placeholder="library's own"
          hint="fastai: iterations / 10; pytorch-lr-finder: 10."
          check={wholeAtLeast0}
          onValue={(skipStart) => change({ skipStart })}
        />
        <OptionalNumberField
          id="analysis-skipEnd"
          label="Skip at end"
          value={choices.skipEnd ?? null}
          placeholder="library's own"
          hint="Both: 5 before the stop."
          check={wholeAtLeast0}
          onValue={(skipEnd) => change({ skipEnd })}
        />
        <OptionalNumberField
          id="analysis-divergeFactor"
          label="Divergence factor"
          value={choices.divergeFactor ?? null}
          placeholder="library's own"
          hint="fastai: 4; pytorch-lr-finder: 5 (× the best smoothed loss)."
          check={(value) => (value > 1 ? null : 'Use a factor above 1.')}
          onValue={(divergeFactor) => change({ divergeFactor })}
        />
      </div>
      <div className="field field-boolean">
        <input
          id="analysis-debias"
          type="checkbox"
          checked={choices.debias ?? true}
          aria-describedby="analysis-debias-hint"
          onChange={(event) => change({ debias: event.target.checked ? undefined : false })}
        />
        <label htmlFor="analysis-debias">Bias correction</label>
        <p id="analysis-debias-hint" className="field-hint">
          fastai: on (the EMA divided by 1 − β^k); off, the early loss reads too low.
        </p>
      </div>
      <p>
        <button type="button" className="secondary" onClick={() => setRangeTest({ choices: {} })}>
          Libraries&apos; defaults
        </button>
      </p>
      <SuggestionShift />
    </details>
  );
}
