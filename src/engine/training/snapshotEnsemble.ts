/**
 * Accuracy of the ensemble of the last m snapshots for every m (Snapshot Ensembles, Huang et
 * al. 2017, Fig. 4): each member's softmax outputs on the same set are averaged and the
 * ensemble predicts the class with the highest average.
 *
 * `probabilities` holds one [count × numClasses] row-major array per snapshot, oldest first.
 * Returns accuracies where index m - 1 is the ensemble of the newest m (index 0 the newest
 * snapshot alone). A running sum from the newest back costs one pass per snapshot.
 */
export function accuracyByEnsembleSize(
  probabilities: readonly Float32Array[],
  labels: Uint8Array,
  numClasses: number,
): number[] {
  const count = labels.length;
  for (const member of probabilities) {
    if (member.length !== count * numClasses) {
      throw new RangeError(
        `a snapshot's outputs hold ${member.length} values, expected ${count} × ${numClasses}`,
      );
    }
  }
  // Sums, not means: dividing by m changes no argmax.
  const sums = new Float64Array(count * numClasses);
  const accuracies: number[] = [];
  for (let i = probabilities.length - 1; i >= 0; i--) {
    const member = probabilities[i];
    for (let j = 0; j < sums.length; j++) sums[j] += member[j];
    let correct = 0;
    for (let n = 0; n < count; n++) {
      const row = n * numClasses;
      let best = 0;
      for (let c = 1; c < numClasses; c++) if (sums[row + c] > sums[row + best]) best = c;
      if (best === labels[n]) correct += 1;
    }
    accuracies.push(correct / count);
  }
  return accuracies;
}
