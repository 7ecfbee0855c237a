import type { ScheduleSpec } from '../scheduleSpec';
import {
  hasEvalMode,
  momentumNotExported,
  torchOptimizerImport,
  torchOptimizerLine,
  type ExportOptimizer,
  type ExportOptions,
} from './optimizerCode';
import { torchSchedulerCall } from './pytorchScheduler';
import { wsdSchedulerLines } from './pytorchWsd';
import { headerComment, initialLr } from './scheduleSummary';

/** How to train with it: the scheduler once per batch, Schedule-Free's train/eval switches. */
function trainingLoop(optimizer: ExportOptimizer, scheduled: boolean): string[] {
  const evalMode = hasEvalMode(optimizer);
  if (!scheduled && !evalMode) return [];
  return [
    '',
    scheduled
      ? '# In the training loop, step the scheduler once per batch, after optimizer.step():'
      : '# The training loop:',
    ...(evalMode ? ['#     model.train()', '#     optimizer.train()  # parameters at y'] : []),
    '#     for inputs, targets in train_loader:',
    '#         optimizer.zero_grad()',
    '#         loss_fn(model(inputs), targets).backward()',
    '#         optimizer.step()',
    ...(scheduled ? ['#         scheduler.step()'] : []),
    ...(evalMode
      ? [
          '# Schedule-Free evaluates and ships the average x: switch before validating or saving,',
          '# and back before training on. With batch norm, refresh its statistics for x first:',
          '#     optimizer.eval()  # parameters at x',
          '#     model.train()',
          '#     with torch.no_grad():',
          '#         for _, (inputs, _) in zip(range(50), train_loader):',
          '#             model(inputs)',
          '#     model.eval()',
          '#     ...validate, or torch.save(model.state_dict(), path)...',
          '#     optimizer.train()  # back to y',
        ]
      : []),
  ];
}

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
    ...[torchOptimizerImport(options.optimizer) ?? []].flat(),
    '',
    torchOptimizerLine(options.optimizer, initialLr(spec), options.optimizerOptions),
  ];
  const loop = trainingLoop(options.optimizer, call !== null);
  if (call === null) {
    lines.push('# A fixed LR needs no scheduler.', ...loop);
  } else if (wsd) {
    lines.push(...wsd.lines, ...loop);
  } else {
    lines.push(`scheduler = torch.optim.lr_scheduler.${call.name}(`, '    optimizer,');
    for (const arg of call.args) {
      lines.push(`    ${arg.name}=${arg.literal},${arg.note ? `  # ${arg.note}` : ''}`);
    }
    lines.push(')', ...loop);
  }
  return `${lines.join('\n')}\n`;
}
