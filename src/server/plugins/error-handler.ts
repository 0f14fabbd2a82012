import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { type ErrorCode, isRelpackError } from '../../errors/index.js';
import { httpStatusFor } from '../http-status.js';
import { applySecurityHeaders } from './security-headers.js';

export interface ErrorBody {
  error: { code: string; message: string; details: Record<string, unknown> };
}

const body = (code: ErrorCode, message: string, details: Record<string, unknown> = {}): ErrorBody => ({
  error: { code, message, details },
});

/** Fastify's own client errors, named in our vocabulary. */
const FASTIFY_CODES: Readonly<Record<string, [ErrorCode, number]>> = {
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
      // The same issue shape the use-cases' own checks give (`tls.verify`), whoever found it first.
      const issues = error.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: v.message ?? 'invalid',
      }));
      const what = error.validationContext ?? 'request';
      return reply
        .status(400)
        .send(
          body(
            'VALIDATION_FAILED',
            `Invalid ${what}: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`,
            { issues },
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

/**
 * Errors the router raises before any route or hook runs (a path parameter over the length limit,
 * a malformed URL): same envelope, codes from our vocabulary.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  applySecurityHeaders(reply, request.url);
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void reply
      .status(414)
      .send(body('URI_TOO_LONG', 'A path parameter is over 100 characters; ids and names are shorter', {}));
    return;
  }
  void reply.status(400).send(body('MALFORMED_REQUEST', `The URL cannot be read: ${error.message}`));
}

/**
 * Errors of the HTTP parser itself (headers over 16 KB, a request that timed out, garbage): the
 * connection is answered with the envelope and closed, as Node would, but never in another shape.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message]: [number, ErrorCode, string] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'HEADERS_TOO_LARGE', 'The request headers are over 16 KB; send fewer or shorter ones']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'REQUEST_TIMEOUT', 'The request did not arrive in time']
        : [400, 'MALFORMED_REQUEST', 'The request is not valid HTTP'];
  const text = JSON.stringify(body(code, message));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(text)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${text}`,
    );
  }
  socket.destroy(error);
}

/** The JSON 404 for a path no route serves (the web app's not-found handler answers API paths with it). */
export const notFoundBody = (method: string, path: string) => body('NOT_FOUND', `No route ${method} ${path}`);
