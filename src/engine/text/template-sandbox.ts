import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { knownCode } from '../../errors/index.js';
import { RelpackError } from '../errors.js';
import { TextErrorCode } from './liquid.js';
import type { RenderReply, RenderRequest } from './template-worker.js';

export interface TemplateSandboxOptions {
  /** Renders running at once, one per worker thread. */
  readonly workers?: number;
  /** Wall time one render may take once it runs; past it, its thread is terminated. */
  readonly timeoutMs?: number;
  /** Heap one render thread may use; past it, the thread dies and the render fails. */
  readonly heapMb?: number;
  /** Renders that may wait for a free thread; more are refused at once. */
  readonly maxWaiting?: number;
  /**
   * How long a thread with nothing to render is kept for the next render (default a minute: a
   * server's previews come in bursts). 0 ends it once the event loop turns with no render queued,
   * for one-shot commands: a kept thread holds about 20 MB through the copy that follows.
   */
  readonly idleMs?: number;
}

interface Task {
  readonly request: Omit<RenderRequest, 'id'>;
  resolve(text: string): void;
  reject(error: RelpackError): void;
}

interface Slot {
  readonly worker: Worker;
  ready: boolean;
  task: { id: number; task: Task; timer: NodeJS.Timeout } | null;
  idle: NodeJS.Timeout | null;
}

const DEFAULT_TIMEOUT_MS = 2_000;
const DEFAULT_HEAP_MB = 64;
const DEFAULT_IDLE_MS = 60_000;

/**
 * Renders templates in worker threads so that no template, however hostile, blocks the event
 * loop or exhausts the process heap: each render has a wall-time budget enforced by terminating
 * its thread and a heap budget enforced by the thread's `resourceLimits`. liquidjs's own limits
 * (parse, render, memory) still apply inside; this is the backstop for what escapes them.
 *
 * @example
 * const sandbox = new TemplateSandbox({ timeoutMs: 2000 });
 * const text = await sandbox.render('{{ release.name }}', data, 'NFO');
 */
export class TemplateSandbox {
  private readonly size: number;
  private readonly timeoutMs: number;
  private readonly heapMb: number;
  private readonly maxWaiting: number;
  private readonly idleMs: number;
  private readonly slots = new Set<Slot>();
  private readonly waiting: Task[] = [];
  private nextId = 1;
  private started = 0;

  constructor(options: TemplateSandboxOptions = {}) {
    this.size = Math.max(1, options.workers ?? Math.min(2, availableParallelism()));
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.heapMb = options.heapMb ?? DEFAULT_HEAP_MB;
    this.maxWaiting = options.maxWaiting ?? 256;
    this.idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  }

  /** The rendered text, or a TEMPLATE_INVALID / TEMPLATE_RENDER_FAILED error. */
  render(template: string, data: object, what: string): Promise<string> {
    return new Promise((resolve, reject) => {
      if (this.waiting.length >= this.maxWaiting) {
        reject(
          failure(`Too many templates are waiting to render; try the ${what} again in a moment`, what, {
            waiting: this.waiting.length,
          }),
        );
        return;
      }
      this.waiting.push({ request: { template, data, what }, resolve, reject });
      this.dispatch();
    });
  }

  /** Render threads alive now, busy or idle. */
  get threads(): number {
    return this.slots.size;
  }

  /** Render threads started since the sandbox was made (a kept thread is not started again). */
  get threadsStarted(): number {
    return this.started;
  }

