/** Every other cycle (2nd, 4th, …) as an x range to shade, from its cycle boundaries. */
export function shadedCycles(
  boundaries: readonly number[],
  n: number,
): { cycleNum: number; x1: number; x2: number }[] {
  const bands: { cycleNum: number; x1: number; x2: number }[] = [];
  for (let i = 0; i < boundaries.length; i += 2) {
    bands.push({ cycleNum: i + 2, x1: boundaries[i], x2: boundaries[i + 1] ?? n });
  }
  return bands;
}
