/**
 * Threads for our SIMD module: helper workers that instantiate it on tfjs's shared wasm memory
 * and help with each call, so our kernels use the cores XNNPACK's use. Calls are synchronous,
 * as tfjs kernels are: the caller publishes a call in a small shared control block, cuts it
 * into chunks (every C function takes (chunk, chunks) last, share.h), and takes chunks itself
 * alongside whichever helpers are awake. A helper the OS has not scheduled (on two cores tfjs's
 * own pthreads spin after each XNNPACK call) costs nothing: the caller takes its chunks, and
 * waits (Atomics.wait, allowed in workers) only for chunks a helper has started.
 */

/** Slots of the control block's Int32Array. */
export const CONTROL = {
  /** Bumped once per call; idle helpers wait for it to change. */
  generation: 0,
  /** The call's generation (TICKET_BITS up) plus the next chunk to take. */
  ticket: 1,
  /** Chunks finished in the current call. */
  done: 2,
  /** How many chunks the current call has. */
  chunks: 3,
  /** Index of the function to run, in SIMD_FUNCTIONS. */
  fn: 4,
  /** How many arguments the call has. */
  argCount: 5,
  /** Helpers that have their instance and wait for calls. */
  ready: 6,
} as const;
const CONTROL_INTS = 8;
/** Arguments as float64 after the ints: pointers, sizes and floats all fit exactly. */
const MAX_ARGS = 24;
export const CONTROL_BYTES = CONTROL_INTS * 4 + MAX_ARGS * 8;
/** Low bits of a ticket: the chunk index (so at most 2^TICKET_BITS chunks per call). */
const TICKET_BITS = 8;
const GENERATION_MASK = (1 << (31 - TICKET_BITS)) - 1;
/** Chunks per thread: small enough that a late helper delays a call by little. */
const CHUNKS_PER_THREAD = 4;

/** The functions helpers can run, by their index on the wire. */
export const SIMD_FUNCTIONS = [
  'affine_relu_pool',
  'routed_sums',
  'pool_grad',
  'channel_moments',
  'conv_filter_grad',
  'conv1_filter_grad',
  'conv1_forward',
] as const;
export type SimdFunction = (typeof SIMD_FUNCTIONS)[number];

/** What a helper is told once, when it starts. */
export interface HelperStart {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  control: SharedArrayBuffer;
}

export function controlViews(control: SharedArrayBuffer): { ints: Int32Array; args: Float64Array } {
  return {
    ints: new Int32Array(control, 0, CONTROL_INTS),
    args: new Float64Array(control, CONTROL_INTS * 4, MAX_ARGS),
  };
}

/**
 * Takes and runs chunks of the call of `generation` until none is left; `run` gets the chunk
 * and the chunk count. A chunk is taken by compare-and-swap on the ticket, so a helper that
 * wakes after its call has ended (and another has begun) takes nothing of the new one with
 * the old one's arguments: it reads them only after taking a chunk, which holds the call open.
 */
export function takeChunks(
  ints: Int32Array,
  generation: number,
  run: (chunk: number, chunks: number) => void,
): void {
  const chunks = Atomics.load(ints, CONTROL.chunks);
  for (;;) {
    const ticket = Atomics.load(ints, CONTROL.ticket);
    const chunk = ticket & ((1 << TICKET_BITS) - 1);
    if (ticket >>> TICKET_BITS !== generation || chunk >= chunks) return;
    if (Atomics.compareExchange(ints, CONTROL.ticket, ticket, ticket + 1) !== ticket) continue;
    run(chunk, chunks);
    if (Atomics.add(ints, CONTROL.done, 1) + 1 === chunks) Atomics.notify(ints, CONTROL.done);
  }
}

/** The generation a helper serves, from the generation slot's value. */
export const callGeneration = (value: number): number => value & GENERATION_MASK;

/** Past this, a chunk a helper has started and not finished is taken for lost. */
const HELPER_TIMEOUT_MS = 10_000;

export interface SimdPool {
  /** Threads a call can run on (the caller and its helpers). */
  readonly parts: number;
  /** Whether every helper is up (calls run on the caller alone until then). */
  ready(): boolean;
  /** Resolves once every helper is up, or after `ms`, to whether they are. */
  whenReady(ms: number): Promise<boolean>;
  /**
   * Runs `fn(...args, chunk, chunks)` for every chunk, on this thread through `own` and on
   * helpers; false (nothing run) when the helpers are not all up.
   */
  run(
    fn: SimdFunction,
    args: readonly number[],
    own: (chunk: number, chunks: number) => void,
  ): boolean;
  /** Stops the helpers. */
  close(): void;
}

/** Whether this thread may block in Atomics.wait (workers may; a page's main thread may not). */
function canBlock(): boolean {
  return 'WorkerGlobalScope' in globalThis && typeof SharedArrayBuffer !== 'undefined';
}

/**
 * Starts `parts - 1` helper workers for `module` on `memory` (shared), or returns null where
 * there is nothing to share or no way to wait: one part, unshared memory, no Worker, or a
 * thread that may not block.
 */
export function startSimdPool(
  module: WebAssembly.Module,
  memory: WebAssembly.Memory,
  parts: number,
  spawn: () => Worker,
): SimdPool | null {
  if (parts < 2 || !(memory.buffer instanceof SharedArrayBuffer) || !canBlock()) return null;
  if (typeof Worker === 'undefined') return null;
  const control = new SharedArrayBuffer(CONTROL_BYTES);
  const { ints, args } = controlViews(control);
  const helpers = parts - 1;
  const chunks = Math.min(parts * CHUNKS_PER_THREAD, 1 << TICKET_BITS);
  const workers: Worker[] = [];
  let broken: string | null = null;
  for (let part = 1; part < parts; part++) {
    const worker = spawn();
    worker.onerror = (event) => {
      broken = `SIMD helper ${part} failed: ${event.message}`;
    };
    const start: HelperStart = { module, memory, control };
    worker.postMessage(start);
    workers.push(worker);
  }
  const ready = () => broken === null && Atomics.load(ints, CONTROL.ready) === helpers;
  let generation = 0;
  return {
    parts,
    ready,
    async whenReady(ms) {
      const until = performance.now() + ms;
      while (!ready() && broken === null && performance.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return ready();
    },
    run(fn, callArgs, own) {
      if (!ready()) return false;
      if (callArgs.length > MAX_ARGS) throw new Error(`${fn}: more than ${MAX_ARGS} arguments`);
      generation = callGeneration(generation + 1);
      args.set(callArgs);
      ints[CONTROL.fn] = SIMD_FUNCTIONS.indexOf(fn);
      ints[CONTROL.argCount] = callArgs.length;
      Atomics.store(ints, CONTROL.chunks, chunks);
      Atomics.store(ints, CONTROL.done, 0);
      // Seq-cst: every write above, and the tensors in wasm memory, come before the ticket.
      Atomics.store(ints, CONTROL.ticket, generation << TICKET_BITS);
      Atomics.store(ints, CONTROL.generation, generation);
      Atomics.notify(ints, CONTROL.generation);
      takeChunks(ints, generation, own);
      for (;;) {
        const done = Atomics.load(ints, CONTROL.done);
        if (done === chunks) return true;
        if (Atomics.wait(ints, CONTROL.done, done, HELPER_TIMEOUT_MS) === 'timed-out') {
          broken = `a SIMD helper did not finish its part of ${fn} within ${HELPER_TIMEOUT_MS / 1000} s`;
          throw new Error(broken);
        }
      }
    },
    close() {
      broken = 'closed';
      for (const worker of workers) worker.terminate();
    },
  };
}
