/** The pure core: schedules, range-test maths, smoothing, suggestions and spec validation. */
export {
  parseScheduleSpec,
  safeParseScheduleSpec,
  ScheduleSpecError,
  SCHEDULE_POLICIES,
  type ScheduleSpec,
  type SchedulePolicy,
  type CyclicSpec,
  type OneCycleSpec,
  type CosineRestartsSpec,
} from './scheduleSpec';
export { lrAt, momentumAt } from './schedules';
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
export {
  suggestLr,
  suggestFromAccuracy,
  smoothAccuracy,
  SUGGEST_METHODS,
  type SuggestMethod,
  type Suggestion,
  type SuggestionWindow,
  type AccuracySuggestion,
} from './suggest';
export {
  rangeTestScript,
  rangeTestScriptErrors,
  DEFAULT_RANGE_TEST_SCRIPT,
  type RangeTestScriptSettings,
  type RangeTestScriptFlavour,
} from './rangeTestExport/rangeTestScript';
