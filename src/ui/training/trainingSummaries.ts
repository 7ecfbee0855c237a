import type { ValidationResult } from '../../worker/contract';
import type { XYSeries } from '../charts/seriesGeometry';
import { formatCount, formatRate } from '../format';

/** The first and last finite points of a series, or null when it has none. */
function ends(series: XYSeries): { first: [number, number]; last: [number, number] } | null {
  let first = -1;
  let last = -1;
  for (let i = 0; i < series.xs.length; i++) {
    if (!Number.isFinite(series.ys[i])) continue;
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0) return null;
  return {
    first: [series.xs[first], series.ys[first]],
    last: [series.xs[last], series.ys[last]],
  };
}

function range(series: XYSeries): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < series.ys.length; i++) {
    const y = series.ys[i];
    if (!Number.isFinite(y)) continue;
    lo = Math.min(lo, y);
    hi = Math.max(hi, y);
  }
  return lo <= hi ? [lo, hi] : null;
}

const loss = (value: number) => value.toFixed(2);
const percent = (value: number) => `${(value * 100).toFixed(1)} %`;

/** The LR chart in words: the plan's range and, once training, the LR in use. */
export function lrSummary(planned: XYSeries, used: XYSeries, numIterations: number): string {
  const plan = range(planned);
  const parts = [
    plan
      ? `Planned learning rate from ${formatRate(plan[0])} to ${formatRate(plan[1])} over ${formatCount(numIterations)} iterations.`
      : 'No learning rate planned.',
  ];
  const now = ends(used);
  if (now) {
    parts.push(`Used so far: ${formatRate(now.last[1])} at iteration ${formatCount(now.last[0])}.`);
  }
  return parts.join(' ');
}

/** The loss chart in words: where the smoothed loss started and where it is now. */
export function lossSummary(smoothed: XYSeries): string {
  const span = ends(smoothed);
  if (!span) return 'No loss recorded yet.';
  const [from, to] = [span.first[1], span.last[1]];
  const verb = to < from ? 'fell' : to > from ? 'rose' : 'stayed';
  const iterations = formatCount(span.last[0] + 1);
  return verb === 'stayed'
    ? `Loss (smoothed) stayed at ${loss(from)} over ${iterations} iterations.`
    : `Loss (smoothed) ${verb} from ${loss(from)} to ${loss(to)} over ${iterations} iterations.`;
}

/** The accuracy chart in words: the last and best validation, and the training accuracy now. */
export function accuracyChartSummary(
  train: XYSeries,
  validations: readonly ValidationResult[],
): string {
  const parts: string[] = [];
  const last = validations.at(-1);
  if (last) {
    const best = Math.max(...validations.map((v) => v.accuracy));
    parts.push(
      `Validation accuracy ${percent(last.accuracy)} at iteration ${formatCount(last.iteration)}` +
        (best > last.accuracy ? ` (best ${percent(best)}).` : '.'),
    );
  }
  const trained = ends(train);
  if (trained) parts.push(`Training accuracy (smoothed) ${percent(trained.last[1])}.`);
  return parts.length > 0 ? parts.join(' ') : 'No accuracy recorded yet.';
}
