import { describe, expect, it } from 'vitest';
import { importName } from './importName';

const entries = (...paths: string[]) => paths.map((path) => ({ path }));

describe('importName', () => {
  it('names one file by its path', () => {
    expect(importName(entries('digits.csv'))).toBe('digits.csv');
  });

  it('names a folder by its top folder and counts its files', () => {
    const files = Array.from({ length: 2500 }, (_, i) => `pets/cat-${i % 2}/${i}.png`);
    expect(importName(entries(...files))).toBe('pets (2,500 files)');
  });

  it('counts loose files, or files from several folders, without a folder name', () => {
    expect(importName(entries('data_batch_1.bin', 'batches.meta.txt'))).toBe('2 files');
    expect(importName(entries('a/1.png', 'b/2.png', 'b/3.png'))).toBe('3 files');
    expect(importName(entries('pets/cat/1.png', 'notes.txt'))).toBe('2 files');
  });
});
