import { z } from 'zod';

export const ErrorSchema = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()) }),
  })
  .meta({ id: 'Error' });

export const RoleSchema = z.enum(['admin', 'operator']);

export const UserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    role: RoleSchema,
    active: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    lastLoginAt: z.string().nullable(),
  })
  .meta({ id: 'User' });

export const Username = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, underscore or hyphen');
export const Password = z.string().min(12, 'at least 12 characters').max(256);
export const IdParams = z.object({ id: z.uuid() });

/** Standard error responses, so every route documents them in OpenAPI. */
export const errorResponses = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  409: ErrorSchema,
  429: ErrorSchema,
} as const;

export const iso = (d: Date | null) => (d ? d.toISOString() : null);
