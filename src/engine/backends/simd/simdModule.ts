import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { SIMD_PLAIN, SIMD_SHARED } from './simdBinary';
import { SIMD_FUNCTIONS, startSimdPool, type SimdFunction, type SimdPool } from './simdPool';

/** Our SIMD module's functions (blockTail.c, conv1.c); pointers are byte offsets into tfjs's wasm memory. */
export interface WasmSimd {
  affine_relu_pool(
    z: number,
    batch: number,
    height: number,
    width: number,
    channels: number,
    scale: number,
    shift: number,
    pooled: number,
  ): void;
  routed_sums(
    z: number,
    batch: number,
    height: number,
    width: number,
    channels: number,
    scale: number,
    shift: number,
    center: number,
    dpooled: number,
    sumG: number,
    sumGZ: number,
  ): void;
  pool_grad(
    z: number,
    batch: number,
    height: number,
    width: number,
    channels: number,
    scale: number,
    shift: number,
    dpooled: number,
    k: number,
    offset: number,
    slope: number,
    dz: number,
  ): void;
  channel_moments(z: number, rows: number, channels: number, sum: number, sumSq: number): void;
  /** x, dy, batch, height, width, inC, outH, outW, outC, fh, fw, padTop, padLeft, dw. */
  conv_filter_grad(...args: number[]): void;
  /** x, dy, then conv1Args, then dw. */
  conv1_filter_grad(x: number, dy: number, ...rest: number[]): void;
  /** x, filter, then conv1Args, then y. */
  conv1_forward(x: number, filter: number, ...rest: number[]): void;
}

/** The Emscripten module's memory: its own export, or the one it imports when threaded. */
interface EmscriptenMemory {
  wasmMemory?: WebAssembly.Memory;
  asm?: { memory?: WebAssembly.Memory };
}

/** Our module on one tfjs memory: its exports (called with part 0 of 1) and its threads. */
interface SimdOnMemory {
  simd: WasmSimd;
  module: WebAssembly.Module;
  exports: Record<SimdFunction, (...args: number[]) => void>;
  pool: SimdPool | null;
  /** Whether calls use the pool (the bench turns it off to measure what it buys). */
  threaded: boolean;
}

/** Per tfjs memory, our module instantiated on it; null where it cannot run (no SIMD). */
const instances = new WeakMap<WebAssembly.Memory, SimdOnMemory | null>();

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0));
}

function memoryOf(backend: BackendWasm): WebAssembly.Memory | null {
  const module = backend.wasm as unknown as EmscriptenMemory;
  return module.wasmMemory ?? module.asm?.memory ?? null;
}

function instantiate(memory: WebAssembly.Memory): SimdOnMemory | null {
  try {
    const shared =
      typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
    // Synchronous: the kernels are synchronous, the module is 4 kB, and this runs in a worker.
    const module = new WebAssembly.Module(decode(shared ? SIMD_SHARED : SIMD_PLAIN));
    const instance = new WebAssembly.Instance(module, { env: { memory } });
    const exports = instance.exports as unknown as SimdOnMemory['exports'];
    const state: SimdOnMemory = {
      module,
      exports,
      pool: null,
      threaded: true,
      simd: {} as WasmSimd,
    };
    for (const name of SIMD_FUNCTIONS) {
      const own = exports[name];
      state.simd[name] = (...args: number[]) => {
        const run = (part: number, parts: number) => own(...args, part, parts);
        if (!(state.threaded && state.pool?.run(name, args, run))) run(0, 1);
      };
    }
    return state;
  } catch {
    return null;
  }
}

function onMemory(backend: BackendWasm): SimdOnMemory | null {
  const memory = memoryOf(backend);
  if (!memory) return null;
  const known = instances.get(memory);
  if (known !== undefined) return known;
  const state = instantiate(memory);
  instances.set(memory, state);
  return state;
}

/**
 * Our SIMD module sharing the wasm backend's memory, so it reads and writes tensors in place;
 * null where this engine has no wasm SIMD or the memory is not reachable. Each call runs on
 * the threads `startSimdThreads` started, once they are up; on this thread alone before.
 */
export function wasmSimd(backend: BackendWasm): WasmSimd | null {
  return onMemory(backend)?.simd ?? null;
}

/** A helper worker for simdPool.ts, bundled apart. */
function spawnHelper(): Worker {
  return new Worker(new URL('./simdHelper.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Runs our SIMD kernels on `threads` threads (this one and `threads - 1` helper workers) where
 * tfjs's memory is shared (its threaded build) and this thread may wait; resolves to the
 * threads they run on: 1 where they cannot share, or when the helpers are not up within 10 s.
 */
export async function startSimdThreads(backend: BackendWasm, threads: number): Promise<number> {
  const state = onMemory(backend);
  const memory = memoryOf(backend);
  if (!state || !memory) return 1;
  if (!state.pool) {
    try {
      state.pool = startSimdPool(state.module, memory, threads, spawnHelper);
    } catch {
      state.pool = null;
    }
  }
  if (!state.pool) return 1;
  return (await state.pool.whenReady(10_000)) ? state.pool.parts : 1;
}

/** Where a tensor's data starts in the wasm backend's memory, in bytes. */
export function heapAddress(backend: BackendWasm, t: { dataId: object }): number {
  const data = backend.dataIdMap.get(t.dataId);
  if (!data) throw new Error('tensor not on the wasm backend');
  return data.memoryOffset;
}

/** The parts of tfjs's Conv2DInfo that conv1.c takes. */
interface Conv1Geometry {
  batchSize: number;
  inHeight: number;
  inWidth: number;
  inChannels: number;
  outHeight: number;
  outWidth: number;
  outChannels: number;
  strideHeight: number;
  strideWidth: number;
  dilationHeight: number;
  dilationWidth: number;
  filterHeight: number;
  filterWidth: number;
  padInfo: { top: number; left: number };
}

/**
 * conv1.c's arguments between the first operand and the output, where it handles the
 * convolution (one input channel, stride and dilation 1, output channels in fours); else null.
 */
export function conv1Args(g: Conv1Geometry): number[] | null {
  const plain =
    g.inChannels === 1 &&
    g.strideHeight === 1 &&
    g.strideWidth === 1 &&
    g.dilationHeight === 1 &&
    g.dilationWidth === 1 &&
    g.outChannels % 4 === 0;
  if (!plain) return null;
  return [
    g.batchSize,
    g.inHeight,
    g.inWidth,
    g.outHeight,
    g.outWidth,
    g.outChannels,
    g.filterHeight,
    g.filterWidth,
    g.padInfo.top,
    g.padInfo.left,
  ];
}

/** Runs our SIMD kernels on their threads (the default) or on the calling thread alone. */
export function useSimdThreads(backend: BackendWasm, on: boolean): void {
  const state = onMemory(backend);
  if (state) state.threaded = on;
}

/**
 * Our SIMD kernels on the calling thread alone for good: the helpers stop, so one that comes up
 * late cannot take calls whose results were never checked against one thread.
 */
export function stopSimdThreads(backend: BackendWasm): void {
  const state = onMemory(backend);
  if (!state) return;
  state.threaded = false;
  state.pool?.close();
  state.pool = null;
}
