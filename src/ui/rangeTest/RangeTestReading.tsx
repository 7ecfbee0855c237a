import { roundSignificant } from '../format';
import { MAX_SMOOTHING, RATIO_RANGE } from '../sessionChoices';
import { useAppStore } from '../store';

/** How the range test is read: the Base LR ratio and the smoothing of the drawn loss. */
export function RangeTestReading() {
  const ratio = useAppStore((state) => state.rangeTest.ratio);
  const smoothing = useAppStore((state) => state.rangeTest.smoothing);
  const maxLr = useAppStore((state) => state.draft.maxLr);
  const setRangeTest = useAppStore((state) => state.setRangeTest);
  const updateDraft = useAppStore((state) => state.updateDraft);

  return (
    <>
      <div className="field">
        <label htmlFor="range-test-ratio">Ratio</label>
        <div className="slider-row">
          <input
            id="range-test-ratio"
            type="range"
            min={RATIO_RANGE.min}
            max={RATIO_RANGE.max}
            step={RATIO_RANGE.step}
            value={ratio}
            aria-describedby="range-test-ratio-hint"
            onChange={(event) => {
              const next = Number(event.target.value);
              setRangeTest({ ratio: next });
              updateDraft({ baseLr: roundSignificant(maxLr / next) });
            }}
          />
          <output htmlFor="range-test-ratio">{ratio}</output>
        </div>
        <p id="range-test-ratio-hint" className="field-hint">
          Base LR = Max LR / {ratio} (Smith: 3–4).
        </p>
      </div>
      <div className="field">
        <label htmlFor="range-test-smoothing">Smoothing</label>
        <div className="slider-row">
          <input
            id="range-test-smoothing"
            type="range"
            min={0}
            max={MAX_SMOOTHING}
            step={0.005}
            value={smoothing}
            aria-describedby="range-test-smoothing-hint"
            onChange={(event) => setRangeTest({ smoothing: Number(event.target.value) })}
          />
          <output htmlFor="range-test-smoothing">{smoothing.toFixed(3)}</output>
        </div>
        <p id="range-test-smoothing-hint" className="field-hint">
          How much the drawn loss is averaged (debiased EMA β). The suggestions always use each
          library&apos;s own smoothing.
        </p>
      </div>
    </>
  );
}
