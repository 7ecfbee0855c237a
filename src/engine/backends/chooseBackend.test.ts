import * as tf from '@tensorflow/tfjs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseBackend, rankBackends } from './chooseBackend';

const missing = { found: false, reason: 'absent' } as const;
const hardware = { found: true, renderer: 'NVIDIA GeForce', software: false } as const;
const software = { found: true, renderer: 'SwiftShader', software: true } as const;

describe('rankBackends', () => {
  it('prefers hardware WebGPU, then WebGL, then wasm, then cpu', () => {
    expect(rankBackends({ webgpu: hardware, webgl: hardware }).order).toEqual([
      'webgpu',
      'webgl',
      'wasm',
      'cpu',
    ]);
  });

  it('ranks software GPUs below wasm and says why', () => {
    const { order, reasons } = rankBackends({ webgpu: software, webgl: software });
    expect(order).toEqual(['wasm', 'webgl', 'webgpu', 'cpu']);
    expect(reasons.webgpu).toMatch(/software renderer \(SwiftShader\), ranked below wasm/);
  });

  it('skips missing GPUs with their reason', () => {
    const { order, reasons } = rankBackends({ webgpu: missing, webgl: software });
    expect(order).toEqual(['wasm', 'webgl', 'cpu']);
    expect(reasons.webgpu).toBe('absent');
  });
});

describe('chooseBackend in Node', () => {
  // Node has no GPU APIs: wasm (with our kernels) must win, loading binaries from a file path.
  const wasmDir = join(
    dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json')),
    'dist',
  );

  it('chooses wasm, explains the others and reports SIMD and threads', async () => {
    const report = await chooseBackend({ wasmBaseUrl: wasmDir });
    expect(report.backend).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(report.reasons.webgpu).toMatch(/navigator\.gpu/);
    expect(report.reasons.webgl).toMatch(/failed to start/);
    expect(report.reasons.wasm).toMatch(/^chosen/);
    expect(report.reasons.cpu).toBe('not tried: wasm works');
    expect(report.wasm).toEqual({
      simd: true,
      threads: 1,
      kernelThreads: 1,
      threadsNote: 'single-threaded outside a browser',
    });
  });

  it('honours a forced backend', async () => {
    const report = await chooseBackend({ force: 'cpu', model: { widthMultiplier: 0.5 } });
    expect(report.backend).toBe('cpu');
    expect(report.reasons.webgl).toBe('not tried: cpu forced');
    expect(tf.getBackend()).toBe('cpu');
  });

  it('fails loudly when a forced backend cannot train', async () => {
    await expect(chooseBackend({ force: 'webgpu' })).rejects.toThrow(/No backend can train/);
  });
});
