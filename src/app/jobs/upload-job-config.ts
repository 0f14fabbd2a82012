import { z } from 'zod';

/** An upload job: one release to one destination. */
export const UploadJobConfigSchema = z
  .object({
    /** Destination id. */
    destination: z.string().min(1).max(128),
    /** The pack job whose release is uploaded… */
    packJobId: z.string().min(1).max(64).optional(),
    /** …or a release directory on this machine (the local CLI only). */
    releaseDir: z.string().min(1).max(4096).optional(),
  })
  .strict()
  .refine((c) => (c.packJobId === undefined) !== (c.releaseDir === undefined), {
    message: 'give exactly one of packJobId or releaseDir',
    path: ['packJobId'],
  });

export type UploadJobConfig = z.infer<typeof UploadJobConfigSchema>;
