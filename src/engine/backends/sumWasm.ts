import {
  backend_util,
  Sum,
  util,
  type SumAttrs,
  type SumInputs,
  type TensorInfo,
} from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { WasmKernelReplacement } from './wasmKernelTypes';

/**
 * For a float32 reduction over every axis but the last (per channel, as the gradients of a
 * bias or of batch norm need it): rows and channels; null for any other reduction.
 */
export function perChannelReduction(
  x: TensorInfo,
  axis: number | number[],
): { rows: number; channels: number } | null {
  const rank = x.shape.length;
  if (x.dtype !== 'float32' || rank < 2) return null;
  const axes = util.parseAxisParam(axis, x.shape).sort((a, b) => a - b);
  if (axes.length !== rank - 1 || axes.some((a, i) => a !== i)) return null;
  const channels = x.shape[rank - 1];
  return { rows: util.sizeFromShape(x.shape) / channels, channels };
}

/**
 * out[c] = scale · Σ_r x[r, c] in one pass per four channels, accumulated in float64 (as
 * tfjs's cpu backend does), where tfjs-backend-wasm 4.22 first transposes x to put the
 * reduced axes last. Four running sums in locals: ~3× faster than an array of sums.
 */
export function sumPerChannel(
  x: Float32Array,
  rows: number,
  channels: number,
  scale: number,
  out: Float32Array,
): void {
  const end = rows * channels;
  let c = 0;
  for (; c + 4 <= channels; c += 4) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let i = c; i < end; i += channels) {
      s0 += x[i];
      s1 += x[i + 1];
      s2 += x[i + 2];
      s3 += x[i + 3];
    }
    out[c] = s0 * scale;
    out[c + 1] = s1 * scale;
    out[c + 2] = s2 * scale;
    out[c + 3] = s3 * scale;
  }
  for (; c < channels; c++) {
    let s = 0;
    for (let i = c; i < end; i += channels) s += x[i];
    out[c] = s * scale;
  }
}

/** Shared by Sum and Mean: the reduction's output, or null to leave it to tfjs's kernel. */
export function reducePerChannel(
  args: Parameters<WasmKernelReplacement['kernelFunc']>[0],
  mean: boolean,
): TensorInfo | null {
  const wasm = args.backend as BackendWasm;
  const { x } = args.inputs as SumInputs;
  const { axis, keepDims } = args.attrs as unknown as SumAttrs;
  if (!x) return null;
  const shape = perChannelReduction(x, axis);
  if (!shape || shape.rows === 0) return null;
  const outShape = keepDims
    ? backend_util.expandShapeToKeepDim([shape.channels], util.parseAxisParam(axis, x.shape))
    : [shape.channels];
  const out = wasm.makeOutput(outShape, 'float32');
  // Views after the allocation: growing the wasm heap detaches older views.
  sumPerChannel(
    wasm.typedArrayFromHeap(x) as Float32Array,
    shape.rows,
    shape.channels,
    mean ? 1 / shape.rows : 1,
    wasm.typedArrayFromHeap(out) as Float32Array,
  );
  return out;
}

export const sumWasm: WasmKernelReplacement = {
  kernelName: Sum,
  kernelFunc: (args) => reducePerChannel(args, false),
};
