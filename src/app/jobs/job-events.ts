import { EventEmitter } from 'node:events';
import type { JobStatus } from '../../db/index.js';

export type JobEvent =
  | { readonly type: 'status'; readonly status: JobStatus }
  | { readonly type: 'progress'; readonly progress: unknown }
  | { readonly type: 'log' };

/**
 * Wakes live listeners (SSE) in this process at once. The database stays the source of truth:
 * listeners also poll it, so jobs run by workers on other machines are seen too.
 */
export class JobEvents {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  emit(jobId: string, event: JobEvent): void {
    this.emitter.emit(jobId, event);
  }

  on(jobId: string, listener: (event: JobEvent) => void): () => void {
    this.emitter.on(jobId, listener);
    return () => this.emitter.off(jobId, listener);
  }
}
