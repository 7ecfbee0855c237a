import * as Comlink from 'comlink';
import type { EngineApi, EngineEvent, InitOptions, InitResult } from '../../worker/contract';

export interface EngineClientHandlers {
  onEvent: (event: EngineEvent) => void;
  /** The worker died (uncaught error, failed load): every call in flight is lost. */
  onCrash: (message: string) => void;
}

/**
 * Owns the engine worker: starts it, forwards its events, notices when it dies, and can
 * replace it with a fresh one ("Restart engine"). tfjs loads only inside the worker.
 */
export class EngineClient {
  private worker: Worker | null = null;
  private remote: Comlink.Remote<EngineApi> | null = null;

  constructor(private readonly handlers: EngineClientHandlers) {}

  /** A fresh worker, initialised with `options`; any previous worker is terminated first. */
  async start(options: InitOptions): Promise<InitResult> {
    this.terminate();
    const worker = new Worker(new URL('../../worker/engine.worker.ts', import.meta.url), {
      type: 'module',
      name: 'lr-playground-engine',
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      if (this.worker !== worker) return;
      this.terminate();
      this.handlers.onCrash(event.message || 'the engine worker stopped unexpectedly');
    });
    this.worker = worker;
    this.remote = Comlink.wrap<EngineApi>(worker);
    return this.remote.init(options, Comlink.proxy(this.handlers.onEvent));
  }

  /** The worker's commands; throws when no engine is running. */
  get api(): Comlink.Remote<EngineApi> {
    if (!this.remote) throw new Error('The engine is not running.');
    return this.remote;
  }

  get running(): boolean {
    return this.remote !== null;
  }

  terminate(): void {
    this.remote?.[Comlink.releaseProxy]();
    this.worker?.terminate();
    this.worker = null;
    this.remote = null;
  }
}
