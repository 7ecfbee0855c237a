import type { ImportFileEntry } from '../../worker/importWorkerApi';

/** What an import reads, in words: "digits.csv", "pets (2,500 files)" or "7 files". */
export function importName(files: readonly Pick<ImportFileEntry, 'path'>[]): string {
  if (files.length === 1) return files[0].path;
  const count = `${files.length.toLocaleString('en-US')} files`;
  const roots = new Set(files.map((entry) => entry.path.split('/')[0]));
  const inOneFolder = roots.size === 1 && files.every((entry) => entry.path.includes('/'));
  return inOneFolder ? `${[...roots][0]} (${count})` : count;
}
