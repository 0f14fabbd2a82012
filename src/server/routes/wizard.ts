import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  JobViewSchema,
  StepRequestSchema,
  StepResultSchema,
  WizardPreviewSchema,
  WizardStateSchema,
} from '../../app/index.js';
import { requireAuth } from '../plugins/access-guard.js';
import { ErrorSchema, errorResponses } from '../schemas.js';
import type { ServerDeps } from '../server-deps.js';

export const wizardRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app, { services }) => {
  const wizard = services.wizard;
  const tags = ['wizard'];
  const user = (request: Parameters<typeof requireAuth>[0]) => ({ ...requireAuth(request), ip: request.ip });

  app.post(
    '/api/wizard/step/validate',
    {
      config: { rendersTemplate: true },
      schema: {
        tags,
        summary: 'Validate one step: field errors, rule findings, and what the step learnt',
        body: StepRequestSchema,
        response: { 200: StepResultSchema, ...errorResponses },
      },
    },
    async (request) =>
      wizard.validateStep(user(request), request.body.step, request.body.data, request.body.state ?? {}),
  );

  app.post(
    '/api/wizard/preview',
    {
      config: { rendersTemplate: true },
      schema: {
        tags,
        summary:
          'The full plan (name and findings, volumes, disks, NFO and DIZ text) without writing anything',
        body: WizardStateSchema,
        response: {
          200: WizardPreviewSchema,
          ...errorResponses,
          422: errorResponses[400],
        },
      },
    },
    async (request) => wizard.preview(user(request), request.body),
  );

  app.post(
    '/api/wizard/pack',
    {
      config: { rendersTemplate: true },
      schema: {
        tags,
        summary: 'Create the pack job from the wizard state',
        body: WizardStateSchema,
        response: { 201: JobViewSchema, ...errorResponses, 422: ErrorSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await wizard.pack(user(request), request.body)),
  );
};
