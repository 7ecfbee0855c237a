/**
 * Small datasets in the formats users import, made at test time (nothing downloaded): CIFAR-10
 * and CIFAR-100 binary batches and their tar(.gz), pixel CSVs. Each class has its own pattern,
 * so a model can learn them and a reader's mistake (a swapped channel, a shifted record) shows.
 */

/** The pixel (c = channel) of image i of class `label`: a class-specific stripe pattern. */
export function patternPixel(label: number, i: number, x: number, y: number, c: number): number {
  const stripe = ((label % 5) + 2) * (label < 5 ? x : y);
  return (stripe * 13 + c * 70 + label * 20 + (i % 7)) % 256;
}

/** A CIFAR-10 binary batch: `count` records, labels cycling 0–9, channel-major 32×32 RGB. */
export function cifarBatchBytes(count: number, firstImage = 0): Uint8Array {
  const record = 1 + 3 * 1024;
  const bytes = new Uint8Array(count * record);
  for (let n = 0; n < count; n++) {
    const i = firstImage + n;
    const label = i % 10;
    bytes[n * record] = label;
    for (let c = 0; c < 3; c++) {
      for (let y = 0; y < 32; y++) {
        for (let x = 0; x < 32; x++) {
          bytes[n * record + 1 + c * 1024 + y * 32 + x] = patternPixel(label, i, x, y, c);
        }
      }
    }
  }
  return bytes;
}

/**
 * A CIFAR-100 binary batch: `count` records of a coarse label, a fine label (cycling 0–99) and
 * channel-major 32×32 RGB; the coarse label is the fine one's fifth, as a stand-in.
 */
export function cifar100BatchBytes(count: number, firstImage = 0): Uint8Array {
  const record = 2 + 3 * 1024;
  const bytes = new Uint8Array(count * record);
  for (let n = 0; n < count; n++) {
    const i = firstImage + n;
    const fine = i % 100;
    bytes.set([Math.floor(fine / 5), fine], n * record);
    for (let c = 0; c < 3; c++) {
      for (let p = 0; p < 1024; p++) {
        bytes[n * record + 2 + c * 1024 + p] = patternPixel(fine, i, p % 32, Math.floor(p / 32), c);
      }
    }
  }
  return bytes;
}

export const CIFAR_CLASS_NAMES = [
  'airplane',
  'automobile',
  'bird',
  'cat',
  'deer',
  'dog',
  'frog',
  'horse',
  'ship',
  'truck',
];

function octalField(value: number, length: number): string {
  return value.toString(8).padStart(length - 1, '0') + '\0';
}

/** A ustar archive of the given files (as GNU tar writes one), ending in two zero blocks. */
export function tarBytes(files: readonly { name: string; data: Uint8Array }[]): Uint8Array {
  const blocks: Uint8Array[] = [];
  for (const file of files) {
    const header = new Uint8Array(512);
    const write = (text: string, at: number) => header.set(new TextEncoder().encode(text), at);
    write(file.name, 0);
    write(octalField(0o644, 8), 100);
    write(octalField(0, 8), 108);
    write(octalField(0, 8), 116);
    write(octalField(file.data.length, 12), 124);
    write(octalField(0, 12), 136);
    write('        ', 148);
    write('0', 156);
    write('ustar\0' + '00', 257);
    const sum = header.reduce((total, byte) => total + byte, 0);
    write(octalField(sum, 7) + ' ', 148);
    blocks.push(header, file.data, new Uint8Array((512 - (file.data.length % 512)) % 512));
  }
  blocks.push(new Uint8Array(1024));
  const out = new Uint8Array(blocks.reduce((total, block) => total + block.length, 0));
  let at = 0;
  for (const block of blocks) {
    out.set(block, at);
    at += block.length;
  }
  return out;
}

/** A pixel CSV of 28×28 grey images with a `label` header, classes cycling 0..numClasses-1. */
export function pixelCsvText(count: number, numClasses = 10, header = true): string {
  const lines: string[] = [];
  if (header) {
    lines.push(['label', ...Array.from({ length: 784 }, (_, p) => `pixel${p}`)].join(','));
  }
  for (let i = 0; i < count; i++) {
    const label = i % numClasses;
    const pixels = Array.from({ length: 784 }, (_, p) =>
      patternPixel(label, i, p % 28, Math.floor(p / 28), 0),
    );
    lines.push([label, ...pixels].join(','));
  }
  return lines.join('\n') + '\n';
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * A PNG of an RGB image (`rgb` row-major, 3 bytes a pixel), made with `deflate` (zlib's,
 * passed in so that this module stays free of Node imports for the browser-side tests).
 */
export function pngBytes(
  side: number,
  rgb: Uint8Array,
  deflate: (data: Uint8Array) => Uint8Array,
): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    out.set(new TextEncoder().encode(type), 4);
    out.set(data, 8);
    view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
    return out;
  };
  const header = new Uint8Array(13);
  const headerView = new DataView(header.buffer);
  headerView.setUint32(0, side);
  headerView.setUint32(4, side);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = new Uint8Array(side * (1 + side * 3));
  for (let y = 0; y < side; y++)
    rows.set(rgb.subarray(y * side * 3, (y + 1) * side * 3), y * (1 + side * 3) + 1);
  const parts = [
    Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    chunk('IHDR', header),
    chunk('IDAT', deflate(rows)),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Image i of class `label` as the RGB pixels of a side×side picture, the CIFAR fixtures' pattern. */
export function patternRgb(label: number, i: number, side: number): Uint8Array {
  const rgb = new Uint8Array(side * side * 3);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      for (let c = 0; c < 3; c++) rgb[(y * side + x) * 3 + c] = patternPixel(label, i, x, y, c);
    }
  }
  return rgb;
}
