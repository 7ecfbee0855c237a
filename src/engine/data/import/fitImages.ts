import type { ImportedImages } from './importedImages';

/** Rec. 601 luma, the weights of most image libraries' grey conversion. */
const LUMA = [0.299, 0.587, 0.114];

/**
 * The images at `side`×`side` with `channels` channels: resized by bilinear sampling of pixel
 * centres (none when the size matches), colour turned to luma grey, grey repeated as RGB.
 */
export function fitImages(set: ImportedImages, side: number, channels: 1 | 3): ImportedImages {
  if (set.rows === side && set.cols === side && set.channels === channels) return set;
  const { rows, cols, channels: from, count } = set;
  const images = new Uint8Array(count * side * side * channels);
  const scaleY = rows / side;
  const scaleX = cols / side;
  const value = (image: number, y: number, x: number, c: number) =>
    set.images[image + (y * cols + x) * from + c];
  for (let i = 0; i < count; i++) {
    const image = i * rows * cols * from;
    for (let y = 0; y < side; y++) {
      const sy = Math.min(rows - 1, Math.max(0, (y + 0.5) * scaleY - 0.5));
      const y0 = Math.floor(sy);
      const y1 = Math.min(rows - 1, y0 + 1);
      const fy = sy - y0;
      for (let x = 0; x < side; x++) {
        const sx = Math.min(cols - 1, Math.max(0, (x + 0.5) * scaleX - 0.5));
        const x0 = Math.floor(sx);
        const x1 = Math.min(cols - 1, x0 + 1);
        const fx = sx - x0;
        const sample = (c: number) =>
          (value(image, y0, x0, c) * (1 - fx) + value(image, y0, x1, c) * fx) * (1 - fy) +
          (value(image, y1, x0, c) * (1 - fx) + value(image, y1, x1, c) * fx) * fy;
        const out = ((i * side + y) * side + x) * channels;
        if (channels === from) {
          for (let c = 0; c < channels; c++) images[out + c] = Math.round(sample(c));
        } else if (channels === 1) {
          images[out] = Math.round(LUMA[0] * sample(0) + LUMA[1] * sample(1) + LUMA[2] * sample(2));
        } else {
          images.fill(Math.round(sample(0)), out, out + 3);
        }
      }
    }
  }
  return { ...set, images, rows: side, cols: side, channels };
}

/** One decoded RGBA picture (as canvases give them) as a single image of `channels`. */
export function fromRgba(rgba: Uint8ClampedArray, side: number, channels: 1 | 3): Uint8Array {
  const out = new Uint8Array(side * side * channels);
  for (let p = 0; p < side * side; p++) {
    const [r, g, b] = [rgba[p * 4], rgba[p * 4 + 1], rgba[p * 4 + 2]];
    if (channels === 1) out[p] = Math.round(LUMA[0] * r + LUMA[1] * g + LUMA[2] * b);
    else out.set([r, g, b], p * 3);
  }
  return out;
}
