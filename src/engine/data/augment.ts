import type { Random } from './seededRandom';

/** ±2 pixels keeps MNIST-style digits, drawn in a 20×20 box, inside the 28×28 frame. */
const MAX_SHIFT = 2;

/** Draws a whole-pixel shift from -MAX_SHIFT to MAX_SHIFT, uniformly. */
export function randomShift(random: Random): number {
  return Math.floor(random() * (2 * MAX_SHIFT + 1)) - MAX_SHIFT;
}

/** Writes one image as floats in [0, 1], moved right by `dx` and down by `dy`, zero-filled. */
export function writeShiftedImage(
  out: Float32Array,
  outOffset: number,
  images: Uint8Array,
  imageOffset: number,
  rows: number,
  cols: number,
  dx: number,
  dy: number,
): void {
  for (let r = 0; r < rows; r++) {
    const fromRow = r - dy;
    const rowStart = outOffset + r * cols;
    if (fromRow < 0 || fromRow >= rows) {
      out.fill(0, rowStart, rowStart + cols);
      continue;
    }
    for (let c = 0; c < cols; c++) {
      const fromCol = c - dx;
      out[rowStart + c] =
        fromCol < 0 || fromCol >= cols ? 0 : images[imageOffset + fromRow * cols + fromCol] / 255;
    }
  }
}
