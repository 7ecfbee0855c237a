import {
  OPTIMIZER_OPTION_NAMES,
  OPTIONS_OF,
  OPTION_DEFAULTS,
  optimizerOptionSchema,
  type OptimizerName,
  type OptimizerOptions,
} from '../../core';
import { quoted, type LinkRejection } from './linkRejection';

/**
 * The optimizer's options in a link, one parameter each and only those set, e.g.
 * `optimizer=adamw&optimizer.weightDecay=0.05`; a link without any (every link before they
 * existed) opens with the optimizer's defaults.
 */

const paramOf = (name: string) => `optimizer.${name}`;

/** Every parameter the options may write. */
export const OPTIMIZER_OPTION_PARAMS = OPTIMIZER_OPTION_NAMES.map(paramOf);

export function encodeOptimizerOptions(
  params: URLSearchParams,
  options: OptimizerOptions | undefined,
): void {
  for (const name of OPTIMIZER_OPTION_NAMES) {
    const value = options?.[name];
    if (value !== undefined) params.set(paramOf(name), String(value));
  }
}

/**
 * The options of `optimizer` a link sets, or undefined where it sets none. A bad value, or an
 * option the optimizer does not take, is left out (its default applies) with a rejection.
 */
export function decodeOptimizerOptions(
  params: URLSearchParams,
  optimizer: OptimizerName,
  rejections: LinkRejection[],
): OptimizerOptions | undefined {
  const options: OptimizerOptions = {};
  for (const name of OPTIMIZER_OPTION_NAMES) {
    const text = params.get(paramOf(name));
    if (text === null) continue;
    const field = paramOf(name);
    if (!OPTIONS_OF[optimizer].includes(name)) {
      rejections.push({
        field,
        reason: `is not an option of ${optimizer} (its options: ${OPTIONS_OF[optimizer].join(', ')})`,
        fallback: 'ignoring it',
      });
      continue;
    }
    const value = text.trim() === '' ? Number.NaN : Number(text);
    const parsed = optimizerOptionSchema(name).safeParse(value);
    if (Number.isFinite(value) && parsed.success) {
      options[name] = parsed.data;
      continue;
    }
    const fallback = OPTION_DEFAULTS[optimizer][name];
    rejections.push({
      field,
      reason: Number.isFinite(value)
        ? `${parsed.error?.issues[0].message ?? 'is not valid'} (got ${quoted(text)})`
        : `must be a finite number (got ${quoted(text)})`,
      fallback: fallback === undefined ? 'using no limit' : `using the default, ${fallback}`,
    });
  }
  return Object.keys(options).length > 0 ? options : undefined;
}
