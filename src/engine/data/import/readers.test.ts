import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  CIFAR_CLASS_NAMES,
  cifar100BatchBytes,
  cifarBatchBytes,
  patternPixel,
  pixelCsvText,
  tarBytes,
} from '../../../testing/importFixtures';
import { CIFAR_100, readCifarBatch } from './cifarBinary';
import { readCifarFiles } from './cifarFiles';
import { checkClassCounts, planImageFolder } from './imageFolder';
import { checkImportSize, DatasetImportError, MAX_IMPORT_BYTES } from './importError';
import { readPixelCsv } from './pixelCsv';
import { readTar } from './tarReader';

const meta = new TextEncoder().encode(CIFAR_CLASS_NAMES.join('\n') + '\n\n');

describe('CIFAR-10 binary batches', () => {
  it('reads labels and turns channel-major records into interleaved RGB', () => {
    const set = readCifarBatch(cifarBatchBytes(25, 100), 'data_batch_1.bin');
    expect(set).toMatchObject({ count: 25, rows: 32, cols: 32, channels: 3 });
    for (const i of [0, 7, 24]) {
      const label = (100 + i) % 10;
      expect(set.labels[i]).toBe(label);
      for (const [x, y, c] of [
        [0, 0, 0],
        [31, 5, 1],
        [12, 30, 2],
      ]) {
        expect(set.images[i * 3072 + (y * 32 + x) * 3 + c]).toBe(
          patternPixel(label, 100 + i, x, y, c),
        );
      }
    }
  });

  it('refuses a truncated batch, naming the file and the byte count', () => {
    const bytes = cifarBatchBytes(3).subarray(0, 3073 * 2 + 100);
    expect(() => readCifarBatch(bytes, 'data_batch_2.bin')).toThrow(
      'data_batch_2.bin: not a whole number of CIFAR-10 records: 6246 bytes is 2 records of 3073 bytes and 100 bytes over',
    );
  });

  it('refuses a label CIFAR-10 does not have', () => {
    const bytes = cifarBatchBytes(2);
    bytes[3073] = 42;
    expect(() => readCifarBatch(bytes, 'x.bin')).toThrow('x.bin: record 1 has label 42');
  });
});

describe('the CIFAR-10 archive and extracted files', () => {
  const files = [
    { name: 'cifar-10-batches-bin/batches.meta.txt', data: meta },
    { name: 'cifar-10-batches-bin/data_batch_2.bin', data: cifarBatchBytes(20, 20) },
    { name: 'cifar-10-batches-bin/data_batch_1.bin', data: cifarBatchBytes(20, 0) },
    { name: 'cifar-10-batches-bin/test_batch.bin', data: cifarBatchBytes(10, 500) },
    { name: 'cifar-10-batches-bin/readme.html', data: new Uint8Array(3) },
  ];

  it('reads cifar-10-binary.tar.gz: batches in numbered order, the test batch, the class names', async () => {
    const archive = gzipSync(tarBytes(files));
    const read = await readCifarFiles([{ name: 'cifar-10-binary.tar.gz', bytes: archive }]);
    expect(read.classNames).toEqual(CIFAR_CLASS_NAMES);
    expect(read.train.count).toBe(40);
    expect(Array.from(read.train.labels.subarray(0, 12))).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1,
    ]);
    // Image 20 (the first of batch 2) comes right after batch 1's twenty.
    expect(read.train.images[20 * 3072]).toBe(patternPixel(0, 20, 0, 0, 0));
    expect(read.test?.count).toBe(10);
  });

  it('reads the extracted .bin files the same, with default names without the meta file', async () => {
    const read = await readCifarFiles(
      files.filter((f) => f.name.endsWith('.bin')).map((f) => ({ name: f.name, bytes: f.data })),
    );
    expect(read.train.count).toBe(40);
    expect(read.classNames[3]).toBe('class 3');
  });

  it('says what is missing or damaged', async () => {
    await expect(
      readCifarFiles([{ name: 'test_batch.bin', bytes: cifarBatchBytes(2) }]),
    ).rejects.toThrow(
      'test_batch.bin: no training batch found (CIFAR-10: data_batch_1.bin … data_batch_5.bin; CIFAR-100: train.bin)',
    );
    const archive = gzipSync(tarBytes(files));
    await expect(
      readCifarFiles([{ name: 'cifar-10-binary.tar.gz', bytes: archive.subarray(0, 5000) }]),
    ).rejects.toThrow('cifar-10-binary.tar.gz: the gzip data is damaged or truncated');
    const tar = tarBytes(files);
    expect(() => readTar(tar.subarray(0, 3000), 'cut.tar')).toThrow(
      /cut.tar: the archive is truncated/,
    );
  });
});

