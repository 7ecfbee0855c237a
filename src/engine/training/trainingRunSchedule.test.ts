import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { lrAt, momentumAt, parseScheduleSpec, type ScheduleSpec } from '../../core';
import { prepareWasm } from '../backends/wasmSetup';
import { syntheticDataset } from '../data/synthetic';
import { EngineSession } from './engineSession';
import type { EngineEvent, RunLength, TrainConfig } from './engineEvents';

/** Live schedule changes: a running or paused run follows a new spec from its next step. */

function session() {
  const events: EngineEvent[] = [];
  const engine = new EngineSession(
    syntheticDataset({ seed: 3, numTrain: 320, numValidation: 64, numTest: 64 }),
    {
      dataset: 'synthetic',
      model: { widthMultiplier: 0.25, batchNorm: true, dropoutRate: 0 },
      optimizer: 'sgdMomentum',
      batchSize: 8,
      seed: 5,
      augment: false,
    },
    (event) => events.push(event),
  );
  const ofType = <T extends EngineEvent['type']>(type: T) =>
    events.filter((e): e is Extract<EngineEvent, { type: T }> => e.type === type);
  const column = (pick: 'lr' | 'momentum') => {
    const out: number[] = [];
    for (const chunk of ofType('trainProgress')) {
      expect(chunk.fromIdx).toBe(out.length);
      const values = chunk[pick] ?? new Float64Array(chunk.lr.length).fill(NaN);
      out.push(...Array.from(values));
    }
    return out;
  };
  return { engine, events, ofType, column, steps: () => column('lr').length };
}

const triangular = (maxLr: number, extra: Record<string, unknown> = {}): ScheduleSpec =>
  parseScheduleSpec({ policy: 'triangular', baseLr: 0.001, maxLr, stepSize: 10, ...extra });

function config(schedule: ScheduleSpec, length: RunLength): TrainConfig {
  return { schedule, length, validateEvery: 100_000, maxSnapshots: 0, testAtEnd: false };
}

async function waitFor(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 2));
}

beforeAll(async () => {
  prepareWasm();
  expect(await tf.setBackend('wasm')).toBe(true);
});

