import { selectImages, type ImageSet } from './imageSet';
import { mulberry32, seededPermutation } from './seededRandom';

/** Holds out the last `validationSize` images of a seeded permutation: a fixed split. */
export function splitValidation(
  set: ImageSet,
  validationSize: number,
  seed: number,
): { train: ImageSet; validation: ImageSet } {
  if (!Number.isInteger(validationSize) || validationSize < 1 || validationSize >= set.count) {
    throw new RangeError(
      `validationSize must be an integer from 1 to ${set.count - 1}, got ${validationSize}`,
    );
  }
  const order = seededPermutation(set.count, mulberry32(seed));
  const cut = set.count - validationSize;
  return {
    train: selectImages(set, order.subarray(0, cut)),
    validation: selectImages(set, order.subarray(cut)),
  };
}