describe('CIFAR-100 and batches of the wrong record size', () => {
  const fineNames = Array.from({ length: 100 }, (_, i) => `fine${i}`);
  const names = (list: string[]) => new TextEncoder().encode(list.join('\n') + '\n');

  it('reads a CIFAR-100 batch by its fine label, skipping the coarse one', () => {
    const set = readCifarBatch(cifar100BatchBytes(120, 30), 'train.bin', CIFAR_100);
    expect(set).toMatchObject({ count: 120, rows: 32, cols: 32, channels: 3 });
    expect(set.labels[0]).toBe(30);
    expect(set.labels[75]).toBe(5);
    expect(set.images[75 * 3072 + (9 * 32 + 4) * 3 + 2]).toBe(patternPixel(5, 105, 4, 9, 2));
    const bytes = cifar100BatchBytes(3);
    bytes[3074 + 1] = 100;
    expect(() => readCifarBatch(bytes, 'train.bin', CIFAR_100)).toThrow(
      'train.bin: record 1 has labels 0, 100; CIFAR-100 labels are coarse 0–19 and fine 0–99',
    );
  });

  it('reads cifar-100-binary.tar.gz: train.bin, test.bin held out, the 100 fine label names', async () => {
    const archive = gzipSync(
      tarBytes([
        { name: 'cifar-100-binary/coarse_label_names.txt', data: names(['c0', 'c1']) },
        { name: 'cifar-100-binary/fine_label_names.txt', data: names(fineNames) },
        { name: 'cifar-100-binary/train.bin', data: cifar100BatchBytes(200) },
        { name: 'cifar-100-binary/test.bin', data: cifar100BatchBytes(50, 200) },
      ]),
    );
    const read = await readCifarFiles([{ name: 'cifar-100-binary.tar.gz', bytes: archive }]);
    expect(read.layout).toBe(CIFAR_100);
    expect(read.classNames).toEqual(fineNames);
    expect([read.train.count, read.test?.count]).toEqual([200, 50]);
    expect(read.train.labels[199]).toBe(99);
    await expect(
      readCifarFiles([
        { name: 'fine_label_names.txt', bytes: names(fineNames.slice(0, 20)) },
        { name: 'train.bin', bytes: cifar100BatchBytes(2) },
      ]),
    ).rejects.toThrow('fine_label_names.txt: lists 20 class names; CIFAR-100 has 100');
  });

  it('names the file and the record size it fits when a batch is of the other layout', async () => {
    await expect(
      readCifarFiles([{ name: 'data_batch_1.bin', bytes: cifar100BatchBytes(10) }]),
    ).rejects.toThrow(
      "data_batch_1.bin: 30740 bytes are records of 3074 bytes, not CIFAR-10's 3073: this looks like CIFAR-100's layout (a coarse and a fine label byte before the pixels)",
    );
    await expect(
      readCifarFiles([{ name: 'train.bin', bytes: cifarBatchBytes(10) }]),
    ).rejects.toThrow(
      "train.bin: 30730 bytes are records of 3073 bytes, not CIFAR-100's 3074: this looks like CIFAR-10's layout (one label byte before the pixels)",
    );
  });

  it('refuses batches of mixed record sizes, naming the odd one and one that fits', async () => {
    await expect(
      readCifarFiles([
        { name: 'bins/data_batch_1.bin', bytes: cifarBatchBytes(10) },
        { name: 'bins/data_batch_2.bin', bytes: cifar100BatchBytes(10) },
        { name: 'bins/test_batch.bin', bytes: cifarBatchBytes(10) },
      ]),
    ).rejects.toThrow(
      "bins/data_batch_2.bin: 30740 bytes are records of 3074 bytes, not CIFAR-10's 3073: this looks like CIFAR-100's layout (a coarse and a fine label byte before the pixels); data_batch_1.bin has CIFAR-10's 3073-byte records, so the batches mix sizes",
    );
    // The test batch is checked like the training batches.
    await expect(
      readCifarFiles([
        { name: 'data_batch_1.bin', bytes: cifarBatchBytes(10) },
        { name: 'test_batch.bin', bytes: cifarBatchBytes(10).subarray(0, 5000) },
      ]),
    ).rejects.toThrow(
      "test_batch.bin: not a whole number of CIFAR-10 records: 5000 bytes is 1 records of 3073 bytes and 1927 bytes over, and no whole number of CIFAR-100's 3074-byte records either",
    );
    await expect(
      readCifarFiles([
        { name: 'data_batch_1.bin', bytes: cifarBatchBytes(10) },
        { name: 'train.bin', bytes: cifar100BatchBytes(10) },
      ]),
    ).rejects.toThrow(
      'data_batch_1.bin and train.bin: the files mix CIFAR-10 and CIFAR-100 batches; import one dataset at a time',
    );
    expect(() => readCifarBatch(new Uint8Array(0), 'empty.bin')).toThrow(
      'empty.bin: the file is empty; CIFAR-10 records are 3073 bytes',
    );
  });
});

