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
export const MAX_IMPORT_BYTES = 1e9;

/** "1,200 MB"; exact bytes where megabytes would read as equal to the limit. */
function sizeWords(byteLength: number): string {
  const megabytes = (bytes: number) => `${Math.round(bytes / 1e6).toLocaleString('en-US')} MB`;
  return megabytes(byteLength) === megabytes(MAX_IMPORT_BYTES)
    ? `${byteLength.toLocaleString('en-US')} bytes`
    : megabytes(byteLength);
}

/** Refuses a file over the size limit before reading it. */
export function checkImportSize(fileName: string, byteLength: number): void {
  if (byteLength > MAX_IMPORT_BYTES) {
    throw new DatasetImportError(
      fileName,
      `${sizeWords(byteLength)} is over the import limit of 1 GB (${MAX_IMPORT_BYTES.toLocaleString('en-US')} bytes)`,
    );
  }
}
