import { memo } from 'react';
import { Line, LineChart, ResponsiveContainer, Tooltip, XAxis } from 'recharts';
import { trainingSeries } from '../series/runSeries';
import { useAppStore } from '../store';
import { ChartLegend } from '../training/ChartLegend';
import { CHART_MARGIN, GRID, ValueAxis } from '../training/chartParts';
import { niceLinearAxis } from '../training/trainingChartData';
import { useSeriesMemo } from '../training/useSeriesMemo';
import {
  curveKey,
  curveRows,
  cycleEndEnsembles,
  ensembleGain,
  type CycleEndEnsembles,
} from './snapshotCurves';

/** Curves drawn (and rows listed): the newest cycle ends; older ones only crowd the plot. */
const MAX_CURVES = 8;
const PLOT_HEIGHT = 220;
/** The accuracy chart's colours: green for the single model, violet for the ensemble. */
const SINGLE = '#15803d';
const LATEST = '#7c3aed';
const EARLIER = '#c4b5fd';
const TICK_STYLE = { fontSize: 11 };

function percent(value: number, digits = 2): string {
  return `${(value * 100).toFixed(digits)}%`;
}

function signedPoints(value: number): string {
  const points = value * 100;
  return `${points >= 0 ? '+' : '−'}${Math.abs(points).toFixed(2)} pts`;
}

function axisPercent(value: number): string {
  return `${Number((value * 100).toFixed(1))}%`;
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

/** The single model as a green dot at m = 1, the ensembles as dots in the curve's colour. */
function curveDot(color: string) {
  return function CurveDot(props: { cx?: number; cy?: number; payload?: { m: number } }) {
    const { cx, cy, payload } = props;
    if (cx === undefined || cy === undefined || !payload) return <g />;
    const single = payload.m === 1;
    return <circle cx={cx} cy={cy} r={single ? 4 : 2.5} fill={single ? SINGLE : color} />;
  };
}

const SnapshotView = memo(function SnapshotView({ ends }: { ends: readonly CycleEndEnsembles[] }) {
  const shown = ends.slice(-MAX_CURVES);
  const rows = curveRows(shown);
  const numM = rows.length;
  const values = shown.flatMap((end) => end.byM);
  const axis = niceLinearAxis(Math.min(...values), Math.min(1, Math.max(...values)));
  const latest = shown[shown.length - 1];
  const colorOf = (end: CycleEndEnsembles) => (end === latest ? LATEST : EARLIER);

  return (
    <>
      <figure
        className="chart"
        aria-label="Validation accuracy of the ensemble of the last m snapshots, one line per cycle end"
        data-testid="snapshot-chart"
      >
        <ChartLegend
          items={[
            { label: `Cycle ${latest.cycleNum} (newest)`, color: LATEST, mark: 'line' },
            ...(shown.length > 1
              ? [{ label: 'Earlier cycle ends', color: EARLIER, mark: 'line' } as const]
              : []),
            { label: 'Single model (m = 1)', color: SINGLE, mark: 'dots' },
          ]}
        />
        <ResponsiveContainer width="100%" height={PLOT_HEIGHT}>
          <LineChart data={rows} margin={{ ...CHART_MARGIN, bottom: 22 }}>
            {GRID}
            <XAxis
              dataKey="m"
              type="number"
              domain={[1, Math.max(2, numM)]}
              ticks={rows.map((row) => row.m)}
              interval={0}
              padding={{ left: 12, right: 12 }}
              tick={TICK_STYLE}
              label={{
                value: 'Snapshots in the ensemble (m, newest first)',
                position: 'insideBottom',
                offset: -14,
                fontSize: 11,
              }}
            />
            <ValueAxis axis={axis} format={axisPercent} />
            <Tooltip
              formatter={(value, name) => [
                typeof value === 'number' ? percent(value) : String(value),
                name,
              ]}
              labelFormatter={(m) => (Number(m) === 1 ? 'm = 1 (single model)' : `m = ${m}`)}
            />
            {shown.map((end) => (
              <Line
                key={end.cycleNum}
                dataKey={curveKey(end)}
                name={`Cycle ${end.cycleNum}`}
                stroke={colorOf(end)}
                strokeWidth={end === latest ? 2.5 : 1.5}
                dot={curveDot(colorOf(end))}
                activeDot={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </figure>
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
