// npm run bench: measures the engine in headless Chromium, per backend, on a production build.
// Prints a table, then (last line) one JSON object for the backend the app picks by itself.
import { spawn, execSync, spawnSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium-path.mjs';

// BENCH_PORT: another free port where several benches (or worktrees) share a machine.
const port = Number(process.env.BENCH_PORT ?? 4391);
const origin = `http://127.0.0.1:${port}`;
/**
 * Per backend: training steps, range-test steps, rounds of the wasm kernel sweep (each kernel of
 * ours off in turn) and extra Chromium flags. Slow backends get fewer steps.
 */
const plans = [
  { backend: 'auto', steps: 60, rangeSteps: 100, kernelRounds: 3, flags: [] },
  // wasm on one thread, to compare with PyTorch on one thread.
  { backend: 'wasm', label: 'wasm-1t', threads: 1, steps: 60, rangeSteps: 0, flags: [] },
  // CIFAR-sized colour images (an imported dataset's shape), wasm on every core.
  { backend: 'wasm', label: 'wasm-32x32x3', shape: '32x32x3', steps: 40, rangeSteps: 0, flags: [] },
  { backend: 'webgl', steps: 12, rangeSteps: 0, flags: [] },
  {
    backend: 'webgpu',
    steps: 6,
    rangeSteps: 0,
    flags: [
      '--enable-unsafe-webgpu',
      '--enable-features=Vulkan',
      '--use-webgpu-adapter=swiftshader',
    ],
  },
  { backend: 'cpu', steps: 3, rangeSteps: 0, flags: [] },
  // Per-kernel times of one step on wasm, our SIMD kernels threaded and not (only when named).
  { backend: 'wasm', label: 'profile', profileSteps: 15, steps: 0, rangeSteps: 0, flags: [] },
];
/** Plans that run only when named on the command line. */
const onRequest = new Set(['profile']);
const only = process.argv.slice(2);

execSync('npx vite build --logLevel error', { stdio: 'inherit' });
const server = spawn(
  'npx',
  ['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
  {
    stdio: 'ignore',
    detached: true,
  },
);
const stopServer = () => {
  try {
    process.kill(-server.pid);
  } catch {
    // already gone
  }
};
process.on('exit', stopServer);

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(origin)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`vite preview did not start on ${origin}`);
}

async function measure(plan) {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [...chromiumArgs, ...plan.flags],
  });
  try {
    const page = await browser.newPage();
    const query = new URLSearchParams({
      steps: plan.steps,
      rangeSteps: plan.rangeSteps,
      kernelRounds: plan.kernelRounds ?? 0,
    });
    if (plan.backend !== 'auto') query.set('backend', plan.backend);
    if (plan.threads) query.set('threads', plan.threads);
    if (plan.shape) query.set('shape', plan.shape);
    if (plan.profileSteps) query.set('profileSteps', plan.profileSteps);
    await page.goto(`${origin}/bench/index.html?${query}`);
    await page.waitForFunction(() => window.benchResult || window.benchError, null, {
      timeout: 600_000,
    });
    const { result, error } = await page.evaluate(() => ({
      result: window.benchResult,
      error: window.benchError,
    }));
    return error ? { backend: plan.backend, error: error.split('\n')[0] } : result;
  } finally {
    await browser.close();
  }
}

