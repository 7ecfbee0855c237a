import * as tf from '@tensorflow/tfjs';
import { isSoftwareRenderer } from './softwareRenderer';

/** What a GPU backend turned out to be before any training ran on it. */
export type GpuProbe =
  { found: false; reason: string } | { found: true; renderer: string; software: boolean };

// Minimal shapes of the browser objects we touch: the engine compiles without DOM/WebGPU types.
interface GpuLike {
  requestAdapter(): Promise<unknown>;
}
interface AdapterLike {
  info?: unknown;
  isFallbackAdapter?: unknown;
  requestAdapterInfo?: () => Promise<unknown>;
}
interface GlLike {
  getExtension(name: string): unknown;
  getParameter(pname: number): unknown;
}

const UNMASKED_RENDERER_WEBGL = 0x9246;
const GL_RENDERER = 0x1f01;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isGpu(value: unknown): value is GpuLike {
  return isRecord(value) && typeof value.requestAdapter === 'function';
}

function isGl(value: unknown): value is GlLike {
  return (
    isRecord(value) &&
    typeof value.getExtension === 'function' &&
    typeof value.getParameter === 'function'
  );
}

function describeAdapterInfo(info: unknown): { text: string; fallback: boolean } {
  if (!isRecord(info)) return { text: '', fallback: false };
  const text = ['vendor', 'architecture', 'device', 'description']
    .map((key) => info[key])
    .filter((v): v is string => typeof v === 'string' && v.length > 0)
    .join(' ');
  return { text, fallback: info.isFallbackAdapter === true };
}

/** Asks for a WebGPU adapter and whether it is a software one; starts no tfjs backend. */
export async function probeWebGpu(): Promise<GpuProbe> {
  const navigator: unknown = Reflect.get(globalThis, 'navigator');
  const gpu = isRecord(navigator) ? navigator.gpu : undefined;
  if (!isGpu(gpu)) return { found: false, reason: 'no navigator.gpu (WebGPU unsupported or off)' };
  const adapter: unknown = await gpu.requestAdapter();
  if (!isRecord(adapter)) return { found: false, reason: 'navigator.gpu gave no adapter' };
  const a: AdapterLike = adapter;
  // Chrome ≥ 127 exposes `info`; older versions only `requestAdapterInfo()`.
  const rawInfo =
    a.info ?? (typeof a.requestAdapterInfo === 'function' ? await a.requestAdapterInfo() : null);
  const { text, fallback } = describeAdapterInfo(rawInfo);
  const renderer = text || 'unnamed adapter';
  return {
    found: true,
    renderer,
    software: fallback || a.isFallbackAdapter === true || isSoftwareRenderer(renderer),
  };
}

/** The unmasked renderer of the GL context tfjs's webgl backend uses, if it can be read. */
function webglRenderer(backend: unknown): string | null {
  const gpgpu = isRecord(backend) ? backend.gpgpu : undefined;
  const gl = isRecord(gpgpu) ? gpgpu.gl : undefined;
  if (!isGl(gl)) return null;
  const withDebugInfo = gl.getExtension('WEBGL_debug_renderer_info') !== null;
  const renderer = gl.getParameter(withDebugInfo ? UNMASKED_RENDERER_WEBGL : GL_RENDERER);
  return typeof renderer === 'string' ? renderer : null;
}

/** Starts tfjs's webgl backend (making it active) and reads its renderer string. */
export async function probeWebGl(): Promise<GpuProbe> {
  const started = await tf.setBackend('webgl').catch(() => false);
  if (!started) return { found: false, reason: 'WebGL backend failed to start' };
  const renderer = webglRenderer(tf.backend()) ?? 'unknown renderer';
  return { found: true, renderer, software: isSoftwareRenderer(renderer) };
}
