import { Profiler, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { cycleAt, lrAt, momentumAt, parseScheduleSpec } from '../src/core';
import type { ValidationResult } from '../src/worker/contract';
import { trainingSeries } from '../src/ui/series/runSeries';
import { useAppStore } from '../src/ui/store';
import { TrainingCharts } from '../src/ui/training/TrainingCharts';
import '../src/ui/styles.css';

/**
 * Redraw cost of the live training charts with a long run recorded: fills the training series
 * with synthetic steps of a triangular schedule (cycled momentum, so all four charts show),
 * then times redraws triggered the way training triggers them (a series version bump).
 * The result lands in `window.chartBenchResult` for scripts/benchCharts.mjs.
 */
interface ChartBenchResult {
  points: number;
  redraws: number;
  /** Bump → React render and commit → style and layout, synchronously (median). */
  redrawMs: number;
  maxRedrawMs: number;
  /** Bump → the next animation frame after it was painted (median; vsync-quantized). */
  frameMs: number;
  /** Commits after the synchronous one (0: nothing left to do after the measured work). */
  lateCommits: number;
}

declare global {
  interface Window {
    chartBenchResult?: ChartBenchResult;
    chartBenchError?: string;
  }
}

const params = new URLSearchParams(location.search);
const points = Number(params.get('points') ?? 50_000);
const redraws = Number(params.get('redraws') ?? 30);
const ITERATIONS_PER_EPOCH = 860;
const VALIDATE_EVERY = 250;

const BASE_LR = 0.01;
const MAX_LR = 0.06;
const spec = parseScheduleSpec({
  policy: 'triangular',
  baseLr: BASE_LR,
  maxLr: MAX_LR,
  stepSize: 2000,
  cycleMomentum: true,
});

/** Deterministic noise (mulberry32) so every bench run draws the same curves. */
function noise(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  };
}

/** Loss and accuracy that look like a CNN on MNIST: fast drop, slow tail, worse at high LR. */
function fillSeries(n: number): void {
  const rand = noise(1);
  const lr = new Float64Array(n);
  const momentum = new Float64Array(n);
  const loss = new Float64Array(n);
  const accuracy = new Float64Array(n);
  const validations: ValidationResult[] = [];
  let snapshots = 0;
  for (let k = 0; k < n; k++) {
    lr[k] = lrAt(spec, k);
    momentum[k] = momentumAt(spec, k) ?? NaN;
    const heat = (lr[k] - BASE_LR) / (MAX_LR - BASE_LR);
    const mean = 0.02 + 2.2 * Math.exp(-k / 400) + 0.12 * Math.exp(-k / 12_000) + 0.04 * heat;
    loss[k] = mean * Math.exp(0.9 * rand());
    accuracy[k] = Math.round(64 * Math.min(1, Math.max(0, 1 - 0.3 * loss[k] + 0.04 * rand()))) / 64;
    const cycle = cycleAt(spec, k);
    if (cycle.isCycleEnd) snapshots = Math.min(5, snapshots + 1);
    if ((k + 1) % VALIDATE_EVERY === 0 || cycle.isCycleEnd) {
      const single =
        0.992 - 0.85 * Math.exp(-k / 350) - 0.012 * Math.exp(-k / 15_000) - 0.006 * heat;
      const measured = Math.min(1, single + 0.002 * rand());
      const ensemble = cycle.isCycleEnd && snapshots >= 2;
      validations.push({
        type: 'validation',
        iteration: k + 1,
        loss: 1 - measured,
        accuracy: measured,
        isCycleEnd: cycle.isCycleEnd,
        cycleNum: cycle.cycleNum,
        ensembleAccuracy: ensemble ? Math.min(1, measured + 0.0025) : null,
        ensembleSize: ensemble ? snapshots : 0,
        ensembleByM: [],
      });
    }
  }
  trainingSeries.lr.writeAt(0, lr);
  trainingSeries.momentum.writeAt(0, momentum);
  trainingSeries.loss.writeAt(0, loss);
  trainingSeries.accuracy.writeAt(0, accuracy);
  trainingSeries.validations = validations;

  const state = useAppStore.getState();
  useAppStore.setState({
    lastValidSpec: spec,
    training: {
      ...state.training,
      status: 'ended',
      ranWith: {
        id: 'bench',
        startedAt: 0,
        session: state.session,
        schedule: spec,
        length: state.training.length,
      },
      numIterationsDone: n,
      numIterationsPlanned: n,
      epochIdx: Math.floor(n / ITERATIONS_PER_EPOCH),
      lastValidation: validations.at(-1) ?? null,
    },
    engine: {
      ...state.engine,
      status: 'ready',
      dataset: {
        name: 'mnist',
        trainSize: 55_000,
        validationSize: 5_000,
        testSize: 10_000,
        numClasses: 10,
        iterationsPerEpoch: ITERATIONS_PER_EPOCH,
      },
    },
  });
}

let commits = 0;
const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

async function measure(): Promise<ChartBenchResult> {
  const redrawTimes: number[] = [];
  const frameTimes: number[] = [];
  let lateCommits = 0;
  for (let i = 0; i < redraws + 3; i++) {
    await nextFrame();
    const start = performance.now();
    flushSync(() => useAppStore.getState().bumpSeries());
    void document.body.offsetHeight;
    const synchronous = performance.now() - start;
    const committed = commits;
    await nextFrame();
    const frame = performance.now() - start;
    await nextTask();
    if (i < 3) continue; // warm-up: JIT and first layout
    lateCommits += commits - committed;
    redrawTimes.push(synchronous);
    frameTimes.push(frame);
  }
  return {
    points,
    redraws,
    redrawMs: round(median(redrawTimes)),
    maxRedrawMs: round(Math.max(...redrawTimes)),
    frameMs: round(median(frameTimes)),
    lateCommits,
  };
}

/** Waits until every chart has drawn its lines (ResponsiveContainer measures first). */
async function chartsDrawn(): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const figures = document.querySelectorAll('figure.training-chart');
    const drawn = Array.from(figures).filter((figure) =>
      figure.querySelector('.training-series path[d^="M"]'),
    );
    if (figures.length > 0 && drawn.length === figures.length) return;
    await nextFrame();
  }
  throw new Error('the charts never drew their lines');
}

fillSeries(points);
const root = document.getElementById('root');
if (!root) throw new Error('chartRedraw.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <main className="layout">
      <aside className="controls">
        <div className="panel">
          <h2>Chart redraw bench</h2>
          <p className="summary">
            {points.toLocaleString('en-US')} synthetic steps of a triangular schedule with cycled
            momentum; validation every {VALIDATE_EVERY} steps and at cycle ends.
          </p>
        </div>
      </aside>
      <div className="charts">
        <Profiler id="training-charts" onRender={() => (commits += 1)}>
          <TrainingCharts />
        </Profiler>
      </div>
    </main>
  </StrictMode>,
);

chartsDrawn()
  .then(measure)
  .then((result) => {
    window.chartBenchResult = result;
  })
  .catch((error: unknown) => {
    window.chartBenchError =
      error instanceof Error ? (error.stack ?? error.message) : String(error);
  });
