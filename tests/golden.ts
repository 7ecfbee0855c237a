import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The project's copy of the reference vectors (tests/golden, copied unchanged from shared/golden). */
export function loadGolden<Case>(
  name: 'schedules' | 'schedules-modern' | 'sweeps' | 'smoothing' | 'suggestions' | 'optimizers',
): Case[] {
  const path = fileURLToPath(new URL(`./golden/${name}.json`, import.meta.url));
  return (JSON.parse(readFileSync(path, 'utf8')) as { cases: Case[] }).cases;
}

/** Largest |actual − expected| / |expected| (absolute where expected is 0). */
export function maxRelativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  if (actual.length !== expected.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const scale = Math.abs(expected[i]) || 1;
    worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / scale);
  }
  return worst;
}
