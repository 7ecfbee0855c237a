// The conv block's tail (per-channel affine, ReLU, 2x2 max-pool with stride 2, NHWC) with
// wasm SIMD, four channels per vector: branch-free window maxima, where the JavaScript version
// mispredicts a branch per compare. Built by `npm run simd` into simdBinary.ts.
//
// The module imports tfjs-backend-wasm's memory and reads and writes tensors in place. It must
// not touch memory of its own: no globals, no arrays on the stack, no libc (checked by the
// build, which rejects any use of __stack_pointer or a data segment).
#include <wasm_simd128.h>

#include "share.h"

typedef struct {
  v128_t y0, y1, y2, y3;  // the window's four affine values
  v128_t m0, m1, m2, m3;  // all-ones where that position is the window's first positive max
  v128_t best;            // relu(max)
} Window;

static inline Window window_at(const float* z, int p0, int p1, int p2, int p3, v128_t a,
                               v128_t b) {
  Window w;
  w.y0 = wasm_f32x4_add(wasm_f32x4_mul(wasm_v128_load(z + p0), a), b);
  w.y1 = wasm_f32x4_add(wasm_f32x4_mul(wasm_v128_load(z + p1), a), b);
  w.y2 = wasm_f32x4_add(wasm_f32x4_mul(wasm_v128_load(z + p2), a), b);
  w.y3 = wasm_f32x4_add(wasm_f32x4_mul(wasm_v128_load(z + p3), a), b);
  // max, not pmax: a NaN must reach the loss (as through tfjs's relu and max-pool), or a
  // diverged model would report a finite loss with NaN weights.
  v128_t best = wasm_f32x4_max(wasm_f32x4_max(w.y0, w.y1), wasm_f32x4_max(w.y2, w.y3));
  w.best = wasm_f32x4_max(best, wasm_f32x4_splat(0.0f));
  v128_t positive = wasm_f32x4_gt(w.best, wasm_f32x4_splat(0.0f));
  v128_t taken = wasm_v128_not(positive);
  w.m0 = wasm_v128_andnot(wasm_f32x4_eq(w.y0, w.best), taken);
  taken = wasm_v128_or(taken, w.m0);
  w.m1 = wasm_v128_andnot(wasm_f32x4_eq(w.y1, w.best), taken);
  taken = wasm_v128_or(taken, w.m1);
  w.m2 = wasm_v128_andnot(wasm_f32x4_eq(w.y2, w.best), taken);
  taken = wasm_v128_or(taken, w.m2);
  w.m3 = wasm_v128_andnot(wasm_f32x4_eq(w.y3, w.best), taken);
  return w;
}

// pooled = maxPool2x2(relu(z * scale + shift)); channels a multiple of 4.
__attribute__((export_name("affine_relu_pool"))) void affine_relu_pool(
    const float* z, int batch, int height, int width, int channels, const float* scale,
    const float* shift, float* pooled, int part, int parts) {
  const int outH = height / 2, outW = width / 2, row = width * channels;
  const Range images = share(batch, part, parts);
  int o = images.from * outH * outW * channels;
  for (int n = images.from; n < images.to; n++) {
    for (int oh = 0; oh < outH; oh++) {
      const int top = (n * height + 2 * oh) * row;
      for (int ow = 0; ow < outW; ow++) {
        const int p0 = top + 2 * ow * channels;
        for (int c = 0; c < channels; c += 4, o += 4) {
          Window w = window_at(z, p0 + c, p0 + channels + c, p0 + row + c,
                               p0 + row + channels + c, wasm_v128_load(scale + c),
                               wasm_v128_load(shift + c));
          wasm_v128_store(pooled + o, w.best);
        }
      }
    }
  }
}

