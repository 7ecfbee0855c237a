import {
  backend_util,
  MaxPoolGrad,
  type MaxPoolGradAttrs,
  type MaxPoolGradInputs,
  type TensorInfo,
} from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { WasmKernelReplacement } from './wasmKernelTypes';

/**
 * Max-pool gradient in one pass over the pooling windows: each window's dy goes to its first
 * largest input (row-major, as tfjs's cpu backend picks), instead of tfjs-backend-wasm 4.22's
 * search, for every input pixel, of the windows that hold it. NHWC, any window, stride, padding.
 */
function maxPoolGrad({
  inputs,
  backend,
  attrs,
}: Parameters<WasmKernelReplacement['kernelFunc']>[0]): TensorInfo | null {
  const wasm = backend as BackendWasm;
  const { dy, input } = inputs as MaxPoolGradInputs;
  const { filterSize, strides, pad, dimRoundingMode } = attrs as unknown as MaxPoolGradAttrs;
  if (!dy || !input || input.dtype !== 'float32') return null;
  const info = backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    filterSize,
    strides,
    1,
    pad,
    dimRoundingMode,
  );
  const dx = wasm.makeOutput([...input.shape], 'float32');
  // Views after the allocation: growing the wasm heap detaches older views.
  routeToMaxima(
    wasm.typedArrayFromHeap(input) as Float32Array,
    wasm.typedArrayFromHeap(dy) as Float32Array,
    info,
    wasm.typedArrayFromHeap(dx) as Float32Array,
  );
  return dx;
}

/** The parts of tfjs's Conv2DInfo that place pooling windows (NHWC). */
interface PoolGeometry {
  batchSize: number;
  inHeight: number;
  inWidth: number;
  inChannels: number;
  outHeight: number;
  outWidth: number;
  strideHeight: number;
  strideWidth: number;
  filterHeight: number;
  filterWidth: number;
  padInfo: { top: number; left: number };
}

/** dx = 0, then dx[argmax of each window] += dy[window]; windows clipped to the image. */
export function routeToMaxima(
  x: Float32Array,
  dy: Float32Array,
  g: PoolGeometry,
  dx: Float32Array,
): void {
  dx.fill(0);
  const c = g.inChannels;
  const rowStride = g.inWidth * c;
  const imageStride = g.inHeight * rowStride;
  // Per channel, the window's largest value so far and where it is: the channel loop is the
  // innermost, over contiguous memory.
  const best = new Float32Array(c);
  const bestIdx = new Int32Array(c);
  let o = 0;
  for (let n = 0; n < g.batchSize; n++) {
    const image = n * imageStride;
    for (let oh = 0; oh < g.outHeight; oh++) {
      const h0 = oh * g.strideHeight - g.padInfo.top;
      const hStart = Math.max(0, h0);
      const hEnd = Math.min(g.inHeight, h0 + g.filterHeight);
      for (let ow = 0; ow < g.outWidth; ow++) {
        const w0 = ow * g.strideWidth - g.padInfo.left;
        const wStart = Math.max(0, w0);
        const wEnd = Math.min(g.inWidth, w0 + g.filterWidth);
        best.fill(-Infinity);
        bestIdx.fill(-1);
        for (let h = hStart; h < hEnd; h++) {
          for (let w = wStart; w < wEnd; w++) {
            const pixel = image + h * rowStride + w * c;
            for (let ch = 0; ch < c; ch++) {
              const v = x[pixel + ch];
              if (v > best[ch]) {
                best[ch] = v;
                bestIdx[ch] = pixel + ch;
              }
            }
          }
        }
        for (let ch = 0; ch < c; ch++, o++) {
          if (bestIdx[ch] >= 0) dx[bestIdx[ch]] += dy[o];
        }
      }
    }
  }
}

export const maxPoolGradWasm: WasmKernelReplacement = {
  kernelName: MaxPoolGrad,
  kernelFunc: maxPoolGrad,
};
