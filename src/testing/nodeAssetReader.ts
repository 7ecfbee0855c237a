import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DATA_DIR } from '../../scripts/build-data.mjs';
import type { ReadAsset } from '../engine/data/assetReader';

/** Node's stand-in for the worker's fetch reader: reads assets from public/data (or `dir`). */
export function nodeAssetReader(dir: string = DATA_DIR): ReadAsset {
  return (fileName) => readFile(join(dir, fileName));
}
