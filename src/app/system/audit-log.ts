import { z } from 'zod';
import type { AuditRepository } from '../../db/index.js';
import { type Caller, requireAdmin } from '../auth/access.js';

export const AuditQuerySchema = z.object({
  action: z.string().max(64).optional().describe('entries whose action starts with this'),
  user: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type AuditQuery = z.output<typeof AuditQuerySchema>;

export const AuditEntrySchema = z
  .object({
    id: z.number(),
    at: z.string(),
    action: z.string(),
    userId: z.string().nullable(),
    username: z.string().nullable(),
    target: z.string().nullable(),
    ip: z.string().nullable(),
    details: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'AuditEntry' });

export const AuditPageSchema = z.object({ items: z.array(AuditEntrySchema), total: z.number() });
export type AuditPage = z.infer<typeof AuditPageSchema>;

/** The audit log, newest first: logins, user and secret changes, rule overrides. Admins only. */
export class AuditLog {
  constructor(private readonly repo: AuditRepository) {}

  async list(caller: Caller, query: AuditQuery): Promise<AuditPage> {
    requireAdmin(caller, 'read the audit log');
    const page = await this.repo.list({
      limit: query.limit,
      offset: query.offset,
      ...(query.action ? { action: query.action } : {}),
      ...(query.user ? { userId: query.user } : {}),
    });
    return { total: page.total, items: page.items.map((e) => ({ ...e, at: e.at.toISOString() })) };
  }
}
