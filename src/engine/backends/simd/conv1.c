// Convolutions with one input channel (the first layer on grey images), stride 1, NHWC, with
// wasm SIMD over the output channels: XNNPACK's GEMM has a depth of only fh*fw there, and the
// filter gradient's im2col matmul is 9 x batch*H*W by batch*H*W x outC. outC a multiple of 4.
#include <wasm_simd128.h>

#include "share.h"

// Taps that hang over the padding are skipped: output rows [y0, y1) and columns [x0, x1)
// read inside the image for tap offset (dy, dx).
static inline int lo(int offset) { return offset < 0 ? -offset : 0; }
static inline int hi(int offset, int in, int out) {
  const int end = in - offset;
  return end < out ? end : out;
}

// dw[kh, kw, 0, o] = sum over n, y, x of x[n, y + kh - padTop, x + kw - padLeft] * dy[n, y, x, o]
__attribute__((export_name("conv1_filter_grad"))) void conv1_filter_grad(
    const float* x, const float* dy, int batch, int height, int width, int outH, int outW,
    int outC, int fh, int fw, int padTop, int padLeft, float* dw, int part, int parts) {
  // Each part computes its own taps, over the whole batch.
  const Range taps = share(fh * fw, part, parts);
  for (int tap = taps.from; tap < taps.to; tap++) {
    const int kh = tap / fw, kw = tap % fw;
    const int oy = kh - padTop, y0 = lo(oy), y1 = hi(oy, height, outH);
    const int ox = kw - padLeft, x0 = lo(ox), x1 = hi(ox, width, outW);
    float* out = dw + (kh * fw + kw) * outC;
    int c = 0;
    // Four vectors (16 channels) per pass over the pixels, then one.
    for (; c + 16 <= outC; c += 16) {
      v128_t a0 = wasm_f32x4_splat(0.0f), a1 = a0, a2 = a0, a3 = a0;
      for (int n = 0; n < batch; n++) {
        for (int y = y0; y < y1; y++) {
          const float* xRow = x + (n * height + y + oy) * width + ox;
          const float* dRow = dy + ((n * outH + y) * outW) * outC + c;
          for (int xx = x0; xx < x1; xx++) {
            const v128_t v = wasm_f32x4_splat(xRow[xx]);
            const float* d = dRow + xx * outC;
            a0 = wasm_f32x4_add(a0, wasm_f32x4_mul(v, wasm_v128_load(d)));
            a1 = wasm_f32x4_add(a1, wasm_f32x4_mul(v, wasm_v128_load(d + 4)));
            a2 = wasm_f32x4_add(a2, wasm_f32x4_mul(v, wasm_v128_load(d + 8)));
            a3 = wasm_f32x4_add(a3, wasm_f32x4_mul(v, wasm_v128_load(d + 12)));
          }
        }
      }
      wasm_v128_store(out + c, a0);
      wasm_v128_store(out + c + 4, a1);
      wasm_v128_store(out + c + 8, a2);
      wasm_v128_store(out + c + 12, a3);
    }
    for (; c < outC; c += 4) {
      v128_t a = wasm_f32x4_splat(0.0f);
      for (int n = 0; n < batch; n++) {
        for (int y = y0; y < y1; y++) {
          const float* xRow = x + (n * height + y + oy) * width + ox;
          const float* dRow = dy + ((n * outH + y) * outW) * outC + c;
          for (int xx = x0; xx < x1; xx++) {
            a = wasm_f32x4_add(a, wasm_f32x4_mul(wasm_f32x4_splat(xRow[xx]),
                                                 wasm_v128_load(dRow + xx * outC)));
          }
        }
      }
      wasm_v128_store(out + c, a);
    }
  }
}

// y[n, oy, ox, o] = sum over taps of x[n, oy + kh - padTop, ox + kw - padLeft] * f[kh, kw, 0, o],
// 16 channels at a time in registers, then 4.
__attribute__((export_name("conv1_forward"))) void conv1_forward(
    const float* x, const float* f, int batch, int height, int width, int outH, int outW,
    int outC, int fh, int fw, int padTop, int padLeft, float* y, int part, int parts) {
  const Range images = share(batch, part, parts);
  for (int n = images.from; n < images.to; n++) {
    for (int oy = 0; oy < outH; oy++) {
      const int kh0 = lo(oy - padTop), kh1 = hi(oy - padTop, height, fh);
      for (int ox = 0; ox < outW; ox++) {
        const int kw0 = lo(ox - padLeft), kw1 = hi(ox - padLeft, width, fw);
        const float* image = x + (n * height + oy - padTop) * width + ox - padLeft;
        float* out = y + ((n * outH + oy) * outW + ox) * outC;
        int c = 0;
        for (; c + 16 <= outC; c += 16) {
          v128_t a0 = wasm_f32x4_splat(0.0f), a1 = a0, a2 = a0, a3 = a0;
          for (int kh = kh0; kh < kh1; kh++) {
            for (int kw = kw0; kw < kw1; kw++) {
              const v128_t v = wasm_f32x4_splat(image[kh * width + kw]);
              const float* t = f + (kh * fw + kw) * outC + c;
              a0 = wasm_f32x4_add(a0, wasm_f32x4_mul(v, wasm_v128_load(t)));
              a1 = wasm_f32x4_add(a1, wasm_f32x4_mul(v, wasm_v128_load(t + 4)));
              a2 = wasm_f32x4_add(a2, wasm_f32x4_mul(v, wasm_v128_load(t + 8)));
              a3 = wasm_f32x4_add(a3, wasm_f32x4_mul(v, wasm_v128_load(t + 12)));
            }
          }
          wasm_v128_store(out + c, a0);
          wasm_v128_store(out + c + 4, a1);
          wasm_v128_store(out + c + 8, a2);
          wasm_v128_store(out + c + 12, a3);
        }
        for (; c < outC; c += 4) {
          v128_t a = wasm_f32x4_splat(0.0f);
          for (int kh = kh0; kh < kh1; kh++) {
            for (int kw = kw0; kw < kw1; kw++) {
              const v128_t v = wasm_f32x4_splat(image[kh * width + kw]);
              a = wasm_f32x4_add(a, wasm_f32x4_mul(v, wasm_v128_load(f + (kh * fw + kw) * outC + c)));
            }
          }
          wasm_v128_store(out + c, a);
        }
      }
    }
  }
}