describe('a schedule changed during a run', () => {
  it('sets every step from the change on with the new spec at the absolute iteration', async () => {
    const { engine, ofType, column, steps } = session();
    const before = triangular(0.01);
    const after = triangular(0.1, { stepSize: 7 });
    const run = engine.train(config(before, { unit: 'iterations', value: 100_000 }));
    await waitFor(() => steps() >= 5);
    engine.setSchedule(after);
    await waitFor(() => ofType('scheduleChanged').length === 1);
    const changedAt = ofType('scheduleChanged')[0].iteration;
    await waitFor(() => steps() >= changedAt + 30);
    engine.stop();
    const end = await run;

    const lr = column('lr');
    expect(lr).toHaveLength(end.iterations);
    expect(changedAt).toBeGreaterThanOrEqual(5);
    lr.forEach((value, k) => expect(value).toBe(lrAt(k < changedAt ? before : after, k)));
    // The new peak is reached: it is not the old schedule with a new label.
    expect(Math.max(...lr.slice(changedAt))).toBeGreaterThan(0.05);
    expect(ofType('scheduleChanged')[0].spec).toEqual(after);
    engine.dispose();
  });

  it('while paused, takes over at once and the next single step uses it', async () => {
    const { engine, ofType, column, steps } = session();
    const before = triangular(0.01);
    // Another base LR too: at a cycle's first step both specs would give their (same) base.
    const after = triangular(0.2, { baseLr: 0.005 });
    const run = engine.train(config(before, { unit: 'iterations', value: 100_000 }));
    await waitFor(() => steps() >= 3);
    engine.pause();
    await waitFor(() => ofType('trainState').at(-1)?.state === 'paused');
    const pausedAt = steps();
    engine.setSchedule(after);
    // Applied before any further step, at the step that comes next.
    expect(ofType('scheduleChanged')).toEqual([
      { type: 'scheduleChanged', iteration: pausedAt, spec: after, totalIterations: 100_000 },
    ]);
    engine.step();
    await waitFor(() => steps() === pausedAt + 1);
    engine.stop();
    await run;
    const lr = column('lr');
    expect(lr[pausedAt]).toBe(lrAt(after, pausedAt));
    expect(lr[pausedAt]).not.toBe(lrAt(before, pausedAt));
    engine.dispose();
  });

  it('recounts a run of cycles under the new step size and ends there', async () => {
    const { engine, ofType } = session();
    // Two cycles of 20 steps would end after 40; from the change on a cycle lasts 6.
    const run = engine.train(config(triangular(0.01), { unit: 'cycles', value: 2 }));
    // Paused at once (not after progress is reported, which may be many steps later).
    await waitFor(() => ofType('trainState').length > 0);
    engine.pause();
    await waitFor(() => ofType('trainState').at(-1)?.state === 'paused');
    engine.setSchedule(triangular(0.01, { stepSize: 3 }));
    engine.resume();
    const end = await run;

    const { iteration, totalIterations } = ofType('scheduleChanged')[0];
    expect(iteration).toBeLessThan(19);
    // The new spec's cycles end after steps 5, 11, 17, …: the second one at or after the change.
    const newEnds = [5, 11, 17, 23, 29].filter((k) => k >= iteration);
    expect(totalIterations).toBe(newEnds[1] + 1);
    expect(end).toMatchObject({ reason: 'completed', iterations: newEnds[1] + 1 });
    expect(ofType('trainProgress').at(-1)?.totalIterations).toBe(newEnds[1] + 1);
    engine.dispose();
  });

  it('cycles momentum from the change on when the new spec does', async () => {
    const { engine, ofType, column, steps } = session();
    const after = triangular(0.02, { cycleMomentum: true });
    const run = engine.train(config(triangular(0.01), { unit: 'iterations', value: 100_000 }));
    await waitFor(() => steps() >= 3);
    engine.setSchedule(after);
    await waitFor(() => ofType('scheduleChanged').length === 1);
    const changedAt = ofType('scheduleChanged')[0].iteration;
    await waitFor(() => steps() >= changedAt + 12);
    engine.stop();
    await run;
    const momentum = column('momentum');
    for (let k = changedAt; k < momentum.length; k++) {
      expect(momentum[k]).toBe(momentumAt(after, k));
    }
    expect(momentum.slice(0, changedAt).every(Number.isNaN)).toBe(true);
    engine.dispose();
  });

  it('replays planned changes at exactly their iterations, until a change is sent', async () => {
    const { engine, ofType, column } = session();
    const start = triangular(0.01);
    const planned = [
      { iteration: 7, spec: triangular(0.1) },
      { iteration: 15, spec: triangular(0.05, { stepSize: 4 }) },
    ];
    const end = await engine.train({
      ...config(start, { unit: 'iterations', value: 24 }),
      plannedChanges: planned,
    });
    expect(end.iterations).toBe(24);
    expect(ofType('scheduleChanged').map(({ iteration, spec }) => ({ iteration, spec }))).toEqual(
      planned,
    );
    const lr = column('lr');
    lr.forEach((value, k) => {
      const spec = k < 7 ? start : k < 15 ? planned[0].spec : planned[1].spec;
      expect(value).toBe(lrAt(spec, k));
    });
    // A change sent during a replay ends it: the later planned change is not made.
    const changesBefore = ofType('scheduleChanged').length;
    const sent = triangular(0.02);
    const run = engine.train({
      ...config(start, { unit: 'iterations', value: 80 }),
      plannedChanges: [{ iteration: 60, spec: triangular(0.1) }],
    });
    await waitFor(() => ofType('trainState').length > 1);
    engine.pause();
    await waitFor(() => ofType('trainState').at(-1)?.state === 'paused');
    engine.setSchedule(sent);
    engine.resume();
    await run;
    const replayed = ofType('scheduleChanged').slice(changesBefore);
    expect(replayed.map((change) => change.spec)).toEqual([sent]);
    expect(replayed[0].iteration).toBeLessThan(60);
    engine.dispose();
  });

  it('is refused with a message that says why', async () => {
    const { engine, steps } = session();
    expect(() => engine.setSchedule(triangular(0.02))).toThrow(/No training run is active/);
    const run = engine.train(config(triangular(0.01), { unit: 'cycles', value: 50 }));
    await waitFor(() => steps() >= 1);
    expect(() => engine.setSchedule({ policy: 'triangular', baseLr: 0.001, maxLr: -1 })).toThrow(
      /^schedule\.maxLr must be greater than 0/,
    );
    expect(() => engine.setSchedule(parseScheduleSpec({ policy: 'fixed', lr: 0.01 }))).toThrow(
      /cycles cannot end under this fixed schedule/,
    );
    engine.stop();
    await run;
    engine.dispose();
  });

  it('keeps the tensor count flat over runs changed many times', async () => {
    const { engine, events, ofType } = session();
    const length: RunLength = { unit: 'iterations', value: 400 };
    await engine.train(config(triangular(0.01), { unit: 'iterations', value: 20 }));
    const start = tf.memory().numTensors;
    const numPaused = () => ofType('trainState').filter((e) => e.state === 'paused').length;
    for (let i = 0; i < 3; i++) {
      const from = events.length;
      const changesBefore = ofType('scheduleChanged').length;
      const run = engine.train(config(triangular(0.01), length));
      // Paused, a change takes over at once: the four changes land whatever the machine's speed.
      await waitFor(() => events.slice(from).some((e) => e.type === 'trainState'));
      engine.pause();
      await waitFor(() => ofType('trainState').at(-1)?.state === 'paused');
      for (let c = 1; c <= 4; c++) {
        engine.setSchedule(triangular(0.01 * (c + 1)));
        const paused = numPaused();
        engine.step();
        await waitFor(() => numPaused() > paused);
      }
      engine.stop();
      await run;
      expect(ofType('scheduleChanged').length - changesBefore).toBe(4);
    }
    expect(tf.memory().numTensors).toBe(start);
    engine.dispose();
  }, 120_000);
});
