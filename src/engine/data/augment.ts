import type { Random } from './seededRandom';

/** ±2 pixels keeps MNIST-style digits, drawn in a 20×20 box, inside the 28×28 frame. */
const MAX_SHIFT = 2;

/** Draws a whole-pixel shift from -MAX_SHIFT to MAX_SHIFT, uniformly. */
export function randomShift(random: Random): number {
  return Math.floor(random() * (2 * MAX_SHIFT + 1)) - MAX_SHIFT;
}

/** An image's layout: HWC, `channels` values per pixel. */
export interface ImageLayout {
  rows: number;
  cols: number;
  channels: number;
}

/**
 * Writes one image as floats in [0, 1], moved right by `dx` and down by `dy`, zero-filled;
 * every channel of a pixel moves with it.
 */
export function writeShiftedImage(
  out: Float32Array,
  outOffset: number,
  images: Uint8Array,
  imageOffset: number,
  { rows, cols, channels }: ImageLayout,
  dx: number,
  dy: number,
): void {
  const rowLength = cols * channels;
  for (let r = 0; r < rows; r++) {
    const fromRow = r - dy;
    const rowStart = outOffset + r * rowLength;
    if (fromRow < 0 || fromRow >= rows) {
      out.fill(0, rowStart, rowStart + rowLength);
      continue;
    }
    for (let c = 0; c < cols; c++) {
      const fromCol = c - dx;
      const to = rowStart + c * channels;
      const from = imageOffset + (fromRow * cols + fromCol) * channels;
      for (let ch = 0; ch < channels; ch++) {
        out[to + ch] = fromCol < 0 || fromCol >= cols ? 0 : images[from + ch] / 255;
      }
    }
  }
}
