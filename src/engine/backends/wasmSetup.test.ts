import { describe, expect, it } from 'vitest';
import { MAX_WASM_THREADS, wasmThreadCount } from './wasmSetup';

describe('wasmThreadCount', () => {
  it('defaults to one thread per logical core', () => {
    expect(wasmThreadCount(undefined, 2)).toBe(2);
    expect(wasmThreadCount(undefined, 6)).toBe(6);
  });

  it('honours an explicit count, even above the core count', () => {
    expect(wasmThreadCount(1, 8)).toBe(1);
    expect(wasmThreadCount(4, 2)).toBe(4);
  });

  it('stays within what the wasm build can run', () => {
    expect(wasmThreadCount(undefined, 64)).toBe(MAX_WASM_THREADS);
    expect(wasmThreadCount(0, 4)).toBe(1);
    expect(wasmThreadCount(-3, 4)).toBe(1);
    expect(wasmThreadCount(2.7, 4)).toBe(2);
    expect(wasmThreadCount(Number.NaN, 4)).toBe(1);
  });
});
