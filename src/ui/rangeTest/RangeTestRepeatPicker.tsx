import { useAppStore } from '../store';

/** Which sweep of a repeated test the chart draws: all (median and band) or one on its own. */
export function RangeTestRepeatPicker() {
  const numRepeats = useAppStore((state) => state.rangeTest.repeats.length);
  const shownRepeatIdx = useAppStore((state) => state.rangeTest.shownRepeatIdx);
  const running = useAppStore((state) => state.rangeTest.status === 'running');
  const setRangeTest = useAppStore((state) => state.setRangeTest);
  if (numRepeats < 2 || running) return null;
  return (
    <p className="field range-test-repeat-picker">
      <label htmlFor="range-test-shown-repeat">Show</label>{' '}
      <select
        id="range-test-shown-repeat"
        value={shownRepeatIdx ?? 'all'}
        onChange={(event) =>
          setRangeTest({
            shownRepeatIdx: event.target.value === 'all' ? null : Number(event.target.value),
          })
        }
      >
        <option value="all">All {numRepeats} repeats: median and band</option>
        {Array.from({ length: numRepeats }, (_, idx) => (
          <option key={idx} value={idx}>
            Repeat {idx + 1} alone
          </option>
        ))}
      </select>
    </p>
  );
}
