import type { FastifyInstance, FastifyRequest } from 'fastify';
import { RelpackError } from '../../errors/index.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route renders a user's template: one such request per user runs at a time. */
    rendersTemplate?: boolean;
  }
}

/** One running and one waiting; a third at once is refused rather than queued. */
const MAX_PER_USER = 2;

interface Lane {
  tail: Promise<void>;
  count: number;
}

const released = Symbol('render-gate-release');
type Gated = FastifyRequest & { [released]?: () => void };

/**
 * Renders run in a small pool of threads shared by every user (the engine's TemplateSandbox):
 * one user sending many hostile templates at once would hold every thread for its full time
 * budget. This hook lets each user have one render running, so the others keep a free thread.
 */
export function registerRenderGate(app: FastifyInstance): void {
  const lanes = new Map<string, Lane>();
  app.addHook('preHandler', async (request: Gated) => {
    if (!request.routeOptions.config?.rendersTemplate || !request.auth) return;
    const key = request.auth.userId;
    const lane = lanes.get(key) ?? { tail: Promise.resolve(), count: 0 };
    if (lane.count >= MAX_PER_USER) {
      throw Object.assign(
        new RelpackError(
          'RATE_LIMITED',
          'Another template render of yours is still running; retry when it ends',
          {
            retryAfterSeconds: 2,
          },
        ),
        { statusCode: 429 },
      );
    }
    lane.count++;
    lanes.set(key, lane);
    const previous = lane.tail;
    let release!: () => void;
    lane.tail = new Promise<void>((resolve) => {
      release = () => {
        if (!request[released]) return;
        request[released] = undefined;
        lane.count--;
        if (lane.count === 0) lanes.delete(key);
        resolve();
      };
    });
    request[released] = release;
    await previous;
  });
  const done = async (request: Gated) => request[released]?.();
  app.addHook('onResponse', done);
  app.addHook('onRequestAbort', done);
}
