/** CPU-emulated GPUs: on them WebGL/WebGPU train slower than wasm (issue 3 measurements). */
const SOFTWARE_RENDERER =
  /swiftshader|llvmpipe|lavapipe|softpipe|software rasterizer|microsoft basic render/i;

/** True when a WebGPU adapter description or WebGL renderer string names a software GPU. */
export function isSoftwareRenderer(description: string): boolean {
  return SOFTWARE_RENDERER.test(description);
}
