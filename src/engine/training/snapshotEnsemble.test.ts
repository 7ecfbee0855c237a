import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../data/seededRandom';
import { accuracyByEnsembleSize } from './snapshotEnsemble';

/** Rows of class probabilities, flattened as the engine keeps them. */
const flat = (rows: number[][]) => Float32Array.from(rows.flat());

describe('accuracyByEnsembleSize', () => {
  it('averages the newest m snapshots: a confident older member can outvote a wrong newer one', () => {
    const labels = Uint8Array.from([0, 1]);
    const older = flat([
      [0.9, 0.1],
      [0.2, 0.8],
    ]);
    // Wrong on the first image, but only narrowly.
    const newer = flat([
      [0.4, 0.6],
      [0.3, 0.7],
    ]);
    expect(accuracyByEnsembleSize([older, newer], labels, 2)).toEqual([0.5, 1]);
    expect(accuracyByEnsembleSize([newer, older], labels, 2)).toEqual([1, 1]);
    expect(accuracyByEnsembleSize([], labels, 2)).toEqual([]);
  });

  it('matches averaging each subset from scratch', () => {
    const random = mulberry32(11);
    const [count, numClasses, numSnapshots] = [200, 10, 6];
    const labels = Uint8Array.from({ length: count }, () => Math.floor(random() * numClasses));
    const members = Array.from({ length: numSnapshots }, () =>
      Float32Array.from({ length: count * numClasses }, () => random()),
    );
    const naive = (m: number): number => {
      const used = members.slice(numSnapshots - m);
      let correct = 0;
      for (let n = 0; n < count; n++) {
        const means = Array.from(
          { length: numClasses },
          (_, c) => used.reduce((sum, p) => sum + p[n * numClasses + c], 0) / m,
        );
        if (means.indexOf(Math.max(...means)) === labels[n]) correct += 1;
      }
      return correct / count;
    };
    const byM = accuracyByEnsembleSize(members, labels, numClasses);
    expect(byM).toEqual(byM.map((_, i) => naive(i + 1)));
  });

  it('names a snapshot whose outputs do not fit the labels', () => {
    expect(() => accuracyByEnsembleSize([new Float32Array(5)], new Uint8Array(2), 2)).toThrow(
      /holds? 5 values, expected 2 × 2/,
    );
  });
});
