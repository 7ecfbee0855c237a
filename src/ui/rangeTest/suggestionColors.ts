import type { SuggestionId } from './rangeTestAnalysis';

/** One colour per suggestion, shared by the chart's dots and the panel's list. */
export const SUGGESTION_COLORS: Record<SuggestionId, string> = {
  steep: '#0e7490',
  valley: '#15803d',
  minimum: '#7c3aed',
  slide: '#64748b',
  steepestGradient: '#db2777',
  accuracy: '#b45309',
};
