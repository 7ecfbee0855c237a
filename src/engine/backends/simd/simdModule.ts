import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { SIMD_PLAIN, SIMD_SHARED } from './simdBinary';

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

/** Per tfjs memory, our module instantiated on it; null where it cannot run (no SIMD). */
const instances = new WeakMap<WebAssembly.Memory, WasmSimd | null>();

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0));
}

/**
 * Our SIMD module sharing the wasm backend's memory, so it reads and writes tensors in place;
 * null where this engine has no wasm SIMD or the memory is not reachable.
 */
export function wasmSimd(backend: BackendWasm): WasmSimd | null {
  const module = backend.wasm as unknown as EmscriptenMemory;
  const memory = module.wasmMemory ?? module.asm?.memory;
  if (!memory) return null;
  const known = instances.get(memory);
  if (known !== undefined) return known;
  let simd: WasmSimd | null = null;
  try {
    const shared =
      typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
    const bytes = decode(shared ? SIMD_SHARED : SIMD_PLAIN);
    // Synchronous: the kernels are synchronous, the module is 4 kB, and this runs in a worker.
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
    simd = instance.exports as unknown as WasmSimd;
  } catch {
    simd = null;
  }
  instances.set(memory, simd);
  return simd;
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
