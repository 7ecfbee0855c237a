import type { ScheduleSpec } from '../scheduleSpec';
import type { ExportOptions } from './optimizerCode';
import { plural } from '../plural';
import { scheduleChangesNote } from './scheduleChangesNote';

/** The LR the optimizer starts at (OneCycleLR and CyclicLR set it themselves). */
export function initialLr(spec: ScheduleSpec): number {
  switch (spec.policy) {
    case 'fixed':
    case 'step':
    case 'exp':
      return spec.lr;
    case 'triangular':
    case 'triangular2':
    case 'exp_range':
      return spec.baseLr;
    case 'cosine_restarts':
    case 'cosine':
    case 'wsd':
      return spec.maxLr;
    case 'one_cycle':
      return spec.maxLr / spec.divFactor;
  }
}

/** How many epochs `steps` batches are, for comments: "4.65 epochs at batch size 64, …". */
function inEpochs(steps: number, options: ExportOptions): string {
  const epochs = steps / options.iterationsPerEpoch;
  const rounded = epochs >= 10 ? epochs.toFixed(1) : epochs.toPrecision(3);
  return `${Number(rounded)} epochs at batch size ${options.batchSize}, ${options.iterationsPerEpoch} steps per epoch`;
}

/** The schedule in words for the header of the exported code; each entry is wrapped on its own. */
function scheduleSummary(spec: ScheduleSpec, options: ExportOptions): string[] {
  switch (spec.policy) {
    case 'fixed':
      return [`Fixed LR ${spec.lr} for every step.`];
    case 'step':
      return [
        `LR ${spec.lr}, multiplied by ${spec.gamma} every ${plural(spec.stepSize, 'step')}`,
        `(${inEpochs(spec.stepSize, options)}).`,
      ];
    case 'exp':
      return [`LR ${spec.lr}, multiplied by ${spec.gamma} after every step.`];
    case 'triangular':
    case 'triangular2':
    case 'exp_range': {
      const down = spec.stepSizeDown ?? spec.stepSize;
      const swing =
        spec.policy === 'exp_range'
          ? `The swing shrinks by gamma=${spec.gamma} every step (not every cycle).`
          : spec.policy === 'triangular2'
            ? 'The swing halves every cycle.'
            : 'The swing stays the same every cycle.';
      return [
        `${spec.policy} CLR between base_lr ${spec.baseLr} and max_lr ${spec.maxLr}.`,
        `One cycle is ${spec.stepSize + down} steps: ${spec.stepSize} up, ${down} down`,
        `(${inEpochs(spec.stepSize + down, options)}).`,
        swing,
        ...(spec.cycleMomentum
          ? [
              `Momentum moves opposite: ${spec.maxMomentum} at the base, ${spec.baseMomentum} at the peak.`,
            ]
          : []),
      ];
    }
    case 'cosine_restarts':
      return [
        `SGDR: cosine from ${spec.maxLr} down towards ${spec.minLr}, then a warm restart.`,
        `The first period is ${plural(spec.period, 'step')} (${inEpochs(spec.period, options)})${
          spec.periodMult === 1
            ? ', and so is every other.'
            : `; each next one is ${spec.periodMult}× longer.`
        }`,
      ];
    case 'one_cycle': {
      const peak = spec.pctStart * spec.totalSteps - 1;
      const initial = initialLr(spec);
      const min = initial / spec.finalDivFactor;
      const path = spec.threePhase
        ? `${initial} → ${spec.maxLr} → ${initial} → ${min}`
        : `${initial} → ${spec.maxLr} → ${min}`;
      const peakAt = Number.isInteger(peak)
        ? `peak at step ${peak}`
        : `peak between steps ${Math.floor(peak)} and ${Math.ceil(peak)}`;
      return [
        `One cycle over ${spec.totalSteps} steps (${inEpochs(spec.totalSteps, options)}):`,
        `LR ${path}, ${spec.anneal === 'cos' ? 'cosine' : 'linear'} annealing, ${peakAt}.`,
        ...(spec.cycleMomentum
          ? [`Momentum moves opposite, between ${spec.maxMomentum} and ${spec.baseMomentum}.`]
          : []),
      ];
    }
    case 'cosine':
      return [
        `Cosine annealing from ${spec.maxLr} to ${spec.minLr} over ${plural(spec.totalSteps, 'step')}`,
        `(${inEpochs(spec.totalSteps, options)}), reaching ${spec.minLr} at step ${spec.totalSteps}.`,
      ];
    case 'wsd': {
      const min = spec.maxLr * spec.minLrRatio;
      const end = spec.warmupSteps + spec.stableSteps + spec.decaySteps;
      return [
        `Warm-up–stable–decay (Transformers' get_wsd_schedule): ${spec.warmupType} warm-up over ${plural(spec.warmupSteps, 'step')}, ${spec.maxLr} for ${plural(spec.stableSteps, 'step')}, then a ${spec.decayType} decay over ${plural(spec.decaySteps, 'step')} (${inEpochs(spec.decaySteps, options)}) to ${min}.`,
        `From step ${end} on the LR stays at ${min}.`,
      ];
    }
  }
}

/** `# `-comment lines of at most `width` characters (a longer word gets its own line). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '#';
  for (const word of text.split(' ')) {
    if (line.length > 1 && line.length + 1 + word.length > width) {
      lines.push(line);
      line = '#';
    }
    line += ` ${word}`;
  }
  return [...lines, line];
}

/** The header every export starts with: what, the schedule in words, and the spec to re-import. */
export function headerComment(
  title: string,
  spec: ScheduleSpec,
  options: ExportOptions,
  notes: readonly string[],
): string[] {
  return [
    `# ${title}, exported from LR Playground.`,
    ...[...scheduleSummary(spec, options), ...notes].flatMap((line) => wrap(line, 92)),
    `# Spec: ${JSON.stringify(spec)}`,
    ...scheduleChangesNote(options.history),
  ];
}
