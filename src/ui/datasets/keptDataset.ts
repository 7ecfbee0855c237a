import type { ImportedDatasetName } from '../../core';
import type { ImportResult } from '../../worker/importWorkerApi';

/** What the Dataset picker lists of a kept dataset; its images are stored apart. */
export interface KeptDatasetInfo {
  /** `imported:<id>`: the session's dataset, and what a share link carries. */
  name: ImportedDatasetName;
  /** What the user's files were called: the folder, the CSV, or CIFAR-10. */
  title: string;
  format: ImportResult['format'];
  classNames: string[];
  side: number;
  channels: 1 | 3;
  numTrain: number;
  numHeldOut: number;
  heldOutFrom: ImportResult['heldOutFrom'];
  /** Bytes of pixels and labels kept. */
  byteLength: number;
  importedAt: number;
}

/** The pixels and labels of a kept dataset, as the engine takes them. */
export interface KeptDatasetImages {
  trainImages: Uint8Array;
  trainLabels: Uint8Array;
  heldOutImages: Uint8Array;
  heldOutLabels: Uint8Array;
}

/** A short id from the title: readable in a share link, unique by its random tail. */
export function keptDatasetName(title: string): ImportedDatasetName {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  const tail = Math.random().toString(36).slice(2, 8);
  return `imported:${slug || 'dataset'}-${tail}`;
}

/** E.g. "CIFAR-10 · 50,000 images · 10 classes · 32×32 colour · 150 MB". */
export function keptDatasetLabel(info: KeptDatasetInfo): string {
  const numImages = (info.numTrain + info.numHeldOut).toLocaleString('en-US');
  const megabytes = info.byteLength / 1e6;
  const size =
    megabytes < 1
      ? `${Math.max(1, Math.round(info.byteLength / 1e3))} kB`
      : `${megabytes.toFixed(megabytes < 10 ? 1 : 0)} MB`;
  return `${info.title} · ${numImages} images · ${info.classNames.length} classes · ${info.side}×${info.side} ${info.channels === 3 ? 'colour' : 'grey'} · ${size}`;
}

/** The kept record of an import: what is listed, and the images. */
export function keptFromImport(result: ImportResult): {
  info: KeptDatasetInfo;
  images: KeptDatasetImages;
} {
  const { train, heldOut } = result;
  const images = {
    trainImages: train.images,
    trainLabels: train.labels,
    heldOutImages: heldOut.images,
    heldOutLabels: heldOut.labels,
  };
  const byteLength = Object.values(images).reduce((sum, array) => sum + array.byteLength, 0);
  return {
    info: {
      name: keptDatasetName(result.name),
      title: result.name,
      format: result.format,
      classNames: result.classNames,
      side: train.rows,
      channels: train.channels,
      numTrain: train.count,
      numHeldOut: heldOut.count,
      heldOutFrom: result.heldOutFrom,
      byteLength,
      importedAt: Date.now(),
    },
    images,
  };
}
