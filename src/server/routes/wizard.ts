import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { WIZARD_STEPS } from '../../app/index.js';
import { requireAuth } from '../plugins/access-guard.js';
import { errorResponses } from '../schemas.js';
import type { ServerDeps } from '../server-deps.js';
import { JobSchema, jobView } from './jobs.js';

const Finding = z.object({
  id: z.string(),
  severity: z.enum(['block', 'warn']),
  message: z.string(),
  detail: z.string(),
  ref: z.string(),
  subject: z.string().optional(),
});
const State = z.record(z.string(), z.unknown());

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
        body: z.object({
          step: z.enum(WIZARD_STEPS as [string, ...string[]]),
          data: z.unknown(),
          state: State.optional(),
        }),
        response: {
          200: z.object({
            ok: z.boolean(),
            errors: z.array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() })),
            findings: z.array(Finding),
            info: z.record(z.string(), z.unknown()),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      wizard.validateStep(
        user(request),
        request.body.step as never,
        request.body.data,
        (request.body.state ?? {}) as never,
      ),
  );

  app.post(
    '/api/wizard/preview',
    {
      config: { rendersTemplate: true },
      schema: {
        tags,
        summary:
          'The full plan (name and findings, volumes, disks, NFO and DIZ text) without writing anything',
        body: State,
        response: {
          200: z.object({
            releaseName: z.string(),
            profile: z.string(),
            notes: z.array(z.string()),
            volumeSize: z.number(),
            volumes: z.array(z.object({ name: z.string(), size: z.number() })),
            disks: z.array(z.object({ zip: z.string(), volume: z.string(), diz: z.string() })).nullable(),
            nfo: z.object({ name: z.string(), text: z.string() }),
            sfv: z.string().nullable(),
            sample: z
              .object({ path: z.string(), startSeconds: z.number(), endSeconds: z.number() })
              .nullable(),
            findings: z.array(Finding),
          }),
          ...errorResponses,
          422: errorResponses[400],
        },
      },
    },
    async (request) => {
      const {
        releaseDir: _dir,
        files: _files,
        dryRun: _dry,
        ...plan
      } = await wizard.preview(user(request), request.body);
      return {
        ...plan,
        notes: [...plan.notes],
        volumes: [...plan.volumes],
        disks: plan.disks ? [...plan.disks] : null,
        findings: [...plan.findings],
      };
    },
  );

  app.post(
    '/api/wizard/pack',
    {
      config: { rendersTemplate: true },
      schema: {
        tags,
        summary: 'Create the pack job from the wizard state',
        body: State,
        response: { 201: JobSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(jobView(await wizard.pack(user(request), request.body))),
  );
};
