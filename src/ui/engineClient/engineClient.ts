import * as Comlink from 'comlink';
import type { EngineApi, EngineEvent, InitOptions, InitResult } from '../../worker/contract';
import { callsRejectedWhen } from './guardedCalls';
import { startWatchdog } from './watchdog';

export interface EngineClientHandlers {
  onEvent: (event: EngineEvent) => void;
  /**
   * The worker died (uncaught error, failed load, or it stopped answering its heartbeat):
   * every call in flight is rejected right after this returns.
   */
  onCrash: (message: string, cause: CrashCause) => void;
}

/** 'backendLost': the GPU context went away; another backend may still work. */
export type CrashCause = 'worker' | 'backendLost';

/** Why a call failed when its worker was replaced by a newer one: not an error of its own. */
export class EngineReplacedError extends Error {
  constructor() {
    super('The engine was restarted.');
    this.name = 'EngineReplacedError';
  }
}

/** One worker and what dies with it. */
interface Engine {
  worker: Worker;
  remote: Comlink.Remote<EngineApi>;
  /** The remote whose calls reject once the worker is gone (Comlink alone would wait forever). */
  guarded: Comlink.Remote<EngineApi>;
  end: (reason: Error) => void;
}

/**
 * Owns the engine worker: starts it, forwards its events, notices when it dies (an error
 * event, or silence on the heartbeat: a worker that closed itself or hangs sends neither), and
 * can replace it with a fresh one ("Restart engine"). tfjs loads only inside the worker.
 */
export class EngineClient {
  private engine: Engine | null = null;

  constructor(private readonly handlers: EngineClientHandlers) {}

  /** A fresh worker, initialised with `options`; any previous worker is terminated first. */
  async start(options: InitOptions): Promise<InitResult> {
    this.terminate();
    const worker = new Worker(new URL('../../worker/engine.worker.ts', import.meta.url), {
      type: 'module',
      name: 'lr-playground-engine',
    });
    const remote = Comlink.wrap<EngineApi>(worker);
    const { guarded, end } = callsRejectedWhen(remote);
    const engine: Engine = { worker, remote, guarded, end };
    this.engine = engine;
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.crash(engine, event.message || 'the engine worker stopped unexpectedly');
    });
    let heard = () => {};
    const onEvent = (event: EngineEvent) => {
      heard();
      this.handlers.onEvent(event);
    };
    // An imported dataset's buffers move to the worker rather than being copied.
    const buffers = options.imported
      ? [options.imported.train, options.imported.heldOut].flatMap((set) => [
          set.images.buffer as ArrayBuffer,
          set.labels.buffer as ArrayBuffer,
        ])
      : [];
    const sent = Comlink.transfer(options, [...new Set(buffers)]);
    const result = await guarded.init(sent, Comlink.proxy(onEvent));
    // Watched only once started: loading the dataset and probing backends may block for long.
    // Losing the GPU context leaves the engine unable to compute: it counts as a crash.
    void guarded
      .watchBackend(Comlink.proxy((message: string) => this.crash(engine, message, 'backendLost')))
      .catch(() => {});
    heard = startWatchdog({
      ping: () => remote.ping(),
      alive: () => this.engine === engine,
      onSilence: (ms) =>
        this.crash(engine, `it stopped answering (no reply for ${Math.round(ms / 1000)} s)`),
    });
    return result;
  }

  /** The worker's commands; throws when no engine is running. */
  get api(): Comlink.Remote<EngineApi> {
    if (!this.engine) throw new Error('The engine is not running.');
    return this.engine.guarded;
  }

  get running(): boolean {
    return this.engine !== null;
  }

  terminate(): void {
    this.stopEngine(new EngineReplacedError());
  }

  private crash(engine: Engine, message: string, cause: CrashCause = 'worker'): void {
    if (this.engine !== engine) return;
    this.engine = null;
    engine.remote[Comlink.releaseProxy]();
    engine.worker.terminate();
    // The page unwinds first; the calls in flight then reject into an already-ended run.
    this.handlers.onCrash(message, cause);
    engine.end(new Error(`The engine crashed: ${message}.`));
  }

  private stopEngine(reason: Error): void {
    const engine = this.engine;
    if (!engine) return;
    this.engine = null;
    engine.remote[Comlink.releaseProxy]();
    engine.worker.terminate();
    engine.end(reason);
  }
}
