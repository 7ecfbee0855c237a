import { DatasetImportError } from './importError';
import type { ImportedImages } from './importedImages';

/** Images from a CSV with their class names (the label column's values, or their indexes). */
export interface CsvImport {
  images: ImportedImages;
  classNames: string[];
}

const LABEL_HEADERS = new Set(['label', 'labels', 'class', 'target', 'y']);

const isNumber = (cell: string) => cell.trim() !== '' && Number.isFinite(Number(cell));

/** The image shape P pixel columns make: s×s grey, or 3×s×s colour channel-major (CIFAR's). */
function shapeOf(numPixels: number): { side: number; channels: 1 | 3 } | null {
  const grey = Math.round(Math.sqrt(numPixels));
  if (grey * grey === numPixels && grey >= 4) return { side: grey, channels: 1 };
  const colour = Math.round(Math.sqrt(numPixels / 3));
  if (3 * colour * colour === numPixels && colour >= 4) return { side: colour, channels: 3 };
  return null;
}

/**
 * The "MNIST as CSV" layout: one image per row, a label column (named label/class/target/y,
 * else the first) and one column per pixel (0–255, or 0–1 which is scaled), header optional.
 */
export function readPixelCsv(text: string, fileName: string): CsvImport {
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  if (lines.length === 0) throw new DatasetImportError(fileName, 'the file is empty');
  const first = lines[0].split(',');
  const hasHeader = first.some((cell) => !isNumber(cell));
  const labelColumn = hasHeader
    ? Math.max(
        0,
        first.findIndex((cell) => LABEL_HEADERS.has(cell.trim().toLowerCase())),
      )
    : 0;
  const numColumns = first.length;
  const shape = shapeOf(numColumns - 1);
  if (!shape) {
    throw new DatasetImportError(
      fileName,
      `${numColumns - 1} pixel columns (besides the label) make no square image: 784 is 28×28 grey, 3072 is 32×32 colour`,
    );
  }
  const dataLines = lines.slice(hasHeader ? 1 : 0);
  const count = dataLines.length;
  if (count === 0) throw new DatasetImportError(fileName, 'no data rows after the header');
  const pixelsPer = numColumns - 1;
  const values = new Float32Array(count * pixelsPer);
  const rawLabels: string[] = new Array(count);
  let maxValue = 0;
  for (let row = 0; row < count; row++) {
    const cells = dataLines[row].split(',');
    const lineNum = row + (hasHeader ? 2 : 1);
    if (cells.length !== numColumns) {
      throw new DatasetImportError(
        fileName,
        `line ${lineNum} has ${cells.length} values, expected ${numColumns} like ${hasHeader ? 'the header' : 'line 1'} (ragged rows)`,
      );
    }
    let at = row * pixelsPer;
    for (let col = 0; col < numColumns; col++) {
      if (col === labelColumn) {
        rawLabels[row] = cells[col].trim();
        continue;
      }
      const value = Number(cells[col]);
      if (!(cells[col].trim() !== '' && value >= 0 && value <= 255)) {
        throw new DatasetImportError(
          fileName,
          `line ${lineNum}, column ${col + 1}: "${cells[col].slice(0, 20)}" is not a pixel value from 0 to 255`,
        );
      }
      maxValue = Math.max(maxValue, value);
      values[at++] = value;
    }
  }
  const { labels, classNames } = indexLabels(rawLabels, fileName);
  const scale = maxValue <= 1 ? 255 : 1;
  const { side, channels } = shape;
  const plane = side * side;
  const images = new Uint8Array(count * pixelsPer);
  for (let i = 0; i < count; i++) {
    for (let p = 0; p < plane; p++) {
      for (let c = 0; c < channels; c++) {
        const value = values[i * pixelsPer + c * plane + p] * scale;
        images[i * pixelsPer + p * channels + c] = Math.round(value);
      }
    }
  }
  return {
    images: { images, labels, count, rows: side, cols: side, channels },
    classNames,
  };
}

/** Whole-number labels are class indexes; anything else names classes, sorted. */
function indexLabels(raw: readonly string[], fileName: string) {
  const numeric = raw.every((label) => /^\d+$/.test(label));
  const classNames = numeric
    ? Array.from({ length: Math.max(...raw.map(Number)) + 1 }, (_, i) => String(i))
    : [...new Set(raw)].sort();
  if (classNames.length > 100) {
    throw new DatasetImportError(
      fileName,
      `${classNames.length} classes; at most 100 are supported`,
    );
  }
  const indexOf = new Map(classNames.map((name, i) => [name, i]));
  const labels = Uint8Array.from(
    raw,
    (label) => indexOf.get(numeric ? String(Number(label)) : label) ?? 0,
  );
  return { labels, classNames };
}
