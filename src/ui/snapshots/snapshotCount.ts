/** How many snapshots the ensemble may keep (the engine refuses more than 20). */
export const MIN_SNAPSHOTS = 1;
export const MAX_SNAPSHOTS = 20;
export const DEFAULT_SNAPSHOTS = 5;

/** What is wrong with a snapshot count, or null when training can use it. */
export function snapshotCountError(count: number): string | null {
  if (Number.isInteger(count) && count >= MIN_SNAPSHOTS && count <= MAX_SNAPSHOTS) return null;
  return `Snapshots kept must be a whole number from ${MIN_SNAPSHOTS} to ${MAX_SNAPSHOTS}, got ${count}.`;
}
