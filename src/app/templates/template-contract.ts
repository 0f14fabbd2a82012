import { z } from 'zod';
import { ReleaseTypeSchema } from '../jobs/job-contract.js';

export const TemplateKindSchema = z.enum(['nfo', 'diz']);
const TemplateBody = z.string().min(1).max(200_000);

export const TemplateViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    releaseType: ReleaseTypeSchema,
    kind: TemplateKindSchema,
    body: z.string(),
    description: z.string().nullable(),
    ownerId: z.string().nullable(),
    isDefault: z.boolean(),
    /** Built-in templates ship with relpack: they can be copied, not changed or deleted. */
    builtIn: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Template' });
export type TemplateView = z.infer<typeof TemplateViewSchema>;

const draftFields = z.object({
  name: z.string().trim().min(1).max(128),
  releaseType: ReleaseTypeSchema,
  kind: TemplateKindSchema,
  body: TemplateBody,
  description: z.string().max(1000).nullable().optional(),
  isDefault: z.boolean().optional(),
  /** Admins create global templates unless they ask for a private one. */
  private: z.boolean().optional(),
});
export const TemplateDraftSchema = draftFields.strict().meta({ id: 'NewTemplate' });
export type TemplateDraft = z.infer<typeof TemplateDraftSchema>;

export const TemplateChangeSchema = draftFields
  .omit({ private: true })
  .partial()
  .strict()
  .meta({ id: 'TemplateChange' });
export type TemplateChange = z.infer<typeof TemplateChangeSchema>;

/** Text data over the sample (checked against the template variables when rendered). */
const RenderDataSchema = z
  .record(z.string(), z.unknown())
  .optional()
  .meta({ description: 'Values over the sample data, by variable path (GET /api/templates/variables)' });

export const RenderRequestSchema = z
  .object({
    body: TemplateBody,
    kind: TemplateKindSchema,
    releaseType: ReleaseTypeSchema,
    data: RenderDataSchema,
  })
  .strict()
  .meta({ id: 'TemplateRenderRequest' });
export type RenderRequest = z.infer<typeof RenderRequestSchema>;

export const RenderStoredSchema = z
  .object({ data: RenderDataSchema })
  .strict()
  .meta({ id: 'TemplateRenderData' });

export const RenderWarningSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('width'), line: z.number(), width: z.number(), max: z.number() }),
  z.object({ type: z.literal('height'), lines: z.number(), max: z.number() }),
  z.object({
    type: z.literal('charset'),
    line: z.number(),
    column: z.number(),
    char: z.string(),
    replacement: z.string(),
  }),
  z.object({ type: z.literal('counter'), message: z.string() }),
]);

export const RenderPreviewSchema = z
  .object({
    text: z.string(),
    /** The CP437 bytes as written, base64. */
    cp437: z.string(),
    lineCount: z.number(),
    warnings: z.array(RenderWarningSchema),
  })
  .meta({ id: 'TemplatePreview' });
export type RenderPreview = z.infer<typeof RenderPreviewSchema>;

export const TemplateVariablesSchema = z.object({
  items: z.array(
    z.object({
      name: z.string(),
      type: z.string(),
      description: z.string(),
      example: z.unknown(),
      dizOnly: z.boolean(),
    }),
  ),
});
