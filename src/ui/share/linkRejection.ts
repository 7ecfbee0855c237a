/** A part of an opened link that the page did not use. */
export interface LinkRejection {
  /** The field as the link names it, e.g. `schedule.baseLr` or `seed`. */
  field: string;
  reason: string;
  /** What the page uses instead, e.g. `using the default schedule`. */
  fallback: string;
}
