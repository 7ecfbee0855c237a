import { DatasetImportError } from './importError';

/** One regular file of a tar archive. */
export interface TarEntry {
  name: string;
  data: Uint8Array;
}

const BLOCK = 512;

function text(bytes: Uint8Array, from: number, length: number): string {
  const field = bytes.subarray(from, from + length);
  const end = field.indexOf(0);
  return new TextDecoder().decode(end === -1 ? field : field.subarray(0, end));
}

function octal(bytes: Uint8Array, from: number, length: number): number {
  const value = text(bytes, from, length).trim();
  return value === '' ? 0 : parseInt(value, 8);
}

/** The `path` record of a pax extended header ("<len> path=<name>\n" records). */
function paxPath(data: Uint8Array): string | null {
  const records = new TextDecoder().decode(data).split('\n');
  for (const record of records) {
    const match = /^\d+ path=(.*)$/.exec(record);
    if (match) return match[1];
  }
  return null;
}

/**
 * The regular files of a POSIX (ustar) tar archive, as written by GNU tar and Python's tarfile:
 * long names from GNU `L` entries or pax `path` records; directories, links and others skipped.
 */
export function readTar(bytes: Uint8Array, fileName: string): TarEntry[] {
  const entries: TarEntry[] = [];
  let offset = 0;
  let longName: string | null = null;
  while (offset + BLOCK <= bytes.length) {
    const header = bytes.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) break;
    const size = octal(header, 124, 12);
    // Type '0' is a regular file; old archives write NUL for it.
    const type = String.fromCharCode(header[156] || 0x30);
    const prefix = text(header, 345, 155);
    const base = text(header, 0, 100);
    const dataStart = offset + BLOCK;
    if (!Number.isFinite(size) || dataStart + size > bytes.length) {
      throw new DatasetImportError(
        fileName,
        `the archive is truncated or damaged at byte ${offset} (an entry of ${size} bytes runs past its end)`,
      );
    }
    const data = bytes.subarray(dataStart, dataStart + size);
    if (type === 'L') longName = text(data, 0, size);
    else if (type === 'x') longName = paxPath(data) ?? longName;
    else {
      if (type === '0') {
        entries.push({ name: longName ?? (prefix ? `${prefix}/${base}` : base), data });
      }
      longName = null;
    }
    offset = dataStart + Math.ceil(size / BLOCK) * BLOCK;
  }
  return entries;
}
