/**
 * Images read from a user's files, before they are kept: uint8 pixels, channels interleaved
 * (row-major, then channel: HWC), `count` images back to back, and their class indexes.
 */
export interface ImportedImages {
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
  rows: number;
  cols: number;
  channels: 1 | 3;
}

/** The images and labels of several batches, in order, as one set. */
export function concatImages(parts: readonly ImportedImages[]): ImportedImages {
  const [first] = parts;
  const count = parts.reduce((sum, part) => sum + part.count, 0);
  const images = new Uint8Array(parts.reduce((sum, part) => sum + part.images.length, 0));
  const labels = new Uint8Array(count);
  let imageAt = 0;
  let labelAt = 0;
  for (const part of parts) {
    images.set(part.images, imageAt);
    labels.set(part.labels, labelAt);
    imageAt += part.images.length;
    labelAt += part.count;
  }
  return { ...first, images, labels, count };
}
