import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ArtifactSchema,
  AuthError,
  AuthErrorCode,
  JobDetailSchema,
  JobListQuerySchema,
  JobPageSchema,
  JobRefParamsSchema,
  JobViewSchema,
  LogLineSchema,
  LogQuerySchema,
  PackJobRequestSchema,
} from '../../app/index.js';
import { type ErrorCode, isRelpackError, RelpackError } from '../../errors/index.js';
import { requireAuth } from '../plugins/access-guard.js';
import { ResponseMemo } from '../plugins/response-memo.js';
import { ErrorSchema, errorResponses } from '../schemas.js';
import type { ServerDeps } from '../server-deps.js';

/** Parses a single `bytes=a-b` range; null means "the whole file", throws on an unsatisfiable one. */
function parseRange(header: string | undefined, size: number): { start: number; end: number } | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start > end || start >= size)
    throw new RelpackError('RANGE_NOT_SATISFIABLE', `Range ${header} is outside the file (${size} bytes)`, {
      size,
    });
  return { start, end };
}

export const jobRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app, { services }) => {
  const listMemo = new ResponseMemo(200);
  app.get(
    '/api/jobs',
    {
      // The list is the hottest route; toJobView builds exactly the documented shape, so the handler
      // writes it with plain JSON.stringify instead of having it re-validated against the schema.
      serializerCompiler: () => (data) => (typeof data === 'string' ? data : JSON.stringify(data)),
      schema: {
        tags: ['jobs'],
        summary: 'List jobs, newest first (operators see their own)',
        querystring: JobListQuerySchema,
        response: {
          200: JobPageSchema,
          304: z
            .null()
            .meta({ description: 'Not modified: the ETag sent in If-None-Match is still current' }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const viewer = requireAuth(request);
      // The same page for the same viewer, unchanged since the database last changed: the stored
      // bytes (or a 304 for a client that has them).
      const token = services.changeToken();
      const key = `${viewer.role}:${viewer.userId}:${request.url}`;
      const memo = token ? listMemo.get(key, token) : undefined;
      if (memo) {
        reply.header('etag', memo.etag).header('cache-control', 'private, no-cache');
        if (request.headers['if-none-match'] === memo.etag) return reply.code(304).send(null);
        return reply.type('application/json; charset=utf-8').send(memo.body as never);
      }
      const body = JSON.stringify(await services.jobs.list(viewer, request.query));
      if (token) {
        const stored = listMemo.set(key, token, body);
        reply.header('etag', stored.etag).header('cache-control', 'private, no-cache');
      }
      return reply.type('application/json; charset=utf-8').send(body as never);
    },
  );

  app.get(
    '/api/jobs/:id',
    {
      schema: {
        tags: ['jobs'],
        summary: 'One job, with the config it runs from',
        params: JobRefParamsSchema,
        response: { 200: JobDetailSchema, ...errorResponses },
      },
    },
    async (request) => services.jobs.get(requireAuth(request), request.params.id),
  );

  const jobs = services.jobs;
  const requester = (request: Parameters<typeof requireAuth>[0]) => ({
    ...requireAuth(request),
    ip: request.ip,
  });

  app.post(
    '/api/jobs',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Create a pack job from a full config (source inside RELPACK_SOURCE_ROOTS)',
        body: PackJobRequestSchema,
        response: { 201: JobViewSchema, ...errorResponses, 422: ErrorSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await jobs.create(requester(request), request.body)),
  );

  for (const [action, run] of [
    ['cancel', (v: ReturnType<typeof requester>, id: string) => jobs.cancel(v, id)],
    ['retry', (v: ReturnType<typeof requester>, id: string) => jobs.retry(v, id)],
  ] as const) {
    app.post(
      `/api/jobs/:id/${action}`,
      {
        schema: {
          tags: ['jobs'],
          summary:
            action === 'cancel'
              ? 'Cancel a pending or running job (its partial output is removed)'
              : 'Run a failed or cancelled job again',
          params: JobRefParamsSchema,
          response: { 200: JobViewSchema, ...errorResponses },
        },
      },
      async (request) => run(requester(request), request.params.id),
    );
  }

  app.delete(
    '/api/jobs/:id',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Delete a job, its logs, artifacts and files',
        params: JobRefParamsSchema,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await jobs.delete(requester(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/jobs/:id/upload',
    {
      schema: {
        tags: ['jobs'],
        summary: "Upload a completed pack job's release: one upload job per destination (ids or names)",
        params: JobRefParamsSchema,
        body: z.object({ destinations: z.array(z.string().min(1).max(128)).min(1).max(20) }).strict(),
        response: { 201: z.object({ items: z.array(JobViewSchema) }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const created = await jobs.createUploads(
        requester(request),
        request.params.id,
        request.body.destinations,
      );
      return reply.status(201).send({ items: created });
    },
  );

  app.get(
    '/api/jobs/:id/logs',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Log lines in order; page with `after` (the last id you have)',
        params: JobRefParamsSchema,
        querystring: LogQuerySchema,
        response: { 200: z.object({ items: z.array(LogLineSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await jobs.logs(requireAuth(request), request.params.id, request.query) }),
  );

  app.get(
    '/api/jobs/:id/artifacts',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Files the job produced',
        params: JobRefParamsSchema,
        response: { 200: z.object({ items: z.array(ArtifactSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: await jobs.artifacts(requireAuth(request), request.params.id),
    }),
  );

  app.get(
    '/api/jobs/:id/artifacts/:artifactId/download',
    {
      // Public to the guard: a browser link carries a short-lived `token` instead of a header.
      config: { access: 'public' },
      schema: {
        tags: ['jobs'],
        summary:
          'Download an artifact (Range requests supported); Bearer token, or ?token= from the link route',
        params: z.object({ id: z.uuid(), artifactId: z.uuid() }),
        querystring: z.object({ token: z.string().max(2048).optional() }),
        response: {
          200: z.unknown().meta({ description: 'The file' }),
          206: z.unknown().meta({ description: 'The requested byte range' }),
          416: ErrorSchema,
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { token } = request.query;
      const viewer =
        request.auth ??
        (token
          ? await services.sessions.resolve(
              await services.accessTokens.verifyDownload(token, request.params.artifactId),
            )
          : null);
      if (!viewer) {
        throw new AuthError(
          AuthErrorCode.UNAUTHENTICATED,
          'Sign in first: send Authorization: Bearer <access token>, or use a link from POST …/link',
        );
      }
      const { artifact, path } = await jobs.artifactFile(
        viewer,
        request.params.id,
        request.params.artifactId,
      );
      const range = parseRange(request.headers.range, artifact.size);
      reply
        .header('accept-ranges', 'bytes')
        .header('content-type', 'application/octet-stream')
        .header(
          'content-disposition',
          `attachment; filename="${basename(artifact.path).replace(/["\\]/g, '_')}"`,
        )
        .header('x-crc32', artifact.crc32);
      if (!range) return reply.header('content-length', artifact.size).send(createReadStream(path));
      return reply
        .status(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${artifact.size}`)
        .header('content-length', range.end - range.start + 1)
        .send(createReadStream(path, { start: range.start, end: range.end }));
    },
  );

  app.post(
    '/api/jobs/:id/srr',
    {
      schema: {
        tags: ['jobs'],
        summary: "The ReScene .srr of a completed pack job's release (RAR headers, NFO, SFV; docs/srr.md)",
        params: JobRefParamsSchema,
        response: { 200: z.unknown().meta({ description: 'The .srr file' }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { fileName, bytes } = await jobs.srr(
        requireAuth(request),
        request.params.id,
        `relpack ${services.version}`,
      );
      return reply
        .header('content-type', 'application/octet-stream')
        .header('content-disposition', `attachment; filename="${fileName.replace(/["\\]/g, '_')}"`)
        .header('content-length', bytes.length)
        .send(bytes);
    },
  );

  app.post(
    '/api/jobs/:id/artifacts/:artifactId/link',
    {
      schema: {
        tags: ['jobs'],
        summary: 'A download URL for an artifact that works without a header for two minutes',
        params: z.object({ id: z.uuid(), artifactId: z.uuid() }),
        response: { 200: z.object({ url: z.string(), expiresAt: z.string() }), ...errorResponses },
      },
    },
    async (request) => {
      const viewer = requireAuth(request);
      const { id, artifactId } = request.params;
      await jobs.artifactFile(viewer, id, artifactId);
      const link = await services.accessTokens.issueDownload(viewer, artifactId);
      return {
        url: `/api/jobs/${id}/artifacts/${artifactId}/download?token=${encodeURIComponent(link.token)}`,
        expiresAt: link.expiresAt.toISOString(),
      };
    },
  );

  app.get(
    '/api/jobs/:id/events',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Server-Sent Events: snapshot, progress, status, log, and end when the job ends',
        params: JobRefParamsSchema,
      },
    },
    async (request, reply) => {
      let viewer = requireAuth(request);
      // Unknown or foreign ids answer 404 before the stream starts.
      const { id } = await jobs.get(viewer, request.params.id);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      const send = (event: string, data: unknown) =>
        res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      const closed = new AbortController();
      request.raw.on('close', () => closed.abort());
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
      try {
        for await (const event of jobs.follow(viewer, id, {
          signal: closed.signal,
          revalidate: async () => {
            viewer = await services.sessions.resolve(viewer);
            return viewer;
          },
        })) {
          if (event.type === 'snapshot' || event.type === 'end') send(event.type, event.job);
          else if (event.type === 'log') send('log', event.line);
          else if (event.type === 'progress') send('progress', event.progress);
          else send('status', { status: event.status });
        }
      } catch (error) {
        const code: ErrorCode = isRelpackError(error) ? error.code : 'INTERNAL_ERROR';
        if (!closed.signal.aborted) send('error', { code, message: (error as Error).message });
      } finally {
        clearInterval(heartbeat);
        res.end();
      }
    },
  );
};
