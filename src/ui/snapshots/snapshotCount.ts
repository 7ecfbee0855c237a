import { SNAPSHOT_COUNTS } from '../sessionChoices';

/** What is wrong with a snapshot count, or null when training can use it. */
export function snapshotCountError(count: number): string | null {
  const { min, max } = SNAPSHOT_COUNTS;
  if (Number.isInteger(count) && count >= min && count <= max) return null;
  return `Snapshots kept must be a whole number from ${min} to ${max}, got ${count}.`;
}
