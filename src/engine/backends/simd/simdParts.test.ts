import { describe, expect, it } from 'vitest';
import { testValues } from '../../../testing/wasmVsCpu';
import { SIMD_PLAIN } from './simdBinary';
import { SIMD_FUNCTIONS, type SimdFunction } from './simdPool';

type SimdExport = (...args: number[]) => void;

/** Our module on a memory of its own, with a bump allocator for float32/float64 arrays. */
function simdOnOwnMemory() {
  const memory = new WebAssembly.Memory({ initial: 64 });
  const bytes = Uint8Array.from(atob(SIMD_PLAIN), (ch) => ch.charCodeAt(0));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
  const exports = instance.exports as Record<SimdFunction, SimdExport>;
  let next = 1 << 16;
  const alloc = (count: number, kind: 'f32' | 'f64', seed?: number) => {
    const at = next;
    next += Math.ceil((count * (kind === 'f32' ? 4 : 8)) / 16) * 16;
    const view =
      kind === 'f32'
        ? new Float32Array(memory.buffer, at, count)
        : new Float64Array(memory.buffer, at, count);
    if (seed !== undefined) view.set(testValues(count, seed));
    return { at, view };
  };
  return { exports, alloc };
}

/**
 * One call per function, on shapes that leave remainders: an odd batch, odd heights and widths
 * (pool_grad's edge rows), three input channels (an unpaired one), 20 output channels (a
 * 16-block and a 4-block). Inputs are seeded; `outputs` are the arrays the call writes.
 */
function calls(alloc: ReturnType<typeof simdOnOwnMemory>['alloc']) {
  const [b, h, w, c] = [5, 7, 9, 8];
  const pooled = b * Math.floor(h / 2) * Math.floor(w / 2) * c;
  const z = alloc(b * h * w * c, 'f32', 1);
  const [scale, shift, center, k, offset, slope] = [2, 3, 4, 5, 6, 7].map((s) =>
    alloc(c, 'f32', s),
  );
  const dpooled = alloc(pooled, 'f32', 8);
  const x3 = alloc(b * h * w * 3, 'f32', 9);
  const dy16 = alloc(b * h * w * 16, 'f32', 10);
  const x1 = alloc(b * h * w, 'f32', 11);
  const dy20 = alloc(b * h * w * 20, 'f32', 12);
  const filter = alloc(3 * 3 * 20, 'f32', 13);
  const table: Record<SimdFunction, { inputs: number[]; outputs: [number, 'f32' | 'f64'][] }> = {
    affine_relu_pool: {
      inputs: [z.at, b, h, w, c, scale.at, shift.at],
      outputs: [[pooled, 'f32']],
    },
    routed_sums: {
      inputs: [z.at, b, h, w, c, scale.at, shift.at, center.at, dpooled.at],
      outputs: [
        [c, 'f64'],
        [c, 'f64'],
      ],
    },
    pool_grad: {
      inputs: [z.at, b, h, w, c, scale.at, shift.at, dpooled.at, k.at, offset.at, slope.at],
      outputs: [[b * h * w * c, 'f32']],
    },
    channel_moments: {
      inputs: [z.at, b * h * w, c],
      outputs: [
        [c, 'f64'],
        [c, 'f64'],
      ],
    },
    conv_filter_grad: {
      inputs: [x3.at, dy16.at, b, h, w, 3, h, w, 16, 3, 3, 1, 1],
      outputs: [[3 * 3 * 3 * 16, 'f32']],
    },
    conv1_filter_grad: {
      inputs: [x1.at, dy20.at, b, h, w, h, w, 20, 3, 3, 1, 1],
      outputs: [[3 * 3 * 20, 'f32']],
    },
    conv1_forward: {
      inputs: [x1.at, filter.at, b, h, w, h, w, 20, 3, 3, 1, 1],
      outputs: [[b * h * w * 20, 'f32']],
    },
  };
  return table;
}

describe('our SIMD kernels split into parts', () => {
  it("give, part by part, the whole call's result bit for bit, each part writing its own share only", () => {
    const { exports, alloc } = simdOnOwnMemory();
    const table = calls(alloc);
    const problems: string[] = [];
    for (const name of SIMD_FUNCTIONS) {
      const { inputs, outputs } = table[name];
      const whole = outputs.map(([count, kind]) => alloc(count, kind));
      exports[name](...inputs, ...whole.map((o) => o.at), 0, 1);
      for (const parts of [2, 3, 7]) {
        // Each part alone, on outputs full of NaN: what it leaves NaN it did not write.
        const writers = outputs.map(([count]) => new Array<number>(count).fill(-1));
        for (let part = 0; part < parts; part++) {
          const alone = outputs.map(([count, kind]) => alloc(count, kind));
          for (const o of alone) o.view.fill(NaN);
          exports[name](...inputs, ...alone.map((o) => o.at), part, parts);
          alone.forEach((o, i) => {
            o.view.forEach((v, at) => {
              if (Number.isNaN(v)) return;
              const label = `${name}, part ${part} of ${parts}, output ${i}[${at}]`;
              if (writers[i][at] !== -1) problems.push(`${label}: part ${writers[i][at]} too`);
              if (v !== whole[i].view[at])
                problems.push(`${label}: ${v}, whole ${whole[i].view[at]}`);
              writers[i][at] = part;
            });
          });
        }
        writers.forEach((w, i) => {
          if (w.includes(-1))
            problems.push(`${name} in ${parts} parts: output ${i}[${w.indexOf(-1)}] unwritten`);
        });
      }
      expect(problems.slice(0, 5)).toEqual([]);
      expect(
        whole.every((o) => o.view.some((v) => v !== 0)),
        `${name} wrote something`,
      ).toBe(true);
    }
  });
});
