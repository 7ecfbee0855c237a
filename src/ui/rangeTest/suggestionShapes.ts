import type { SuggestionId } from './rangeTestAnalysis';

type MarkerShape = 'triangle' | 'circle' | 'square' | 'diamond' | 'star' | 'wye';

/**
 * One marker shape per suggestion, so the markers are told apart without colour (Steep,
 * Steepest gradient and Slide share a lightness under protanopia). Area in square pixels: the
 * thin shapes are drawn larger to look the same size.
 */
export const SUGGESTION_SHAPES: Record<SuggestionId, { shape: MarkerShape; size: number }> = {
  steep: { shape: 'triangle', size: 110 },
  valley: { shape: 'circle', size: 100 },
  minimum: { shape: 'square', size: 90 },
  slide: { shape: 'diamond', size: 110 },
  steepestGradient: { shape: 'star', size: 150 },
  accuracy: { shape: 'wye', size: 140 },
};
