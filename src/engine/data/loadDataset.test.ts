import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildData,
  buildFashionMnist,
  DATA_DIR,
  encodeDataset,
} from '../../../scripts/build-data.mjs';
import { nodeAssetReader } from '../../testing/nodeAssetReader';
import { DatasetAssetError } from './assetError';
import type { ReadAsset } from './assetReader';
import { decodeDataset } from './datasetFormat';
import { gunzip } from './gunzip';
import type { ImageSet } from './imageSet';
import { loadDataset } from './loadDataset';
import { syntheticDataset } from './synthetic';

const readAsset = nodeAssetReader();

function histogram(...sets: ImageSet[]): number[] {
  const counts = new Array<number>(10).fill(0);
  for (const set of sets) for (const label of set.labels) counts[label]++;
  return counts;
}

async function rawAsset(fileName: string): Promise<ImageSet> {
  return decodeDataset(await gunzip(await readFile(join(DATA_DIR, fileName))));
}

/** Serves the real assets except `fileName`, which gets `bytes`. */
function readerWith(fileName: string, bytes: Uint8Array): ReadAsset {
  return async (name) => (name === fileName ? bytes : readAsset(name));
}

// `npm test` builds the assets in `pretest`; building here too keeps `vitest run` self-sufficient.
beforeAll(async () => {
  await buildData({ log: () => {} });
}, 60_000);

describe('asset build', () => {
  it('is a quick no-op when the assets are up to date', async () => {
    const started = performance.now();
    const report = await buildData({ log: () => {} });
    expect(report).toEqual({ built: [], upToDate: ['mnist', 'fashion-mnist'] });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('MNIST', () => {
  it('loads the official 60k/10k split, 5000 of the training images held out', async () => {
    const data = await loadDataset('mnist', readAsset);
    expect(data.name).toBe('mnist');
    expect([data.train.count, data.validation.count, data.test.count]).toEqual([
      55000, 5000, 10000,
    ]);
    expect(data.train).toMatchObject({ rows: 28, cols: 28, numClasses: 10 });
    expect(data.train.images).toHaveLength(55000 * 784);
    // Label counts of the official files (LeCun's MNIST page).
    expect(histogram(data.train, data.validation)).toEqual([
      5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949,
    ]);
    expect(histogram(data.test)).toEqual([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
  });

  it('keeps the original order in the asset: the first training label is a 5', async () => {
    const train = await rawAsset('mnist-train.lrds.gz');
    expect(train.labels[0]).toBe(5);
    expect(Math.max(...train.images.subarray(0, 784))).toBe(255);
  });

  it('carves the same validation set for the same seed, a different one otherwise', async () => {
    const a = await loadDataset('mnist', readAsset, { validationSize: 1000, splitSeed: 7 });
    const b = await loadDataset('mnist', readAsset, { validationSize: 1000, splitSeed: 7 });
    const c = await loadDataset('mnist', readAsset, { validationSize: 1000, splitSeed: 8 });
    expect([a.train.count, a.validation.count]).toEqual([59000, 1000]);
    expect(Buffer.from(b.validation.images).equals(Buffer.from(a.validation.images))).toBe(true);
    expect(Buffer.from(c.validation.images).equals(Buffer.from(a.validation.images))).toBe(false);
    await expect(loadDataset('mnist', readAsset, { validationSize: 60000 })).rejects.toThrow(
      /validationSize must be an integer from 1 to 59999/,
    );
  });
});

describe('Fashion-MNIST', () => {
  it('is split 6000/1000 per class, shuffled', async () => {
    const [train, test] = await Promise.all(
      ['fashion-mnist-train.lrds.gz', 'fashion-mnist-test.lrds.gz'].map(rawAsset),
    );
    expect(histogram(train)).toEqual(new Array(10).fill(6000));
    expect(histogram(test)).toEqual(new Array(10).fill(1000));
    const runs = (set: ImageSet) => set.labels.filter((l, i) => l === set.labels[i - 1]).length;
    expect(runs(train)).toBeLessThan(train.count / 5); // sorted labels would give ~60000
    const data = await loadDataset('fashion-mnist', readAsset);
    expect([data.train.count, data.validation.count, data.test.count]).toEqual([
      55000, 5000, 10000,
    ]);
  });

  it('is built deterministically: a fresh split equals the asset byte for byte', async () => {
    const fresh = await buildFashionMnist();
    const asset = await readFile(join(DATA_DIR, 'fashion-mnist-test.lrds.gz'));
    expect(Buffer.from(gzipSync(encodeDataset(fresh.test))).equals(asset)).toBe(true);
    const train = await rawAsset('fashion-mnist-train.lrds.gz');
    expect(Buffer.from(fresh.train.labels).equals(Buffer.from(train.labels))).toBe(true);
    expect(Buffer.from(fresh.train.images).equals(Buffer.from(train.images))).toBe(true);
  });
});

describe('a missing or corrupt asset', () => {
  const fails = (promise: Promise<unknown>, file: string, problem: RegExp) =>
    expect(promise).rejects.toSatisfy(
      (error) =>
        error instanceof DatasetAssetError &&
        error.fileName === file &&
        error.message.includes(file) &&
        error.message.includes('npm run data') &&
        problem.test(error.message),
    );

  it('names the file and the rebuild command when the file is missing', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'lr-data-'));
    await fails(
      loadDataset('mnist', nodeAssetReader(empty)),
      'mnist-train.lrds.gz',
      /is missing or unreadable \(ENOENT/,
    );
  });

  it('names the file when truncated, bit-flipped, not an asset or the wrong shape', async () => {
    const zipped = await readFile(join(DATA_DIR, 'mnist-test.lrds.gz'));
    const flipped = zipped.slice();
    flipped[zipped.length >> 1] ^= 0x55;
    const html = new TextEncoder().encode('<!doctype html><title>Vite</title>');
    const wrongShape = gzipSync(encodeDataset(syntheticDataset().train));
    const file = 'mnist-test.lrds.gz';
    await fails(loadDataset('mnist', readerWith(file, zipped.subarray(0, 5000))), file, /corrupt/);
    await fails(loadDataset('mnist', readerWith(file, flipped)), file, /corrupt/);
    await fails(loadDataset('mnist', readerWith(file, html)), file, /corrupt \(magic is "<!do"/);
    await fails(loadDataset('mnist', readerWith(file, wrongShape)), file, /holds 500 images/);
  });
});
