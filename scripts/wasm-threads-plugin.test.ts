import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  THREADED_FACTORY_FILE,
  rewriteThreadedFactory,
  wasmThreadsPlugin,
} from './wasm-threads-plugin.mjs';

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
const backendFile = join(packageDir, 'dist', 'backend_wasm.js');
const installed = readFileSync(backendFile, 'utf8');

describe('the wasm threads rewrite', () => {
  it('points the pthread workers at the served factory file instead of a toString() blob', () => {
    const rewritten = rewriteThreadedFactory(installed, backendFile);
    expect(rewritten).not.toBeNull();
    expect(rewritten).not.toContain('wasmFactoryThreadedSimd.toString()');
    expect(rewritten).toContain(`+ '${THREADED_FACTORY_FILE}'`);
    // The rest of the module is untouched.
    expect(rewritten?.length).toBeLessThan(installed.length);
    expect(rewritten).toContain('wasm = wasmFactoryThreadedSimd(factoryConfig);');
  });

  it('leaves every other module alone', () => {
    expect(rewriteThreadedFactory(installed, '/x/node_modules/other/dist/backend_wasm.js')).toBe(
      null,
    );
    expect(wasmThreadsPlugin().transform('const a = 1;', '/src/main.ts')).toBeNull();
  });

  it('fails the build when tfjs changes the statement, rather than shipping a hanging backend', () => {
    const changed = installed.replace('wasmFactoryThreadedSimd.toString()', 'factorySource()');
    expect(() => rewriteThreadedFactory(changed, backendFile)).toThrow(/tfjs-backend-wasm changed/);
  });

  it('the factory it points at ships in the package (scripts/copy-wasm.mjs serves it)', () => {
    const factory = readFileSync(join(packageDir, 'wasm-out', THREADED_FACTORY_FILE), 'utf8');
    expect(factory).toMatch(/^var WasmBackendModuleThreadedSimd = /m);
  });
});
