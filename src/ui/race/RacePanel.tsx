import { NumberInput } from '../controls/NumberInput';
import { formatCount } from '../format';
import { POLICY_LEG_IDS, POLICY_LEG_LABELS } from '../sessionChoices';
import { useAppStore } from '../store';
import type { RaceKind } from '../store/raceSlice';
import { raceBlocker } from '../store/selectors';
import { useRangeTestAnalysis } from '../rangeTest/useRangeTestAnalysis';
import { cancelRace, runRace } from './raceActions';
import {
  raceIterations,
  raceLengthError,
  type OptimizerLegSchedule,
  type RaceLength,
} from './raceLegs';
import { defaultTargetPercent } from './raceResults';
import { RaceChart } from './RaceChart';
import { RaceProgress } from './RaceProgress';
import { RaceTable } from './RaceTable';
import { useRaceLegs } from './useRaceLegs';

const KINDS: { value: RaceKind; label: string; about: string }[] = [
  {
    value: 'policy',
    label: 'Policy race',
    about:
      'Fixed LR (max/2 and max), triangular, triangular2, exp_range, SGDR, one-cycle, cosine and WSD with the schedule form’s Base LR, Max LR and Step size; tick Schedule-Free SGD or Prodigy to race them with no schedule.',
  },
  {
    value: 'optimizer',
    label: 'Optimizer race',
    about:
      'SGD + momentum, Adam, AdamW, Adamax, Adadelta, Adagrad and RMSProp, each with bounds from its own range test (the sweep settings and Base LR ratio above); Schedule-Free SGD, Schedule-Free AdamW and Prodigy with none.',
  },
  {
    value: 'suggestion',
    label: 'Suggestion race',
    about:
      'Each distinct suggestion of the last range test (steep, valley, minimum / 10, slide, steepest gradient, accuracy knee) as the Max LR of the schedule form’s policy, with Base LR = max / the ratio; ranked by final validation accuracy, then loss.',
  },
];

const UNITS: RaceLength['unit'][] = ['epochs', 'iterations'];

/**
 * Races: several legs from the same initial weights and data order, one after another, then a
 * table of iterations to a target accuracy, best and final accuracy, and their curves overlaid.
 */
