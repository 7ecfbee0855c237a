import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeDataset, type RawSplit } from '../../../scripts/build-data.mjs';
import { decodeDataset } from './datasetFormat';
import { gunzip, isGzip } from './gunzip';

const split: RawSplit = {
  images: Uint8Array.from({ length: 3 * 4 * 5 }, (_, i) => (i * 37) % 256),
  labels: Uint8Array.of(0, 6, 2),
  rows: 4,
  cols: 5,
  numClasses: 7,
};

function withUint32(bytes: Uint8Array, at: number, value: number): Uint8Array {
  const copy = bytes.slice();
  new DataView(copy.buffer).setUint32(at, value, true);
  return copy;
}

describe('LRDS format', () => {
  it('decodes what the build script encodes', () => {
    const set = decodeDataset(encodeDataset(split));
    expect(set).toMatchObject({ count: 3, rows: 4, cols: 5, numClasses: 7 });
    expect(Array.from(set.images)).toEqual(Array.from(split.images));
    expect(Array.from(set.labels)).toEqual(Array.from(split.labels));
  });

  it('survives a node:zlib gzip and a DecompressionStream gunzip', async () => {
    const zipped = gzipSync(encodeDataset(split));
    expect(isGzip(zipped)).toBe(true);
    expect(isGzip(encodeDataset(split))).toBe(false);
    expect(decodeDataset(await gunzip(zipped)).labels).toEqual(split.labels);
  });

  it('rejects a truncated or corrupted gzip stream', async () => {
    const zipped = gzipSync(encodeDataset(split));
    await expect(gunzip(zipped.subarray(0, zipped.length - 6))).rejects.toThrow();
    const flipped = zipped.slice();
    flipped[flipped.length - 5] ^= 0xff; // inside the CRC32/size trailer
    await expect(gunzip(flipped)).rejects.toThrow();
  });

  it('rejects every malformed header field with a reason', () => {
    const good = encodeDataset(split);
    expect(() => decodeDataset(good.subarray(0, 10))).toThrow(/shorter than the 24-byte header/);
    expect(() => decodeDataset(new TextEncoder().encode('<!doctype html><html></html>'))).toThrow(
      /magic is "<!do", expected "LRDS"/,
    );
    expect(() => decodeDataset(withUint32(good, 4, 2))).toThrow(/format version 2/);
    expect(() => decodeDataset(withUint32(good, 8, 0))).toThrow(/bad header/);
    expect(() => decodeDataset(withUint32(good, 20, 300))).toThrow(/bad header/);
    expect(() => decodeDataset(withUint32(good, 8, 4))).toThrow(/the header implies/);
    expect(() => decodeDataset(good.subarray(0, good.length - 1))).toThrow(/the header implies/);
  });

  it('rejects a label outside the classes', () => {
    const bad = encodeDataset({ ...split, labels: Uint8Array.of(0, 7, 2) });
    expect(() => decodeDataset(bad)).toThrow(/label 7 at index 1 is not one of 7 classes/);
  });
});
