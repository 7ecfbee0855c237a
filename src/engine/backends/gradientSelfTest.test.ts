import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseBackend } from './chooseBackend';
import { gradientSelfTest } from './gradientSelfTest';

/**
 * A stand-in GPU: the cpu backend's kernels under the name 'webgl' (replacing tfjs's WebGL,
 * which cannot start in Node), with the filter gradient of every convolution zeroed when
 * `broken` is set, as tensorflow/tfjs#8590 reports for WebGPU.
 */
const fake = { broken: false };

function installFakeWebGl(): void {
  const cpuFactory = tf.findBackendFactory('cpu');
  if (!cpuFactory) throw new Error('no cpu backend');
  if (tf.findBackendFactory('webgl')) tf.removeBackend('webgl');
  tf.registerBackend('webgl', () => cpuFactory() as tf.KernelBackend);
  for (const kernel of tf.getKernelsForBackend('cpu')) {
    if (tf.getKernel(kernel.kernelName, 'webgl')) tf.unregisterKernel(kernel.kernelName, 'webgl');
    const honest = kernel.kernelFunc;
    tf.registerKernel({
      ...kernel,
      backendName: 'webgl',
      kernelFunc:
        kernel.kernelName === tf.Conv2DBackpropFilter
          ? (args) => {
              const out = honest(args) as tf.TensorInfo;
              if (fake.broken) {
                const backend = args.backend as tf.KernelBackend;
                const values = backend.readSync(out.dataId) as Float32Array;
                values.fill(0);
              }
              return out;
            }
          : honest,
    });
  }
}

describe('the gradient self-test for GPU backends', () => {
  beforeAll(() => installFakeWebGl());
  afterAll(async () => {
    fake.broken = false;
    await tf.setBackend('cpu');
  });

  it('passes a backend whose gradients match cpu', async () => {
    fake.broken = false;
    expect(await tf.setBackend('webgl')).toBe(true);
    expect(await gradientSelfTest({ widthMultiplier: 0.5 })).toBeNull();
    expect(tf.getBackend()).toBe('webgl');
  });

  it('names the parameter whose gradient a broken backend gets wrong', async () => {
    fake.broken = true;
    expect(await tf.setBackend('webgl')).toBe(true);
    expect(await gradientSelfTest({ widthMultiplier: 0.5 })).toMatch(
      /gradient self-test failed: conv1\/kernel's gradient differs from cpu's by 100 % of its largest value/,
    );
    expect(tf.getBackend()).toBe('webgl');
  });

  it('keeps chooseBackend off such a GPU and says why', async () => {
    fake.broken = true;
    await expect(
      chooseBackend({ force: 'webgl', model: { widthMultiplier: 0.5 } }),
    ).rejects.toThrow(/webgl: gradient self-test failed: conv1\/kernel/);
    fake.broken = false;
    const report = await chooseBackend({ force: 'webgl', model: { widthMultiplier: 0.5 } });
    expect(report.backend).toBe('webgl');
    expect(report.reasons.webgl).toMatch(/gradients match cpu/);
  });
});
