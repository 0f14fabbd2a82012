import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

import { AuthError, AuthErrorCode } from '../../app/index.js';
import { RelpackError } from '../../engine/index.js';
import { requireAuth } from '../plugins/access-guard.js';
import { ErrorSchema, errorResponses, IdParams } from '../schemas.js';
import type { ServerDeps } from '../server-deps.js';
import { JobSchema, jobView } from './jobs.js';

const ArtifactSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    path: z.string(),
    size: z.number(),
    crc32: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'Artifact' });
const LogLineSchema = z
  .object({
    id: z.number(),
    level: z.enum(['debug', 'info', 'warn', 'error']),
    message: z.string(),
    fields: z.record(z.string(), z.unknown()).nullable(),
    at: z.string(),
  })
  .meta({ id: 'LogLine' });

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

export const jobActionRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app, { services }) => {
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
        body: z.record(z.string(), z.unknown()),
        response: { 201: JobSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(jobView(await jobs.create(requester(request), request.body))),
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
          params: IdParams,
          response: { 200: JobSchema, ...errorResponses },
        },
      },
      async (request) => jobView(await run(requester(request), request.params.id)),
    );
  }

  app.delete(
    '/api/jobs/:id',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Delete a job, its logs, artifacts and files',
        params: IdParams,
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
        params: IdParams,
        body: z.object({ destinations: z.array(z.string().min(1).max(128)).min(1).max(20) }).strict(),
        response: { 201: z.object({ items: z.array(JobSchema) }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const created = await jobs.createUploads(
        requester(request),
        request.params.id,
        request.body.destinations,
      );
      return reply.status(201).send({ items: created.map(jobView) });
    },
  );

  app.get(
    '/api/jobs/:id/logs',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Log lines in order; page with `after` (the last id you have)',
        params: IdParams,
        querystring: z.object({
          after: z.coerce.number().int().min(0).optional(),
          level: z.enum(['debug', 'info', 'warn', 'error']).optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(200),
        }),
        response: { 200: z.object({ items: z.array(LogLineSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const { after, level, limit } = request.query;
      return {
        items: await jobs.logs(requireAuth(request), request.params.id, {
          limit,
          ...(after === undefined ? {} : { afterId: after }),
          ...(level ? { minLevel: level } : {}),
        }),
      };
    },
  );

  app.get(
    '/api/jobs/:id/artifacts',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Files the job produced',
        params: IdParams,
        response: { 200: z.object({ items: z.array(ArtifactSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: (await jobs.artifacts(requireAuth(request), request.params.id)).map(({ jobId: _j, ...a }) => a),
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
        params: IdParams,
      },
    },
    async (request, reply) => {
      let viewer = requireAuth(request);
      const id = request.params.id;
      let job = await jobs.get(viewer, id);
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
      send('snapshot', jobView(job));
      let lastLog = 0;
      let lastProgress = JSON.stringify(job.progress);
      let lastStatus = job.status;
      let closed = false;
      let wake: () => void = () => undefined;
      const unsubscribe = services.events.on(id, () => wake());
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
      request.raw.on('close', () => {
        closed = true;
        wake();
      });
      try {
        while (!closed) {
          // A viewer signed out, disabled, demoted or deleted meanwhile loses the stream here.
          viewer = await services.sessions.resolve(viewer);
          for (const line of await services.jobs.logs(viewer, id, { afterId: lastLog, limit: 500 })) {
            send('log', line);
            lastLog = line.id;
          }
          job = await jobs.get(viewer, id);
          const progress = JSON.stringify(job.progress);
          if (progress !== lastProgress) {
            lastProgress = progress;
            send('progress', job.progress);
          }
          if (job.status !== lastStatus) {
            lastStatus = job.status;
            send('status', { status: job.status });
          }
          if (['completed', 'failed', 'cancelled'].includes(job.status)) {
            for (const line of await services.jobs.logs(viewer, id, { afterId: lastLog, limit: 1000 }))
              send('log', line);
            send('end', jobView(job));
            break;
          }
          // Woken at once by this process's events; the timer covers jobs run by other workers.
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, 500);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
        }
      } catch (error) {
        if (!closed)
          send('error', {
            code: (error as RelpackError).code ?? 'INTERNAL_ERROR',
            message: (error as Error).message,
          });
      } finally {
        clearInterval(heartbeat);
        unsubscribe();
        res.end();
      }
    },
  );
};
