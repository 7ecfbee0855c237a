import {
  backend_util,
  Conv2D,
  type Conv2DAttrs,
  type Conv2DInputs,
  type TensorInfo,
} from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { conv1Args, heapAddress, wasmSimd } from './simd/simdModule';
import type { WasmKernelReplacement } from './wasmKernelTypes';

/**
 * A convolution with one input channel (the first layer on grey images) as our SIMD loop
 * (conv1.c) instead of XNNPACK's GEMM, which is only fh·fw deep there. Everything else, and
 * engines without wasm SIMD, go to tfjs's kernel.
 */
function conv2dIn1({
  inputs,
  backend,
  attrs,
}: Parameters<WasmKernelReplacement['kernelFunc']>[0]): TensorInfo | null {
  const wasm = backend as BackendWasm;
  const { x, filter } = inputs as Conv2DInputs;
  const { strides, pad, dataFormat, dilations, dimRoundingMode } = attrs as unknown as Conv2DAttrs;
  if (!x || !filter || dataFormat !== 'NHWC' || x.dtype !== 'float32') return null;
  const info = backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filter.shape as [number, number, number, number],
    strides,
    dilations,
    pad,
    dimRoundingMode,
  );
  const args = conv1Args(info);
  const simd = args ? wasmSimd(wasm) : null;
  if (!args || !simd) return null;
  const y = wasm.makeOutput([...info.outShape], 'float32');
  const [xAt, filterAt, yAt] = [x, filter, y].map((t) => heapAddress(wasm, t));
  simd.conv1_forward(xAt, filterAt, ...args, yAt);
  return y;
}

export const conv2dIn1Wasm: WasmKernelReplacement = {
  kernelName: Conv2D,
  kernelFunc: conv2dIn1,
};
