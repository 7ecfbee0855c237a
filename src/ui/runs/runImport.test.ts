import { describe, expect, it } from 'vitest';
import { trainingRecord } from '../../testing/keptRunFixtures';
import { runToJson } from './runExport';
import { parseRunFile } from './runImport';

/** An exported run with one change made to its JSON, as a damaged or hand-edited file. */
function damaged(edit: (file: { run: Record<string, unknown> } & Record<string, unknown>) => void) {
  const file = JSON.parse(runToJson(trainingRecord()));
  edit(file);
  return JSON.stringify(file);
}

function errorOf(text: string): string {
  const result = parseRunFile(text);
  if (result.ok) throw new Error('expected the file to be rejected');
  return result.error;
}

describe('importing a run file', () => {
  it('says when the file is not JSON at all', () => {
    expect(errorOf('{"format": "lr-playground-run", ')).toMatch(/^The file is not valid JSON \(/);
  });

  it('says when the file is some other JSON', () => {
    expect(errorOf('{"hello": 1}')).toMatch(/^format: must be "lr-playground-run"/);
    expect(errorOf('[1, 2, 3]')).toMatch(/expected object/);
  });

  it('names the field that is missing', () => {
    const text = damaged((file) => {
      delete (file.run.session as Record<string, unknown>).optimizer;
    });
    expect(errorOf(text)).toMatch(/^run\.session\.optimizer: /);
  });

  it('names the step whose value is not a number', () => {
    const text = damaged((file) => {
      (file.run.series as Record<string, unknown[]>).loss[2] = 'lots';
    });
    expect(errorOf(text)).toBe(
      'run.series.loss.2: must be a number (or "NaN", "Infinity", "-Infinity")',
    );
  });

  it('refuses columns of different lengths', () => {
    const text = damaged((file) => {
      (file.run.series as Record<string, unknown[]>).accuracy.pop();
    });
    expect(errorOf(text)).toBe(
      'run.series.accuracy: has 4 values but lr has 5: every column needs one value per step',
    );
  });

  it("checks the schedule with the core's parser and names its field", () => {
    const text = damaged((file) => {
      (file.run.schedule as Record<string, unknown>).baseLr = 1;
    });
    expect(errorOf(text)).toMatch(/^run\.schedule\.baseLr: /);
  });

  it('names an unknown kind of run and a file from another version', () => {
    expect(errorOf(damaged((file) => void (file.run.kind = 'race')))).toMatch(/^run\.kind: /);
    expect(errorOf(damaged((file) => void (file.version = 7)))).toMatch(/^version: must be 1/);
  });

  it("keeps the optimizer's options a run trained with; a file from before them loads on the defaults", () => {
    const session = {
      ...trainingRecord().session,
      optimizer: 'adamw' as const,
      optimizerOptions: { weightDecay: 0.05 },
    };
    const withOptions = parseRunFile(runToJson(trainingRecord({ session })));
    expect(withOptions.ok && withOptions.record.session.optimizerOptions).toEqual({
      weightDecay: 0.05,
    });
    const older = parseRunFile(runToJson(trainingRecord()));
    expect(older.ok && older.record.session).toEqual(trainingRecord().session);
    const bad = damaged((file) => {
      (file.run.session as Record<string, unknown>).optimizerOptions = { d0: 0.1 };
    });
    expect(errorOf(bad)).toMatch(
      /^run\.session\.optimizerOptions\.d0: is not an option of sgdMomentum/,
    );
  });
});
