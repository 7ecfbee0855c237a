import type { Dataset, ImageSet } from './imageSet';
import { deriveSeed, mulberry32, type Random } from './seededRandom';

export interface SyntheticOptions {
  readonly seed?: number;
  readonly numTrain?: number;
  readonly numValidation?: number;
  readonly numTest?: number;
}

const SIDE = 28;
const CENTER = (SIDE - 1) / 2;
/** Patterns drift by up to ±3 pixels, so a model must learn shapes rather than fixed pixels. */
const MAX_JITTER = 3;
const MAX_NOISE = 60;

const thin = (distance: number): boolean => Math.abs(distance) <= 1.5;
/** Distance in the max norm: its circles are squares centred on the image. */
const square = (x: number, y: number): number => Math.max(Math.abs(x), Math.abs(y));

/** One shape per class, as "is pixel (x, y) on?" with x, y relative to the image centre. */
const PATTERNS: readonly ((x: number, y: number) => boolean)[] = [
  (x, y) => thin(y) && Math.abs(x) <= 9, // horizontal bar
  (x, y) => thin(x) && Math.abs(y) <= 9, // vertical bar
  (x, y) => thin(x - y) && Math.abs(x) <= 9, // diagonal
  (x, y) => thin(x + y) && Math.abs(x) <= 9, // anti-diagonal
  (x, y) => square(x, y) <= 8 && square(x, y) >= 6.5, // square outline
  (x, y) => square(x, y) <= 4.5, // filled square
  (x, y) => (thin(x) || thin(y)) && square(x, y) <= 9, // plus
  (x, y) => (thin(x - y) || thin(x + y)) && Math.abs(x) <= 8, // cross
  (x, y) => thin(Math.hypot(x, y) - 7.5), // ring
  (x, y) => square(x, y) <= 8 && (Math.floor(x / 4) + Math.floor(y / 4)) % 2 === 0, // checkers
];

/** Ten noisy, jittered 28×28 shapes, generated from a seed: lets engine tests train in seconds. */
export function syntheticDataset(options: SyntheticOptions = {}): Dataset {
  const { seed = 1, numTrain = 500, numValidation = 100, numTest = 100 } = options;
  return {
    name: 'synthetic',
    train: generate(numTrain, mulberry32(deriveSeed(seed, 0))),
    validation: generate(numValidation, mulberry32(deriveSeed(seed, 1))),
    test: generate(numTest, mulberry32(deriveSeed(seed, 2))),
  };
}

function generate(count: number, random: Random): ImageSet {
  const size = SIDE * SIDE;
  const images = new Uint8Array(count * size);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    // Cycling through the classes keeps every split balanced.
    const label = i % PATTERNS.length;
    const pattern = PATTERNS[label];
    const dx = Math.floor(random() * (2 * MAX_JITTER + 1)) - MAX_JITTER;
    const dy = Math.floor(random() * (2 * MAX_JITTER + 1)) - MAX_JITTER;
    const brightness = 170 + random() * 85;
    for (let row = 0; row < SIDE; row++) {
      for (let col = 0; col < SIDE; col++) {
        const on = pattern(col - CENTER - dx, row - CENTER - dy);
        const value = (on ? brightness : 0) + random() * MAX_NOISE;
        images[i * size + row * SIDE + col] = Math.min(255, Math.round(value));
      }
    }
    labels[i] = label;
  }
  return {
    images,
    labels,
    count,
    rows: SIDE,
    cols: SIDE,
    channels: 1,
    numClasses: PATTERNS.length,
  };
}
