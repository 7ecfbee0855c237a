import { formatCount, formatRate } from '../format';
import type { RaceKind, RaceLeg } from '../store/raceSlice';
import { finalLoss, legStatusText, raceWinners, rankByFinal, summarizeLeg } from './raceResults';
import { LEG_COLORS } from '../charts/palette';

/** The target as typed: 98.5%, 99%, 98.25%. */
export const formatTarget = (target: number) => `${Number((target * 100).toFixed(2))}%`;

const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(2)}%`);

const formatLoss = (value: number | null) =>
  value === null ? '—' : Number.isFinite(value) ? value.toFixed(4) : String(value);

const LEG_HEADINGS: Record<RaceKind, [string, string]> = {
  policy: ['Policy', 'Schedule'],
  optimizer: ['Optimizer', 'Schedule (own bounds)'],
  suggestion: ['Suggestion', 'Schedule'],
};

/**
 * The paper's Table 1 in miniature: per leg, iterations to the target validation accuracy,
 * best and final validation accuracy and wall time; each column's winner in bold. A
 * suggestion race is ranked (final accuracy, then final loss), shows the final loss, and each
 * row's "Use this" puts its bounds into the schedule form.
 */
export function RaceTable({
  kind,
  legs,
  target,
  raceRunning,
  numClasses,
  onUse,
}: {
  kind: RaceKind;
  legs: readonly RaceLeg[];
  /** Fraction, 0–1. */
  target: number;
  raceRunning: boolean;
  /** Chance accuracy is 1 / numClasses: a leg that stays near it never learned. */
  numClasses: number;
  /** Applies a suggestion leg's bounds (suggestion race only). */
  onUse?: (bounds: { maxLr: number; baseLr: number }) => void;
}) {
  const ranked = kind === 'suggestion';
  const summaries = legs.map((leg, legIdx) => ({
    leg,
    legIdx,
    summary: summarizeLeg(leg.validations, target),
  }));
  const rows = ranked
    ? rankByFinal(legs.map((leg) => leg.validations)).map((legIdx) => summaries[legIdx])
    : summaries;
  const [legHeading, scheduleHeading] = LEG_HEADINGS[kind];
  const winners = raceWinners(rows.map((row) => row.summary));
  const notes = rows.filter((row) => row.leg.message);
  const win = (value: number | null, best: number | null) =>
    value !== null && value === best && legs.length > 1 ? 'race-win' : undefined;

  return (
    <>
      <div className="race-table-scroll">
        <table
          className={ranked ? 'race-table race-table-ranked' : 'race-table'}
          data-testid="race-table"
        >
          <caption className="visually-hidden">Race results</caption>
          <thead>
            <tr>
              {ranked ? (
                <th scope="col" className="num">
                  Rank
                </th>
              ) : null}
              <th scope="col">{legHeading}</th>
              <th scope="col">{scheduleHeading}</th>
              <th scope="col" className="num">
                Iterations to {formatTarget(target)}
              </th>
              <th scope="col" className="num">
                Best
              </th>
              <th scope="col" className="num">
                Final
              </th>
              {ranked ? (
                <th scope="col" className="num">
                  Final loss
                </th>
              ) : null}
              <th scope="col" className="num">
                Wall time
              </th>
              <th scope="col">Status</th>
              {ranked ? (
                <th scope="col">
                  <span className="visually-hidden">Apply</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ leg, legIdx, summary }, rankIdx) => (
              <tr key={leg.id} data-status={leg.status}>
                {ranked ? (
                  <td className="num race-rank">
                    {leg.validations.length > 0 ? rankIdx + 1 : '—'}
                  </td>
                ) : null}
                <th scope="row">
                  <span
                    className="race-swatch"
                    style={{ background: LEG_COLORS[legIdx % LEG_COLORS.length] }}
                    aria-hidden="true"
                  />
                  {leg.label}
                </th>
                <td className="race-detail">{leg.detail}</td>
                <td
                  className={`num ${win(summary.iterationsToTarget, winners.iterationsToTarget) ?? ''}`}
                >
                  {summary.iterationsToTarget === null
                    ? '—'
                    : formatCount(summary.iterationsToTarget)}
                </td>
                <td className={`num ${win(summary.best, winners.best) ?? ''}`}>
                  {percent(summary.best)}
                </td>
                <td className={`num ${win(summary.final, winners.final) ?? ''}`}>
                  {percent(summary.final)}
                </td>
                {ranked ? <td className="num">{formatLoss(finalLoss(leg.validations))}</td> : null}
                <td className="num">
                  {leg.wallMs === null ? '—' : `${(leg.wallMs / 1000).toFixed(1)} s`}
                </td>
                <td className={`race-status race-status-${leg.status}`}>
                  {legStatusText(leg.status, summary, { raceRunning, numClasses })}
                </td>
                {ranked ? (
                  <td>
                    {leg.bounds && onUse ? (
                      <UseLegButton
                        label={leg.label}
                        bounds={leg.bounds}
                        disabled={raceRunning}
                        onUse={onUse}
                      />
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="field-hint">
        — means not reached (or not measured yet). “Never learned”: the best accuracy stayed near
        chance ({formatTarget(2 / numClasses)} or less), so that LR did not train.
      </p>
      {notes.length > 0 ? (
        <ul className="race-notes">
          {notes.map(({ leg }) => (
            <li key={leg.id}>
              <strong>{leg.label}</strong>: {leg.message}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** "Use this": Max LR and Base LR of one suggestion leg into the schedule form. */
function UseLegButton({
  label,
  bounds,
  disabled,
  onUse,
}: {
  label: string;
  bounds: { maxLr: number; baseLr: number };
  disabled: boolean;
  onUse: (bounds: { maxLr: number; baseLr: number }) => void;
}) {
  return (
    <button
      type="button"
      className="secondary race-use"
      disabled={disabled}
      title={`Max LR ${formatRate(bounds.maxLr)}, Base LR ${formatRate(bounds.baseLr)}`}
      onClick={() => onUse(bounds)}
    >
      Use this<span className="visually-hidden"> ({label})</span>
    </button>
  );
}
