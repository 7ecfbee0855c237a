import { DatasetImportError } from './importError';

/** The images of a folder with one subfolder per class: which file goes to which class. */
export interface ImageFolderPlan {
  classNames: string[];
  /** For each class, the indexes (into the paths given) of its image files. */
  filesByClass: number[][];
  /** Files that are not images by their extension, by path. */
  skipped: string[];
}

const IMAGE_EXTENSIONS = /\.(png|jpe?g|webp)$/i;
/** A class needs this many images to train on and to hold some out. */
const MIN_IMAGES_PER_CLASS = 10;

/**
 * Groups image paths (`root/cat/1.png`, or `cat/1.png` for a dropped folder's contents) by
 * their class folder: the folder right above the file. Hidden files (`.DS_Store`) are ignored.
 */
export function planImageFolder(paths: readonly string[]): ImageFolderPlan {
  const byClass = new Map<string, number[]>();
  const skipped: string[] = [];
  paths.forEach((path, i) => {
    const parts = path.split('/').filter((part) => part !== '');
    const name = parts[parts.length - 1] ?? '';
    if (name.startsWith('.')) return;
    if (!IMAGE_EXTENSIONS.test(name) || parts.length < 2) {
      skipped.push(path);
      return;
    }
    const className = parts[parts.length - 2];
    byClass.set(className, [...(byClass.get(className) ?? []), i]);
  });
  const classNames = [...byClass.keys()].sort((a, b) =>
    a.localeCompare(b, 'en', { numeric: true }),
  );
  return { classNames, filesByClass: classNames.map((name) => byClass.get(name) ?? []), skipped };
}

/** Refuses a folder that cannot train a classifier: one class, too many, or a class too small. */
export function checkClassCounts(
  folderName: string,
  classNames: readonly string[],
  counts: readonly number[],
): void {
  if (classNames.length < 2) {
    throw new DatasetImportError(
      folderName,
      classNames.length === 0
        ? 'no images in class subfolders (expected one subfolder per class, e.g. cats/1.png, dogs/2.png: ' +
            'pick the folder above them with "Import a folder…", or drop that folder itself)'
        : `only one class ("${classNames[0]}"): a classifier needs at least two subfolders`,
    );
  }
  if (classNames.length > 100) {
    throw new DatasetImportError(
      folderName,
      `${classNames.length} classes; at most 100 are supported`,
    );
  }
  const small = classNames.filter((_, i) => counts[i] < MIN_IMAGES_PER_CLASS);
  if (small.length > 0) {
    const listed = small
      .slice(0, 3)
      .map((name) => `"${name}" (${counts[classNames.indexOf(name)]})`)
      .join(', ');
    throw new DatasetImportError(
      folderName,
      `every class needs at least ${MIN_IMAGES_PER_CLASS} readable images; too few in ${listed}${small.length > 3 ? ` and ${small.length - 3} more` : ''}`,
    );
  }
}
