import { DatasetAssetError } from './assetError';
import type { ReadAsset } from './assetReader';
import { decodeDataset } from './datasetFormat';
import { gunzip, isGzip } from './gunzip';
import type { Dataset, DatasetName, ImageSet } from './imageSet';
import { splitValidation } from './validationSplit';
import { errorMessage } from '../../core';

/** The datasets that come from built assets rather than from code. */
export type AssetDatasetName = Exclude<DatasetName, 'synthetic'>;

export interface LoadOptions {
  /** Training images held out for validation; 5000 by default, the classic 55k/5k split. */
  readonly validationSize?: number;
  /** Seed of the permutation that picks the validation images. */
  readonly splitSeed?: number;
}

const DEFAULT_VALIDATION_SIZE = 5000;
const DEFAULT_SPLIT_SEED = 42;
/** What scripts/build-data.mjs writes for both datasets; anything else is stale or foreign. */
const EXPECTED = { rows: 28, cols: 28, numClasses: 10, train: 60000, test: 10000 } as const;

/** Loads a built dataset through `readAsset`: train, validation carved from it, official test. */
export async function loadDataset(
  name: AssetDatasetName,
  readAsset: ReadAsset,
  options: LoadOptions = {},
): Promise<Dataset> {
  const [fullTrain, test] = await Promise.all(
    (['train', 'test'] as const).map((split) =>
      loadImageSet(`${name}-${split}.lrds.gz`, readAsset, EXPECTED[split]),
    ),
  );
  const { train, validation } = splitValidation(
    fullTrain,
    options.validationSize ?? DEFAULT_VALIDATION_SIZE,
    options.splitSeed ?? DEFAULT_SPLIT_SEED,
  );
  return { name, train, validation, test };
}

async function loadImageSet(
  fileName: string,
  readAsset: ReadAsset,
  expectedCount: number,
): Promise<ImageSet> {
  let bytes: Uint8Array;
  try {
    const raw = await readAsset(fileName);
    bytes = raw instanceof Uint8Array ? raw : new Uint8Array(raw);
  } catch (cause) {
    const problem = `is missing or unreadable (${errorMessage(cause)})`;
    throw new DatasetAssetError(fileName, problem, { cause });
  }
  try {
    // An HTTP layer may have unzipped it already (Content-Encoding: gzip): sniff, don't assume.
    const set = decodeDataset(isGzip(bytes) ? await gunzip(bytes) : bytes);
    checkShape(set, expectedCount);
    return set;
  } catch (cause) {
    throw new DatasetAssetError(fileName, `is corrupt (${errorMessage(cause)})`, { cause });
  }
}

function checkShape(set: ImageSet, expectedCount: number): void {
  const { rows, cols, numClasses } = EXPECTED;
  const found = `${set.count} images of ${set.rows}x${set.cols} in ${set.numClasses} classes`;
  const wanted = `${expectedCount} images of ${rows}x${cols} in ${numClasses} classes`;
  if (found !== wanted) throw new Error(`holds ${found}, expected ${wanted}`);
}