/** Redraw time of the training charts holding 50,000 recorded iterations. */
async function measureChartRedraw() {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${origin}/bench/chartRedraw.html?points=50000&redraws=30`);
    await page.waitForFunction(() => window.chartBenchResult || window.chartBenchError, null, {
      timeout: 300_000,
    });
    return await page.evaluate(() => window.chartBenchResult ?? { error: window.chartBenchError });
  } finally {
    await browser.close();
  }
}

/** The longest main-thread task while the real page trains with every chart in view. */
async function measureTrainingPage() {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 2400 } });
    await page.addInitScript(() => {
      window.longestTaskMs = 0;
      window.longTasks = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          window.longTasks += 1;
          window.longestTaskMs = Math.max(window.longestTaskMs, entry.duration);
        }
      }).observe({ type: 'longtask' });
    });
    await page.goto(`${origin}/`);
    await page.getByTestId('status').getByText('Backend:').waitFor({ timeout: 120_000 });
    await page.getByRole('combobox', { name: 'Unit', exact: true }).selectOption('iterations');
    await page.getByRole('spinbutton', { name: 'Train for', exact: true }).fill('400');
    // Only the training run is measured, not page load or engine start-up.
    await page.evaluate(() => {
      window.longestTaskMs = 0;
      window.longTasks = 0;
    });
    const started = Date.now();
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    const train = page.getByRole('button', { name: 'Train', exact: true });
    // The training panel's figure ("Validation accuracy 95.7%"), not the race panel's "Target
    // validation accuracy" label nor the chart's description for screen readers ("… 95.7 % at …").
    await page.getByText(/^Validation accuracy [\d.]+%$/).waitFor({ timeout: 300_000 });
    while (!(await train.isEnabled())) await page.waitForTimeout(250);
    const seconds = (Date.now() - started) / 1000;
    const { longestTaskMs, longTasks } = await page.evaluate(() => ({
      longestTaskMs: window.longestTaskMs,
      longTasks: window.longTasks,
    }));
    return {
      iterations: 400,
      seconds: Number(seconds.toFixed(1)),
      longestTaskMs: Math.round(longestTaskMs),
      longTasks,
    };
  } finally {
    await browser.close();
  }
}

/** The first of $PYTHON, /usr/bin/python3, python3 that imports torch, or why none does. */
function findTorchPython() {
  const candidates = [process.env.PYTHON, '/usr/bin/python3', 'python3'].filter(Boolean);
  const tried = [];
  for (const python of candidates) {
    const probe = spawnSync(python, ['-c', 'import torch'], { encoding: 'utf8' });
    if (probe.status === 0) return { python };
    const why = probe.error ? probe.error.code : (probe.stderr.trim().split('\n').pop() ?? '');
    tried.push(`${python}: ${why}`);
  }
  return { reason: `no python with torch (${tried.join('; ')})` };
}

/** PyTorch's samples/s for the same model and batch at 1 thread and at all cores (bench/pytorch_bench.py). */
function measurePytorch() {
  const found = findTorchPython();
  if (!found.python) return { result: null, reason: found.reason };
  const run = spawnSync(found.python, ['bench/pytorch_bench.py'], {
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (run.status !== 0) {
    return {
      result: null,
      reason: `bench/pytorch_bench.py failed: ${run.stderr.trim().split('\n').pop()}`,
    };
  }
  const lines = run.stdout.trim().split('\n');
  return { result: { python: found.python, ...JSON.parse(lines[lines.length - 1]) } };
}

await waitForServer();
const results = [];
for (const plan of plans) {
  const label = plan.label ?? plan.backend;
  if (only.length > 0 ? !only.includes(label) : onRequest.has(label)) continue;
  process.stderr.write(`bench: ${label}…\n`);
  results.push({ plan: label, ...(await measure(plan)) });
}
const ui = only.length === 0 || only.includes('ui');
const chartRedraw = ui ? await measureChartRedraw() : null;
const trainingPage = ui ? await measureTrainingPage() : null;
stopServer();
// After the browser runs, so the two never compete for the cores.
const pytorch = only.length === 0 || only.includes('pytorch') ? measurePytorch() : null;

console.log(
  '\nbackend       samples/s  GFLOP/s  bare samples/s  loop/bare  range test 100 (ms)  longest main task (ms)  wasm',
);
for (const r of results) {
  if (r.profile) continue;
  if (r.error) {
    console.log(`${r.plan.padEnd(13)} failed: ${r.error}`);
    continue;
  }
  const name = r.plan === 'auto' ? `${r.backend}*` : r.plan;
  console.log(
    [
      name.padEnd(13),
      String(r.samplesPerSec).padStart(9),
      String(r.gflopsPerSec ?? '-').padStart(9),
      String(r.bareSamplesPerSec ?? '-').padStart(15),
      String(r.loopEfficiency ?? '-').padStart(10),
      String(r.rangeTest100Ms ?? '-').padStart(20),
      String(r.longestMainTaskMs).padStart(23),
      ` simd=${r.wasm.simd} threads=${r.wasm.threads} our kernels=${r.wasm.kernelThreads ?? '?'}`,
    ].join(''),
  );
}
const flopsByShape = [
  ...new Set(
    results.filter((r) => r.mflopPerSample).map((r) => `${r.mflopPerSample} (${r.shape})`),
  ),
];
console.log(
  `* the backend the app picks by itself; GFLOP/s at ${flopsByShape.join(', ') || '?'} MFLOP per training sample (convolutions and dense layers, forward ×3)`,
);
const wasmRun = results.find((r) => !r.error && r.backend === 'wasm' && r.kernels);
if (wasmRun) {
  const { all, none, 'ours on one thread': oneThread, ...without } = wasmRun.kernels;
  console.log(
    `\nwasm bare loop by kernel configuration (threads ${wasmRun.threads}, median samples/s):`,
  );
  console.log(`  all of ours ${all}, none of ours ${none} (×${(all / none).toFixed(2)})`);
  if (oneThread !== undefined)
    console.log(
      `  our SIMD kernels on ${wasmRun.threads} threads ${all}, on one ${oneThread} (×${(all / oneThread).toFixed(2)})`,
    );
  for (const [name, rate] of Object.entries(without)) {
    const kernel = name.replace('without ', '');
    console.log(
      `  ${kernel.padEnd(22)} tfjs's ${String(rate).padStart(7)} → ours ${String(all).padStart(7)}  (×${(all / rate).toFixed(2)})`,
    );
  }
}
const profiled = results.find((r) => r.profile);
if (profiled) {
  const { threaded, oneThread } = profiled.profile;
  const total = (times) => Object.values(times).reduce((a, b) => a + b, 0);
  console.log(
    `\nwasm step by kernel (median ms of ${plans.find((p) => p.label === 'profile').profileSteps} profiled steps): our SIMD kernels threaded | on one thread`,
  );
  const names = Object.keys(oneThread).sort((a, b) => oneThread[b] - oneThread[a]);
  for (const name of names)
    console.log(
      `  ${name.padEnd(26)} ${(threaded[name] ?? 0).toFixed(2).padStart(7)} | ${oneThread[name].toFixed(2).padStart(7)}`,
    );
  console.log(
    `  ${'all kernels'.padEnd(26)} ${total(threaded).toFixed(2).padStart(7)} | ${total(oneThread).toFixed(2).padStart(7)}`,
  );
}
if (chartRedraw)
  console.log(`training charts at 50,000 iterations: redraw ${JSON.stringify(chartRedraw)}`);
