/**
 * The tail of a conv block (batch norm or bias, ReLU, 2×2 max-pool with stride 2, NHWC) as a
 * few passes over plain arrays, forward and backward, instead of ~40 small tfjs kernels.
 */

/** Shape of the conv output z: [batch, height, width, channels]. */
export interface BlockShape {
  batch: number;
  height: number;
  width: number;
  channels: number;
}

/** Rows per block of the moments pass: 1024 rows of 16–64 channels stay in L2. */
const ROWS_PER_BLOCK = 1024;

/**
 * Per channel, the mean and biased variance of z over every other axis, accumulated in
 * float64 (E[z²] − mean² in float64 loses nothing that matters for conv outputs). Blocks of
 * rows with four channels' running sums in locals: ~3× faster than arrays of sums.
 */
export function channelMoments(
  z: Float32Array,
  channels: number,
  mean: Float32Array,
  variance: Float32Array,
): void {
  const rows = z.length / channels;
  const sum = new Float64Array(channels);
  const sumSq = new Float64Array(channels);
  for (let r0 = 0; r0 < rows; r0 += ROWS_PER_BLOCK) {
    const end = Math.min(rows, r0 + ROWS_PER_BLOCK) * channels;
    let c = 0;
    for (; c + 4 <= channels; c += 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let q0 = 0;
      let q1 = 0;
      let q2 = 0;
      let q3 = 0;
      for (let i = r0 * channels + c; i < end; i += channels) {
        const v0 = z[i];
        const v1 = z[i + 1];
        const v2 = z[i + 2];
        const v3 = z[i + 3];
        s0 += v0;
        s1 += v1;
        s2 += v2;
        s3 += v3;
        q0 += v0 * v0;
        q1 += v1 * v1;
        q2 += v2 * v2;
        q3 += v3 * v3;
      }
      sum[c] += s0;
      sum[c + 1] += s1;
      sum[c + 2] += s2;
      sum[c + 3] += s3;
      sumSq[c] += q0;
      sumSq[c + 1] += q1;
      sumSq[c + 2] += q2;
      sumSq[c + 3] += q3;
    }
    for (; c < channels; c++) {
      for (let i = r0 * channels + c; i < end; i += channels) {
        sum[c] += z[i];
        sumSq[c] += z[i] * z[i];
      }
    }
  }
  for (let c = 0; c < channels; c++) {
    const m = sum[c] / rows;
    mean[c] = m;
    variance[c] = Math.max(0, sumSq[c] / rows - m * m);
  }
}

/**
 * pooled = maxPool2×2(relu(z · scale + shift)), and for each pooled value the index in z of
 * the first (row-major) largest positive input of its window, or −1 where ReLU zeroed the whole
 * window (its gradient is then 0, as ReLU's is at 0). Windows past an odd edge are dropped
 * ('valid').
 */
export function affineReluPool(
  z: Float32Array,
  s: BlockShape,
  scale: Float32Array,
  shift: Float32Array,
  pooled: Float32Array,
  argmax: Int32Array,
): void {
  const c = s.channels;
  const outH = Math.floor(s.height / 2);
  const outW = Math.floor(s.width / 2);
  const row = s.width * c;
  let o = 0;
  for (let n = 0; n < s.batch; n++) {
    for (let oh = 0; oh < outH; oh++) {
      const top = (n * s.height + 2 * oh) * row;
      for (let ow = 0; ow < outW; ow++) {
        const p0 = top + 2 * ow * c;
        const p1 = p0 + c;
        const p2 = p0 + row;
        const p3 = p2 + c;
        for (let ch = 0; ch < c; ch++, o++) {
          const a = scale[ch];
          const b = shift[ch];
          let best = 0;
          let at = -1;
          const v0 = z[p0 + ch] * a + b;
          if (v0 > best) {
            best = v0;
            at = p0 + ch;
          }
          const v1 = z[p1 + ch] * a + b;
          if (v1 > best) {
            best = v1;
            at = p1 + ch;
          }
          const v2 = z[p2 + ch] * a + b;
          if (v2 > best) {
            best = v2;
            at = p2 + ch;
          }
          const v3 = z[p3 + ch] * a + b;
          if (v3 > best) {
            best = v3;
            at = p3 + ch;
          }
          pooled[o] = best;
          argmax[o] = at;
        }
      }
    }
  }
}

/**
 * Backward of affineReluPool without batch norm: dz = dpooled routed to each window's argmax
 * (0 elsewhere), dShift = Σ of what was routed per channel (float64).
 */
export function reluPoolGrad(
  dPooled: Float32Array,
  argmax: Int32Array,
  channels: number,
  dz: Float32Array,
  dShift: Float32Array,
): void {
  dz.fill(0);
  const sums = new Float64Array(channels);
  for (let i = 0, ch = 0; i < argmax.length; i++, ch = ch + 1 === channels ? 0 : ch + 1) {
    const at = argmax[i];
    if (at < 0) continue;
    dz[at] += dPooled[i];
    sums[ch] += dPooled[i];
  }
  dShift.set(sums);
}

/** What the batch-norm backward needs from the forward pass, per channel. */
interface NormStats {
  gamma: Float32Array;
  mean: Float32Array;
  variance: Float32Array;
  epsilon: number;
}

/**
 * Backward of relu(batchNorm(z)) followed by the pool, in three passes: the sums Σdy and
 * Σdy·x̂ over the routed values only (dy is zero elsewhere), then dz = k·(dy − Σdy/M − x̂·Σdy·x̂/M)
 * with k = γ/σ, written as a per-channel affine function of z plus k·dy at the argmaxes.
 */
export function bnReluPoolGrad(
  dPooled: Float32Array,
  argmax: Int32Array,
  z: Float32Array,
  stats: NormStats,
  dz: Float32Array,
  dGamma: Float32Array,
  dBeta: Float32Array,
): void {
  const channels = stats.gamma.length;
  const rows = z.length / channels;
  const invStd = new Float64Array(channels);
  for (let c = 0; c < channels; c++) invStd[c] = 1 / Math.sqrt(stats.variance[c] + stats.epsilon);
  const sumDy = new Float64Array(channels);
  const sumDyX = new Float64Array(channels);
  for (let i = 0, ch = 0; i < argmax.length; i++, ch = ch + 1 === channels ? 0 : ch + 1) {
    const at = argmax[i];
    if (at < 0) continue;
    const g = dPooled[i];
    sumDy[ch] += g;
    sumDyX[ch] += g * (z[at] - stats.mean[ch]) * invStd[ch];
  }
  const k = new Float32Array(channels);
  const offset = new Float32Array(channels);
  const slope = new Float32Array(channels);
  for (let c = 0; c < channels; c++) {
    const kc = stats.gamma[c] * invStd[c];
    const m1 = sumDy[c] / rows;
    const m2 = sumDyX[c] / rows;
    k[c] = kc;
    // k·(−m1 − (z − mean)·invStd·m2) = offset + slope·z
    offset[c] = kc * (stats.mean[c] * invStd[c] * m2 - m1);
    slope[c] = -kc * invStd[c] * m2;
    dBeta[c] = sumDy[c];
    dGamma[c] = sumDyX[c];
  }
  for (let r = 0, i = 0; r < rows; r++) {
    for (let c = 0; c < channels; c++, i++) dz[i] = offset[c] + slope[c] * z[i];
  }
  for (let i = 0, ch = 0; i < argmax.length; i++, ch = ch + 1 === channels ? 0 : ch + 1) {
    const at = argmax[i];
    if (at >= 0) dz[at] += k[ch] * dPooled[i];
  }
}
