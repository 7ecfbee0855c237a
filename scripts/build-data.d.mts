/** One split as scripts/build-data.mjs holds it before encoding. */
export interface RawSplit {
  images: Uint8Array;
  labels: Uint8Array;
  rows: number;
  cols: number;
  numClasses: number;
}

export interface BuildReport {
  built: string[];
  upToDate: string[];
}

export const DATA_DIR: string;
export function encodeDataset(split: RawSplit): Uint8Array;
export function buildMnist(): Promise<{ train: RawSplit; test: RawSplit }>;
export function buildFashionMnist(): Promise<{ train: RawSplit; test: RawSplit }>;
export function buildData(options?: {
  outDir?: string;
  log?: (line: string) => void;
}): Promise<BuildReport>;
