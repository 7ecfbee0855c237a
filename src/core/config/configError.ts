import type { z } from 'zod';
import { valueAt } from '../valueAt';

/**
 * Why a config was rejected: `field` is its path from the config's name, e.g.
 * `rangeTest.endLr`; the message also says what arrived (`…, got 0.0001`) when known.
 */
export class ConfigError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
    readonly received: unknown,
  ) {
    super(
      received === undefined ? `${field} ${reason}` : `${field} ${reason}, got ${shown(received)}`,
    );
    this.name = 'ConfigError';
  }
}

function shown(value: unknown): string {
  return typeof value === 'number' || typeof value === 'bigint'
    ? String(value)
    : JSON.stringify(value);
}

/** The first issue of a failed parse, as a ConfigError under `name`. */
function configErrorOf(name: string, error: z.ZodError, input: unknown): ConfigError {
  const issue = error.issues[0];
  const field = [name, ...issue.path.map(String)].join('.');
  const received = valueAt(input, issue.path);
  if (received === undefined && issue.code === 'invalid_type') {
    return new ConfigError(field, 'is missing', undefined);
  }
  if (typeof received === 'number' && !Number.isFinite(received)) {
    return new ConfigError(field, 'must be a finite number', received);
  }
  // A reason that already quotes the text it got (`unknown policy "cosine"`) need not repeat it.
  const quoted = typeof received === 'string' && issue.message.includes(JSON.stringify(received));
  return new ConfigError(field, issue.message, quoted ? undefined : received);
}

/**
 * Validates a config that crossed a boundary (the worker's commands); throws a ConfigError that
 * names the field, e.g. `rangeTest.numIter must be at least 10, got 2`.
 */
export function parseConfig<S extends z.ZodType>(
  name: string,
  schema: S,
  input: unknown,
): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw configErrorOf(name, result.error, input);
  return result.data;
}
