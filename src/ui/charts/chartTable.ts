import { nearestIndex, type XYSeries } from './seriesGeometry';

/** A chart's data as text: what "Show data" renders. */
export interface ChartTable {
  columns: string[];
  rows: string[][];
}

export interface TableColumn {
  label: string;
  series: XYSeries;
  format: (value: number) => string;
}

/** A table stays readable (and cheap to render) at this many rows, however long the run. */
const MAX_TABLE_ROWS = 40;

/**
 * The chart's series as rows at evenly spaced points of the first series' x values (its first
 * and last included), every other column read at its nearest x. Where a series has no value (or
 * has not reached that x) the cell reads "—".
 */
export function seriesTable(
  x: { label: string; format: (value: number) => string; log?: boolean },
  columns: readonly TableColumn[],
  maxRows = MAX_TABLE_ROWS,
): ChartTable {
  const head = [x.label, ...columns.map((column) => column.label)];
  const keySeries = columns.find((column) => column.series.xs.length > 0)?.series;
  if (!keySeries) return { columns: head, rows: [] };
  const n = keySeries.xs.length;
  const numRows = Math.min(n, Math.max(2, maxRows));
  const rows: string[][] = [];
  let previous = -1;
  for (let r = 0; r < numRows; r++) {
    const i = numRows === 1 ? 0 : Math.round((r * (n - 1)) / (numRows - 1));
    if (i === previous) continue;
    previous = i;
    const at = keySeries.xs[i];
    const cells = columns.map((column) => {
      const xs = column.series.xs;
      const covers = xs.length > 0 && at >= xs[0] && at <= xs[xs.length - 1];
      const j = covers ? nearestIndex(xs, at, x.log ? 'log' : 'linear') : -1;
      const value = j < 0 ? NaN : column.series.ys[j];
      return Number.isFinite(value) ? column.format(value) : '—';
    });
    rows.push([x.format(at), ...cells]);
  }
  return { columns: head, rows };
}
