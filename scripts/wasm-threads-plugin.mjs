// Makes tfjs's threaded WASM backend work in our bundles (issue 3/6: WASM threads).
//
// tfjs 4.22 hands its pthread workers the threaded Emscripten factory as
// `new Blob(['var WasmBackendModuleThreadedSimd = ' + factory.toString()])`. Once a bundler
// minifies that function, its text refers to renamed variables of the enclosing module
// (`_scriptDir` becomes `e`), so every pthread worker dies with "e is not defined" and the
// backend never finishes starting. This plugin rewrites that one statement so the workers
// import the untouched Emscripten file instead, which scripts/copy-wasm.mjs serves from our
// own assets beside the .wasm binaries (`setWasmPaths` prefix). If tfjs changes the statement,
// the build fails here instead of shipping a backend that hangs.

export const THREADED_FACTORY_FILE = 'tfjs-backend-wasm-threaded-simd.js';

const TARGET = /@tensorflow[\\/]tfjs-backend-wasm[\\/]dist[\\/]backend_wasm\.js$/;
const BLOB_STATEMENT =
  /factoryConfig\.mainScriptUrlOrBlob\s*=\s*new Blob\(\s*\[\s*`var WasmBackendModuleThreadedSimd = `\s*\+\s*wasmFactoryThreadedSimd\.toString\(\)\s*\]\s*,\s*\{\s*type:\s*'text\/javascript'\s*\}\s*\);/;
const URL_STATEMENT = `factoryConfig.mainScriptUrlOrBlob = (wasmPathPrefix != null ? wasmPathPrefix : '') + '${THREADED_FACTORY_FILE}';`;

/** Rewrites tfjs-backend-wasm's backend_wasm.js; returns null for every other module. */
export function rewriteThreadedFactory(code, id) {
  if (!TARGET.test(id.split('?')[0])) return null;
  if (!BLOB_STATEMENT.test(code)) {
    throw new Error(
      `wasm-threads-plugin: the pthread factory statement was not found in ${id}; ` +
        'tfjs-backend-wasm changed: update scripts/wasm-threads-plugin.mjs.',
    );
  }
  return code.replace(BLOB_STATEMENT, URL_STATEMENT);
}

/** The plugin, for Vite's build and for its dependency pre-bundling (dev server). */
export function wasmThreadsPlugin() {
  return {
    name: 'lr-playground:wasm-threads',
    transform(code, id) {
      const rewritten = rewriteThreadedFactory(code, id);
      return rewritten === null ? null : { code: rewritten, map: null };
    },
  };
}
