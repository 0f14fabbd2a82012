import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  RenderPreviewSchema,
  RenderRequestSchema,
  RenderStoredSchema,
  TemplateChangeSchema,
  TemplateDraftSchema,
  TemplateVariablesSchema,
  TemplateViewSchema,
} from '../../app/index.js';
import { requireAuth } from '../plugins/access-guard.js';
import { errorResponses } from '../schemas.js';
import type { ServerDeps } from '../server-deps.js';

const TemplateParams = z.object({ id: z.string().min(1).max(64) });

export const templateRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app, { services }) => {
  const templates = services.templates;
  const tags = ['templates'];

  app.get(
    '/api/templates',
    {
      schema: {
        tags,
        summary: 'Built-in, global and your own templates',
        response: { 200: z.object({ items: z.array(TemplateViewSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await templates.list(requireAuth(request)) }),
  );
  app.get(
    '/api/templates/variables',
    {
      schema: {
        tags,
        summary: 'Every placeholder a template can use, with type, description and example',
        response: { 200: TemplateVariablesSchema, ...errorResponses },
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
        body: RenderRequestSchema,
        response: { 200: RenderPreviewSchema, ...errorResponses },
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
        body: TemplateDraftSchema,
        response: { 201: TemplateViewSchema, ...errorResponses },
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
      return reply.status(201).send(created);
    },
  );
  app.get(
    '/api/templates/:id',
    {
      schema: {
        tags,
        summary: 'One template',
        params: TemplateParams,
        response: { 200: TemplateViewSchema, ...errorResponses },
      },
    },
    async (request) => templates.get(requireAuth(request), request.params.id),
  );
  app.put(
    '/api/templates/:id',
    {
      config: { rendersTemplate: true },
      schema: {
        tags,
        summary: 'Change a template (not a built-in one)',
        params: TemplateParams,
        body: TemplateChangeSchema,
        response: { 200: TemplateViewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const changes = Object.fromEntries(Object.entries(request.body).filter(([, v]) => v !== undefined));
      return templates.update(requireAuth(request), request.params.id, changes);
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
        body: RenderStoredSchema,
        response: { 200: RenderPreviewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const t = await templates.get(requireAuth(request), request.params.id);
      return templates.render(t.body, t.kind, t.releaseType, request.body.data);
    },
  );
};
