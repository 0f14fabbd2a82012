import { z } from 'zod';
import { RoleSchema } from '../users/user-contract.js';

export const LoginSchema = z
  .object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) })
  .meta({ id: 'Login' });

/** The refresh token in the body, for clients without the cookie (the CLI). */
export const RefreshSchema = z
  .object({ refreshToken: z.string().min(1).max(512).optional() })
  .nullish()
  .meta({ id: 'Refresh' });

export const SessionViewSchema = z
  .object({
    accessToken: z.string(),
    accessTokenExpiresAt: z.string(),
    refreshToken: z.string(),
    user: z.object({ id: z.string(), username: z.string(), role: RoleSchema }),
  })
  .meta({ id: 'Session' });
