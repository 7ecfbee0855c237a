/** The one command that rebuilds every dataset asset (scripts/build-data.mjs). */
const REBUILD_COMMAND = 'npm run data';

/** A dataset asset that is missing or corrupt; the message names the file and how to rebuild it. */
export class DatasetAssetError extends Error {
  override readonly name = 'DatasetAssetError';

  constructor(
    readonly fileName: string,
    problem: string,
    options?: ErrorOptions,
  ) {
    super(`Dataset asset ${fileName} ${problem}. Rebuild it with \`${REBUILD_COMMAND}\`.`, options);
  }
}
