import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { BLOCK_TAIL_PLAIN, BLOCK_TAIL_SHARED } from './blockTailBinary';

/** blockTail.c's functions; pointers are byte offsets into tfjs's wasm memory. */
export interface BlockTailSimd {
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
}

/** The Emscripten module's memory: its own export, or the one it imports when threaded. */
interface EmscriptenMemory {
  wasmMemory?: WebAssembly.Memory;
  asm?: { memory?: WebAssembly.Memory };
}

/** Per tfjs memory, our module instantiated on it; null where it cannot run (no SIMD). */
const instances = new WeakMap<WebAssembly.Memory, BlockTailSimd | null>();

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0));
}

/**
 * Our SIMD module sharing the wasm backend's memory, so it reads and writes tensors in place;
 * null where this engine has no wasm SIMD or the memory is not reachable.
 */
export function blockTailSimd(backend: BackendWasm): BlockTailSimd | null {
  const module = backend.wasm as unknown as EmscriptenMemory;
  const memory = module.wasmMemory ?? module.asm?.memory;
  if (!memory) return null;
  const known = instances.get(memory);
  if (known !== undefined) return known;
  let simd: BlockTailSimd | null = null;
  try {
    const shared =
      typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
    const bytes = decode(shared ? BLOCK_TAIL_SHARED : BLOCK_TAIL_PLAIN);
    // Synchronous: the kernels are synchronous, the module is 4 kB, and this runs in a worker.
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
    simd = instance.exports as unknown as BlockTailSimd;
  } catch {
    simd = null;
  }
  instances.set(memory, simd);
  return simd;
}
