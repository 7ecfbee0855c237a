import { Identity, type IdentityInputs, type TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { WasmKernelReplacement } from './wasmKernelTypes';

/**
 * A tensor's copy that shares its data, as tfjs's cpu and webgl backends (and the wasm
 * Reshape) do: tensor data is never written in place, so a copy is needless.
 * tfjs-backend-wasm 4.22 copies every byte, e.g. in the gradient of each batch norm's cast.
 */
function identity({
  inputs,
  backend,
}: Parameters<WasmKernelReplacement['kernelFunc']>[0]): TensorInfo | null {
  const { x } = inputs as IdentityInputs;
  if (!x || x.dtype === 'string') return null;
  (backend as BackendWasm).incRef(x.dataId);
  return { dataId: x.dataId, shape: [...x.shape], dtype: x.dtype };
}

export const identityWasm: WasmKernelReplacement = {
  kernelName: Identity,
  kernelFunc: identity,
};