  /** Ends every thread; renders still running fail. */
  async close(): Promise<void> {
    const slots = [...this.slots];
    this.slots.clear();
    for (const task of this.waiting.splice(0))
      task.reject(failure('The template sandbox closed', task.request.what));
    await Promise.all(slots.map((s) => this.retire(s, 'The template sandbox closed')));
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      const idle = [...this.slots].find((s) => s.ready && !s.task);
      if (!idle) {
        if (this.slots.size < this.size) this.spawn();
        return;
      }
      this.start(idle, this.waiting.shift()!);
    }
    for (const slot of this.slots) if (slot.ready && !slot.task && !slot.idle) this.keepIdle(slot);
  }

  /** Ends a thread left without work for `idleMs`; a render that arrives first keeps it. */
  private keepIdle(slot: Slot): void {
    slot.idle = setTimeout(() => {
      slot.idle = null;
      if (!slot.task) void this.retire(slot, 'The template sandbox ended an idle thread');
    }, this.idleMs);
    slot.idle.unref();
  }

  private start(slot: Slot, task: Task): void {
    const id = this.nextId++;
    if (slot.idle) clearTimeout(slot.idle);
    slot.idle = null;
    const timer = setTimeout(() => {
      void this.retire(
        slot,
        `The ${task.request.what} template took longer than ${this.timeoutMs} ms to render and was stopped`,
      );
    }, this.timeoutMs);
    slot.task = { id, task, timer };
    slot.worker.ref();
    try {
      slot.worker.postMessage({ id, ...task.request } satisfies RenderRequest);
    } catch (error) {
      // Data that cannot be cloned (a function, a symbol) is a caller's mistake, not the template's.
      clearTimeout(timer);
      slot.task = null;
      slot.worker.unref();
      task.reject(
        failure(
          `The ${task.request.what} data cannot be rendered: ${(error as Error).message}`,
          task.request.what,
        ),
      );
      this.dispatch();
    }
  }

  private spawn(): void {
    const entry = workerEntry();
    const worker = new Worker(entry.url, {
      eval: entry.eval,
      resourceLimits: {
        maxOldGenerationSizeMb: this.heapMb,
        maxYoungGenerationSizeMb: Math.max(4, Math.floor(this.heapMb / 8)),
        stackSizeMb: 4,
      },
    });
    const slot: Slot = { worker, ready: false, task: null, idle: null };
    this.started++;
    this.slots.add(slot);
    worker.unref();
    worker.on('message', (message: RenderReply | 'ready') => {
      if (message === 'ready') {
        slot.ready = true;
        this.dispatch();
        return;
      }
      const current = slot.task;
      if (!current || current.id !== message.id) return;
      clearTimeout(current.timer);
      slot.task = null;
      worker.unref();
      if ('text' in message) current.task.resolve(message.text);
      else
        current.task.reject(
          new RelpackError(knownCode(message.error.code), message.error.message, message.error.details),
        );
      this.dispatch();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const message =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `needed more than ${this.heapMb} MB of memory and was stopped`
          : `stopped its render thread (${error.message})`;
      void this.retire(slot, message, true);
    });
    worker.on('exit', () => {
      void this.retire(slot, 'stopped its render thread', true);
    });
  }

  /** Terminates a slot's thread, fails its render (if any) and lets a fresh thread take over. */
  private async retire(slot: Slot, reason: string, isTemplateFault = false): Promise<void> {
    const current = slot.task;
    slot.task = null;
    if (slot.idle) clearTimeout(slot.idle);
    slot.idle = null;
    const known = this.slots.delete(slot);
    if (current) {
      clearTimeout(current.timer);
      const what = current.task.request.what;
      current.task.reject(failure(isTemplateFault ? `The ${what} template ${reason}` : reason, what));
    }
    if (known && !slot.ready) {
      // A thread that died before it could render would die again: fail what waits, don't respawn.
      for (const task of this.waiting.splice(0)) {
        task.reject(failure(`The template renderer could not start: ${reason}`, task.request.what));
      }
    }
    if (known || current) await slot.worker.terminate().catch(() => undefined);
    this.dispatch();
  }
}

function failure(message: string, what: string, details: Record<string, unknown> = {}): RelpackError {
  return new RelpackError(TextErrorCode.TEMPLATE_RENDER_FAILED, message, {
    what,
    line: null,
    column: null,
    ...details,
  });
}

/**
 * The built worker sits beside this file as .js. When relpack runs from its TypeScript sources
 * (tests, `tsx`), the worker is the .ts file, and a worker thread does not inherit the parent's
 * loader (nor take `--import` in Node 20), so a small bootstrap registers tsx in the thread first.
 */
function workerEntry(): { url: URL | string; eval: boolean } {
  if (!import.meta.url.endsWith('.ts'))
    return { url: new URL('./template-worker.js', import.meta.url), eval: false };
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(
    /\.cjs$/,
    '.mjs',
  );
  const entry = new URL('./template-worker.ts', import.meta.url).href;
  return {
    url: `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`,
    eval: true,
  };
}

let shared: TemplateSandbox | null = null;
let sharedOptions: TemplateSandboxOptions = {};

/** The process's one sandbox, started on first use (so commands that render nothing pay nothing). */
export function sharedTemplateSandbox(): TemplateSandbox {
  shared ??= new TemplateSandbox(sharedOptions);
  return shared;
}

/**
 * Sets the options of the process's sandbox, as its composition root knows them (a one-shot
 * command keeps no idle thread). A sandbox already started is closed and the next render starts
 * one with these options.
 */
export async function configureSharedTemplateSandbox(options: TemplateSandboxOptions): Promise<void> {
  // The CLI's app loader and its runtime both say "one-shot": the same options again change nothing.
  if (JSON.stringify(options) === JSON.stringify(sharedOptions)) return;
  sharedOptions = options;
  const started = shared;
  shared = null;
  await started?.close();
}
