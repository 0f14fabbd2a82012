import { z } from 'zod';

const text = (description: string, example: string) =>
  z.string().nullable().optional().meta({ description, example });
const num = (description: string, example: number) =>
  z.number().nullable().optional().meta({ description, example });
const scalar = (description: string, example: string | number) =>
  z.union([z.string(), z.number()]).nullable().optional().meta({ description, example });

/**
 * Everything NFO and DIZ templates can use. One schema: the renderer's data type, the
 * `/api/templates/variables` reference and the sample data all come from it. Every value is
 * final: the plan computes it before packing.
 */
export const ReleaseTextDataSchema = z.object({
  release: z
    .object({
      name: z.string().meta({
        description: 'The release name (dirname)',
        example: 'Author.Title.2021.RETAiL.ePUB.eBOOK-GRP',
      }),
      group: z.string().meta({ description: 'The group tag', example: 'GRP' }),
      type: z.enum(['ebook', 'tv']).meta({ description: 'Release type', example: 'ebook' }),
      profile: z.string().meta({ description: 'Rule profile id', example: 'ebook-2022' }),
      date: z.string().meta({ description: 'Release (pack) date, UTC YYYY-MM-DD', example: '2026-11-26' }),
      size: z.number().meta({
        description:
          'Bytes of the packed file (the eBook or the MKV); `| size` shows 1.50 KB, 12.35 MB …, `| mb: 2` MB',
        example: 12345678,
      }),
      volumes: z
        .object({
          count: z.number().meta({ description: 'Number of RAR volumes', example: 3 }),
          size: z.number().meta({ description: 'Bytes per RAR volume', example: 5000000 }),
        })
        .meta({ description: 'RAR volumes' }),
      disks: z
        .object({
          count: z.number().meta({ description: 'Number of ZIP disks (eBOOK)', example: 3 }),
          size: z
            .number()
            .meta({ description: 'Disk size in bytes (the RAR volume size)', example: 5000000 }),
        })
        .nullable()
        .meta({ description: 'eBOOK disks; null for TV' }),
      fileName: z.string().meta({
        description: 'Name of the file inside the archives',
        example: 'Author.Title.2021.RETAiL.ePUB.eBOOK-GRP.epub',
      }),
      notes: z
        .string()
        .meta({ description: 'Free notes given with the pack', example: 'Retail copy, untouched.' }),
    })
    .meta({ description: 'The release' }),
  book: z
    .object({
      title: text('Title', 'The Hobbit'),
      author: text('Author(s)', 'J.R.R. Tolkien'),
      publisher: text('Publisher', 'HarperCollins'),
      year: scalar('Publication year', 2021),
      published: text('Publication date, ISO', '2021-05-04'),
      language: text('Language, in English', 'English'),
      source: text('RETAiL, SCAN or HYBRiD', 'RETAiL'),
      format: text('Format tag (ePUB, PDF, …)', 'ePUB'),
      isbn: text('ISBN-13', '9780261103344'),
      pages: num('Page count', 310),
      genre: text('Genre', 'Fantasy'),
      url: text('Retail proof URL', 'https://shop.example/the-hobbit'),
      description: text('Blurb', 'A hobbit goes there and back again.'),
    })
    .optional()
    .meta({ description: 'eBOOK metadata' }),
  show: z
    .object({
      name: text('Show name', 'Show Name'),
      episode: text('Episode marker', 'S01E02'),
      title: text('Episode title', 'Pilot'),
      airDate: text('Air date, ISO', '2024-01-31'),
    })
    .optional()
    .meta({ description: 'TV episode metadata' }),
  video: z
    .object({
      width: num('Frame width (MediaInfo)', 1280),
      height: num('Frame height (MediaInfo)', 720),
      resolution: text('Resolution tag', '720p'),
      duration: text('Duration', '42m 10s'),
      codec: text('Video codec id', 'V_MPEG4/ISO/AVC'),
      audio: text('Audio tracks', 'AAC (eng)'),
    })
    .optional()
    .meta({ description: 'Video facts from the MKV' }),
  tool: z
    .object({
      name: z.string().meta({ description: 'Tool name', example: 'relpack' }),
      version: z.string().meta({ description: 'Tool version', example: '0.1.0' }),
    })
    .meta({ description: 'System' }),
});

export const DiskSchema = z
  .object({
    number: z.number().meta({ description: 'This disk, from 1', example: 1 }),
    total: z.number().meta({ description: 'Number of disks', example: 3 }),
    counter: z.string().meta({ description: 'The DISK counter, e.g. [01/03]', example: '[01/03]' }),
  })
  .meta({ description: 'The disk this file_id.diz is in (DIZ only)' });

export type ReleaseTextData = z.infer<typeof ReleaseTextDataSchema>;

/** The data of a file_id.diz: the release's, and the disk it is in. */
export const DiskTextDataSchema = ReleaseTextDataSchema.extend({ disk: DiskSchema });
export type DiskTextData = z.infer<typeof DiskTextDataSchema>;

export interface TemplateVariable {
  /** Liquid path, e.g. `release.volumes.count`. */
  readonly name: string;
  readonly type: string;
  readonly description: string;
  readonly example: unknown;
  /** Only in file_id.diz templates. */
  readonly dizOnly: boolean;
}

/** Every placeholder, walked from the schema the renderer uses. */
export function templateVariables(): TemplateVariable[] {
  const out: TemplateVariable[] = [];
  const walk = (schema: z.ZodType, path: string, dizOnly: boolean) => {
    let inner: z.ZodType = schema;
    while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable)
      inner = inner.unwrap() as z.ZodType;
    const meta = (z.globalRegistry.get(schema) ?? z.globalRegistry.get(inner) ?? {}) as {
      description?: string;
      example?: unknown;
    };
    if (inner instanceof z.ZodObject) {
      for (const [key, child] of Object.entries(inner.shape))
        walk(child as z.ZodType, path ? `${path}.${key}` : key, dizOnly);
      return;
    }
    const type =
      inner instanceof z.ZodNumber
        ? 'number'
        : inner instanceof z.ZodString
          ? 'string'
          : inner instanceof z.ZodEnum
            ? 'string'
            : 'string | number';
    out.push({
      name: path,
      type,
      description: meta.description ?? '',
      example: meta.example ?? null,
      dizOnly,
    });
  };
  walk(ReleaseTextDataSchema, '', false);
  walk(DiskSchema, 'disk', true);
  return out;
}

/** Sample data for previews: each variable's example. */
export function sampleTextData(type: 'ebook' | 'tv'): DiskTextData {
  const data: Record<string, unknown> = {};
  for (const v of templateVariables()) {
    const parts = v.name.split('.');
    let node = data;
    for (const part of parts.slice(0, -1)) {
      if (node[part] === undefined) node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    node[parts.at(-1)!] = v.example;
  }
  const sample = data as unknown as DiskTextData;
  if (type === 'tv') {
    return {
      ...sample,
      release: {
        ...sample.release,
        type: 'tv',
        profile: 'tv-720p-2016',
        name: 'Show.Name.S01E02.Pilot.720p.HDTV.x264-GRP',
        disks: null,
        fileName: 'show.name.s01e02.pilot.720p.hdtv.x264-grp.mkv',
        volumes: { count: 15, size: 50_000_000 },
        size: 734_003_200,
      },
    };
  }
  return sample;
}
