import type { ImportFileEntry } from '../../worker/importWorkerApi';

/** The files a file input gives, with their folder paths when a folder was picked. */
export function pickedFiles(list: FileList): ImportFileEntry[] {
  return Array.from(list, (file) => ({ path: file.webkitRelativePath || file.name, file }));
}

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

async function walk(entry: FileSystemEntry, out: ImportFileEntry[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) =>
      (entry as FileSystemFileEntry).file(resolve, reject),
    );
    out.push({ path: entry.fullPath.replace(/^\//, ''), file });
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries answers in chunks (100 in Chrome) until it answers none.
  for (let chunk = await readEntries(reader); chunk.length > 0; chunk = await readEntries(reader)) {
    for (const child of chunk) await walk(child, out);
  }
}

/** The files of a drop, dropped folders walked for their class subfolders. */
export async function droppedFiles(transfer: DataTransfer): Promise<ImportFileEntry[]> {
  const entries = Array.from(transfer.items, (item) => item.webkitGetAsEntry?.() ?? null);
  if (entries.some((entry) => entry?.isDirectory)) {
    const out: ImportFileEntry[] = [];
    for (const entry of entries) if (entry) await walk(entry, out);
    return out;
  }
  return pickedFiles(transfer.files);
}
