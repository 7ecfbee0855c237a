import { PRODIGY_RULES } from './prodigy';
import { SCHEDULE_FREE_RULES } from './scheduleFree';
import { perParameter, type StepRule } from './stepRule';
import { TORCH_RULES } from './torchRules';

/**
 * Every optimizer the engine has, by name: PyTorch 1.13's own rules, Schedule-Free SGD and
 * AdamW and Prodigy, each reproducing its reference step by step (tests/golden/optimizers.json).
 */
export const UPDATE_RULES = {
  sgd: perParameter(TORCH_RULES.sgd),
  sgdMomentum: perParameter(TORCH_RULES.sgdMomentum),
  adam: perParameter(TORCH_RULES.adam),
  adamw: perParameter(TORCH_RULES.adamw),
  adamax: perParameter(TORCH_RULES.adamax),
  adadelta: perParameter(TORCH_RULES.adadelta),
  adagrad: perParameter(TORCH_RULES.adagrad),
  rmsprop: perParameter(TORCH_RULES.rmsprop),
  ...SCHEDULE_FREE_RULES,
  ...PRODIGY_RULES,
} as const satisfies Record<string, StepRule>;

export type OptimizerName = keyof typeof UPDATE_RULES;
