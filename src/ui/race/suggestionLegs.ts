import { safeParseScheduleSpec, type ScheduleSpec } from '../../core';
import { formatRate } from '../format';
import { boundsFromMaxLr, type RangeTestSuggestion } from '../rangeTest/rangeTestAnalysis';
import { draftToSpec, type ScheduleDraft } from '../schedule/scheduleDraft';
import { scheduleBounds } from '../runs/runNames';

/**
 * The suggestion race's legs, as pure data: one leg per distinct suggested max LR of a range
 * test, under the schedule form's policy with Base LR = max / ratio (and, when asked, one more
 * at that max LR, fixed). Every leg trains the same number of iterations.
 */

/** One max LR that one or more suggestion rules picked (equal once rounded like the sliders). */
export interface DistinctSuggestion {
  /** The rules that picked it, in the picks' order. */
  ids: RangeTestSuggestion['id'][];
  /** "Valley" or "Valley = Slide" when two rules agree. */
  label: string;
  maxLr: number;
  baseLr: number;
}

export interface SuggestionLeg {
  /** `valley` or `valley-fixed` (the first rule's id). */
  id: string;
  label: string;
  /** The leg's schedule in a few words and numbers: "triangular 0.0112–0.0448". */
  detail: string;
  spec: ScheduleSpec;
  /** What "Use this" puts into the schedule form. */
  bounds: { maxLr: number; baseLr: number };
}

type LegsOrError = { ok: true; legs: SuggestionLeg[] } | { ok: false; error: string };

/**
 * The suggestions with distinct max LRs, lowest LR first; rules whose picks round (to three
 * significant digits, as "Use suggestion" sets them) to the same max LR share one leg.
 */
export function distinctSuggestions(
  suggestions: readonly RangeTestSuggestion[],
  ratio: number,
): DistinctSuggestion[] {
  const byLr = new Map<number, { ids: RangeTestSuggestion['id'][]; labels: string[] }>();
  for (const suggestion of suggestions) {
    if (!(Number.isFinite(suggestion.lr) && suggestion.lr > 0)) continue;
    const { maxLr } = boundsFromMaxLr(suggestion.lr, ratio);
    const group = byLr.get(maxLr) ?? { ids: [], labels: [] };
    group.ids.push(suggestion.id);
    group.labels.push(suggestion.label);
    byLr.set(maxLr, group);
  }
  return [...byLr.entries()]
    .sort(([a], [b]) => a - b)
    .map(([maxLr, group]) => ({
      ids: group.ids,
      label: group.labels.join(' = '),
      ...boundsFromMaxLr(maxLr, ratio),
    }));
}

/**
 * The form's policy with its bounds set from one suggestion: Max LR (or the LR of a policy
 * with one rate) and Base LR = max / ratio, where the policy has a lower bound (SGDR's min LR,
 * one-cycle's start = max / div factor). Schedules that end at a set step (one-cycle, cosine,
 * WSD's phases, scaled) are fitted to the leg, so each one runs whole in the race.
 */
export function draftWithSuggestion(
  draft: ScheduleDraft,
  bounds: { maxLr: number; baseLr: number },
  ratio: number,
  iterations: number,
): ScheduleDraft {
  const { maxLr, baseLr } = bounds;
  const fitted: ScheduleDraft = { ...draft, maxLr, baseLr, lr: maxLr };
  switch (draft.policy) {
    case 'cosine_restarts':
      return { ...fitted, minLr: baseLr };
    case 'one_cycle':
      return { ...fitted, divFactor: ratio, totalSteps: iterations };
    case 'cosine':
      return { ...fitted, totalSteps: iterations };
    case 'wsd': {
      const total = draft.warmupSteps + draft.stableSteps + draft.decaySteps;
      const warmupSteps = Math.round((draft.warmupSteps / total) * iterations);
      const decaySteps = Math.max(1, Math.round((draft.decaySteps / total) * iterations));
      const stableSteps = Math.max(0, iterations - warmupSteps - decaySteps);
      return { ...fitted, warmupSteps, stableSteps, decaySteps };
    }
    default:
      return fitted;
  }
}

/**
 * One leg per distinct suggestion under the form's policy, and with `alsoFixed` one more at
 * the same max LR, fixed; lowest max LR first. An error names the suggestion whose bounds the
 * policy rejects.
 */
export function suggestionLegs(
  suggestions: readonly RangeTestSuggestion[],
  options: { draft: ScheduleDraft; ratio: number; iterations: number; alsoFixed: boolean },
): LegsOrError {
  const { draft, ratio, iterations, alsoFixed } = options;
  const legs: SuggestionLeg[] = [];
  for (const pick of distinctSuggestions(suggestions, ratio)) {
    const bounds = { maxLr: pick.maxLr, baseLr: pick.baseLr };
    const parsed = draftToSpec(draftWithSuggestion(draft, bounds, ratio, iterations));
    if (!parsed.ok) return { ok: false, error: `${pick.label}: ${parsed.error.message}` };
    const { spec } = parsed;
    legs.push({
      id: pick.ids[0],
      label: pick.label,
      detail: `${spec.policy} ${scheduleBounds(spec)}`,
      spec,
      bounds,
    });
    // A fixed policy's leg is already the fixed one.
    if (!alsoFixed || spec.policy === 'fixed') continue;
    const fixed = safeParseScheduleSpec({ policy: 'fixed', lr: pick.maxLr });
    if (!fixed.ok) return { ok: false, error: `${pick.label}, fixed: ${fixed.error.message}` };
    legs.push({
      id: `${pick.ids[0]}-fixed`,
      label: `${pick.label}, fixed`,
      detail: `fixed ${formatRate(pick.maxLr)}`,
      spec: fixed.spec,
      bounds,
    });
  }
  if (legs.length === 0) return { ok: false, error: 'the range test gave no suggestion' };
  return { ok: true, legs };
}
