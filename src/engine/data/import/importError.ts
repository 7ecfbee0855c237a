/** An import that cannot go on, with the file and the problem in words a user can act on. */
export class DatasetImportError extends Error {
  constructor(
    readonly fileName: string,
    problem: string,
  ) {
    super(`${fileName}: ${problem}`);
    this.name = 'DatasetImportError';
  }
}

/** The largest file an import reads (CIFAR-10's archive is 170 MB; its batches 31 MB each). */
export const MAX_IMPORT_BYTES = 1024 ** 3;

/** Refuses a file over the size limit before reading it. */
export function checkImportSize(fileName: string, byteLength: number): void {
  if (byteLength > MAX_IMPORT_BYTES) {
    throw new DatasetImportError(
      fileName,
      `${(byteLength / 1e6).toFixed(0)} MB is over the import limit of ${(MAX_IMPORT_BYTES / 1e6).toFixed(0)} MB`,
    );
  }
}