// Per channel, the sums over the routed gradient g (dpooled at each window's first positive
// max) of g and of g * (z - center), in float64: the batch-norm backward's two reductions.
__attribute__((export_name("routed_sums"))) void routed_sums(
    const float* z, int batch, int height, int width, int channels, const float* scale,
    const float* shift, const float* center, const float* dpooled, double* sumG,
    double* sumGZ, int part, int parts) {
  const int outH = height / 2, outW = width / 2, row = width * channels;
  // Each part sums its own channels (in fours) over the whole batch.
  const Range quads = share(channels / 4, part, parts);
  const int c0 = quads.from * 4, c1 = quads.to * 4;
  for (int c = c0; c < c1; c++) sumG[c] = sumGZ[c] = 0;
  int o0 = 0;
  for (int n = 0; n < batch; n++) {
    for (int oh = 0; oh < outH; oh++) {
      const int top = (n * height + 2 * oh) * row;
      for (int c = c0; c < c1; c += 4) {
        const v128_t a = wasm_v128_load(scale + c), b = wasm_v128_load(shift + c);
        const v128_t mid = wasm_v128_load(center + c);
        // One row of windows summed in float32, then added in float64.
        v128_t g = wasm_f32x4_splat(0.0f), gz = wasm_f32x4_splat(0.0f);
        for (int ow = 0; ow < outW; ow++) {
          const int p0 = top + 2 * ow * channels + c;
          Window w = window_at(z, p0, p0 + channels, p0 + row, p0 + row + channels, a, b);
          const v128_t dAll = wasm_v128_load(dpooled + o0 + ow * channels + c);
          v128_t zAt = wasm_v128_and(w.m0, wasm_v128_load(z + p0));
          zAt = wasm_v128_or(zAt, wasm_v128_and(w.m1, wasm_v128_load(z + p0 + channels)));
          zAt = wasm_v128_or(zAt, wasm_v128_and(w.m2, wasm_v128_load(z + p0 + row)));
          zAt = wasm_v128_or(zAt, wasm_v128_and(w.m3, wasm_v128_load(z + p0 + row + channels)));
          // Windows ReLU zeroed route nothing.
          const v128_t any = wasm_v128_or(wasm_v128_or(w.m0, w.m1), wasm_v128_or(w.m2, w.m3));
          const v128_t d = wasm_v128_and(dAll, any);
          g = wasm_f32x4_add(g, d);
          gz = wasm_f32x4_add(gz, wasm_f32x4_mul(d, wasm_f32x4_sub(zAt, mid)));
        }
        sumG[c] += wasm_f32x4_extract_lane(g, 0);
        sumG[c + 1] += wasm_f32x4_extract_lane(g, 1);
        sumG[c + 2] += wasm_f32x4_extract_lane(g, 2);
        sumG[c + 3] += wasm_f32x4_extract_lane(g, 3);
        sumGZ[c] += wasm_f32x4_extract_lane(gz, 0);
        sumGZ[c + 1] += wasm_f32x4_extract_lane(gz, 1);
        sumGZ[c + 2] += wasm_f32x4_extract_lane(gz, 2);
        sumGZ[c + 3] += wasm_f32x4_extract_lane(gz, 3);
      }
      o0 += outW * channels;
    }
  }
}

