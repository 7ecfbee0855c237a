import { describe, expect, it } from 'vitest';
import { droppedFiles } from './droppedFiles';

/**
 * A dropped folder as Chrome hands it over: FileSystemEntry objects whose directory readers
 * answer in chunks of at most 100 entries, then an empty chunk.
 */
type FakeEntry = { name: string; children?: FakeEntry[] };

function entry(node: FakeEntry, parent = ''): FileSystemEntry {
  const fullPath = `${parent}/${node.name}`;
  if (!node.children) {
    const file = new File([`pixels of ${fullPath}`], node.name);
    return {
      isFile: true,
      isDirectory: false,
      name: node.name,
      fullPath,
      file: (resolve: (file: File) => void) => resolve(file),
    } as unknown as FileSystemEntry;
  }
  const children = node.children.map((child) => entry(child, fullPath));
  return {
    isFile: false,
    isDirectory: true,
    name: node.name,
    fullPath,
    createReader: () => {
      let next = 0;
      return {
        readEntries: (resolve: (entries: FileSystemEntry[]) => void) => {
          const chunk = children.slice(next, next + 100);
          next += chunk.length;
          setTimeout(() => resolve(chunk), 0);
        },
      };
    },
  } as unknown as FileSystemEntry;
}

function transfer(roots: FakeEntry[], files: File[] = []): DataTransfer {
  const items = roots.map((root) => ({ webkitGetAsEntry: () => entry(root) }));
  return { items, files } as unknown as DataTransfer;
}

const pictures = (count: number) => Array.from({ length: count }, (_, i) => ({ name: `${i}.png` }));

describe('droppedFiles', () => {
  it('walks a dropped folder into its class subfolders, past the 100-entry chunks', async () => {
    const pets = {
      name: 'pets',
      children: [
        { name: 'cat', children: pictures(150) },
        { name: 'dog', children: pictures(12) },
        { name: 'notes.txt' },
      ],
    };
    const files = await droppedFiles(transfer([pets]));
    expect(files).toHaveLength(163);
    expect(files.filter((file) => file.path.startsWith('pets/cat/'))).toHaveLength(150);
    expect(files.filter((file) => file.path.startsWith('pets/dog/'))).toHaveLength(12);
    expect(files.map((file) => file.path)).toContain('pets/notes.txt');
    expect(await files[0].file.text()).toBe(`pixels of /${files[0].path}`);
  });

  it('takes dropped files as they are when no folder is among them', async () => {
    const csv = new File(['label,p0\n1,0\n'], 'digits.csv');
    const files = await droppedFiles(transfer([{ name: 'digits.csv' }], [csv]));
    expect(files).toEqual([{ path: 'digits.csv', file: csv }]);
  });
});
