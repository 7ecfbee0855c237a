import { describe, expect, it } from 'vitest';
import { FASTAI_SMOOTHING, parseScheduleSpec } from '../../core';
import { rangeTestRecord, trainingRecord } from '../../testing/keptRunFixtures';
import { CSV_COLUMNS, exportFileName, runToCsv, runToJson } from './runExport';
import { parseRunFile } from './runImport';

function csvRows(text: string): string[][] {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => line.split(','));
}

describe('JSON export', () => {
  it('reads back as the same training run, non-finite losses and typed arrays included', () => {
    const record = trainingRecord();
    const parsed = parseRunFile(runToJson(record));
    expect(parsed).toEqual({ ok: true, record });
    if (!parsed.ok) return;
    expect(parsed.record.series.loss).toBeInstanceOf(Float64Array);
    expect(parsed.record.series.loss[3]).toBe(Infinity);
    expect(parsed.record.series.loss[4]).toBeNaN();
  });

  it('reads back as the same range test, held-out series included', () => {
    const record = rangeTestRecord();
    expect(parseRunFile(runToJson(record))).toEqual({ ok: true, record });
  });

  it('reads back a run without momentum or held-out columns', () => {
    const training = trainingRecord();
    const plain = trainingRecord({ series: { ...training.series, momentum: null }, test: null });
    expect(parseRunFile(runToJson(plain))).toEqual({ ok: true, record: plain });
    const range = rangeTestRecord();
    const noHeldOut = rangeTestRecord({
      series: { ...range.series, heldOutLoss: null, heldOutAccuracy: null },
    });
    expect(parseRunFile(runToJson(noHeldOut))).toEqual({ ok: true, record: noHeldOut });
  });

  it('is plain JSON a person can read: series as arrays, non-finite values as strings', () => {
    const json = JSON.parse(runToJson(trainingRecord()));
    expect(json.format).toBe('lr-playground-run');
    expect(json.run.series.loss).toEqual([2.3, 2.1, 1.7, 'Infinity', 'NaN']);
    expect(json.run.schedule.policy).toBe('triangular');
  });
});

describe('CSV export', () => {
  it('has one row per step under the documented columns', () => {
    const rows = csvRows(runToCsv(trainingRecord(), FASTAI_SMOOTHING));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows[0]).toEqual([
      'iteration',
      'lr',
      'momentum',
      'loss',
      'smoothed_loss',
      'train_acc',
      'val_acc',
    ]);
    expect(rows).toHaveLength(1 + 5);
    expect(rows[1].slice(0, 4)).toEqual(['0', '0.001', '0.9', '2.3']);
    expect(rows[3]).toContain('0.4');
  });

  it('puts each validation on the row of the step after which it was measured, and nothing elsewhere', () => {
    const rows = csvRows(runToCsv(trainingRecord(), FASTAI_SMOOTHING)).slice(1);
    // Validations after 2 and 4 steps: steps k = 1 and k = 3.
    expect(rows.map((row) => row[6])).toEqual(['', '0.375', '', '0.5', '']);
  });

  it('smooths the loss with the debiased EMA the charts use', () => {
    const rows = csvRows(runToCsv(trainingRecord(), FASTAI_SMOOTHING)).slice(1);
    const beta = 0.98;
    // Debiased EMA: the first value is the loss itself; the second weighs both by beta.
    expect(Number(rows[0][4])).toBeCloseTo(2.3, 12);
    const second = (beta * (1 - beta) * 2.3 + (1 - beta) * 2.1) / (1 - beta ** 2);
    expect(Number(rows[1][4])).toBeCloseTo(second, 12);
    expect(rows[4][3]).toBe('NaN');
  });

  it('leaves momentum empty when the schedule did not cycle it, and writes a range test too', () => {
    const training = trainingRecord();
    const plain = trainingRecord({ series: { ...training.series, momentum: null } });
    expect(csvRows(runToCsv(plain, FASTAI_SMOOTHING))[1][2]).toBe('');
    const rows = csvRows(
      runToCsv(rangeTestRecord(), { rule: 'fastai-debiased-ema', beta: 0.9 }),
    ).slice(1);
    expect(rows.map((row) => row[1])).toEqual(
      ['0.00001', '0.0001', '0.001'].map((v) => String(Number(v))),
    );
    expect(rows.every((row) => row[2] === '' && row[6] === '')).toBe(true);
  });
});

describe('export file names', () => {
  it('come from the run name, safe for any file system', () => {
    expect(exportFileName(trainingRecord({ name: 'Triangular / 3 epochs!' }), 'csv')).toBe(
      'triangular-3-epochs.csv',
    );
    expect(exportFileName(trainingRecord({ name: '★★' }), 'json')).toBe('run.json');
  });
});

describe('a run whose schedule was changed while it trained', () => {
  const faster = parseScheduleSpec({
    policy: 'triangular',
    baseLr: 0.001,
    maxLr: 0.06,
    stepSize: 2,
  });
  const changed = () => trainingRecord({ scheduleChanges: [{ iteration: 3, spec: faster }] });

  it('keeps its changes through a JSON export and import', () => {
    const record = changed();
    const json = JSON.parse(runToJson(record));
    expect(json.run.scheduleChanges).toEqual([{ iteration: 3, spec: faster }]);
    expect(parseRunFile(runToJson(record))).toEqual({ ok: true, record });
  });

  it('reads a file from before live changes as a run without any', () => {
    const json = JSON.parse(runToJson(trainingRecord()));
    delete json.run.scheduleChanges;
    const parsed = parseRunFile(JSON.stringify(json));
    expect(parsed.ok && parsed.record.kind === 'training' && parsed.record.scheduleChanges).toEqual(
      [],
    );
  });

  it('rejects changes out of order, naming where', () => {
    const json = JSON.parse(runToJson(trainingRecord()));
    json.run.scheduleChanges = [
      { iteration: 3, spec: faster },
      { iteration: 2, spec: faster },
    ];
    expect(parseRunFile(JSON.stringify(json))).toEqual({
      ok: false,
      error: "run.scheduleChanges.1.iteration: must be after the previous change's (3)",
    });
  });

  it('writes the new spec on the CSV row of the first step trained under it', () => {
    const lines = runToCsv(changed(), FASTAI_SMOOTHING).trimEnd().split('\n');
    expect(lines[0]).toBe(`${CSV_COLUMNS.join(',')},schedule_change`);
    const lastCells = lines.slice(1).map((line) => {
      const quote = line.indexOf('"');
      return quote < 0 ? '' : JSON.parse(line.slice(quote + 1, -1).replaceAll('""', '"'));
    });
    expect(lastCells).toEqual(['', '', '', faster, '']);
    // Every other column is where it was.
    expect(lines[4].startsWith('3,0.0035,')).toBe(true);
  });
});
