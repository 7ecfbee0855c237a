import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BLOCK_TAIL_SOURCE_SHA256 } from './blockTailBinary';

describe('the committed SIMD binary', () => {
  it('was built from blockTail.c as it is now (else: npm run simd)', () => {
    const source = readFileSync(new URL('./blockTail.c', import.meta.url));
    expect(createHash('sha256').update(source).digest('hex')).toBe(BLOCK_TAIL_SOURCE_SHA256);
  });
});
