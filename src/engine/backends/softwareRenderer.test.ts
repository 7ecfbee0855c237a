import { describe, expect, it } from 'vitest';
import { isSoftwareRenderer } from './softwareRenderer';

describe('isSoftwareRenderer', () => {
  it.each([
    'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
    'Google SwiftShader',
    'google swiftshader SwiftShader Device (Subzero)',
    'llvmpipe (LLVM 15.0.7, 256 bits)',
    'Mesa lavapipe',
    'Microsoft Basic Render Driver',
  ])('flags %s', (renderer) => expect(isSoftwareRenderer(renderer)).toBe(true));

  it.each([
    'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)',
    'Apple M2',
    'nvidia ampere',
    'Mesa Intel(R) UHD Graphics 620 (KBL GT2)',
  ])('accepts %s', (renderer) => expect(isSoftwareRenderer(renderer)).toBe(false));
});
