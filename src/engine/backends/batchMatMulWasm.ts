import {
  BatchMatMul,
  getKernel,
  Transpose,
  type BatchMatMulAttrs,
  type BatchMatMulInputs,
  type TensorInfo,
} from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { WasmKernelReplacement } from './wasmKernelTypes';

/**
 * tfjs-backend-wasm 4.22 runs only an untransposed matmul on XNNPACK; with transposeA or
 * transposeB (every dense layer's gradient) it takes a loop ~5× slower. Transposing the
 * operand first, with the backend's own Transpose, and then multiplying is cheaper.
 */
function batchMatMul(args: Parameters<WasmKernelReplacement['kernelFunc']>[0]): TensorInfo | null {
  const wasm = args.backend as BackendWasm;
  const { a, b } = args.inputs as BatchMatMulInputs;
  const { transposeA, transposeB } = args.attrs as unknown as BatchMatMulAttrs;
  if (!a || !b || (!transposeA && !transposeB)) return null;
  const made: TensorInfo[] = [];
  const untransposed = (x: TensorInfo, transpose: boolean): TensorInfo => {
    if (!transpose) return x;
    const rank = x.shape.length;
    const perm = [...Array(rank).keys()];
    [perm[rank - 2], perm[rank - 1]] = [perm[rank - 1], perm[rank - 2]];
    const t = getKernel(Transpose, 'wasm').kernelFunc({
      inputs: { x },
      backend: wasm,
      attrs: { perm },
    }) as TensorInfo;
    made.push(t);
    return t;
  };
  const out = getKernel(BatchMatMul, 'wasm').kernelFunc({
    inputs: { a: untransposed(a, transposeA), b: untransposed(b, transposeB) },
    backend: wasm,
    attrs: { transposeA: false, transposeB: false },
  }) as TensorInfo;
  for (const t of made) wasm.disposeData(t.dataId);
  return out;
}

export const batchMatMulWasm: WasmKernelReplacement = {
  kernelName: BatchMatMul,
  kernelFunc: batchMatMul,
};