export function RacePanel() {
  const race = useAppStore((state) => state.race);
  const setRace = useAppStore((state) => state.setRace);
  const datasetName = useAppStore((state) => state.engine.dataset?.name ?? state.session.dataset);
  const perEpoch = useAppStore((state) => state.engine.dataset?.iterationsPerEpoch ?? null);
  const numClasses = useAppStore((state) => state.engine.dataset?.numClasses ?? 10);
  const { picks } = useRangeTestAnalysis();
  const blocker = useAppStore((state) => raceBlocker(state, picks.suggestions));
  const updateDraft = useAppStore((state) => state.updateDraft);
  const legs = useRaceLegs();
  const running = race.status === 'running';
  const targetPercent = race.targetPercent ?? defaultTargetPercent(datasetName);
  const targetError =
    targetPercent > 0 && targetPercent <= 100
      ? null
      : `The target must be above 0% and at most 100%, got ${targetPercent}%.`;
  // While the typed target is out of range, the table keeps judging by the default.
  const target = (targetError ? defaultTargetPercent(datasetName) : targetPercent) / 100;
  const kind = KINDS.find((k) => k.value === race.kind) ?? KINDS[0];
  const lengthError = raceLengthError(race.length);
  const numLegIterations =
    perEpoch !== null && !lengthError ? raceIterations(race.length, perEpoch) : null;

  return (
    <section className="race panel" aria-labelledby="race-heading">
      <div className="toolbar">
        <h2 id="race-heading">Race</h2>
        <div className="race-kinds" role="radiogroup" aria-label="Race">
          {KINDS.map((k) => (
            <label key={k.value} className="inline">
              <input
                type="radio"
                name="race-kind"
                value={k.value}
                checked={race.kind === k.value}
                disabled={running}
                onChange={() => setRace({ kind: k.value })}
              />
              {k.label}
            </label>
          ))}
        </div>
      </div>
      <p className="field-hint">
        {kind.about} Every leg starts from the same initial weights and sees the same batches.
      </p>
      <div className="race-settings">
        <div className="field">
          <label htmlFor="race-length">Length of each leg</label>
          <div className="race-length">
            <NumberInput
              id="race-length"
              className="number"
              value={race.length.value}
              integer={race.length.unit === 'iterations'}
              disabled={running}
              aria-invalid={lengthError !== null}
              aria-describedby="race-length-message"
              onValue={(value) => {
                if (value !== null) setRace({ length: { ...race.length, value } });
              }}
            />
            <select
              aria-label="Race length unit"
              value={race.length.unit}
              disabled={running}
              onChange={(event) =>
                setRace({
                  length: {
                    unit: event.target.value as RaceLength['unit'],
                    value: race.length.value,
                  },
                })
              }
            >
              {UNITS.map((unit) => (
                <option key={unit} value={unit}>
                  {unit}
                </option>
              ))}
            </select>
          </div>
          {lengthError ? (
            <p id="race-length-message" className="field-message" role="alert">
              {lengthError}
            </p>
          ) : numLegIterations !== null && race.length.unit === 'epochs' ? (
            <p id="race-length-message" className="field-hint">
              {formatCount(numLegIterations)} iterations per leg
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="race-target">Target validation accuracy (%)</label>
          <NumberInput
            id="race-target"
            className="number"
            value={targetPercent}
            aria-invalid={targetError !== null}
            aria-describedby={targetError ? 'race-target-message' : undefined}
            onValue={(value) => {
              if (value !== null) setRace({ targetPercent: value });
            }}
          />
          {targetError ? (
            <p id="race-target-message" className="field-message" role="alert">
              {targetError}
            </p>
          ) : null}
        </div>
        {race.kind === 'policy' ? (
          <fieldset className="race-leg-picks" disabled={running}>
            <legend>Legs</legend>
            {POLICY_LEG_IDS.map((id) => (
              <label key={id} className="inline">
                <input
                  type="checkbox"
                  checked={race.policyLegIds.includes(id)}
                  onChange={(event) =>
                    setRace({
                      policyLegIds: POLICY_LEG_IDS.filter((leg) =>
                        leg === id ? event.target.checked : race.policyLegIds.includes(leg),
                      ),
                    })
                  }
                />
                {POLICY_LEG_LABELS[id]}
              </label>
            ))}
          </fieldset>
        ) : null}
        {race.kind === 'optimizer' ? (
          <div className="field">
            <label htmlFor="race-leg-schedule">Schedule between each one’s bounds</label>
            <select
              id="race-leg-schedule"
              value={race.legSchedule}
              disabled={running}
              aria-describedby="race-leg-schedule-hint"
              onChange={(event) =>
                setRace({ legSchedule: event.target.value as OptimizerLegSchedule })
              }
            >
              <option value="triangular">Triangular CLR</option>
              <option value="wsd">WSD (1-sqrt cooldown, last 20%)</option>
              <option value="fixed">Fixed at the bounds’ mean</option>
            </select>
            <p id="race-leg-schedule-hint" className="field-hint">
              For the optimizers that get a range test; Schedule-Free and Prodigy always train at a
              fixed LR.
            </p>
          </div>
        ) : null}
        {race.kind === 'suggestion' ? (
          <label className="inline race-also-fixed">
            <input
              type="checkbox"
              checked={race.alsoFixed}
              disabled={running}
              onChange={(event) => setRace({ alsoFixed: event.target.checked })}
            />
            Also each one as a fixed LR
          </label>
        ) : null}
      </div>
      <div className="button-row">
        <button
          type="button"
          onClick={() => void runRace(picks.suggestions)}
          disabled={blocker !== null}
          aria-describedby={blocker && !running ? 'race-blocker' : undefined}
        >
          Start race
        </button>
        <button type="button" onClick={cancelRace} disabled={!running || race.cancelRequested}>
          Stop race
        </button>
      </div>
      {blocker && !running ? (
        <p id="race-blocker" className="field-hint">
          {blocker}
        </p>
      ) : null}
      <RaceProgress />
      {legs.length > 0 && race.ranKind ? (
        <>
          <RaceTable
            kind={race.ranKind}
            legs={legs}
            target={target}
            raceRunning={running}
            numClasses={numClasses}
            onUse={updateDraft}
          />
          <RaceChart legs={legs} numIterations={race.numLegIterations} target={target} />
        </>
      ) : null}
    </section>
  );
}
