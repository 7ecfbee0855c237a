import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  cifar100BatchBytes,
  cifarBatchBytes,
  pixelCsvText,
  tarBytes,
} from '../../../testing/importFixtures';
import { fitImages } from './fitImages';
import { readImport, type DecodePicture, type ImportSource } from './readImport';

const OPTIONS = { side: 32, channels: 3, heldOutFraction: 0.1 } as const;
const noProgress = () => {};

function source(path: string, bytes: Uint8Array): ImportSource {
  return { path, byteLength: bytes.length, bytes: async () => bytes };
}

/** Stands in for the browser's decoder: a file's first byte is its grey level, "x" is no image. */
const decodeFirstByte: DecodePicture = async (file, side) => {
  const [level] = await file.bytes();
  if (level === 'x'.charCodeAt(0)) throw new Error('not an image');
  return new Uint8ClampedArray(side * side * 4).fill(level);
};

describe('reading an import', () => {
  it('reads CIFAR-10 batches, keeps the test batch held out and fits them to 28×28 grey', async () => {
    const archive = gzipSync(
      tarBytes([
        { name: 'cifar-10-batches-bin/data_batch_1.bin', data: cifarBatchBytes(200) },
        { name: 'cifar-10-batches-bin/test_batch.bin', data: cifarBatchBytes(50, 200) },
      ]),
    );
    const read = await readImport(
      [source('cifar-10-binary.tar.gz', archive)],
      { ...OPTIONS, side: 28, channels: 1 },
      decodeFirstByte,
      noProgress,
    );
    expect(read).toMatchObject({ name: 'CIFAR-10', format: 'cifar10', heldOutFrom: 'testBatch' });
    expect(read.train).toMatchObject({ count: 200, rows: 28, cols: 28, channels: 1 });
    expect(read.heldOut.count).toBe(50);
    expect(read.train.images.length).toBe(200 * 784);
  });

  it('reads CIFAR-100 as 100 classes, named after it, its test.bin held out', async () => {
    const read = await readImport(
      [
        source('cifar-100-binary/train.bin', cifar100BatchBytes(1000)),
        source('cifar-100-binary/test.bin', cifar100BatchBytes(100, 1000)),
      ],
      OPTIONS,
      decodeFirstByte,
      noProgress,
    );
    expect(read).toMatchObject({ name: 'CIFAR-100', format: 'cifar100', heldOutFrom: 'testBatch' });
    expect(read.classNames).toHaveLength(100);
    expect([read.train.count, read.heldOut.count]).toEqual([1000, 100]);
    // Nine images of each class are too few to train on: refused like a small folder class.
    await expect(
      readImport(
        [source('train.bin', cifar100BatchBytes(900))],
        OPTIONS,
        decodeFirstByte,
        noProgress,
      ),
    ).rejects.toThrow('train.bin: every class needs at least 10 readable images');
  });

  it('holds out 10 % of a CSV by a seeded split, every image kept once', async () => {
    const text = new TextEncoder().encode(pixelCsvText(100, 4));
    const read = await readImport(
      [source('digits.csv', text)],
      OPTIONS,
      decodeFirstByte,
      noProgress,
    );
    expect(read).toMatchObject({
      name: 'digits',
      heldOutFrom: 'split',
      classNames: ['0', '1', '2', '3'],
    });
    expect([read.train.count, read.heldOut.count]).toEqual([90, 10]);
    expect(read.train).toMatchObject({ rows: 32, channels: 3 });
    const labels = [...read.train.labels, ...read.heldOut.labels].sort();
    expect(labels.filter((label) => label === 2)).toHaveLength(25);
  });

  it('decodes a folder of images, skipping and counting the unreadable ones', async () => {
    const files = [];
    for (const [c, name] of ['circle', 'square'].entries()) {
      for (let i = 0; i < 12; i++) {
        files.push(source(`shapes/${name}/${i}.png`, Uint8Array.of(100 * c + i)));
      }
    }
    files.push(source('shapes/square/broken.png', new TextEncoder().encode('x')));
    files.push(source('shapes/readme.txt', Uint8Array.of(1)));
    const read = await readImport(files, { ...OPTIONS, channels: 1 }, decodeFirstByte, noProgress);
    expect(read.classNames).toEqual(['circle', 'square']);
    expect(read.train.count + read.heldOut.count).toBe(24);
    expect(read.skipped).toEqual({
      count: 2,
      firstPaths: ['shapes/readme.txt', 'shapes/square/broken.png'],
    });
  });

  it('stops on a class with too few readable images, a single class, or a file over the limit', async () => {
    const files = Array.from({ length: 12 }, (_, i) =>
      source(`pets/cat/${i}.png`, Uint8Array.of(9)),
    );
    await expect(readImport(files, OPTIONS, decodeFirstByte, noProgress)).rejects.toThrow(
      'pets: only one class ("cat")',
    );
    const dogs = Array.from({ length: 9 }, (_, i) => source(`pets/dog/${i}.png`, Uint8Array.of(9)));
    dogs.push(source('pets/dog/9.png', new TextEncoder().encode('x')));
    await expect(
      readImport([...files, ...dogs], OPTIONS, decodeFirstByte, noProgress),
    ).rejects.toThrow('pets: every class needs at least 10 readable images; too few in "dog" (9)');
    const huge = { path: 'big.csv', byteLength: 2 ** 31, bytes: async () => new Uint8Array(0) };
    await expect(readImport([huge], OPTIONS, decodeFirstByte, noProgress)).rejects.toThrow(
      /big.csv: 2,147 MB is over the import limit of 1 GB/,
    );
  });
});

describe('fitting images to the model', () => {
  it('keeps a flat colour flat through resizing and turns it to its luma', () => {
    const rgb = new Uint8Array(2 * 32 * 32 * 3);
    for (let p = 0; p < rgb.length; p += 3) rgb.set([200, 100, 50], p);
    const set = {
      images: rgb,
      labels: Uint8Array.of(0, 1),
      count: 2,
      rows: 32,
      cols: 32,
      channels: 3,
    } as const;
    const grey = fitImages(set, 28, 1);
    expect(grey).toMatchObject({ rows: 28, channels: 1 });
    expect(new Set(grey.images)).toEqual(
      new Set([Math.round(0.299 * 200 + 0.587 * 100 + 0.114 * 50)]),
    );
    expect(fitImages(grey, 32, 3).images.length).toBe(2 * 32 * 32 * 3);
  });
});
