import { describe, expect, it } from 'vitest';
import { chooseBackend } from './chooseBackend';

// Its own file: a failed wasm start cannot be undone within one process.
describe('chooseBackend fallback', () => {
  it('falls back to cpu when the wasm binaries are not where it was told', async () => {
    const report = await chooseBackend({
      wasmBaseUrl: '/nonexistent/wasm/',
      model: { widthMultiplier: 0.5 },
    });
    expect(report.backend).toBe('cpu');
    expect(report.reasons.wasm).toMatch(/failed to start/);
    expect(report.wasm.threads).toBe(0);
  });
});
