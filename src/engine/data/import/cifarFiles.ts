import { gunzip, isGzip } from '../gunzip';
import {
  CIFAR_10,
  CIFAR_100,
  fitsRecords,
  readCifarBatch,
  readCifarClassNames,
  recordBytes,
  recordSizeProblem,
  type CifarLayout,
} from './cifarBinary';
import { DatasetImportError } from './importError';
import { concatImages, type ImportedImages } from './importedImages';
import { readTar } from './tarReader';

/** A file as the user gave it: its path (folders included, when known) and its bytes. */
export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

/** CIFAR-10 or CIFAR-100 as read: the training batches, the test batch when given, the names. */
export interface CifarImport {
  layout: CifarLayout;
  train: ImportedImages;
  test: ImportedImages | null;
  classNames: string[];
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** Each dataset's file names, as its binary archive holds them. */
const FILES_OF = [
  {
    layout: CIFAR_10,
    train: /^data_batch_(\d+)\.bin$/,
    test: 'test_batch.bin',
    meta: 'batches.meta.txt',
  },
  {
    layout: CIFAR_100,
    train: /^train\.bin$/,
    test: 'test.bin',
    meta: 'fine_label_names.txt',
  },
] as const;

/** The files inside `cifar-10-binary.tar.gz` (or a plain .tar), or the files as given. */
async function unpack(files: readonly ImportFile[]): Promise<ImportFile[]> {
  const out: ImportFile[] = [];
  for (const file of files) {
    if (!/\.tar(\.gz)?$|\.tgz$/.test(file.name)) {
      out.push(file);
      continue;
    }
    let bytes = file.bytes;
    if (isGzip(bytes)) {
      try {
        bytes = await gunzip(bytes);
      } catch {
        throw new DatasetImportError(file.name, 'the gzip data is damaged or truncated');
      }
    }
    out.push(
      ...readTar(bytes, file.name).map((entry) => ({ name: entry.name, bytes: entry.data })),
    );
  }
  return out;
}

/**
 * Refuses batches whose lengths do not fit the dataset's record size, saying which record size
 * they fit instead and, when other batches fit the expected one, that the files mix two sizes.
 */
function checkRecordSizes(batches: readonly ImportFile[], layout: CifarLayout): void {
  const fitting = batches.find((file) => fitsRecords(file.bytes.length, layout));
  for (const file of batches) {
    const problem = recordSizeProblem(file.bytes.length, layout);
    if (!problem) continue;
    const mixed = fitting
      ? `; ${baseName(fitting.name)} has ${layout.name}'s ${recordBytes(layout)}-byte records, so the batches mix sizes`
      : '';
    throw new DatasetImportError(file.name, problem + mixed);
  }
}

/**
 * CIFAR-10 or CIFAR-100 in its binary version, from the downloaded archive or the extracted
 * files: training batches in their numbered order, the test batch as the held-out set, the
 * class names from the meta file (CIFAR-100: its fine labels).
 */
export async function readCifarFiles(files: readonly ImportFile[]): Promise<CifarImport> {
  const unpacked = await unpack(files);
  const found = FILES_OF.map((names) => ({
    names,
    train: unpacked
      .filter((file) => names.train.test(baseName(file.name)))
      .sort(
        (a, b) =>
          Number(names.train.exec(baseName(a.name))?.[1] ?? 0) -
          Number(names.train.exec(baseName(b.name))?.[1] ?? 0),
      ),
  })).filter(({ train }) => train.length > 0);
  if (found.length === 0) {
    throw new DatasetImportError(
      files.map((file) => file.name).join(', '),
      'no training batch found (CIFAR-10: data_batch_1.bin … data_batch_5.bin; CIFAR-100: train.bin)',
    );
  }
  if (found.length > 1) {
    const [ten, hundred] = found.map(({ train }) => baseName(train[0].name));
    throw new DatasetImportError(
      `${ten} and ${hundred}`,
      'the files mix CIFAR-10 and CIFAR-100 batches; import one dataset at a time',
    );
  }
  const [{ names, train: trainFiles }] = found;
  const { layout } = names;
  const testFile = unpacked.find((file) => baseName(file.name) === names.test);
  checkRecordSizes(testFile ? [...trainFiles, testFile] : trainFiles, layout);
  const metaFile = unpacked.find((file) => baseName(file.name) === names.meta);
  const classNames = metaFile
    ? readCifarClassNames(new TextDecoder().decode(metaFile.bytes))
    : Array.from({ length: layout.numClasses }, (_, i) => `class ${i}`);
  if (classNames.length !== layout.numClasses) {
    throw new DatasetImportError(
      metaFile?.name ?? names.meta,
      `lists ${classNames.length} class names; ${layout.name} has ${layout.numClasses}`,
    );
  }
  return {
    layout,
    train: concatImages(trainFiles.map((file) => readCifarBatch(file.bytes, file.name, layout))),
    test: testFile ? readCifarBatch(testFile.bytes, testFile.name, layout) : null,
    classNames,
  };
}
