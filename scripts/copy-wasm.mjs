// Copies tfjs's wasm binaries into public/wasm/ so the app serves them from its own origin.
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { THREADED_FACTORY_FILE } from './wasm-threads-plugin.mjs';

const BINARIES = [
  'tfjs-backend-wasm.wasm',
  'tfjs-backend-wasm-simd.wasm',
  'tfjs-backend-wasm-threaded-simd.wasm',
];

const require = createRequire(import.meta.url);
const source = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'wasm');

// The untouched threaded Emscripten factory, imported by the pthread workers (see
// scripts/wasm-threads-plugin.mjs for why not the bundled copy).
const threadedFactory = join(source, '..', 'wasm-out', THREADED_FACTORY_FILE);

await mkdir(target, { recursive: true });
await Promise.all([
  ...BINARIES.map((name) => copyFile(join(source, name), join(target, name))),
  copyFile(threadedFactory, join(target, THREADED_FACTORY_FILE)),
]);
console.log(`copied ${BINARIES.length} wasm binaries and the threaded factory to ${target}`);
