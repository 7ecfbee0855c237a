import type { OptimizerOptions, ScheduleChange, ScheduleSpec } from '../../core';
import type { RangeTestConfig, RunLength, SessionConfig } from '../../worker/contract';
import { draftToSpec } from '../schedule/scheduleDraft';
import { MODEL_PRESETS, type ModelPreset } from '../sessionChoices';
import { useAppStore, type AppState } from '../store';
import { linkHistory } from './linkHistory';

/** What the engine trains, as the page offers it: the model is one of the named presets. */
export interface SessionSettings {
  dataset: SessionConfig['dataset'];
  modelPreset: ModelPreset;
  optimizer: SessionConfig['optimizer'];
  /** Only where some are set: a link or preset without them runs on the defaults. */
  optimizerOptions?: OptimizerOptions;
  batchSize: number;
  seed: number;
  augment: boolean;
}

/** How the range test's chart is read: Base LR = Max LR / ratio, and the drawn loss's EMA β. */
export interface RangeTestView {
  ratio: number;
  smoothing: number;
}

/** Everything a share link or a teaching preset sets: the page's whole configuration. */
export interface ShareConfig {
  session: SessionSettings;
  schedule: ScheduleSpec;
  /** Changes made to `schedule` as the run trained (a link made after such a run), oldest first. */
  scheduleChanges: readonly ScheduleChange[];
  rangeTest: RangeTestConfig;
  rangeTestView: RangeTestView;
  training: RunLength;
}

/**
 * The configuration the page shows; while the schedule form holds an error, its last valid spec.
 * After a run changed mid-run (while the form still holds what it ended with), the schedule it
 * started with and its changes.
 */
export function configFromState(state: AppState): ShareConfig {
  const { session, modelPreset, draft, lastValidSpec, rangeTest, training } = state;
  const parsed = draftToSpec(draft);
  const history = linkHistory(state);
  return {
    session: {
      dataset: session.dataset,
      modelPreset,
      optimizer: session.optimizer,
      ...(session.optimizerOptions ? { optimizerOptions: session.optimizerOptions } : {}),
      batchSize: session.batchSize,
      seed: session.seed,
      augment: session.augment,
    },
    schedule: history?.initial ?? (parsed.ok ? parsed.spec : lastValidSpec),
    scheduleChanges: history?.changes ?? [],
    rangeTest: rangeTest.config,
    rangeTestView: { ratio: rangeTest.ratio, smoothing: rangeTest.smoothing },
    training: training.length,
  };
}

/** The configuration a fresh page opens with. */
export function defaultShareConfig(): ShareConfig {
  return configFromState(useAppStore.getInitialState());
}

/** The engine's session for these settings. */
export function sessionConfigOf(settings: SessionSettings): SessionConfig {
  const { modelPreset, ...rest } = settings;
  // Written even when unset, so a preset drops the options set before it.
  return {
    ...rest,
    optimizerOptions: settings.optimizerOptions,
    model: { ...MODEL_PRESETS[modelPreset].model },
  };
}
