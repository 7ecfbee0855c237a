import { DatasetImportError } from './importError';
import type { ImportedImages } from './importedImages';

const SIDE = 32;
const PIXELS = SIDE * SIDE;

/** A CIFAR binary file's record layout: label bytes, then 3,072 pixel bytes (R, G, B planes). */
export interface CifarLayout {
  name: 'CIFAR-10' | 'CIFAR-100';
  /** CIFAR-10: one label byte; CIFAR-100: a coarse, then a fine label byte (the one used). */
  labelBytes: 1 | 2;
  numClasses: 10 | 100;
}

export const CIFAR_10: CifarLayout = { name: 'CIFAR-10', labelBytes: 1, numClasses: 10 };
export const CIFAR_100: CifarLayout = { name: 'CIFAR-100', labelBytes: 2, numClasses: 100 };
/** CIFAR-100's coarse labels (superclasses) are 0–19. */
const NUM_COARSE = 20;

export const recordBytes = (layout: CifarLayout): number => layout.labelBytes + 3 * PIXELS;
const otherLayout = (layout: CifarLayout) => (layout === CIFAR_10 ? CIFAR_100 : CIFAR_10);
const LABEL_WORDS = {
  'CIFAR-10': 'one label byte',
  'CIFAR-100': 'a coarse and a fine label byte',
} as const;

/** Whether `byteLength` is a whole, non-zero number of records of `layout`. */
export const fitsRecords = (byteLength: number, layout: CifarLayout): boolean =>
  byteLength > 0 && byteLength % recordBytes(layout) === 0;

/**
 * Why a file of `byteLength` bytes cannot hold `layout`'s records, or null when it can: the
 * other CIFAR layout's record size named when the length fits that one instead.
 */
export function recordSizeProblem(byteLength: number, layout: CifarLayout): string | null {
  if (fitsRecords(byteLength, layout)) return null;
  const record = recordBytes(layout);
  if (byteLength === 0) return `the file is empty; ${layout.name} records are ${record} bytes`;
  const other = otherLayout(layout);
  if (fitsRecords(byteLength, other)) {
    return `${byteLength} bytes are records of ${recordBytes(other)} bytes, not ${layout.name}'s ${record}: this looks like ${other.name}'s layout (${LABEL_WORDS[other.name]} before the pixels)`;
  }
  const whole = Math.floor(byteLength / record);
  return `not a whole number of ${layout.name} records: ${byteLength} bytes is ${whole} records of ${record} bytes and ${byteLength - whole * record} bytes over, and no whole number of ${other.name}'s ${recordBytes(other)}-byte records either (a truncated download, or another format)`;
}

/**
 * The images of one CIFAR binary batch (`data_batch_1.bin` … `test_batch.bin` of CIFAR-10,
 * `train.bin`/`test.bin` of CIFAR-100), as HWC, labelled by the (fine) label.
 */
export function readCifarBatch(
  bytes: Uint8Array,
  fileName: string,
  layout: CifarLayout = CIFAR_10,
): ImportedImages {
  const problem = recordSizeProblem(bytes.length, layout);
  if (problem) throw new DatasetImportError(fileName, problem);
  const record = recordBytes(layout);
  const count = bytes.length / record;
  const labels = new Uint8Array(count);
  const images = new Uint8Array(count * 3 * PIXELS);
  for (let i = 0; i < count; i++) {
    const at = i * record;
    const label = bytes[at + layout.labelBytes - 1];
    if (label >= layout.numClasses || (layout.labelBytes === 2 && bytes[at] >= NUM_COARSE)) {
      const found = layout.labelBytes === 2 ? `labels ${bytes[at]}, ${label}` : `label ${label}`;
      const expected =
        layout === CIFAR_10
          ? 'CIFAR-10 labels are 0–9 (is this CIFAR-100, or not a CIFAR file?)'
          : 'CIFAR-100 labels are coarse 0–19 and fine 0–99 (is this a CIFAR-100 file?)';
      throw new DatasetImportError(fileName, `record ${i} has ${found}; ${expected}`);
    }
    labels[i] = label;
    const pixels = at + layout.labelBytes;
    const out = i * 3 * PIXELS;
    for (let p = 0; p < PIXELS; p++) {
      for (let c = 0; c < 3; c++) images[out + p * 3 + c] = bytes[pixels + c * PIXELS + p];
    }
  }
  return { images, labels, count, rows: SIDE, cols: SIDE, channels: 3 };
}

/** Class names from `batches.meta.txt` or `fine_label_names.txt`: one per line, blanks ignored. */
export function readCifarClassNames(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
