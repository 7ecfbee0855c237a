import { mulberry32, seededPermutation } from '../seededRandom';
import { CIFAR_100 } from './cifarBinary';
import { readCifarFiles } from './cifarFiles';
import { fitImages, fromRgba } from './fitImages';
import { checkClassCounts, planImageFolder } from './imageFolder';
import { checkImportSize, DatasetImportError } from './importError';
import type { ImportedImages } from './importedImages';
import { readPixelCsv } from './pixelCsv';

/** A file the user picked or dropped: its path (class folders included) and a way to read it. */
export interface ImportSource {
  path: string;
  byteLength: number;
  bytes(): Promise<Uint8Array>;
}

/** Decodes one picture file scaled to `side`×`side` as RGBA; throws when it is no image. */
export type DecodePicture = (source: ImportSource, side: number) => Promise<Uint8ClampedArray>;

export interface ImportOptions {
  /** 'auto': the data's own size when it is 28 or 32, else 32. */
  side: 28 | 32 | 'auto';
  /** 'auto': the data's own channels (colour for pictures). */
  channels: 1 | 3 | 'auto';
  /** Share of the images held out when the format has no test set of its own. */
  heldOutFraction: number;
}

export type ImportFormat = 'cifar10' | 'cifar100' | 'csv' | 'folder';

/** A dataset read from the user's files, fitted to the chosen shape, split, not yet kept. */
export interface ImportResult {
  name: string;
  format: ImportFormat;
  classNames: string[];
  train: ImportedImages;
  heldOut: ImportedImages;
  /** Where the held-out images come from: the format's test batch, or a seeded split. */
  heldOutFrom: 'testBatch' | 'split';
  /** Files that could not be read as images, counted, with the first few paths. */
  skipped: { count: number; firstPaths: string[] };
}

/** Reports `done` of `total` units of work (files or images), a few times a second at most. */
export type ImportProgress = (done: number, total: number) => void;

const SKIPPED_SHOWN = 5;
const SPLIT_SEED = 42;

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const rootName = (path: string) => path.split('/').filter(Boolean)[0] ?? path;

/** Which reader the files are for: CIFAR batches or archive, a CSV, or a folder of images. */
function importReader(paths: readonly string[]): 'cifar' | 'csv' | 'folder' {
  if (paths.some((path) => /\.(bin|tar|tgz|tar\.gz)$/i.test(path))) return 'cifar';
  if (paths.some((path) => /\.csv$/i.test(path))) return 'csv';
  return 'folder';
}

/**
 * Reads a dataset from the user's files: checks each file's size, reads it with the reader of
 * its format, fits the images to the chosen size and colour, checks the classes, and holds
 * out the test batch or a seeded share of the images.
 */
export async function readImport(
  sources: readonly ImportSource[],
  options: ImportOptions,
  decode: DecodePicture,
  onProgress: ImportProgress,
): Promise<ImportResult> {
  if (sources.length === 0) throw new DatasetImportError('the import', 'no files were given');
  for (const source of sources) checkImportSize(source.path, source.byteLength);
  const reader = importReader(sources.map((source) => source.path));
  if (reader === 'folder') {
    const shape = {
      side: options.side === 'auto' ? 32 : options.side,
      channels: options.channels === 'auto' ? 3 : options.channels,
    } as const;
    return readFolder(sources, { ...options, ...shape }, decode, onProgress);
  }
  const files = [];
  for (const [i, source] of sources.entries()) {
    onProgress(i, sources.length + 1);
    files.push({ name: source.path, bytes: await source.bytes() });
  }
  onProgress(sources.length, sources.length + 1);
  if (reader === 'cifar') {
    const { layout, train, test, classNames } = await readCifarFiles(files);
    const { side, channels } = resolveShape(options, train);
    const fitted = fitImages(train, side, channels);
    const fileName = files.length === 1 ? files[0].name : rootName(files[0].name);
    checkLabels(fileName, classNames, fitted.labels);
    return finish({
      name: layout.name,
      format: layout === CIFAR_100 ? 'cifar100' : 'cifar10',
      classNames,
      all: fitted,
      test: test && fitImages(test, side, channels),
      options,
      skipped: [],
    });
  }
  const csv = files.find((file) => /\.csv$/i.test(file.name)) ?? files[0];
  const { images, classNames } = readPixelCsv(new TextDecoder().decode(csv.bytes), csv.name);
  checkLabels(csv.name, classNames, images.labels);
  const { side, channels } = resolveShape(options, images);
  return finish({
    name: baseName(csv.name).replace(/\.csv$/i, ''),
    format: 'csv',
    classNames,
    all: fitImages(images, side, channels),
    test: null,
    options,
    skipped: [],
  });
}

