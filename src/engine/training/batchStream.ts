import { batchesPerEpoch, trainingBatches, type Batch } from '../data/batches';
import type { ImageSet } from '../data/imageSet';

/** An endless stream of training batches: epoch after epoch, each in its own seeded order. */
export class BatchStream {
  private epochIdx = 0;
  private batchIdx = 0;
  private epoch: Generator<Batch>;

  constructor(
    private readonly set: ImageSet,
    private readonly batchSize: number,
    private readonly seed: number,
    private readonly augment: boolean,
  ) {
    this.epoch = this.startEpoch();
  }

  get iterationsPerEpoch(): number {
    return batchesPerEpoch(this.set.count, this.batchSize);
  }

  /** The 0-based epoch the next batch belongs to. */
  get currentEpochIdx(): number {
    return this.epochIdx;
  }

  /** The next batch; the caller disposes its tensors. */
  next(): Batch {
    let result = this.epoch.next();
    if (result.done) {
      this.epochIdx += 1;
      this.batchIdx = 0;
      this.epoch = this.startEpoch();
      result = this.epoch.next();
      if (result.done) throw new Error('an epoch produced no batches');
    }
    this.batchIdx += 1;
    return result.value;
  }

  private startEpoch(): Generator<Batch> {
    return trainingBatches(this.set, {
      batchSize: this.batchSize,
      seed: this.seed,
      epoch: this.epochIdx,
      augment: this.augment,
    });
  }
}
