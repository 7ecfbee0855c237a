import { RUN_FILE_FORMAT, RUN_FILE_VERSION } from './runRecord';
import { jsonValue } from './runExport';

/**
 * A stored run the page cannot use: set aside instead of shown, so that one bad entry never
 * hides the others or crashes the page on every visit. The user sees it by name, can export
 * it as stored (to repair it and import it back) and can delete it.
 */
export interface QuarantinedRun {
  /** Its key in storage (the run's id, when it has one). */
  key: string;
  /** What the user called it, as far as the stored value says, cut to a readable length. */
  name: string;
  /** Why it was set aside, in words. */
  reason: string;
  /** The stored value, untouched. */
  value: unknown;
}

/** The longest a stored name is shown: a hostile entry must not fill the panel. */
const MAX_NAME = 60;
/** The longest a reason is shown (a schema message may quote the value). */
const MAX_REASON = 160;

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max)}…`);

/** The name a stored value gives itself, or words naming it by its key when it has none. */
export function storedName(key: string, value: unknown): string {
  const name =
    typeof value === 'object' && value !== null ? (value as { name?: unknown }).name : undefined;
  if (typeof name === 'string' && name.trim() !== '') return `“${cut(name.trim(), MAX_NAME)}”`;
  return `an unnamed run (stored as ${cut(key, 12)})`;
}

export function quarantineEntry(key: string, value: unknown, reason: string): QuarantinedRun {
  return { key, name: storedName(key, value), reason: cut(reason, MAX_REASON), value };
}

/**
 * The entry as a run file with the stored value inside, exactly as kept: once repaired by
 * hand, Import JSON reads it back.
 */
export function quarantinedToJson(entry: QuarantinedRun): string {
  return JSON.stringify(
    { format: RUN_FILE_FORMAT, version: RUN_FILE_VERSION, run: entry.value },
    jsonValue,
    1,
  );
}

/** A file name for the exported entry, from its key. */
export function quarantinedFileName(entry: QuarantinedRun): string {
  const stem = entry.key
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `set-aside-${stem || 'run'}.json`;
}

/** The names of runs hidden after a chart crashed while drawing them, as one sentence. */
export function hiddenAfterCrashText(panel: string, names: readonly string[]): string {
  const list = names.map((name) => `“${cut(name, MAX_NAME)}”`).join(', ');
  return `The ${panel} panel crashed while showing ${list}; ${names.length === 1 ? 'it was' : 'they were'} taken off the charts so that the page does not crash on the next visit. Tick ${names.length === 1 ? 'it' : 'them one at a time'} to try again, or export or delete ${names.length === 1 ? 'it' : 'them'}.`;
}