describe('pixel CSVs', () => {
  it('reads the "MNIST as CSV" layout with or without a header', () => {
    for (const header of [true, false]) {
      const { images, classNames } = readPixelCsv(pixelCsvText(12, 3, header), 'mnist.csv');
      expect(images).toMatchObject({ count: 12, rows: 28, cols: 28, channels: 1 });
      expect(classNames).toEqual(['0', '1', '2']);
      expect(images.labels[4]).toBe(1);
      expect(images.images[4 * 784 + 3 * 28 + 5]).toBe(patternPixel(1, 4, 5, 3, 0));
    }
  });

  it('names classes by their labels and scales 0–1 pixels', () => {
    const rows = ['y,' + Array.from({ length: 16 }, (_, p) => `p${p}`).join(',')];
    for (let i = 0; i < 4; i++)
      rows.push([i % 2 ? 'dog' : 'cat', ...Array(16).fill(i / 4)].join(','));
    const { images, classNames } = readPixelCsv(rows.join('\n'), 'pets.csv');
    expect(classNames).toEqual(['cat', 'dog']);
    expect(Array.from(images.labels)).toEqual([0, 1, 0, 1]);
    expect(images.images[2 * 16]).toBe(Math.round(0.5 * 255));
  });

  it('stops at a ragged row or a bad value, naming the line', () => {
    const lines = pixelCsvText(5).split('\n');
    lines[3] = lines[3].split(',').slice(0, 700).join(',');
    expect(() => readPixelCsv(lines.join('\n'), 'ragged.csv')).toThrow(
      'ragged.csv: line 4 has 700 values, expected 785 like the header (ragged rows)',
    );
    const bad = pixelCsvText(3).replace(/\n0,\d+,/, '\n0,300,');
    expect(() => readPixelCsv(bad, 'bad.csv')).toThrow(/bad.csv: line 2, column 2: "300"/);
    expect(() => readPixelCsv('label,a,b\n1,2,3\n', 'tiny.csv')).toThrow(/make no square image/);
  });
});

describe('image folders', () => {
  it('groups images by their class folder and skips the rest', () => {
    const plan = planImageFolder([
      'pets/cat/1.png',
      'pets/dog/a.JPG',
      'pets/cat/2.webp',
      'pets/notes.txt',
      'pets/cat/.DS_Store',
      'pets/dog/b.jpeg',
    ]);
    expect(plan.classNames).toEqual(['cat', 'dog']);
    expect(plan.filesByClass).toEqual([
      [0, 2],
      [1, 5],
    ]);
    expect(plan.skipped).toEqual(['pets/notes.txt']);
  });

  it('refuses one class or a class with fewer than 10 images, naming it', () => {
    // No class at all (loose pictures, or a folder a browser handed over as one file): say how.
    expect(() => checkClassCounts('pets', [], [])).toThrow(
      /^pets: no images in class subfolders \(.*cats\/1\.png.*"Import a folder…"/,
    );
    expect(() => checkClassCounts('pets', ['cat'], [40])).toThrow('pets: only one class ("cat")');
    expect(() => checkClassCounts('pets', ['cat', 'dog'], [40, 3])).toThrow(
      'pets: every class needs at least 10 readable images; too few in "dog" (3)',
    );
    expect(() => checkClassCounts('pets', ['cat', 'dog'], [10, 10])).not.toThrow();
  });

  it('refuses more than 100 classes, the most the model takes', () => {
    const classes = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`);
    expect(() => checkClassCounts('zoo', classes(101), Array<number>(101).fill(20))).toThrow(
      'zoo: 101 classes; at most 100 are supported',
    );
    expect(() => checkClassCounts('zoo', classes(100), Array<number>(100).fill(20))).not.toThrow();
  });
});

it('refuses a file over the size limit, stating the limit', () => {
  expect(MAX_IMPORT_BYTES).toBeGreaterThanOrEqual(500e6);
  expect(() => checkImportSize('huge.tar.gz', 1.2e9)).toThrow(DatasetImportError);
  expect(() => checkImportSize('huge.tar.gz', 1.2e9)).toThrow(
    'huge.tar.gz: 1,200 MB is over the import limit of 1 GB (1,000,000,000 bytes)',
  );
  // Just over: megabytes would read as the limit itself, so the bytes are given.
  expect(() => checkImportSize('huge.tar.gz', MAX_IMPORT_BYTES + 1)).toThrow(
    'huge.tar.gz: 1,000,000,001 bytes is over the import limit',
  );
  expect(() => checkImportSize('cifar-10-binary.tar.gz', 170e6)).not.toThrow();
  expect(() => checkImportSize('exact.bin', MAX_IMPORT_BYTES)).not.toThrow();
});
