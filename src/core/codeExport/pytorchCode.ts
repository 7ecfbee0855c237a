import type { ScheduleSpec } from '../scheduleSpec';
import { momentumNotExported, torchOptimizerLine, type ExportOptions } from './optimizerCode';
import { torchSchedulerCall } from './pytorchScheduler';
import { wsdSchedulerLines } from './pytorchWsd';
import { headerComment, initialLr } from './scheduleSummary';

const TRAINING_LOOP = [
  '# In the training loop, step the scheduler once per batch, after optimizer.step():',
  '#     for inputs, targets in train_loader:',
  '#         optimizer.zero_grad()',
  '#         loss_fn(model(inputs), targets).backward()',
  '#         optimizer.step()',
  '#         scheduler.step()',
];

/**
 * Ready-to-paste PyTorch for a spec: the session's optimizer and the `torch.optim.lr_scheduler`
 * that, stepped once per batch, sets `lrAt(spec, k)` for the k-th batch. `model` is the
 * user's module.
 */
export function pytorchCode(spec: ScheduleSpec, options: ExportOptions): string {
  const dropped = momentumNotExported(spec, options.optimizer);
  const exported: ScheduleSpec =
    dropped && 'cycleMomentum' in spec ? { ...spec, cycleMomentum: false } : spec;
  const call = torchSchedulerCall(exported);
  const wsd =
    exported.policy === 'wsd' && call
      ? wsdSchedulerLines(exported, call.args, options.pytorchWsd ?? 'lambdaLR')
      : null;
  const lines = [
    ...headerComment('PyTorch LR schedule', spec, options, dropped ? [dropped] : []),
    '# `model` is your torch.nn.Module.',
    ...(wsd?.stdlib ?? []),
    'import torch',
    ...(wsd?.thirdParty ?? []),
    '',
    torchOptimizerLine(options.optimizer, initialLr(spec)),
  ];
  if (call === null) {
    lines.push('# A fixed LR needs no scheduler.');
  } else if (wsd) {
    lines.push(...wsd.lines, '', ...TRAINING_LOOP);
  } else {
    lines.push(`scheduler = torch.optim.lr_scheduler.${call.name}(`, '    optimizer,');
    for (const arg of call.args) {
      lines.push(`    ${arg.name}=${arg.literal},${arg.note ? `  # ${arg.note}` : ''}`);
    }
    lines.push(')', '', ...TRAINING_LOOP);
  }
  return `${lines.join('\n')}\n`;
}
