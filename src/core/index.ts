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
  type WsdShape,
  WSD_SHAPES,
} from './scheduleSpec';
export { lrAt, momentumAt } from './schedules';
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
export { sweepLr, sweepLrs, type SweepOptions } from './sweep';
export {
  smoothLosses,
  divergenceStop,
  divergenceFactor,
  FASTAI_SMOOTHING,
  LR_FINDER_SMOOTHING,
  type SmoothingRule,
} from './smoothing';
export {
  suggestLr,
  suggestFromAccuracy,
  smoothAccuracy,
  suggestionWindow,
  SUGGEST_METHODS,
  type SuggestMethod,
  type Suggestion,
  type SuggestionWindow,
  type AccuracySuggestion,
} from './suggest';
