import { smoothLosses, type SmoothingRule } from '../../core';
import { RUN_FILE_FORMAT, RUN_FILE_VERSION, numSteps, type RunRecord } from './runRecord';

/** Typed arrays as plain arrays, non-finite numbers as "NaN" / "Infinity" (JSON has neither). */
export function jsonValue(_key: string, value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as Float64Array);
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return value;
}

/** The run as an LR Playground run file (config + full series); `parseRunFile` reads it back. */
export function runToJson(record: RunRecord): string {
  return JSON.stringify(
    { format: RUN_FILE_FORMAT, version: RUN_FILE_VERSION, run: record },
    jsonValue,
    1,
  );
}

export const CSV_COLUMNS = [
  'iteration',
  'lr',
  'momentum',
  'loss',
  'smoothed_loss',
  'train_acc',
  'val_acc',
] as const;

function cell(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}

/** A spec's JSON as one CSV field: quoted, inner quotes doubled. */
function changeCell(json: string | undefined): string {
  return json === undefined ? '' : `"${json.replaceAll('"', '""')}"`;
}

/**
 * One row per step k (0-based, the spec's iteration): its LR, momentum (empty unless cycled),
 * loss, the loss smoothed by `smoothing` (the rule and beta its chart draws with), batch
 * accuracy, and the validation accuracy on the row of the step after which it was measured
 * (empty elsewhere; always empty for a range test). A run whose schedule was changed while it
 * trained has one more column, `schedule_change`: the spec JSON on the row of the first step
 * trained under it.
 */
export function runToCsv(record: RunRecord, smoothing: SmoothingRule): string {
  const { series } = record;
  const smoothed = smoothLosses(series.loss, smoothing);
  const momentum = record.kind === 'training' ? record.series.momentum : null;
  const validated = new Map<number, number>();
  if (record.kind === 'training') {
    for (const v of record.validations) validated.set(v.iteration - 1, v.accuracy);
  }
  const changes = new Map<number, string>();
  if (record.kind === 'training') {
    for (const c of record.scheduleChanges) changes.set(c.iteration, JSON.stringify(c.spec));
  }
  const columns = changes.size > 0 ? [...CSV_COLUMNS, 'schedule_change'] : CSV_COLUMNS;
  const lines = [columns.join(',')];
  for (let k = 0; k < numSteps(record); k++) {
    lines.push(
      [
        String(k),
        cell(series.lr[k]),
        cell(momentum?.[k]),
        cell(series.loss[k]),
        cell(smoothed[k]),
        cell(series.accuracy[k]),
        cell(validated.get(k)),
        ...(changes.size > 0 ? [changeCell(changes.get(k))] : []),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A file name from the run's name: letters, digits and dashes only. */
export function exportFileName(record: RunRecord, extension: string): string {
  const stem = record.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${stem || 'run'}.${extension}`;
}
