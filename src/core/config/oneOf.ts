import { z } from 'zod';

/** An enum whose message lists what it takes and what it got, e.g. `must be one of a, b (got "c")`. */
export function oneOf<const T extends readonly string[]>(values: T) {
  return z.enum(values, {
    error: (issue) =>
      issue.input === undefined
        ? 'is missing'
        : `must be one of ${values.join(', ')} (got ${JSON.stringify(issue.input)})`,
  });
}