if (trainingPage)
  console.log(
    `page training ${trainingPage.iterations} iterations, all charts visible: ${JSON.stringify(trainingPage)}`,
  );
const picked = results.find((r) => r.plan === 'auto') ?? results[0];
// Ours (the engine loop on wasm) against PyTorch at the same thread count.
const pytorchRuns = pytorch?.result?.runs.map((run) => {
  const ours = results.find(
    (r) => !r.error && r.backend === 'wasm' && r.threads === run.threads && r.shape === '28x28x1',
  );
  return {
    ...run,
    oursSamplesPerSec: ours?.samplesPerSec ?? null,
    oursPerTorch: ours ? Number((ours.samplesPerSec / run.samplesPerSec).toFixed(3)) : null,
    gflopsPerSec: ours?.mflopPerSample
      ? Number(((run.samplesPerSec * ours.mflopPerSample) / 1e3).toFixed(2))
      : null,
  };
});
if (pytorchRuns) {
  for (const run of pytorchRuns)
    console.log(
      `pytorch ${pytorch.result.torch}, ${run.threads} thread(s): ${run.samplesPerSec} samples/s` +
        (run.gflopsPerSec === null ? '' : ` (${run.gflopsPerSec} GFLOP/s)`) +
        (run.oursPerTorch === null
          ? ''
          : `; ours ${run.oursSamplesPerSec}, ours/pytorch ${run.oursPerTorch}`),
    );
} else if (pytorch) {
  console.log(`pytorch: not measured: ${pytorch.reason}`);
}
console.log('');
const summary = { ...picked };
delete summary.plan;
if (chartRedraw) summary.chartRedraw50kMs = chartRedraw.redrawMs;
if (chartRedraw) summary.chartRedraw50kMaxMs = chartRedraw.maxRedrawMs;
// The figure that matters: the real page training with every chart drawing, not the bench page.
if (trainingPage) summary.longestMainTaskMs = trainingPage.longestTaskMs;
if (trainingPage) summary.trainingPage = trainingPage;
if (pytorch) summary.pytorch = pytorchRuns ? { ...pytorch.result, runs: pytorchRuns } : null;
if (pytorch && !pytorchRuns) summary.pytorchReason = pytorch.reason;
summary.others = results
  .filter((r) => r !== picked)
  .map(({ plan, reasons: _r, ...rest }) => ({ plan, ...rest }));
console.log(JSON.stringify(summary));
