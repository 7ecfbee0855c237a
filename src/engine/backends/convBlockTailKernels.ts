import { util, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import {
  affineReluPool,
  bnReluPoolGrad,
  channelMoments,
  reluPoolGrad,
  type BlockShape,
} from './convBlockTailMath';
import { heapAddress, wasmSimd, type WasmSimd } from './simd/simdModule';

/**
 * The wasm kernels of a conv block's tail (see convBlockTailWasm.ts): our SIMD module where
 * the channels come in fours, plain loops (convBlockTailMath.ts) elsewhere.
 */
type KernelArgs = Parameters<KernelFunc>[0];

function shapeOf(z: TensorInfo): BlockShape {
  const [batch, height, width, channels] = z.shape;
  return { batch, height, width, channels };
}

function pooledShape(s: BlockShape): number[] {
  return [s.batch, Math.floor(s.height / 2), Math.floor(s.width / 2), s.channels];
}

const f32 = (wasm: BackendWasm, t: TensorInfo): Float32Array =>
  wasm.typedArrayFromHeap(t) as Float32Array;
const address = heapAddress;

/** Per channel, y = z · scale + shift for batch norm; the forward and backward share it, so
 * both pick the same window maxima bit for bit. */
function normAffine(
  gamma: Float32Array,
  beta: Float32Array,
  mean: Float32Array,
  variance: Float32Array,
  epsilon: number,
): { scale: Float32Array; shift: Float32Array } {
  const scale = new Float32Array(gamma.length);
  const shift = new Float32Array(gamma.length);
  for (let c = 0; c < gamma.length; c++) {
    scale[c] = gamma[c] / Math.sqrt(variance[c] + epsilon);
    shift[c] = beta[c] - mean[c] * scale[c];
  }
  return { scale, shift };
}

/** Our SIMD module where it runs and the channels fill its vectors; else null (plain loops). */
function simdFor(wasm: BackendWasm, s: BlockShape): WasmSimd | null {
  return s.channels % 4 === 0 ? wasmSimd(wasm) : null;
}

/**
 * Per-channel arrays copied into one scratch tensor on the wasm heap for the SIMD module:
 * first `doubles` float64 arrays (8-byte aligned, as the heap's allocations are), then the
 * float32 ones; their addresses, and the views to read results back (valid until the next
 * allocation). The caller disposes `scratch`.
 */
function scratchOn(
  wasm: BackendWasm,
  channels: number,
  doubles: number,
  floats: Float32Array[],
): { scratch: TensorInfo; addresses: number[]; views: () => Float64Array[] } {
  const scratch = wasm.makeOutput([channels * (2 * doubles + floats.length)], 'float32');
  const base = address(wasm, scratch);
  const heap = f32(wasm, scratch);
  floats.forEach((a, i) => heap.set(a, channels * (2 * doubles + i)));
  const addresses = [
    ...Array.from({ length: doubles }, (_, i) => base + 8 * channels * i),
    ...floats.map((_, i) => base + 4 * channels * (2 * doubles + i)),
  ];
  const views = () =>
    Array.from(
      { length: doubles },
      (_, i) => new Float64Array(heap.buffer, base + 8 * channels * i, channels),
    );
  return { scratch, addresses, views };
}

/** pooled = maxPool2×2(relu(z · scale + shift)). */
function poolForward(
  wasm: BackendWasm,
  z: TensorInfo,
  scale: Float32Array,
  shift: Float32Array,
  pooled: TensorInfo,
): void {
  const s = shapeOf(z);
  const simd = simdFor(wasm, s);
  if (!simd) {
    const out = f32(wasm, pooled);
    affineReluPool(f32(wasm, z), s, scale, shift, out, new Int32Array(out.length));
    return;
  }
  const { scratch, addresses } = scratchOn(wasm, s.channels, 0, [scale, shift]);
  const [a, b] = addresses;
  const zAt = address(wasm, z);
  simd.affine_relu_pool(zAt, s.batch, s.height, s.width, s.channels, a, b, address(wasm, pooled));
  wasm.disposeData(scratch.dataId);
}

/** Per channel, the mean and biased variance of z into `mean` and `variance`. */
function momentsOf(wasm: BackendWasm, z: TensorInfo, mean: TensorInfo, variance: TensorInfo) {
  const s = shapeOf(z);
  const simd = simdFor(wasm, s);
  if (!simd || s.batch * s.height * s.width === 0) {
    channelMoments(f32(wasm, z), s.channels, f32(wasm, mean), f32(wasm, variance));
    return;
  }
  const c = s.channels;
  const rows = s.batch * s.height * s.width;
  const sums = scratchOn(wasm, c, 2, []);
  const [sumAt, sumSqAt] = sums.addresses;
  simd.channel_moments(address(wasm, z), rows, c, sumAt, sumSqAt);
  const [sum, sumSq] = sums.views();
  const [pivot, m, v] = [f32(wasm, z), f32(wasm, mean), f32(wasm, variance)];
  for (let ch = 0; ch < c; ch++) {
    const d = sum[ch] / rows;
    m[ch] = pivot[ch] + d;
    v[ch] = Math.max(0, sumSq[ch] / rows - d * d);
  }
  wasm.disposeData(sums.scratch.dataId);
}

/** The window maxima the forward pass picked, recomputed (plain loops only). */
function argmaxOf(wasm: BackendWasm, z: TensorInfo, scale: Float32Array, shift: Float32Array) {
  const s = shapeOf(z);
  const size = util.sizeFromShape(pooledShape(s));
  const argmax = new Int32Array(size);
  affineReluPool(f32(wasm, z), s, scale, shift, new Float32Array(size), argmax);
  return argmax;
}

/** [pooled, mean of z, biased variance]. */
export function bnReluPool({ inputs, backend, attrs }: KernelArgs): TensorInfo[] {
  const wasm = backend as BackendWasm;
  const { z, gamma, beta } = inputs as Record<string, TensorInfo>;
  const epsilon = (attrs as { epsilon: number }).epsilon;
  const s = shapeOf(z);
  const pooled = wasm.makeOutput(pooledShape(s), 'float32');
  const mean = wasm.makeOutput([s.channels], 'float32');
  const variance = wasm.makeOutput([s.channels], 'float32');
  momentsOf(wasm, z, mean, variance);
  const { scale, shift } = normAffine(
    f32(wasm, gamma),
    f32(wasm, beta),
    f32(wasm, mean),
    f32(wasm, variance),
    epsilon,
  );
  poolForward(wasm, z, scale, shift, pooled);
  return [pooled, mean, variance];
}

/** [dz, dgamma, dbeta] from dpooled and what the forward pass saved. */
export function bnReluPoolGradKernel({ inputs, backend, attrs }: KernelArgs): TensorInfo[] {
  const wasm = backend as BackendWasm;
  const { dy, z, gamma, beta, mean, variance } = inputs as Record<string, TensorInfo>;
  const epsilon = (attrs as { epsilon: number }).epsilon;
  const s = shapeOf(z);
  const c = s.channels;
  const dz = wasm.makeOutput([...z.shape], 'float32');
  const dGamma = wasm.makeOutput([c], 'float32');
  const dBeta = wasm.makeOutput([c], 'float32');
  const g = f32(wasm, gamma).slice();
  const m = f32(wasm, mean).slice();
  const v = f32(wasm, variance).slice();
  const { scale, shift } = normAffine(g, f32(wasm, beta), m, v, epsilon);
  const simd = simdFor(wasm, s);
  if (!simd) {
    const stats = { gamma: g, mean: m, variance: v, epsilon };
    const argmax = argmaxOf(wasm, z, scale, shift);
    const [dzV, dgV, dbV] = [dz, dGamma, dBeta].map((t) => f32(wasm, t));
    bnReluPoolGrad(f32(wasm, dy), argmax, f32(wasm, z), stats, dzV, dgV, dbV);
    return [dz, dGamma, dBeta];
  }
  const rows = s.batch * s.height * s.width;
  const zeros = new Float32Array(c);
  // k, offset and slope are filled in once the sums are known.
  const sums = scratchOn(wasm, c, 2, [scale, shift, m, zeros, zeros, zeros]);
  const [sumGAt, sumGZAt, scaleAt, shiftAt, centerAt, kAt, offsetAt, slopeAt] = sums.addresses;
  const [zAt, dyAt] = [address(wasm, z), address(wasm, dy)];
  simd.routed_sums(
    zAt,
    s.batch,
    s.height,
    s.width,
    c,
    scaleAt,
    shiftAt,
    centerAt,
    dyAt,
    sumGAt,
    sumGZAt,
  );
  const [sumG, sumGZ] = sums.views();
  const heap = f32(wasm, sums.scratch);
  const [dg, db] = [f32(wasm, dGamma), f32(wasm, dBeta)];
  for (let ch = 0; ch < c; ch++) {
    const invStd = 1 / Math.sqrt(v[ch] + epsilon);
    const k = g[ch] * invStd;
    // Σ dy·x̂ = invStd · Σ dy·(z − mean); dz = k·(dy − Σdy/M − x̂·Σdy·x̂/M) = offset + slope·z
    // + k·dy, into the scratch's k, offset and slope.
    const sumGX = invStd * sumGZ[ch];
    heap[7 * c + ch] = k;
    heap[8 * c + ch] = k * (m[ch] * invStd * (sumGX / rows) - sumG[ch] / rows);
    heap[9 * c + ch] = -k * invStd * (sumGX / rows);
    db[ch] = sumG[ch];
    dg[ch] = sumGX;
  }
  simd.pool_grad(
    zAt,
    s.batch,
    s.height,
    s.width,
    c,
    scaleAt,
    shiftAt,
    dyAt,
    kAt,
    offsetAt,
    slopeAt,
    address(wasm, dz),
  );
  wasm.disposeData(sums.scratch.dataId);
  return [dz, dGamma, dBeta];
}

/** [pooled] of relu(z + bias). */
export function biasReluPool({ inputs, backend }: KernelArgs): TensorInfo {
  const wasm = backend as BackendWasm;
  const { z, bias } = inputs as Record<string, TensorInfo>;
  const s = shapeOf(z);
  const pooled = wasm.makeOutput(pooledShape(s), 'float32');
  const ones = new Float32Array(s.channels).fill(1);
  poolForward(wasm, z, ones, f32(wasm, bias).slice(), pooled);
  return pooled;
}

/** [dz, dbias] from dpooled. */
export function reluPoolGradKernel({ inputs, backend }: KernelArgs): TensorInfo[] {
  const wasm = backend as BackendWasm;
  const { dy, z, bias } = inputs as Record<string, TensorInfo>;
  const s = shapeOf(z);
  const c = s.channels;
  const dz = wasm.makeOutput([...z.shape], 'float32');
  const dBias = wasm.makeOutput([c], 'float32');
  const ones = new Float32Array(c).fill(1);
  const shift = f32(wasm, bias).slice();
  const simd = simdFor(wasm, s);
  if (!simd) {
    const argmax = argmaxOf(wasm, z, ones, shift);
    reluPoolGrad(f32(wasm, dy), argmax, c, f32(wasm, dz), f32(wasm, dBias));
    return [dz, dBias];
  }
  const zeros = new Float32Array(c);
  const sums = scratchOn(wasm, c, 2, [ones, shift, zeros, ones, zeros, zeros]);
  const [sumGAt, sumGZAt, scaleAt, shiftAt, centerAt, kAt, offsetAt, slopeAt] = sums.addresses;
  const [zAt, dyAt] = [address(wasm, z), address(wasm, dy)];
  simd.routed_sums(
    zAt,
    s.batch,
    s.height,
    s.width,
    c,
    scaleAt,
    shiftAt,
    centerAt,
    dyAt,
    sumGAt,
    sumGZAt,
  );
  f32(wasm, dBias).set(sums.views()[0]);
  simd.pool_grad(
    zAt,
    s.batch,
    s.height,
    s.width,
    c,
    scaleAt,
    shiftAt,
    dyAt,
    kAt,
    offsetAt,
    slopeAt,
    address(wasm, dz),
  );
  wasm.disposeData(sums.scratch.dataId);
  return [dz, dBias];
}
