// The filter gradient of a stride-1 convolution (NHWC, any input channels, output channels in
// sixteens) with wasm SIMD: dw[kh, kw, i, o] = sum over n, y, x of
// x[n, y + kh - padTop, x + kw - padLeft, i] * dy[n, y, x, o]. Image by image, so one image of x
// and dy stays in cache while every tap, input-channel pair and block of 16 output channels
// sweeps it; eight accumulators (2 input channels x 16 output channels) stay in registers.
// A part computes its own (tap, input-channel pair) units over the whole batch.
#include <wasm_simd128.h>

#include "share.h"

__attribute__((export_name("conv_filter_grad"))) void conv_filter_grad(
    const float* x, const float* dy, int batch, int height, int width, int inC, int outH,
    int outW, int outC, int fh, int fw, int padTop, int padLeft, float* dw, int part,
    int parts) {
  // An odd last input channel pairs with itself; its second result is dropped.
  const int pairs = (inC + 1) / 2;
  const Range units = share(fh * fw * pairs, part, parts);
  for (int u = units.from; u < units.to; u++) {
    const int tap = u / pairs, i = (u % pairs) * 2, j = i + 1 < inC ? i + 1 : i;
    for (int o = 0; o < outC; o++) dw[(tap * inC + i) * outC + o] = 0;
    for (int o = 0; o < outC; o++) dw[(tap * inC + j) * outC + o] = 0;
  }
  for (int n = 0; n < batch; n++) {
    const float* image = x + n * height * width * inC;
    const float* grads = dy + n * outH * outW * outC;
    for (int u = units.from; u < units.to; u++) {
      const int tap = u / pairs, kh = tap / fw, kw = tap % fw;
      const int i = (u % pairs) * 2, j = i + 1 < inC ? i + 1 : i;
      const int oy = kh - padTop, ox = kw - padLeft;
      const int y0 = oy < 0 ? -oy : 0;
      const int y1 = height - oy < outH ? height - oy : outH;
      const int x0 = ox < 0 ? -ox : 0;
      const int x1 = width - ox < outW ? width - ox : outW;
      for (int o = 0; o < outC; o += 16) {
        float* wa = dw + (tap * inC + i) * outC + o;
        float* wb = dw + (tap * inC + j) * outC + o;
        v128_t a0 = wasm_v128_load(wa), a1 = wasm_v128_load(wa + 4);
        v128_t a2 = wasm_v128_load(wa + 8), a3 = wasm_v128_load(wa + 12);
        v128_t b0 = wasm_f32x4_splat(0.0f), b1 = b0, b2 = b0, b3 = b0;
        for (int y = y0; y < y1; y++) {
          const float* xRow = image + ((y + oy) * width + ox) * inC;
          const float* dRow = grads + y * outW * outC + o;
          for (int xx = x0; xx < x1; xx++) {
            const float* px = xRow + xx * inC;
            const v128_t va = wasm_f32x4_splat(px[i]), vb = wasm_f32x4_splat(px[j]);
            const float* d = dRow + xx * outC;
            const v128_t d0 = wasm_v128_load(d), d1 = wasm_v128_load(d + 4);
            const v128_t d2 = wasm_v128_load(d + 8), d3 = wasm_v128_load(d + 12);
            a0 = wasm_f32x4_add(a0, wasm_f32x4_mul(va, d0));
            a1 = wasm_f32x4_add(a1, wasm_f32x4_mul(va, d1));
            a2 = wasm_f32x4_add(a2, wasm_f32x4_mul(va, d2));
            a3 = wasm_f32x4_add(a3, wasm_f32x4_mul(va, d3));
            b0 = wasm_f32x4_add(b0, wasm_f32x4_mul(vb, d0));
            b1 = wasm_f32x4_add(b1, wasm_f32x4_mul(vb, d1));
            b2 = wasm_f32x4_add(b2, wasm_f32x4_mul(vb, d2));
            b3 = wasm_f32x4_add(b3, wasm_f32x4_mul(vb, d3));
          }
        }
        wasm_v128_store(wa, a0);
        wasm_v128_store(wa + 4, a1);
        wasm_v128_store(wa + 8, a2);
        wasm_v128_store(wa + 12, a3);
        if (j != i) {
          wasm_v128_store(wb, wasm_f32x4_add(wasm_v128_load(wb), b0));
          wasm_v128_store(wb + 4, wasm_f32x4_add(wasm_v128_load(wb + 4), b1));
          wasm_v128_store(wb + 8, wasm_f32x4_add(wasm_v128_load(wb + 8), b2));
          wasm_v128_store(wb + 12, wasm_f32x4_add(wasm_v128_load(wb + 12), b3));
        }
      }
    }
  }
}
