/**
 * One helper thread of simdPool.ts: our SIMD module on tfjs's shared memory, taking chunks of
 * every call the pool publishes, until the pool terminates it.
 */
import { CONTROL, SIMD_FUNCTIONS, callGeneration, controlViews, takeChunks } from './simdPool';
import type { HelperStart } from './simdPool';

type SimdExport = (...args: number[]) => void;

self.onmessage = (event: MessageEvent<HelperStart>) => {
  const { module, memory, control } = event.data;
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  const functions = SIMD_FUNCTIONS.map((name) => instance.exports[name] as SimdExport);
  const { ints, args } = controlViews(control);
  const run = (chunk: number, chunks: number) => {
    const callArgs = Array.from(args.subarray(0, ints[CONTROL.argCount]));
    functions[ints[CONTROL.fn]](...callArgs, chunk, chunks);
  };
  Atomics.add(ints, CONTROL.ready, 1);
  let seen = Atomics.load(ints, CONTROL.generation);
  for (;;) {
    Atomics.wait(ints, CONTROL.generation, seen);
    seen = Atomics.load(ints, CONTROL.generation);
    takeChunks(ints, callGeneration(seen), run);
  }
};
