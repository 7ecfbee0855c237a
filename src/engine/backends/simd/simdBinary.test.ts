import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SIMD_SOURCES_SHA256 } from './simdBinary';

describe('the committed SIMD binary', () => {
  it('was built from the C sources as they are now (else: npm run simd)', () => {
    const hash = createHash('sha256');
    for (const name of ['blockTail.c', 'conv1.c', 'convFilterGrad.c', 'share.h']) {
      hash.update(readFileSync(new URL(`./${name}`, import.meta.url)));
    }
    expect(hash.digest('hex')).toBe(SIMD_SOURCES_SHA256);
  });
});
