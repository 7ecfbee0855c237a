import { DatasetImportError } from './importError';
import type { ImportedImages } from './importedImages';

/** CIFAR-10 binary: each record is 1 label byte and 3,072 pixel bytes (32×32, R then G then B). */
const SIDE = 32;
const PIXELS = SIDE * SIDE;
const RECORD = 1 + 3 * PIXELS;
const NUM_CLASSES = 10;

/** The images of one CIFAR-10 binary batch (`data_batch_1.bin` …, `test_batch.bin`), as HWC. */
export function readCifarBatch(bytes: Uint8Array, fileName: string): ImportedImages {
  if (bytes.length === 0 || bytes.length % RECORD !== 0) {
    const whole = Math.floor(bytes.length / RECORD);
    throw new DatasetImportError(
      fileName,
      `not a whole number of CIFAR-10 records: ${bytes.length} bytes is ${whole} records of ${RECORD} bytes and ${bytes.length - whole * RECORD} bytes over (a truncated download, or another format)`,
    );
  }
  const count = bytes.length / RECORD;
  const labels = new Uint8Array(count);
  const images = new Uint8Array(count * 3 * PIXELS);
  for (let i = 0; i < count; i++) {
    const record = i * RECORD;
    const label = bytes[record];
    if (label >= NUM_CLASSES) {
      throw new DatasetImportError(
        fileName,
        `record ${i} has label ${label}; CIFAR-10 labels are 0–9 (is this CIFAR-100, or not a CIFAR file?)`,
      );
    }
    labels[i] = label;
    const out = i * 3 * PIXELS;
    for (let p = 0; p < PIXELS; p++) {
      for (let c = 0; c < 3; c++) images[out + p * 3 + c] = bytes[record + 1 + c * PIXELS + p];
    }
  }
  return { images, labels, count, rows: SIDE, cols: SIDE, channels: 3 };
}

/** Class names from `batches.meta.txt`: one per line, blank lines ignored. */
export function readCifarClassNames(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
