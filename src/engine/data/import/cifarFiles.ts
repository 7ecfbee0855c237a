import { gunzip, isGzip } from '../gunzip';
import { readCifarBatch, readCifarClassNames } from './cifarBinary';
import { DatasetImportError } from './importError';
import { concatImages, type ImportedImages } from './importedImages';
import { readTar } from './tarReader';

/** A file as the user gave it: its path (folders included, when known) and its bytes. */
export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

/** CIFAR-10 as read: the five training batches, the test batch when given, the class names. */
export interface CifarImport {
  train: ImportedImages;
  test: ImportedImages | null;
  classNames: string[];
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const TRAIN_BATCH = /^data_batch_(\d+)\.bin$/;

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
 * CIFAR-10 in its binary version, from the downloaded archive or the extracted batches:
 * training batches in their numbered order, `test_batch.bin` as the held-out set.
 */
export async function readCifarFiles(files: readonly ImportFile[]): Promise<CifarImport> {
  const unpacked = await unpack(files);
  const trainFiles = unpacked
    .filter((file) => TRAIN_BATCH.test(baseName(file.name)))
    .sort(
      (a, b) =>
        Number(TRAIN_BATCH.exec(baseName(a.name))?.[1]) -
        Number(TRAIN_BATCH.exec(baseName(b.name))?.[1]),
    );
  if (trainFiles.length === 0) {
    const names = files.map((file) => file.name).join(', ');
    throw new DatasetImportError(
      names,
      'no CIFAR-10 training batch (data_batch_1.bin … data_batch_5.bin) found',
    );
  }
  const testFile = unpacked.find((file) => baseName(file.name) === 'test_batch.bin');
  const metaFile = unpacked.find((file) => baseName(file.name) === 'batches.meta.txt');
  const classNames = metaFile
    ? readCifarClassNames(new TextDecoder().decode(metaFile.bytes))
    : Array.from({ length: 10 }, (_, i) => `class ${i}`);
  if (classNames.length !== 10) {
    throw new DatasetImportError(
      metaFile?.name ?? 'batches.meta.txt',
      `lists ${classNames.length} class names; CIFAR-10 has 10`,
    );
  }
  return {
    train: concatImages(trainFiles.map((file) => readCifarBatch(file.bytes, file.name))),
    test: testFile ? readCifarBatch(testFile.bytes, testFile.name) : null,
    classNames,
  };
}
