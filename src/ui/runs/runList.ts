import { formatCount, formatWallTime } from '../format';
import type { RunRecord } from './runRecord';

/** The list's order: pinned runs first, then the newest first. */
export function sortRuns(list: readonly RunRecord[]): RunRecord[] {
  return [...list].sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.startedAt - a.startedAt);
}

const STOP_WORDS: Record<RunRecord['stopReason'], string> = {
  completed: 'finished',
  diverged: 'diverged',
  nonFinite: 'loss not finite',
  stopped: 'stopped',
  cycleEnd: 'stopped at a cycle end',
  crashed: 'engine crashed',
  failed: 'failed',
  interrupted: 'interrupted (the page closed mid-run)',
};

const DATASET_WORDS: Partial<Record<RunRecord['session']['dataset'], string>> = {
  mnist: 'MNIST',
  'fashion-mnist': 'Fashion-MNIST',
  synthetic: 'synthetic',
};

/** The options a run set, e.g. " (weightDecay 0.05)"; nothing where it ran on the defaults. */
function optionsText(options: RunRecord['session']['optimizerOptions']): string {
  const set = Object.entries(options ?? {});
  return set.length === 0 ? '' : ` (${set.map(([name, value]) => `${name} ${value}`).join(', ')})`;
}

/** One line on what a kept run was and how it went, e.g. "Training · MNIST · 86 steps · …". */
export function runSummary(run: RunRecord): string {
  const steps = run.series.lr.length;
  const parts = [
    run.kind === 'training' ? 'Training' : 'Range test',
    `${DATASET_WORDS[run.session.dataset] ?? run.session.dataset.replace(/^imported:/, '')}, ${run.session.optimizer}${optionsText(run.session.optimizerOptions)}`,
    `${formatCount(steps)} ${steps === 1 ? 'step' : 'steps'}`,
  ];
  const lastValidation = run.kind === 'training' ? run.validations.at(-1) : undefined;
  if (lastValidation) parts.push(`val ${(lastValidation.accuracy * 100).toFixed(1)}%`);
  parts.push(STOP_WORDS[run.stopReason]);
  parts.push(formatWallTime(run.wallMs));
  // An imported file may hold Infinity: a speed nobody measured is not shown.
  if (run.samplesPerSec > 0 && Number.isFinite(run.samplesPerSec)) {
    parts.push(`${formatCount(run.samplesPerSec)} samples/s`);
  }
  if (run.backend) parts.push(run.backend);
  return parts.join(' · ');
}
