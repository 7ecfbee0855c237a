/** Reads one asset by file name; injected, so the same loader runs in the worker and in Node. */
export type ReadAsset = (fileName: string) => Promise<Uint8Array | ArrayBuffer>;

/** The worker's reader: fetches `fileName` relative to an absolute base URL such as `…/data/`. */
export function fetchAssetReader(baseUrl: string | URL): ReadAsset {
  return async (fileName) => {
    const response = await fetch(new URL(fileName, baseUrl));
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
    // A dev server's SPA fallback answers a missing file with index.html and status 200.
    if (response.headers.get('content-type')?.startsWith('text/html')) {
      throw new Error('the server answered with an HTML page, not the file');
    }
    return response.arrayBuffer();
  };
}
