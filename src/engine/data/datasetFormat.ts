import type { ImageSet } from './imageSet';

// LRDS, the asset format written by scripts/build-data.mjs: a 24-byte header of little-endian
// uint32s (magic "LRDS", version, count, rows, cols, numClasses), then count·rows·cols uint8
// pixels, then count uint8 labels. The assets are gzip'd on disk; this is the unzipped layout.
const FORMAT_MAGIC = 'LRDS';
const FORMAT_VERSION = 1;
const HEADER_BYTES = 24;

/** Parses an unzipped LRDS buffer, checking every field; the arrays are views into `bytes`. */
export function decodeDataset(bytes: Uint8Array): ImageSet {
  if (bytes.length < HEADER_BYTES) {
    throw new Error(`${bytes.length} bytes is shorter than the ${HEADER_BYTES}-byte header`);
  }
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== FORMAT_MAGIC) {
    throw new Error(`magic is ${JSON.stringify(magic)}, expected ${JSON.stringify(FORMAT_MAGIC)}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const [version, count, rows, cols, numClasses] = [4, 8, 12, 16, 20].map((at) =>
    view.getUint32(at, true),
  );
  if (version !== FORMAT_VERSION) {
    throw new Error(`format version ${version}, this reader knows ${FORMAT_VERSION}`);
  }
  if (count < 1 || rows < 1 || cols < 1 || numClasses < 1 || numClasses > 256) {
    throw new Error(`bad header: ${count} images of ${rows}x${cols}, ${numClasses} classes`);
  }
  const numPixels = count * rows * cols;
  const expectedBytes = HEADER_BYTES + numPixels + count;
  if (bytes.length !== expectedBytes) {
    throw new Error(`${bytes.length} bytes, the header implies ${expectedBytes}`);
  }
  const images = bytes.subarray(HEADER_BYTES, HEADER_BYTES + numPixels);
  const labels = bytes.subarray(HEADER_BYTES + numPixels);
  const badLabel = labels.findIndex((label) => label >= numClasses);
  if (badLabel >= 0) {
    throw new Error(
      `label ${labels[badLabel]} at index ${badLabel} is not one of ${numClasses} classes`,
    );
  }
  return { images, labels, count, rows, cols, channels: 1, numClasses };
}
