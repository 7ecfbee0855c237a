import * as tf from '@tensorflow/tfjs';
import type { CnnOptions } from '../model/cnn';
import { confirmTraining } from './confirmTraining';
import { probeWebGl, probeWebGpu, type GpuProbe } from './gpuProbes';
import { gradientSelfTest } from './gradientSelfTest';
import { prepareWasm, startWasmKernelThreads, wasmFeatures, type WasmFeatures } from './wasmSetup';

export const BACKEND_NAMES = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];
type GpuBackend = 'webgpu' | 'webgl';

/** Which backend trains, why each other one does not, and how wasm runs. */
export interface BackendReport {
  backend: BackendName;
  reasons: Record<BackendName, string>;
  wasm: WasmFeatures;
}

export interface ChooseBackendOptions {
  /** URL prefix of our copies of the wasm binaries (scripts/copy-wasm.mjs); omit in Node. */
  wasmBaseUrl?: string;
  /** Use only this backend (URL parameter / setting); throws if it cannot train. */
  force?: BackendName;
  /** WASM threads (cross-origin isolated pages only); default one per logical core. */
  wasmThreads?: number;
  /** Options of the model that will train, for the confirming step. */
  model?: Partial<CnnOptions>;
}

/**
 * Order to try backends in: hardware WebGPU, hardware WebGL, wasm, then software GPUs
 * (WebGL before WebGPU: 28 vs 7 samples/s on SwiftShader), then cpu. Also says why a GPU
 * backend was left out or demoted.
 */
export function rankBackends(probes: Record<GpuBackend, GpuProbe>): {
  order: BackendName[];
  reasons: Partial<Record<BackendName, string>>;
} {
  const reasons: Partial<Record<BackendName, string>> = {};
  const hardware: BackendName[] = [];
  const software: BackendName[] = [];
  for (const name of ['webgpu', 'webgl'] as const) {
    const probe = probes[name];
    if (!probe.found) {
      reasons[name] = probe.reason;
    } else if (probe.software) {
      software.unshift(name);
      reasons[name] = `software renderer (${probe.renderer}), ranked below wasm`;
    } else {
      hardware.push(name);
    }
  }
  return { order: [...hardware, 'wasm', ...software, 'cpu'], reasons };
}

/**
 * A backend that never finishes starting (a wasm worker that died, a GPU that hangs) must not
 * freeze the engine: past this, the next backend is tried. cpu's first step takes ~10 s.
 */
const BACKEND_START_TIMEOUT_MS = 45_000;

function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function registerWebGpu(): Promise<void> {
  await import('@tensorflow/tfjs-backend-webgpu');
}

/** Makes `name` the active backend and trains one step on it; resolves to a reason on failure. */
async function tryBackend(
  name: BackendName,
  options: ChooseBackendOptions,
): Promise<{ ok: true; loss: number } | { ok: false; reason: string }> {
  try {
    return await withTimeout(
      (async () => {
        if (name === 'webgpu') await registerWebGpu();
        if (name === 'wasm') prepareWasm(options.wasmBaseUrl, options.wasmThreads);
        if (!(await tf.setBackend(name))) {
          return { ok: false as const, reason: `${name} backend failed to start` };
        }
        if (name === 'wasm') await startWasmKernelThreads(options.model ?? {});
        const loss = await confirmTraining(options.model ?? {});
        // A GPU can train yet give wrong gradients: checked against cpu before it is chosen.
        if (name === 'webgpu' || name === 'webgl') {
          const wrong = await gradientSelfTest(options.model ?? {});
          if (wrong) return { ok: false as const, reason: wrong };
        }
        return { ok: true as const, loss };
      })(),
      BACKEND_START_TIMEOUT_MS,
      `${name} did not start within ${BACKEND_START_TIMEOUT_MS / 1000} s`,
    );
  } catch (error) {
    return {
      ok: false,
      reason: `training step failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/** Picks and activates the fastest backend that really trains the model (issue 3, "Backends"). */
export async function chooseBackend(options: ChooseBackendOptions = {}): Promise<BackendReport> {
  let order: BackendName[];
  const reasons: Partial<Record<BackendName, string>> = {};
  if (options.force) {
    order = [options.force];
    for (const name of BACKEND_NAMES) reasons[name] = `not tried: ${options.force} forced`;
  } else {
    const webgpu = await probeWebGpu();
    const webgl = await probeWebGl();
    const ranked = rankBackends({ webgpu, webgl });
    order = ranked.order;
    Object.assign(reasons, ranked.reasons);
  }

  for (const name of order) {
    const result = await tryBackend(name, options);
    if (result.ok) {
      const checked = name === 'webgpu' || name === 'webgl' ? ', gradients match cpu' : '';
      reasons[name] = `chosen: one training step ran (loss ${result.loss.toFixed(3)})${checked}`;
      const notTried = `not tried: ${name} works`;
      return {
        backend: name,
        reasons: {
          webgpu: reasons.webgpu ?? notTried,
          webgl: reasons.webgl ?? notTried,
          wasm: reasons.wasm ?? notTried,
          cpu: reasons.cpu ?? notTried,
        },
        wasm: await wasmFeatures(),
      };
    }
    reasons[name] = result.reason;
  }
  const summary = order.map((name) => `${name}: ${reasons[name]}`).join('; ');
  throw new Error(`No backend can train the model (${summary})`);
}
