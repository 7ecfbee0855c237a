/** The parts of tfjs's Conv2DInfo that locate a convolution's input patches (NHWC). */
interface PatchGeometry {
  batchSize: number;
  inHeight: number;
  inWidth: number;
  inChannels: number;
  outHeight: number;
  outWidth: number;
  strideHeight: number;
  strideWidth: number;
  dilationHeight: number;
  dilationWidth: number;
  filterHeight: number;
  filterWidth: number;
  padInfo: { top: number; left: number };
}

/**
 * Caffe-style im2col for NHWC input: row (kh, kw, c), column (n, oh, ow), zeros where a
 * patch hangs over the padding. Rows are contiguous so a plain (untransposed) matmul
 * consumes them; `out` must hold filterH·filterW·inC × batch·outH·outW floats.
 */
export function im2col(x: Float32Array, g: PatchGeometry, out: Float32Array): void {
  const c = g.inChannels;
  const rowStride = g.inWidth * c;
  const imageStride = g.inHeight * rowStride;
  let o = 0;
  for (let kh = 0; kh < g.filterHeight; kh++) {
    for (let kw = 0; kw < g.filterWidth; kw++) {
      for (let ch = 0; ch < c; ch++) {
        for (let n = 0; n < g.batchSize; n++) {
          const image = n * imageStride + ch;
          for (let oh = 0; oh < g.outHeight; oh++) {
            const ih = oh * g.strideHeight - g.padInfo.top + kh * g.dilationHeight;
            if (ih < 0 || ih >= g.inHeight) {
              out.fill(0, o, o + g.outWidth);
              o += g.outWidth;
              continue;
            }
            const row = image + ih * rowStride;
            for (let ow = 0; ow < g.outWidth; ow++) {
              const iw = ow * g.strideWidth - g.padInfo.left + kw * g.dilationWidth;
              out[o++] = iw >= 0 && iw < g.inWidth ? x[row + iw * c] : 0;
            }
          }
        }
      }
    }
  }
}
