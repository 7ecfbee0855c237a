import { quarantinedToJson, quarantineEntry } from './quarantine';
import type { RunRecord } from './runRecord';

/** One run file the page's last-resort export hands to the browser. */
export interface RescueFile {
  fileName: string;
  text: string;
}

/** A file name from a stored value's name (or its key): letters, digits and dashes only. */
function stem(key: string, value: unknown): string {
  const name =
    typeof value === 'object' && value !== null ? (value as { name?: unknown }).name : undefined;
  const text = typeof name === 'string' && name.trim() !== '' ? name : key;
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'run'
  );
}

/**
 * Every kept run as its own run file, for when the page itself has crashed: what storage holds,
 * exactly as stored (readable or not), and the runs in memory that storage never took. Each file
 * is what Export JSON writes, so Import JSON reads it back.
 */
export function rescueFiles(
  stored: readonly [string, unknown][],
  inMemory: readonly RunRecord[],
): RescueFile[] {
  const storedKeys = new Set(stored.map(([key]) => key));
  const all: [string, unknown][] = [
    ...stored,
    ...inMemory
      .filter((run) => !storedKeys.has(run.id))
      .map((run): [string, unknown] => [run.id, run]),
  ];
  return all.map(([key, value], i) => ({
    fileName: `kept-run-${i + 1}-${stem(key, value)}.json`,
    text: quarantinedToJson(quarantineEntry(key, value, '')),
  }));
}
