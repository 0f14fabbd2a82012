// The thread a template renders in (see template-sandbox.ts): it holds no state between renders
// but the compiled engine, and answers every request, rendered or failed, with its id.
import { parentPort } from 'node:worker_threads';
import { RelpackError } from '../errors.js';
import { createTextEngine, renderTemplate } from './liquid.js';

export interface RenderRequest {
  readonly id: number;
  readonly template: string;
  readonly data: object;
  readonly what: string;
}

export type RenderReply =
  | { readonly id: number; readonly text: string }
  | {
      readonly id: number;
      readonly error: { code: string; message: string; details: Record<string, unknown> };
    };

const engine = createTextEngine();

parentPort?.on('message', async (request: RenderRequest) => {
  let reply: RenderReply;
  try {
    reply = {
      id: request.id,
      text: await renderTemplate(engine, request.template, request.data, request.what),
    };
  } catch (error) {
    const coded = error instanceof RelpackError;
    reply = {
      id: request.id,
      error: {
        code: coded ? error.code : 'TEMPLATE_RENDER_FAILED',
        message: (error as Error).message,
        details: coded ? (error.details as Record<string, unknown>) : { what: request.what },
      },
    };
  }
  parentPort?.postMessage(reply);
});

parentPort?.postMessage('ready');
