// Fails when the modules under src/ import each other in a cycle, counting `import type` too.
// ESLint's import-x/no-cycle (in `npm run lint`) skips type-only imports by design; a type-only
// cycle still ties two files together, so this check covers every import the source writes.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..');
const SOURCE = /\.(ts|tsx)$/;
const TRY = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return SOURCE.test(name) ? [path] : [];
  });
}

/** The project files `file` imports (relative specifiers only; packages cannot import back). */
function importsOf(file) {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map(({ fileName }) => fileName)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => TRY.map((end) => resolve(dirname(file), spec) + end))
    .map((candidates) => candidates.find((path) => existsSync(path) && statSync(path).isFile()))
    .filter((path) => path !== undefined);
}

const files = sourceFiles(join(root, 'src'));
const graph = new Map(files.map((file) => [file, importsOf(file)]));

// Tarjan's strongly connected components: every component of two or more files is a cycle.
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const components = [];
let next = 0;
function visit(file) {
  index.set(file, next);
  low.set(file, next);
  next += 1;
  stack.push(file);
  onStack.add(file);
  for (const to of graph.get(file) ?? []) {
    if (!index.has(to)) {
      visit(to);
      low.set(file, Math.min(low.get(file), low.get(to)));
    } else if (onStack.has(to)) {
      low.set(file, Math.min(low.get(file), index.get(to)));
    }
  }
  if (low.get(file) !== index.get(file)) return;
  const component = [];
  let member;
  do {
    member = stack.pop();
    onStack.delete(member);
    component.push(member);
  } while (member !== file);
  if (component.length > 1 || (graph.get(file) ?? []).includes(file)) components.push(component);
}
for (const file of files) if (!index.has(file)) visit(file);

if (components.length > 0) {
  for (const component of components) {
    console.error('Import cycle (type-only imports count):');
    for (const file of component.sort()) console.error(`  ${relative(root, file)}`);
  }
  process.exit(1);
}
console.log(`check-cycles: ${files.length} files, no import cycle.`);
