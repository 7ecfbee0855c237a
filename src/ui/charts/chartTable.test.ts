import { describe, expect, it } from 'vitest';
import { seriesTable } from './chartTable';

const ITERATION = { label: 'Iteration', format: String };
const fixed = (value: number) => value.toFixed(2);

describe('seriesTable', () => {
  const steps = Array.from({ length: 1000 }, (_, k) => k);
  const loss = { xs: steps, ys: steps.map((k) => 2 / (1 + k)) };

  it('keeps a long run to a few rows, its first and last step included', () => {
    const table = seriesTable(ITERATION, [{ label: 'Loss', series: loss, format: fixed }], 10);
    expect(table.columns).toEqual(['Iteration', 'Loss']);
    expect(table.rows).toHaveLength(10);
    expect(table.rows[0]).toEqual(['0', fixed(loss.ys[0])]);
    expect(table.rows.at(-1)).toEqual(['999', fixed(loss.ys[999])]);
  });

  it('reads a sparse series at its nearest point and leaves steps it has not reached empty', () => {
    const validation = { xs: [100, 200], ys: [0.5, 0.75] };
    const table = seriesTable(
      ITERATION,
      [
        { label: 'Loss', series: loss, format: fixed },
        { label: 'Validation', series: validation, format: fixed },
      ],
      1000,
    );
    const row = (k: number) => table.rows.find((cells) => cells[0] === String(k));
    expect(row(50)?.[2]).toBe('—');
    expect(row(120)?.[2]).toBe(fixed(0.5));
    expect(row(190)?.[2]).toBe(fixed(0.75));
    expect(row(500)?.[2]).toBe('—');
  });

  it('has no rows before anything is recorded', () => {
    const empty = { xs: [], ys: [] };
    expect(seriesTable(ITERATION, [{ label: 'Loss', series: empty, format: fixed }]).rows).toEqual(
      [],
    );
  });

  it('shows a short series whole, each step once', () => {
    const short = { xs: [0, 1, 2], ys: [3, 2, 1] };
    const table = seriesTable(ITERATION, [{ label: 'Loss', series: short, format: String }], 40);
    expect(table.rows).toEqual([
      ['0', '3'],
      ['1', '2'],
      ['2', '1'],
    ]);
  });
});
