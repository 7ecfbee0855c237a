import * as Comlink from 'comlink';
import { errorMessage } from '../core';
import { DatasetImportError } from '../engine/data/import/importError';
import {
  readImport,
  type DecodePicture,
  type ImportOptions,
  type ImportResult,
  type ImportSource,
} from '../engine/data/import/readImport';

export type { ImportOptions, ImportResult };

/** A file as the page hands it over: the File, and its path with class folders. */
export interface ImportFileEntry {
  path: string;
  file: Blob;
}

/** What the page receives: the dataset read, or the message saying why not. */
export type ImportOutcome = { ok: true; result: ImportResult } | { ok: false; message: string };

/** The commands of the import worker (the page cancels an import by terminating it). */
export interface ImportApi {
  importDataset(
    files: ImportFileEntry[],
    options: ImportOptions,
    onProgress: (done: number, total: number) => void,
  ): Promise<ImportOutcome>;
}

/** createImageBitmap decodes PNG, JPEG and WebP; an OffscreenCanvas scales and reads the pixels. */
const decodePicture = async (blob: Blob, side: number): Promise<Uint8ClampedArray> => {
  const bitmap = await createImageBitmap(blob);
  try {
    const canvas = new OffscreenCanvas(side, side);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('no 2D canvas in this worker');
    context.drawImage(bitmap, 0, 0, side, side);
    return context.getImageData(0, 0, side, side).data;
  } finally {
    bitmap.close();
  }
};

const PROGRESS_EVERY_MS = 100;

/** Decoding and resizing, off the page's thread. */
export class ImportWorkerApi implements ImportApi {
  async importDataset(
    files: ImportFileEntry[],
    options: ImportOptions,
    onProgress: (done: number, total: number) => void,
  ): Promise<ImportOutcome> {
    const blobs = new Map<ImportSource, Blob>();
    const sources = files.map(({ path, file }) => {
      const source: ImportSource = {
        path,
        byteLength: file.size,
        bytes: async () => new Uint8Array(await file.arrayBuffer()),
      };
      blobs.set(source, file);
      return source;
    });
    const decode: DecodePicture = (source, side) =>
      decodePicture(blobs.get(source) ?? new Blob(), side);
    let last = 0;
    const progress = (done: number, total: number) => {
      const now = Date.now();
      if (now - last < PROGRESS_EVERY_MS && done < total) return;
      last = now;
      void onProgress(done, total);
    };
    try {
      const result = await readImport(sources, options, decode, progress);
      void onProgress(1, 1);
      const buffers = [result.train, result.heldOut].flatMap((set) => [
        set.images.buffer as ArrayBuffer,
        set.labels.buffer as ArrayBuffer,
      ]);
      return Comlink.transfer({ ok: true, result }, [...new Set(buffers)]);
    } catch (error) {
      // A reader's message names the file; anything else is said as it came.
      const message =
        error instanceof DatasetImportError
          ? error.message
          : `The import failed: ${errorMessage(error)}`;
      return { ok: false, message };
    }
  }
}
