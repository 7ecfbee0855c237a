import type { DatasetName } from '../../core';

export type { DatasetName };

/**
 * Images as stored: uint8 pixels row-major with channels interleaved (HWC; one channel for
 * MNIST), `count` images back to back.
 */
export interface ImageSet {
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
  readonly count: number;
  readonly rows: number;
  readonly cols: number;
  readonly channels: 1 | 3;
  readonly numClasses: number;
}

/** A dataset ready for training: validation is carved from the training images. */
export interface Dataset {
  readonly name: DatasetName;
  readonly train: ImageSet;
  readonly validation: ImageSet;
  readonly test: ImageSet;
}

/** Copies the chosen images into a new set, so that the set they came from can be released. */
export function selectImages(set: ImageSet, indices: ArrayLike<number>): ImageSet {
  const size = set.rows * set.cols * set.channels;
  const images = new Uint8Array(indices.length * size);
  const labels = new Uint8Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const from = indices[i];
    images.set(set.images.subarray(from * size, (from + 1) * size), i * size);
    labels[i] = set.labels[from];
  }
  return { ...set, images, labels, count: indices.length };
}
