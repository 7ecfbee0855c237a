import { describe, expect, it } from 'vitest';
import { isImportedDatasetName } from '../../core';
import { keptDatasetLabel, keptDatasetName, keptFromImport } from './keptDataset';

const set = (count: number) => ({
  images: new Uint8Array(count * 32 * 32 * 3),
  labels: new Uint8Array(count),
  count,
  rows: 32,
  cols: 32,
  channels: 3 as const,
});

describe('a kept dataset', () => {
  it('is named by its title in a form a session and a link take', () => {
    const name = keptDatasetName('My Pets (2024)!');
    expect(name).toMatch(/^imported:my-pets-2024-[a-z0-9]+$/);
    expect(isImportedDatasetName(name)).toBe(true);
    expect(keptDatasetName('…')).toMatch(/^imported:dataset-/);
  });

  it('is listed with its image count, classes, shape and size', () => {
    const { info, images } = keptFromImport({
      name: 'CIFAR-10',
      format: 'cifar10',
      classNames: Array.from({ length: 10 }, (_, i) => `c${i}`),
      train: set(300),
      heldOut: set(100),
      heldOutFrom: 'testBatch',
      skipped: { count: 0, firstPaths: [] },
    });
    expect(images.trainImages.length).toBe(300 * 3072);
    expect(info.byteLength).toBe(400 * 3073);
    expect(keptDatasetLabel(info)).toBe(
      'CIFAR-10 · 400 images · 10 classes · 32×32 colour · 1.2 MB',
    );
  });
});
