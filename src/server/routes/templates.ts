import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { TemplateView } from '../../app/index.js';
import { requireAuth } from '../plugins/access-guard.js';
import { errorResponses } from '../schemas.js';
import type { ServerDeps } from '../server-deps.js';

const Kind = z.enum(['nfo', 'diz']);
const ReleaseType = z.enum(['ebook', 'tv']);
const TemplateSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    releaseType: ReleaseType,
    kind: Kind,
    body: z.string(),
    description: z.string().nullable(),
    ownerId: z.string().nullable(),
    isDefault: z.boolean(),
    builtIn: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Template' });
const Body = z.string().min(1).max(200_000);
const Draft = z.object({
  name: z.string().trim().min(1).max(128),
  releaseType: ReleaseType,
  kind: Kind,
  body: Body,
  description: z.string().max(1000).nullable().optional(),
  isDefault: z.boolean().optional(),
  private: z.boolean().optional(),
});
const Preview = z
  .object({
    text: z.string(),
    cp437: z.string(),
    lineCount: z.number(),
    warnings: z.array(z.record(z.string(), z.unknown())),
  })
  .meta({ id: 'TemplatePreview' });
const RenderData = z.object({ data: z.record(z.string(), z.unknown()).optional() });
const TemplateParams = z.object({ id: z.string().min(1).max(64) });

const view = (t: TemplateView) => ({ ...t });

export const templateRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app, { services }) => {
  const templates = services.templates;
  const tags = ['templates'];

  app.get(
    '/api/templates',
    {
      schema: {
        tags,
        summary: 'Built-in, global and your own templates',
        response: { 200: z.object({ items: z.array(TemplateSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: (await templates.list(requireAuth(request))).map(view) }),
  );
  app.get(
    '/api/templates/variables',
    {
      schema: {
        tags,
        summary: 'Every placeholder a template can use, with type, description and example',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                name: z.string(),
                type: z.string(),
                description: z.string(),
                example: z.unknown(),
                dizOnly: z.boolean(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async () => ({ items: templates.variables() }),
  );
  app.post(
    '/api/templates/render',
    {
      config: { rendersTemplate: true },
      schema: {
        tags,
        summary: 'Render an unsaved body with sample (or given) data',
        body: z.object({
          body: Body,
          kind: Kind,
          releaseType: ReleaseType,
          data: z.record(z.string(), z.unknown()).optional(),
        }),
        response: { 200: Preview, ...errorResponses },
      },
    },
    async (request) =>
      templates.render(request.body.body, request.body.kind, request.body.releaseType, request.body.data),
  );
  app.post(
    '/api/templates',
    {
      config: { rendersTemplate: true },
      schema: {
        tags,
        summary: 'Create a template (admins: global unless private)',
        body: Draft,
        response: { 201: TemplateSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { description, isDefault, private: own, ...rest } = request.body;
      const created = await templates.create(requireAuth(request), {
        ...rest,
        ...(description === undefined ? {} : { description }),
        ...(isDefault === undefined ? {} : { isDefault }),
        ...(own === undefined ? {} : { private: own }),
      });
      return reply.status(201).send(view(created));
    },
  );
  app.get(
    '/api/templates/:id',
    {
      schema: {
        tags,
        summary: 'One template',
        params: TemplateParams,
        response: { 200: TemplateSchema, ...errorResponses },
      },
    },
    async (request) => view(await templates.get(requireAuth(request), request.params.id)),
  );
  app.put(
    '/api/templates/:id',
    {
      config: { rendersTemplate: true },
      schema: {
        tags,
        summary: 'Change a template (not a built-in one)',
        params: TemplateParams,
        body: Draft.omit({ private: true }).partial(),
        response: { 200: TemplateSchema, ...errorResponses },
      },
    },
    async (request) => {
      const changes = Object.fromEntries(Object.entries(request.body).filter(([, v]) => v !== undefined));
      return view(await templates.update(requireAuth(request), request.params.id, changes));
    },
  );
  app.delete(
    '/api/templates/:id',
    {
      schema: {
        tags,
        summary: 'Delete a template (not a built-in one)',
        params: TemplateParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await templates.delete(requireAuth(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/templates/:id/render',
    {
      config: { rendersTemplate: true },
      schema: {
        tags,
        summary: 'Render a stored template with sample (or given) data',
        params: TemplateParams,
        body: RenderData,
        response: { 200: Preview, ...errorResponses },
      },
    },
    async (request) => {
      const t = await templates.get(requireAuth(request), request.params.id);
      return templates.render(t.body, t.kind, t.releaseType, request.body.data);
    },
  );
};
