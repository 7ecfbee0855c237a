import { formatCount } from '../format';
import type { RaceKind, RaceLeg } from '../store/raceSlice';
import { legStatusText, raceWinners, summarizeLeg } from './raceResults';
import { LEG_COLORS } from '../charts/palette';

/** The target as typed: 98.5%, 99%, 98.25%. */
export const formatTarget = (target: number) => `${Number((target * 100).toFixed(2))}%`;

const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(2)}%`);

/**
 * The paper's Table 1 in miniature: per leg, iterations to the target validation accuracy,
 * best and final validation accuracy and wall time; each column's winner in bold.
 */
export function RaceTable({
  kind,
  legs,
  target,
  raceRunning,
  numClasses,
}: {
  kind: RaceKind;
  legs: readonly RaceLeg[];
  /** Fraction, 0–1. */
  target: number;
  raceRunning: boolean;
  /** Chance accuracy is 1 / numClasses: a leg that stays near it never learned. */
  numClasses: number;
}) {
  const rows = legs.map((leg) => ({ leg, summary: summarizeLeg(leg.validations, target) }));
  const winners = raceWinners(rows.map((row) => row.summary));
  const notes = rows.filter((row) => row.leg.message);
  const win = (value: number | null, best: number | null) =>
    value !== null && value === best && legs.length > 1 ? 'race-win' : undefined;

  return (
    <>
      <table className="race-table" data-testid="race-table">
        <caption className="visually-hidden">Race results</caption>
        <thead>
          <tr>
            <th scope="col">{kind === 'policy' ? 'Policy' : 'Optimizer'}</th>
            <th scope="col">{kind === 'policy' ? 'Schedule' : 'Schedule (own bounds)'}</th>
            <th scope="col" className="num">
              Iterations to {formatTarget(target)}
            </th>
            <th scope="col" className="num">
              Best
            </th>
            <th scope="col" className="num">
              Final
            </th>
            <th scope="col" className="num">
              Wall time
            </th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ leg, summary }, i) => (
            <tr key={leg.id} data-status={leg.status}>
              <th scope="row">
                <span
                  className="race-swatch"
                  style={{ background: LEG_COLORS[i % LEG_COLORS.length] }}
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
              <td className="num">
                {leg.wallMs === null ? '—' : `${(leg.wallMs / 1000).toFixed(1)} s`}
              </td>
              <td className={`race-status race-status-${leg.status}`}>
                {legStatusText(leg.status, summary, { raceRunning, numClasses })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
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
