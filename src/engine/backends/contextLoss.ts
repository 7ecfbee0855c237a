import * as tf from '@tensorflow/tfjs';

/**
 * The GPU context under the active backend, reached through tfjs's internals (a WebGL
 * context, or a WebGPU device), so that its loss can be noticed: tfjs itself neither reports
 * it nor recovers, and training stalls for good.
 */

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

interface GlContext {
  canvas: EventTarget;
  getExtension(name: string): unknown;
}

interface GpuDevice {
  lost: Promise<{ message?: string }>;
  destroy(): void;
}

function glContext(): GlContext | null {
  const backend: unknown = tf.backend();
  const gpgpu = isRecord(backend) ? backend.gpgpu : undefined;
  const gl = isRecord(gpgpu) ? gpgpu.gl : undefined;
  if (!isRecord(gl) || typeof gl.getExtension !== 'function') return null;
  const canvas = gl.canvas;
  return canvas instanceof EventTarget ? (gl as unknown as GlContext) : null;
}

function gpuDevice(): GpuDevice | null {
  const backend: unknown = tf.backend();
  const device = isRecord(backend) ? backend.device : undefined;
  return isRecord(device) && device.lost instanceof Promise && typeof device.destroy === 'function'
    ? (device as unknown as GpuDevice)
    : null;
}

/**
 * Calls `onLost` (once) when the active backend's GPU context is lost. A CPU or wasm backend
 * has none: nothing to watch.
 */
export function watchContextLoss(onLost: (message: string) => void): void {
  let told = false;
  const tell = (message: string) => {
    if (told) return;
    told = true;
    onLost(message);
  };
  const name = tf.getBackend();
  if (name === 'webgl') {
    glContext()?.canvas.addEventListener('webglcontextlost', () =>
      tell('the WebGL context was lost'),
    );
  } else if (name === 'webgpu') {
    void gpuDevice()?.lost.then((info) =>
      tell(`the WebGPU device was lost${info.message ? ` (${info.message})` : ''}`),
    );
  }
}

/** Test hook: loses the active backend's GPU context as a driver reset would. */
export function loseContext(): boolean {
  const name = tf.getBackend();
  if (name === 'webgl') {
    const extension = glContext()?.getExtension('WEBGL_lose_context');
    if (!isRecord(extension) || typeof extension.loseContext !== 'function') return false;
    (extension.loseContext as () => void).call(extension);
    return true;
  }
  const device = name === 'webgpu' ? gpuDevice() : null;
  device?.destroy();
  return device !== null;
}
