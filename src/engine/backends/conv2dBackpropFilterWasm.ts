import {
  backend_util,
  BatchMatMul,
  Conv2DBackpropFilter,
  getKernel,
  type Conv2DBackpropFilterAttrs,
  type Conv2DBackpropFilterInputs,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { im2col } from './im2col';
import { conv1Args, heapAddress, wasmSimd } from './simd/simdModule';

/**
 * The filter gradient tfjs-backend-wasm 4.22 lacks: with one input channel, our SIMD loop
 * (conv1.c; the matmul below is 9 deep there), else im2col + the backend's own matmul: dW[kh·kw·inC, outC] = cols[kh·kw·inC, M] · dy[M, outC], M = batch·outH·outW.
 * The columns are built pre-transposed: the wasm matmul is ~10× slower with transposeA.
 */
const conv2dBackpropFilter: KernelFunc = ({ inputs, backend, attrs }) => {
  // Registered for 'wasm' only, so the backend is the wasm one.
  const wasm = backend as BackendWasm;
  const { x, dy } = inputs as Conv2DBackpropFilterInputs;
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } =
    attrs as unknown as Conv2DBackpropFilterAttrs;
  if (!x || !dy) throw new Error('Conv2DBackpropFilter (wasm): needs inputs x and dy');
  if (dataFormat !== 'NHWC') {
    throw new Error(`Conv2DBackpropFilter (wasm): only NHWC is supported, got ${dataFormat}`);
  }
  const info = backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
  );
  const simd = wasmSimd(wasm);
  const simdArgs = conv1Args(info);
  if (simd && simdArgs) {
    const dw = wasm.makeOutput([...filterShape], 'float32');
    const [xAt, dyAt, dwAt] = [x, dy, dw].map((t) => heapAddress(wasm, t));
    simd.conv1_filter_grad(xAt, dyAt, ...simdArgs, dwAt);
    return dw;
  }
  const positions = info.batchSize * info.outHeight * info.outWidth;
  const patchSize = info.filterHeight * info.filterWidth * info.inChannels;

  const patches = wasm.makeOutput([1, patchSize, positions], 'float32');
  // Views after the allocation: growing the wasm heap detaches older views.
  im2col(
    wasm.typedArrayFromHeap(x) as Float32Array,
    info,
    wasm.typedArrayFromHeap(patches) as Float32Array,
  );
  // A reshape is only new shape metadata on the same data, as tfjs's own Reshape does.
  const dy3d: TensorInfo = {
    dataId: dy.dataId,
    shape: [1, positions, info.outChannels],
    dtype: dy.dtype,
  };
  const matMul = getKernel(BatchMatMul, 'wasm').kernelFunc;
  const out = matMul({
    inputs: { a: patches, b: dy3d },
    backend,
    attrs: { transposeA: false, transposeB: false },
  }) as TensorInfo;
  wasm.disposeData(patches.dataId);
  return { ...out, shape: [...filterShape] };
};

export const conv2dBackpropFilterWasmConfig: KernelConfig = {
  kernelName: Conv2DBackpropFilter,
  backendName: 'wasm',
  kernelFunc: conv2dBackpropFilter,
};
