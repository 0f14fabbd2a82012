import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listProfiles, ProfileIdSchema } from '../../app/index.js';
import { errorResponses } from '../schemas.js';
import type { ServerDeps } from '../server-deps.js';

const SizeRule = z.object({ fixed: z.array(z.number()), multipleOf: z.number().nullable() });

/** The rule profiles, with what the wizard offers from them (formats, volume sizes, sample, NFO width). */
export const profileRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app) => {
  app.get(
    '/api/profiles',
    {
      schema: {
        tags: ['wizard'],
        summary: 'Rule profiles: release type, archive formats, allowed volume sizes, sample and NFO limits',
        response: {
          200: z.object({
            items: z.array(
              z
                .object({
                  id: ProfileIdSchema,
                  name: z.string(),
                  releaseType: z.enum(['ebook', 'tv']),
                  ruleset: z.string(),
                  version: z.number(),
                  rarFormats: z.array(z.enum(['rar4', 'rar5'])),
                  volumeSizes: z.record(z.string(), SizeRule),
                  maxVolumes: z.number(),
                  sample: z.boolean(),
                  nfoMaxWidth: z.number(),
                  checks: z.array(
                    z.object({
                      id: z.string(),
                      severity: z.enum(['block', 'warn']),
                      message: z.string(),
                      ref: z.string(),
                    }),
                  ),
                })
                .meta({ id: 'RuleProfile' }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async () => ({
      items: listProfiles().map((p) => ({
        id: p.id,
        name: p.name,
        releaseType: p.releaseType,
        ruleset: p.ruleset,
        version: p.version,
        rarFormats: [...p.packaging.archive.formats],
        volumeSizes: Object.fromEntries(
          Object.entries(p.packaging.archive.volumeSizes).map(([k, v]) => [
            k,
            { fixed: [...v.fixed], multipleOf: v.multipleOf },
          ]),
        ),
        maxVolumes: p.packaging.archive.maxVolumes,
        sample: p.packaging.sample !== null,
        nfoMaxWidth: p.packaging.nfo.maxWidth,
        checks: p.checks.map((c) => ({ id: c.id, severity: c.severity, message: c.message, ref: c.ref })),
      })),
    }),
  );
};
