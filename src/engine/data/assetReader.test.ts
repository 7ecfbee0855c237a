import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildData, DATA_DIR } from '../../../scripts/build-data.mjs';
import { fetchAssetReader } from './assetReader';
import { loadDataset } from './loadDataset';

let server: Server;
let baseUrl: string;

/** Serves public/data under /plain/ as files, under /encoded/ unzipped with Content-Encoding: gzip,
 * and answers anything else the way a dev server's SPA fallback does: 200 and an HTML page. */
async function handle(path: string): Promise<{ status: number; headers: object; body: Buffer }> {
  const [, mode, file] = path.split('/');
  if (mode === 'gone') return { status: 404, headers: {}, body: Buffer.from('') };
  if (mode !== 'plain' && mode !== 'encoded') {
    const html = Buffer.from('<!doctype html><html></html>');
    return { status: 200, headers: { 'content-type': 'text/html' }, body: html };
  }
  const body = await readFile(join(DATA_DIR, file));
  const headers = { 'content-type': 'application/octet-stream' };
  return mode === 'plain'
    ? { status: 200, headers, body }
    : { status: 200, headers: { ...headers, 'content-encoding': 'gzip' }, body };
}

beforeAll(async () => {
  await buildData({ log: () => {} });
  server = createServer((request, response) => {
    handle(request.url ?? '/').then(({ status, headers, body }) => {
      response.writeHead(status, headers as Record<string, string>);
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}, 60_000);

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('fetch asset reader', () => {
  it('loads over HTTP whether or not the server declares the gzip encoding', async () => {
    for (const mode of ['plain', 'encoded']) {
      const data = await loadDataset('mnist', fetchAssetReader(new URL(`${mode}/`, baseUrl)));
      expect(data.test.count).toBe(10000);
      expect(data.test.labels[0]).toBe(7);
    }
    const bytes = await fetchAssetReader(`${baseUrl}plain/`)('mnist-test.lrds.gz');
    expect(gunzipSync(new Uint8Array(bytes)).subarray(0, 4).toString()).toBe('LRDS');
  });

  it('reports a 404 and an HTML fallback page as a missing asset named in the error', async () => {
    await expect(loadDataset('mnist', fetchAssetReader(`${baseUrl}gone/`))).rejects.toThrow(
      /mnist-(train|test)\.lrds\.gz is missing or unreadable \(HTTP 404.*npm run data/,
    );
    await expect(loadDataset('mnist', fetchAssetReader(`${baseUrl}spa/`))).rejects.toThrow(
      /is missing or unreadable \(the server answered with an HTML page/,
    );
  });
});
