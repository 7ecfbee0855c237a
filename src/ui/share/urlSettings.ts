import type { BackendName } from '../../worker/contract';
import { BACKEND_NAMES } from '../sessionChoices';

/**
 * The page options the address may force, outside the shared configuration: `?backend=` and
 * `?threads=`. Anything else there means 'auto' (shareCodec reports a bad backend to the user).
 */

/** WASM threads from `?threads=`: a whole number 1–8 (tfjs's wasm build runs at most 8). */
export function threadsFromUrl(params: URLSearchParams): number | 'auto' {
  const value = Number(params.get('threads'));
  return Number.isInteger(value) && value >= 1 && value <= 8 ? value : 'auto';
}

/** The forced backend from `?backend=`. */
export function backendFromUrl(params: URLSearchParams): BackendName | 'auto' {
  const value = params.get('backend');
  return (BACKEND_NAMES as readonly (string | null)[]).includes(value)
    ? (value as BackendName)
    : 'auto';
}
