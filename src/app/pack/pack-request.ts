import { z } from 'zod';
import { listProfiles } from '../../engine/index.js';
import { ReleaseTypeSchema } from '../jobs/job-contract.js';

/** The group tag at the end of every release name. */
export const GroupTagSchema = z
  .string()
  .regex(/^[A-Za-z0-9_]{1,32}$/, 'letters, digits or underscore, at most 32')
  .meta({ description: 'The group tag (letters, digits, underscore)', example: 'GRP' });

export const ProfileIdSchema = z
  .enum(listProfiles().map((p) => p.id) as [string, ...string[]])
  .meta({ description: 'A rule profile (GET /api/profiles); default: the type’s default profile' });

/** Which sizes a profile allows is checked when the job is created; this is only the shape. */
export const VolumeSizeSchema = z
  .number()
  .int()
  .positive()
  .max(2 ** 40)
  .meta({ description: 'Bytes per RAR volume; one of the sizes the profile allows' });

export const RarFormatSchema = z.enum(['rar4', 'rar5']);

export const MetaSchema = z.record(z.string().max(64), z.string().max(4000)).meta({
  description: 'Name and NFO fields (title, author, year, show, episode, …) over what the file says',
});

/** A template is named or given, never guessed at: `{ templateId }` (an id or a name) or `{ body }`. */
export const TemplateChoiceSchema = z
  .union([
    z.object({ templateId: z.string().min(1).max(128) }).strict(),
    z.object({ body: z.string().min(1).max(200_000) }).strict(),
  ])
  .meta({
    id: 'TemplateChoice',
    description: 'A saved template by id or name ({ templateId }), or the Liquid text itself ({ body })',
  });
export type TemplateChoice = z.infer<typeof TemplateChoiceSchema>;

/** A pack job takes its file from exactly one place. */
export function refineOneSource<
  T extends z.ZodType<{ source?: string | undefined; sourceUrl?: string | undefined }>,
>(schema: T): T {
  return schema.refine((c) => (c.source === undefined) !== (c.sourceUrl === undefined), {
    message: 'give exactly one of source (a local path) or sourceUrl (an http(s) URL)',
    path: ['source'],
  });
}

/** The fields of a pack job, shared by the request and the config it is stored as. */
export const PackJobFields = z.object({
  type: ReleaseTypeSchema,
  source: z.string().min(1).max(4096).optional().meta({ description: 'A file inside the source roots' }),
  sourceUrl: z.string().min(1).max(4096).optional().meta({ description: 'Or an http(s) URL to download' }),
  group: GroupTagSchema,
  profile: ProfileIdSchema.optional(),
  name: z
    .string()
    .min(1)
    .max(255)
    .optional()
    .meta({ description: 'The release name, instead of building it' }),
  meta: MetaSchema.optional(),
  volumeSize: VolumeSizeSchema.optional(),
  rarFormat: RarFormatSchema.optional(),
  sample: z.boolean().optional().meta({ description: 'Cut a sample (TV)' }),
  verify: z.boolean().optional().meta({
    description: 'Read every written volume back before publishing, as a site would (slower)',
  }),
  nfoTemplate: TemplateChoiceSchema.optional(),
  dizTemplate: TemplateChoiceSchema.optional(),
  time: z.iso.datetime({ offset: true }).optional().meta({
    description:
      'The pack time (ISO 8601): NFO/DIZ date, ZIP and SFV times, sample seed; the same sources and time give the same bytes',
    example: '2026-12-01T20:00:00Z',
  }),
  allowDupe: z.boolean().optional().meta({
    description:
      'Admins only, audited: pack a release name relpack has produced before (a site would refuse it)',
  }),
  overrides: z
    .array(z.string().max(64))
    .max(50)
    .optional()
    .meta({ description: 'Rule ids whose block findings do not stop the pack (admins only)' }),
  destinations: z
    .array(z.string().min(1).max(128))
    .max(20)
    .optional()
    .meta({ description: 'Destinations (ids or names) to upload to once the pack completed' }),
});

/** `POST /api/jobs`, `relpack pack --server`, `relpack batch`: what a pack job is asked to do. */
export const PackJobRequestSchema = refineOneSource(PackJobFields.strict()).meta({ id: 'PackJobRequest' });
export type PackJobRequest = z.infer<typeof PackJobRequestSchema>;
