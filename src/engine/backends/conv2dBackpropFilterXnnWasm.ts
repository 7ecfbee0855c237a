import {
  backend_util,
  Conv2D,
  Conv2DBackpropFilter,
  getKernel,
  Transpose,
  type Conv2DBackpropFilterAttrs,
  type Conv2DBackpropFilterInputs,
  type TensorInfo,
} from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { heapAddress, wasmSimd } from './simd/simdModule';
import type { WasmKernelReplacement } from './wasmKernelTypes';

/**
 * The filter gradient of a stride-1 convolution: our SIMD loop (convFilterGrad.c; 15.6 → 6.2 ms
 * for the second layer, batch 64, against the XNNPACK route below) where it fits, else
 * as a convolution XNNPACK runs:
 * dW[kh, kw, i, o] = Σ_{n,y,x} x[n, y+kh, x+kw, i] · dy[n, y, x, o] is a "valid" Conv2D of
 * x laid out [inC, H, W, batch] (padded as the forward pass was) with dy laid out
 * [outH, outW, batch, outC] as the filter, giving [inC, fh, fw, outC]. The transposes run in
 * the backend; the im2col kernel handles strides, NCHW and few input channels.
 */
/** Below this many input channels the im2col kernel is faster (measured, batch 64). */
const MIN_IN_CHANNELS = 8;

/** Where our SIMD loop (convFilterGrad.c) runs: stride 1, output channels in sixteens, and
 * more than one input channel (one has its own loop in conv1.c). */
function simdFits(info: backend_util.Conv2DInfo): boolean {
  return (
    info.strideHeight === 1 &&
    info.strideWidth === 1 &&
    info.dilationHeight === 1 &&
    info.dilationWidth === 1 &&
    info.inChannels > 1 &&
    info.outChannels % 16 === 0
  );
}

function conv2dBackpropFilter(
  args: Parameters<WasmKernelReplacement['kernelFunc']>[0],
): TensorInfo | null {
  const wasm = args.backend as BackendWasm;
  const { x, dy } = args.inputs as Conv2DBackpropFilterInputs;
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } =
    args.attrs as unknown as Conv2DBackpropFilterAttrs;
  if (!x || !dy || dataFormat !== 'NHWC') return null;
  const info = backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
  );
  const simd = wasmSimd(wasm);
  if (simd && simdFits(info)) {
    const dw = wasm.makeOutput([...filterShape], 'float32');
    const { top, left } = info.padInfo;
    const [xAt, dyAt, dwAt] = [x, dy, dw].map((t) => heapAddress(wasm, t));
    const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels } = info;
    simd.conv_filter_grad(
      ...[xAt, dyAt, batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels],
      ...[info.filterHeight, info.filterWidth, top, left, dwAt],
    );
    return dw;
  }
  // With few input channels the convolution has too few output pixels (inC·fh·fw) for
  // XNNPACK to run well: the im2col kernel is faster there (first layer: 1.4 vs 5 ms).
  if (info.strideHeight !== 1 || info.strideWidth !== 1 || info.inChannels < MIN_IN_CHANNELS) {
    return null;
  }
  const transpose = (t: TensorInfo, perm: number[]): TensorInfo =>
    getKernel(Transpose, 'wasm').kernelFunc({
      inputs: { x: t },
      backend: wasm,
      attrs: { perm },
    }) as TensorInfo;
  const images = transpose(x, [3, 1, 2, 0]);
  const taps = transpose(dy, [1, 2, 0, 3]);
  const { top, bottom, left, right } = info.padInfo;
  const perInput = getKernel(Conv2D, 'wasm').kernelFunc({
    inputs: { x: images, filter: taps },
    backend: wasm,
    attrs: {
      strides: 1,
      pad: [
        [0, 0],
        [top, bottom],
        [left, right],
        [0, 0],
      ],
      dataFormat: 'NHWC',
      dilations: 1,
    },
  }) as TensorInfo;
  const dw = transpose(perInput, [1, 2, 0, 3]);
  for (const t of [images, taps, perInput]) wasm.disposeData(t.dataId);
  return dw;
}

export const conv2dBackpropFilterXnnWasm: WasmKernelReplacement = {
  kernelName: Conv2DBackpropFilter,
  kernelFunc: conv2dBackpropFilter,
};
