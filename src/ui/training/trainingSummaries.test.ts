import { describe, expect, it } from 'vitest';
import type { ValidationResult } from '../../worker/contract';
import { formatRate } from '../format';
import { accuracyChartSummary, lossSummary, lrSummary } from './trainingSummaries';

const steps = (n: number) => Array.from({ length: n }, (_, k) => k);

function validation(iteration: number, accuracy: number): ValidationResult {
  return {
    type: 'validation',
    iteration,
    loss: 1 - accuracy,
    accuracy,
    isCycleEnd: false,
    cycleNum: 1,
    ensembleAccuracy: null,
    ensembleSize: 0,
    ensembleByM: [],
  };
}

describe('chart summaries', () => {
  it('says the loss fell, from where to where, over how many iterations', () => {
    const xs = steps(860);
    const text = lossSummary({ xs, ys: xs.map((k) => 2.3 * Math.exp(-k / 200)) });
    expect(text).toContain('fell');
    expect(text).toContain((2.3).toFixed(2));
    expect(text).toContain((2.3 * Math.exp(-859 / 200)).toFixed(2));
    expect(text).toContain('860 iterations');
  });

  it('says the loss rose when it diverged, and skips values that are not finite', () => {
    const text = lossSummary({ xs: [0, 1, 2, 3], ys: [0.5, 0.9, 4, NaN] });
    expect(text).toContain('rose from 0.50 to 4.00');
  });

  it('says so when nothing is recorded', () => {
    expect(lossSummary({ xs: [], ys: [] })).toMatch(/no loss/i);
    expect(accuracyChartSummary({ xs: [], ys: [] }, [])).toMatch(/no accuracy/i);
  });

  it('gives the planned LR range and the LR in use', () => {
    const xs = steps(100);
    const planned = { xs, ys: xs.map((k) => 0.01 + 0.0004 * k) };
    const used = { xs: xs.slice(0, 30), ys: planned.ys.slice(0, 30) };
    const text = lrSummary(planned, used, 100);
    expect(text).toContain(`from ${formatRate(planned.ys[0])} to ${formatRate(planned.ys[99])}`);
    expect(text).toContain(`${formatRate(planned.ys[29])} at iteration 29`);
    expect(lrSummary(planned, { xs: [], ys: [] }, 100)).not.toContain('Used');
  });

  it('gives the last validation accuracy, the best when it was higher, and training accuracy', () => {
    const text = accuracyChartSummary({ xs: [0, 1], ys: [0.5, 0.9] }, [
      validation(400, 0.983),
      validation(860, 0.981),
    ]);
    expect(text).toContain('Validation accuracy 98.1 % at iteration 860 (best 98.3 %)');
    expect(text).toContain('Training accuracy (smoothed) 90.0 %');
  });
});
