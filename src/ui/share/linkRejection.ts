/** A part of an opened link that the page did not use. */
export interface LinkRejection {
  /** The field as the link names it, e.g. `schedule.baseLr` or `seed`. */
  field: string;
  reason: string;
  /** What the page uses instead, e.g. `using the default schedule`. */
  fallback: string;
}

/** The longest a value is quoted in a message: a 100 KB hostile value must not fill the page. */
const MAX_QUOTED = 40;
/** The longest a whole reason is shown (a core message may quote the value itself). */
const MAX_REASON = 200;

/** A value from the address, quoted for a message and cut to a readable length. */
export function quoted(text: string): string {
  if (text.length <= MAX_QUOTED) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, MAX_QUOTED))}… (${text.length.toLocaleString('en-US')} characters)`;
}

/** The rejections with every reason cut to a readable length. */
export function readable(rejections: readonly LinkRejection[]): LinkRejection[] {
  return rejections.map((rejection) =>
    rejection.reason.length <= MAX_REASON
      ? rejection
      : { ...rejection, reason: `${rejection.reason.slice(0, MAX_REASON)}…` },
  );
}
