import type { ImportedDatasetName } from '../../core';
import type { Dataset, ImageSet } from './imageSet';

/**
 * An imported dataset as the page hands it to the engine: its training images and its
 * held-out images (the test batch of the format, or a split of the training images).
 */
export interface ImportedDatasetSets {
  name: ImportedDatasetName;
  train: ImageSet;
  heldOut: ImageSet;
}

const SIDES = [28, 32];

function checkSet(set: ImageSet, what: string, like?: ImageSet): void {
  const { count, rows, cols, channels, numClasses } = set;
  const problem = (text: string) => new Error(`The imported ${what} images ${text}.`);
  if (!(rows === cols && SIDES.includes(rows))) {
    throw problem(`are ${rows}×${cols}; the model takes 28×28 or 32×32`);
  }
  if (channels !== 1 && channels !== 3) throw problem(`have ${String(channels)} channels`);
  if (!(numClasses >= 2 && numClasses <= 100)) throw problem(`have ${numClasses} classes`);
  if (!(count >= 1) || set.images.length !== count * rows * cols * channels) {
    throw problem(
      `hold ${set.images.length} pixel values, expected ${count}×${rows}×${cols}×${channels}`,
    );
  }
  if (set.labels.length !== count)
    throw problem(`have ${set.labels.length} labels for ${count} images`);
  const bad = set.labels.findIndex((label) => label >= numClasses);
  if (bad >= 0)
    throw problem(`have label ${set.labels[bad]} at ${bad}, past ${numClasses} classes`);
  if (
    like &&
    (rows !== like.rows || channels !== like.channels || numClasses !== like.numClasses)
  ) {
    throw problem(`differ in shape or classes from the training images`);
  }
}

/**
 * An imported dataset ready for training, its sets checked: the held-out images serve as both
 * the validation and the test set (an import has no third split).
 */
export function importedDataset({ name, train, heldOut }: ImportedDatasetSets): Dataset {
  checkSet(train, 'training');
  checkSet(heldOut, 'held-out', train);
  return { name, train, validation: heldOut, test: heldOut };
}
