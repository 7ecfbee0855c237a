/** "1 step", "3 steps": a count with its noun, made plural by an `s` unless the count is 1. */
export function plural(count: number, singular: string): string {
  return `${count} ${singular}${count === 1 ? '' : 's'}`;
}
