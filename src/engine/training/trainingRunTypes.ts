import type { Dataset } from '../data/imageSet';
import type { Cnn } from '../model/cnn';
import type { Optimizer } from '../optimizers/optimizer';
import type { OptimizerName } from '../optimizers/updateRules';
import type { BatchStream } from './batchStream';
import type { EmitEvent, TrainStopReason } from './engineEvents';

/** What a training run trains and reports to. */
export interface TrainContext {
  model: Cnn;
  optimizer: Optimizer;
  optimizerName: OptimizerName;
  stream: BatchStream;
  dataset: Dataset;
  seed: number;
  emit: EmitEvent;
}

export interface TrainEnd {
  reason: TrainStopReason;
  message: string;
  iterations: number;
  wallMs: number;
}
