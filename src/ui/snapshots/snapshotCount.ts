import { MAX_SNAPSHOTS } from '../../core';

/** How many snapshots the ensemble may keep: at least one here, at most what the engine keeps. */
export const MIN_SNAPSHOTS = 1;
export { MAX_SNAPSHOTS };
export const DEFAULT_SNAPSHOTS = 5;

/** What is wrong with a snapshot count, or null when training can use it. */
export function snapshotCountError(count: number): string | null {
  if (Number.isInteger(count) && count >= MIN_SNAPSHOTS && count <= MAX_SNAPSHOTS) return null;
  return `Snapshots kept must be a whole number from ${MIN_SNAPSHOTS} to ${MAX_SNAPSHOTS}, got ${count}.`;
}
