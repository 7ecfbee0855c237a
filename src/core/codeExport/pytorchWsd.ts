import type { WsdSpec } from '../scheduleSpec';
import type { TorchArg } from './pytorchScheduler';

/**
 * WSD in PyTorch, two ways with the same keywords: Hugging Face Transformers'
 * `get_wsd_schedule`, or a dependency-free LambdaLR over our own copy of its multiplier.
 * Both read back through pytorchCodeReader into the same spec.
 */

export type WsdVariant = 'lambdaLR' | 'transformers';

/** `wsd_multiplier`'s name, which the reader looks for inside the LambdaLR call. */
export const WSD_MULTIPLIER = 'wsd_multiplier';

const MULTIPLIER_FUNCTION = [
  `def ${WSD_MULTIPLIER}(`,
  '    *, num_warmup_steps, num_stable_steps, num_decay_steps, warmup_type, decay_type, min_lr_ratio',
  '):',
  '    """The LR multiplier of transformers.get_wsd_schedule, for LambdaLR (0-based steps)."""',
  '',
  '    def rise(p):  # warm-up shape: 0 at p = 0, 1 at p = 1',
  '        if warmup_type == "cosine":',
  '            return (1 - math.cos(math.pi * p)) / 2',
  '        if warmup_type == "1-sqrt":',
  '            return 1 - math.sqrt(1 - p)',
  '        return p  # "linear"',
  '',
  '    def fall(p):  # decay shape: 1 at p = 0, 0 at p = 1',
  '        if decay_type == "cosine":',
  '            return (1 + math.cos(math.pi * p)) / 2',
  '        if decay_type == "1-sqrt":',
  '            return 1 - math.sqrt(p)',
  '        return 1 - p  # "linear"',
  '',
  '    def multiplier(step):',
  '        decay_from = num_warmup_steps + num_stable_steps',
  '        if step < num_warmup_steps:',
  '            shape = rise(step / max(1, num_warmup_steps))',
  '        elif step < decay_from:',
  '            return 1.0',
  '        elif step < decay_from + num_decay_steps:',
  '            shape = fall((step - decay_from) / max(1, num_decay_steps))',
  '        else:',
  '            return min_lr_ratio',
  '        return min_lr_ratio + (1 - min_lr_ratio) * shape',
  '',
  '    return multiplier',
];

const argLines = (args: readonly TorchArg[], indent: string): string[] =>
  args.map((arg) => `${indent}${arg.name}=${arg.literal},`);

/** The imports (standard library, third party), helper and `scheduler = …` of the chosen variant. */
export function wsdSchedulerLines(
  spec: WsdSpec,
  args: readonly TorchArg[],
  variant: WsdVariant,
): { stdlib: string[]; thirdParty: string[]; lines: string[] } {
  if (variant === 'transformers') {
    return {
      stdlib: [],
      thirdParty: ['import transformers  # a release whose get_wsd_schedule takes warmup_type'],
      lines: [
        'scheduler = transformers.get_wsd_schedule(',
        '    optimizer,',
        ...argLines(args, '    '),
        ')',
      ],
    };
  }
  const end = spec.warmupSteps + spec.stableSteps + spec.decaySteps;
  return {
    stdlib: ['import math', ''],
    thirdParty: [],
    lines: [
      '',
      '',
      ...MULTIPLIER_FUNCTION,
      '',
      '',
      '# The same schedule as transformers.get_wsd_schedule(optimizer, <these keywords>).',
      `# After step ${end} the LR stays at min_lr_ratio × the optimizer's lr.`,
      'scheduler = torch.optim.lr_scheduler.LambdaLR(',
      '    optimizer,',
      `    ${WSD_MULTIPLIER}(`,
      ...argLines(args, '        '),
      '    ),',
      ')',
    ],
  };
}
