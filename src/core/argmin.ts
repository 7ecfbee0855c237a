/** The index of the smallest of the first `length` values (the first one on ties; 0 when empty). */
export function argmin(values: ArrayLike<number>, length: number = values.length): number {
  let best = 0;
  for (let k = 1; k < length; k++) if (values[k] < values[best]) best = k;
  return best;
}