/** The chosen size and colour, 'auto' resolved against the images as read. */
function resolveShape(
  options: ImportOptions,
  read: ImportedImages,
): { side: 28 | 32; channels: 1 | 3 } {
  const own = read.rows === 28 || read.rows === 32 ? read.rows : 32;
  return {
    side: options.side === 'auto' ? own : options.side,
    channels: options.channels === 'auto' ? read.channels : options.channels,
  };
}

async function readFolder(
  sources: readonly ImportSource[],
  options: ImportOptions & { side: 28 | 32; channels: 1 | 3 },
  decode: DecodePicture,
  onProgress: ImportProgress,
): Promise<ImportResult> {
  const plan = planImageFolder(sources.map((source) => source.path));
  const folderName = rootName(sources[0].path);
  const { side, channels } = options;
  const numFiles = plan.filesByClass.reduce((sum, files) => sum + files.length, 0);
  const size = side * side * channels;
  const images = new Uint8Array(numFiles * size);
  const labels = new Uint8Array(numFiles);
  const skipped = [...plan.skipped];
  const counts = plan.classNames.map(() => 0);
  let count = 0;
  let done = 0;
  for (const [label, indexes] of plan.filesByClass.entries()) {
    for (const index of indexes) {
      onProgress(done++, numFiles);
      try {
        const rgba = await decode(sources[index], side);
        images.set(fromRgba(rgba, side, channels), count * size);
        labels[count++] = label;
        counts[label]++;
      } catch {
        skipped.push(sources[index].path);
      }
    }
  }
  checkClassCounts(folderName, plan.classNames, counts);
  return finish({
    name: folderName,
    format: 'folder',
    classNames: plan.classNames,
    all: {
      images: images.subarray(0, count * size),
      labels: labels.subarray(0, count),
      count,
      rows: side,
      cols: side,
      channels,
    },
    test: null,
    options,
    skipped,
  });
}

/** The per-class checks of an image folder, for formats whose classes come from labels. */
function checkLabels(fileName: string, classNames: readonly string[], labels: Uint8Array): void {
  const counts = classNames.map(() => 0);
  for (const label of labels) counts[label]++;
  checkClassCounts(fileName, classNames, counts);
}

function finish(read: {
  name: string;
  format: ImportFormat;
  classNames: string[];
  all: ImportedImages;
  test: ImportedImages | null;
  options: ImportOptions;
  skipped: string[];
}): ImportResult {
  const { name, format, classNames, all, test, options } = read;
  const skipped = { count: read.skipped.length, firstPaths: read.skipped.slice(0, SKIPPED_SHOWN) };
  if (test) {
    return {
      name,
      format,
      classNames,
      train: all,
      heldOut: test,
      heldOutFrom: 'testBatch',
      skipped,
    };
  }
  const numHeldOut = Math.min(
    all.count - 1,
    Math.max(1, Math.round(all.count * options.heldOutFraction)),
  );
  const order = seededPermutation(all.count, mulberry32(SPLIT_SEED));
  const cut = all.count - numHeldOut;
  return {
    name,
    format,
    classNames,
    train: pick(all, order.subarray(0, cut)),
    heldOut: pick(all, order.subarray(cut)),
    heldOutFrom: 'split',
    skipped,
  };
}

function pick(set: ImportedImages, indexes: Uint32Array): ImportedImages {
  const size = set.rows * set.cols * set.channels;
  const images = new Uint8Array(indexes.length * size);
  const labels = new Uint8Array(indexes.length);
  indexes.forEach((from, i) => {
    images.set(set.images.subarray(from * size, (from + 1) * size), i * size);
    labels[i] = set.labels[from];
  });
  return { ...set, images, labels, count: indexes.length };
}
