import { useState } from 'react';
import { runRace } from '../race/raceActions';
import { applyConfig } from '../share/applyConfig';
import { POLICY_LEG_LABELS } from '../sessionChoices';
import { useAppStore } from '../store';
import { presetBlocker, raceBlocker } from '../store/selectors';
import { TEACHING_PRESETS, type TeachingPreset } from './presets';

/** One click loads a known configuration for teaching, and says what to look for. */
export function PresetsPanel() {
  const [loaded, setLoaded] = useState<TeachingPreset | null>(null);
  const blocker = useAppStore(presetBlocker);
  const raceBlocked = useAppStore(raceBlocker);

  const load = (preset: TeachingPreset) => {
    setLoaded(preset);
    const { setRace } = useAppStore.getState();
    if (preset.race) {
      // The race panel is set up for the preset's legs, each as long as the preset's run.
      const { unit, value } = preset.config.training;
      setRace({
        kind: preset.race.kind,
        policyLegIds: [...preset.race.legs],
        ...(unit === 'cycles' ? {} : { length: { unit, value } }),
      });
    }
    void applyConfig(preset.config);
  };

  const raceThem = () => {
    useAppStore.getState().setChartTab('race');
    void runRace();
  };

  return (
    <section className="panel presets" aria-labelledby="presets-heading">
      <h2 id="presets-heading">Teaching presets</h2>
      <div className="button-row">
        {TEACHING_PRESETS.map((preset) => (
          <button
            key={preset.id}
            type="button"
            className="secondary"
            aria-pressed={loaded?.id === preset.id}
            disabled={blocker !== null}
            onClick={() => load(preset)}
          >
            {preset.title}
          </button>
        ))}
      </div>
      {blocker ? <p className="field-hint">{blocker}</p> : null}
      {loaded ? (
        <div className="preset-explanation" role="status" aria-label={`${loaded.title} loaded`}>
          <p>
            <strong>{loaded.title}</strong> loaded. {loaded.explanation}
          </p>
          {loaded.race ? (
            <div className="preset-race">
              <p className="field-hint">
                Race: {loaded.race.legs.map((leg) => POLICY_LEG_LABELS[leg]).join(' vs ')}, from the
                same initial weights and data order.
              </p>
              <button
                type="button"
                className="secondary"
                disabled={raceBlocked !== null}
                title={raceBlocked ?? undefined}
                onClick={raceThem}
              >
                Race them
              </button>
            </div>
          ) : null}
        </div>
      ) : (
        <p className="field-hint">
          Each sets the data, model, schedule and run length; then Train.
        </p>
      )}
    </section>
  );
}
