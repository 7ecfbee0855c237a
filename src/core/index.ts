/** The pure core: schedules, range-test maths, smoothing, suggestions and the config schemas. */
export {
  parseScheduleSpec,
  safeParseScheduleSpec,
  scheduleSpecShapeError,
  ScheduleSpecError,
  SCHEDULE_POLICIES,
  type ScheduleSpec,
  type SchedulePolicy,
  type CyclicSpec,
  type OneCycleSpec,
  type CosineRestartsSpec,
  type WsdShape,
  WSD_SHAPES,
} from './scheduleSpec';
export { lrAt, momentumAt } from './schedules';
export { specInForce } from './scheduleInForce';
export { changedCycleEnds, changedRunIterations } from './changedRunLength';
export { scheduleChangesSchema, type ScheduleChange } from './config/scheduleChanges';
export { argmin } from './argmin';
export { errorMessage } from './errorMessage';
export { plural } from './plural';
export {
  cycleAt,
  cycleStarts,
  isCyclic,
  schedulePreview,
  stepSizeAdvice,
  type CycleInfo,
  type CyclePhase,
  type SchedulePreview,
} from './cycles';
export { sweepLr, type SweepOptions } from './sweep';
export { smoothLosses, divergenceStop, FASTAI_SMOOTHING, type SmoothingRule } from './smoothing';
export { ChanceLossWatch, type AboveChance } from './chanceLossWatch';
export {
  accuracyKnee,
  suggestLr,
  suggestFromAccuracy,
  smoothAccuracy,
  SUGGEST_METHODS,
  type SuggestMethod,
  type Suggestion,
  type SuggestionWindow,
  type SuggestChoices,
  type AccuracySuggestion,
} from './suggest';
export {
  bandAcrossRuns,
  suggestionSpread,
  type RunBand,
  type SuggestionSpread,
} from './rangeTestRepeats';
export {
  rangeTestScript,
  rangeTestScriptErrors,
  DEFAULT_RANGE_TEST_SCRIPT,
  type RangeTestScriptSettings,
  type RangeTestScriptFlavour,
} from './rangeTestExport/rangeTestScript';
export { ConfigError, parseConfig } from './config/configError';
export { oneOf } from './config/oneOf';
export {
  DATASET_NAMES,
  OPTIMIZER_NAMES,
  isImportedDatasetName,
  sessionConfigSchema,
  type BuiltInDatasetName,
  type ImportedDatasetName,
  type SessionConfig,
  type DatasetName,
  type OptimizerName,
} from './config/sessionConfig';
export {
  OPTIMIZER_OPTION_NAMES,
  OPTIONS_OF,
  OPTION_DEFAULTS,
  REFERENCE_ARGS,
  REFERENCE_LIBRARY,
  optimizerOptionSchema,
  resolvedOptions,
  type OptimizerOptionName,
  type OptimizerOptions,
} from './config/optimizerOptions';
export {
  DEFAULT_RANGE_TEST,
  NUM_ITER_RANGE,
  RANGE_TEST_MODES,
  RANGE_TEST_REPEATS,
  rangeTestConfigSchema,
  type RangeTestConfig,
} from './config/rangeTestConfig';
export { LR_RANGE, MAX_RUN_ITERATIONS, SEED_RANGE } from './config/ranges';
export {
  RUN_LENGTH_UNITS,
  runIterations,
  runLengthSchema,
  type RunLength,
} from './config/runLength';
export {
  MAX_PLANNED_CHANGES,
  MAX_SNAPSHOTS,
  trainConfigSchema,
  type TrainConfig,
} from './config/trainConfig';
export { scheduleSpecField } from './config/scheduleSpecField';