// dz = offset + slope * z + k * routed g, per channel: the batch-norm backward (or, with
// offset = slope = 0 and k = 1, the routing alone). Rows and columns past an odd edge, in no
// window, get offset + slope * z.
__attribute__((export_name("pool_grad"))) void pool_grad(
    const float* z, int batch, int height, int width, int channels, const float* scale,
    const float* shift, const float* dpooled, const float* k, const float* offset,
    const float* slope, float* dz, int part, int parts) {
  const int outH = height / 2, outW = width / 2, row = width * channels;
  const Range images = share(batch, part, parts);
  int o = images.from * outH * outW * channels;
  for (int n = images.from; n < images.to; n++) {
    for (int oh = 0; oh < outH; oh++) {
      const int top = (n * height + 2 * oh) * row;
      for (int ow = 0; ow < outW; ow++) {
        const int p0 = top + 2 * ow * channels;
        for (int c = 0; c < channels; c += 4, o += 4) {
          const int q0 = p0 + c, q1 = q0 + channels, q2 = q0 + row, q3 = q2 + channels;
          Window w = window_at(z, q0, q1, q2, q3, wasm_v128_load(scale + c),
                               wasm_v128_load(shift + c));
          const v128_t kg = wasm_f32x4_mul(wasm_v128_load(k + c), wasm_v128_load(dpooled + o));
          const v128_t off = wasm_v128_load(offset + c), sl = wasm_v128_load(slope + c);
          wasm_v128_store(dz + q0, wasm_f32x4_add(wasm_f32x4_add(off, wasm_f32x4_mul(sl, wasm_v128_load(z + q0))), wasm_v128_and(w.m0, kg)));
          wasm_v128_store(dz + q1, wasm_f32x4_add(wasm_f32x4_add(off, wasm_f32x4_mul(sl, wasm_v128_load(z + q1))), wasm_v128_and(w.m1, kg)));
          wasm_v128_store(dz + q2, wasm_f32x4_add(wasm_f32x4_add(off, wasm_f32x4_mul(sl, wasm_v128_load(z + q2))), wasm_v128_and(w.m2, kg)));
          wasm_v128_store(dz + q3, wasm_f32x4_add(wasm_f32x4_add(off, wasm_f32x4_mul(sl, wasm_v128_load(z + q3))), wasm_v128_and(w.m3, kg)));
        }
      }
      // An odd width's last column.
      for (int r = 0; r < 2 && (width & 1); r++) {
        const int p = top + r * row + (width - 1) * channels;
        for (int c = 0; c < channels; c += 4) {
          const v128_t v = wasm_v128_load(z + p + c);
          wasm_v128_store(dz + p + c, wasm_f32x4_add(wasm_v128_load(offset + c), wasm_f32x4_mul(wasm_v128_load(slope + c), v)));
        }
      }
    }
    // An odd height's last row.
    if (height & 1) {
      const int p = (n * height + height - 1) * row;
      for (int i = 0; i < row; i += 4) {
        const int c = i % channels;
        const v128_t v = wasm_v128_load(z + p + i);
        wasm_v128_store(dz + p + i, wasm_f32x4_add(wasm_v128_load(offset + c), wasm_f32x4_mul(wasm_v128_load(slope + c), v)));
      }
    }
  }
}

// Per channel, sums of (z - pivot) and (z - pivot)^2 over all rows in float64, the pivot being
// the first row (it keeps E[d^2] - E[d]^2 free of cancellation when the mean is large). Blocks
// of 64 rows are summed in float32 registers, four channels at a time, from L1.
__attribute__((export_name("channel_moments"))) void channel_moments(
    const float* z, int rows, int channels, double* sum, double* sumSq, int part, int parts) {
  // Each part sums its own channels (in fours) over all rows.
  const Range quads = share(channels / 4, part, parts);
  const int c0 = quads.from * 4, c1 = quads.to * 4;
  for (int c = c0; c < c1; c++) sum[c] = sumSq[c] = 0;
  for (int r0 = 0; r0 < rows; r0 += 64) {
    const int r1 = r0 + 64 < rows ? r0 + 64 : rows;
    for (int c = c0; c < c1; c += 4) {
      const v128_t pivot = wasm_v128_load(z + c);
      v128_t s = wasm_f32x4_splat(0.0f), q = s;
      for (int r = r0; r < r1; r++) {
        const v128_t d = wasm_f32x4_sub(wasm_v128_load(z + r * channels + c), pivot);
        s = wasm_f32x4_add(s, d);
        q = wasm_f32x4_add(q, wasm_f32x4_mul(d, d));
      }
      sum[c] += wasm_f32x4_extract_lane(s, 0);
      sum[c + 1] += wasm_f32x4_extract_lane(s, 1);
      sum[c + 2] += wasm_f32x4_extract_lane(s, 2);
      sum[c + 3] += wasm_f32x4_extract_lane(s, 3);
      sumSq[c] += wasm_f32x4_extract_lane(q, 0);
      sumSq[c + 1] += wasm_f32x4_extract_lane(q, 1);
      sumSq[c + 2] += wasm_f32x4_extract_lane(q, 2);
      sumSq[c + 3] += wasm_f32x4_extract_lane(q, 3);
    }
  }
}
