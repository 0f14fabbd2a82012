import { z } from 'zod';
import type { User } from '../../db/index.js';

export const RoleSchema = z.enum(['admin', 'operator']);

export const UsernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, underscore or hyphen');
/** The shape of a password; how strong it must be is the password policy's (PASSWORD_TOO_WEAK). */
export const PasswordSchema = z.string().min(12, 'at least 12 characters').max(256);

export const UserViewSchema = z
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
export type UserView = z.infer<typeof UserViewSchema>;

export const NewUserSchema = z
  .object({ username: UsernameSchema, password: PasswordSchema, role: RoleSchema })
  .strict()
  .meta({ id: 'NewUser' });
export type NewUser = z.infer<typeof NewUserSchema>;

export const UserChangeSchema = z
  .object({
    role: RoleSchema.optional(),
    active: z.boolean().optional(),
    password: PasswordSchema.optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'send at least one of role, active, password')
  .meta({ id: 'UserChange' });
export type UserChange = z.infer<typeof UserChangeSchema>;

export const PasswordChangeSchema = z
  .object({ currentPassword: z.string().min(1).max(256), newPassword: PasswordSchema })
  .strict()
  .meta({ id: 'PasswordChange' });

export function toUserView(user: User): UserView {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    active: user.active,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
    lastLoginAt: user.lastLoginAt ? user.lastLoginAt.toISOString() : null,
  };
}
