import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { isRelpackError } from '../../engine/index.js';
import { httpStatusFor } from '../http-status.js';

export interface ErrorBody {
  error: { code: string; message: string; details: Record<string, unknown> };
}

const body = (code: string, message: string, details: Record<string, unknown> = {}): ErrorBody => ({
  error: { code, message, details },
});

/** Fastify's own client errors, named in our vocabulary. */
const FASTIFY_CODES: Readonly<Record<string, [string, number]>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: ['PAYLOAD_TOO_LARGE', 413],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['UNSUPPORTED_MEDIA_TYPE', 415],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['MALFORMED_REQUEST', 400],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['MALFORMED_REQUEST', 400],
  FST_ERR_CTP_INVALID_JSON_BODY: ['MALFORMED_REQUEST', 400],
  FST_ERR_VALIDATION: ['VALIDATION_FAILED', 400],
};

/** Every error leaves as `{ error: { code, message, details } }` with a status from one table. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({
        path: v.instancePath || '/',
        message: v.message ?? 'invalid',
      }));
      return reply.status(400).send(
        body(
          'VALIDATION_FAILED',
          `Invalid ${error.validationContext ?? 'request'}: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
          {
            issues,
          },
        ),
      );
    }
    if (isRelpackError(error)) {
      const status = httpStatusFor(error.code);
      if (status >= 500) request.log.error({ err: error }, 'request failed');
      if (status === 429 && typeof error.details.retryAfterSeconds === 'number') {
        reply.header('retry-after', String(error.details.retryAfterSeconds));
      }
      return reply
        .status(status)
        .send(body(error.code, error.message, error.details as Record<string, unknown>));
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) return reply.status(mapped[1]).send(body(mapped[0], error.message));
    // Client errors Fastify raises with a status; an internal SyntaxError is a bug, not a 400.
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const status = error.statusCode;
      return reply
        .status(status)
        .send(body(status === 429 ? 'RATE_LIMITED' : 'MALFORMED_REQUEST', error.message));
    }
    if (isResponseSerializationError(error))
      request.log.error({ err: error, cause: error.cause }, 'response does not match its schema');
    else request.log.error({ err: error }, 'unexpected error');
    return reply.status(500).send(body('INTERNAL_ERROR', 'Internal error; the server log has the details'));
  });
}

/** The JSON 404 for a path no route serves (the web app's not-found handler answers API paths with it). */
export const notFoundBody = (method: string, path: string) => body('NOT_FOUND', `No route ${method} ${path}`);
