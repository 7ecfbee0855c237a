import { memo } from 'react';
import { useSeriesMemo } from '../charts/useSeriesMemo';
import { trainingSeries } from '../series/runSeries';
import { useAppStore } from '../store';
import { SnapshotChart } from './SnapshotChart';
import { cycleEndEnsembles, ensembleGain, type CycleEndEnsembles } from './snapshotCurves';

/** Curves drawn (and rows listed): the newest cycle ends; older ones only crowd the plot. */
const MAX_CURVES = 8;
/** The table's swatches: the chart's colours for the newest and earlier cycle ends. */
const LATEST = '#7c3aed';
const EARLIER = '#c4b5fd';

function percent(value: number, digits = 2): string {
  return `${(value * 100).toFixed(digits)}%`;
}

function signedPoints(value: number): string {
  const points = value * 100;
  return `${points >= 0 ? '+' : '−'}${Math.abs(points).toFixed(2)} pts`;
}

/** Same cycle ends, same values: the chart need not redraw on every training tick. */
function sameEnds(
  a: { ends: readonly CycleEndEnsembles[] },
  b: { ends: readonly CycleEndEnsembles[] },
): boolean {
  return (
    a.ends.length === b.ends.length &&
    a.ends.every((end, i) => end.iteration === b.ends[i].iteration && end.byM === b.ends[i].byM)
  );
}

const SnapshotView = memo(function SnapshotView({ ends }: { ends: readonly CycleEndEnsembles[] }) {
  const shown = ends.slice(-MAX_CURVES);
  const latest = shown[shown.length - 1];
  const colorOf = (end: CycleEndEnsembles) => (end === latest ? LATEST : EARLIER);

  return (
    <>
      <SnapshotChart shown={shown} />
      <table className="snapshot-table" data-testid="snapshot-table">
        <caption className="visually-hidden">
          Single model and snapshot ensemble validation accuracy at each cycle end
        </caption>
        <thead>
          <tr>
            <th scope="col">Cycle end</th>
            <th scope="col">Single model</th>
            <th scope="col">Ensemble</th>
            <th scope="col">Gain</th>
          </tr>
        </thead>
        <tbody>
          {[...shown].reverse().map((end) => {
            const { size, accuracy, gain } = ensembleGain(end);
            return (
              <tr key={end.cycleNum} className={end === latest ? 'snapshot-latest' : undefined}>
                <th scope="row">
                  <span className="snapshot-swatch" style={{ background: colorOf(end) }} />
                  Cycle {end.cycleNum}
                </th>
                <td className="num">{percent(end.single)}</td>
                <td className="num">
                  {size >= 2 ? `${percent(accuracy)} (last ${size})` : '— (one snapshot)'}
                </td>
                <td className="num">{size >= 2 ? signedPoints(gain) : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {ends.length > shown.length ? (
        <p className="field-hint">
          Showing the last {MAX_CURVES} of {ends.length} cycle ends.
        </p>
      ) : null}
    </>
  );
}, sameEnds);

/**
 * Snapshot ensembles (Huang et al. 2017): at each cycle end, the single model's validation
 * accuracy beside the accuracy of the ensemble of the last m snapshots, for every m kept.
 */
export function SnapshotPanel() {
  const seriesVersion = useAppStore((state) => state.seriesVersion);
  const ends = useSeriesMemo(seriesVersion, () => cycleEndEnsembles(trainingSeries.validations));
  const paired = ends.some((end) => end.byM.length >= 2);

  return (
    <section className="snapshots" aria-labelledby="snapshots-heading" data-testid="snapshot-panel">
      <div className="toolbar">
        <h2 id="snapshots-heading">Snapshot ensembles</h2>
      </div>
      <p className="summary">
        At each cycle&apos;s end the LR is at its lowest and the weights sit in a minimum: a
        snapshot is kept (as many as <em>Snapshots kept</em> says). Averaging the softmax outputs of
        the last m snapshots gives an ensemble at no extra training cost. Each line is one cycle
        end; its green dot (m = 1) is that cycle&apos;s model alone.
      </p>
      {ends.length === 0 ? (
        <p className="snapshot-empty">
          Train for at least 2 cycles with a cyclical schedule to compare the ensembles with the
          single model here.
        </p>
      ) : (
        <>
          <SnapshotView ends={ends} />
          {paired ? null : (
            <p className="snapshot-empty">
              {ends.length >= 2
                ? 'Keep at least 2 snapshots (Training panel) to form ensembles.'
                : 'One snapshot so far: the ensembles appear from the second cycle end.'}
            </p>
          )}
        </>
      )}
    </section>
  );
}
