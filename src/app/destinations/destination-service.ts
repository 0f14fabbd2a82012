import type { AuditRepository, DestinationRow, DestinationsRepository } from '../../db/index.js';
import {
  type ProbeResult,
  probeDestination,
  type RemoteTarget,
  type ServerIdentity,
} from '../../delivery/index.js';
import { RelpackError } from '../../engine/index.js';
import type { ErrorCode } from '../../errors/index.js';
import { type Caller, requireAdmin } from '../auth/access.js';
import type { SecretBox } from '../secrets/secret-box.js';
import {
  type DestinationCreate,
  type DestinationInput,
  DestinationInputSchema,
  type DestinationSettings,
  DestinationSettingsSchema,
  type DestinationUpdate,
  type DestinationView,
} from './destination-schema.js';

export const DestinationErrorCode = {
  DESTINATION_NOT_FOUND: 'DESTINATION_NOT_FOUND',
  DESTINATION_NAME_TAKEN: 'DESTINATION_NAME_TAKEN',
  DESTINATION_DISABLED: 'DESTINATION_DISABLED',
} as const satisfies Record<string, ErrorCode>;

export interface Actor extends Caller {
  readonly ip?: string | null;
}

const DEFAULT_PORT = { ftp: 21, ftps: 21, sftp: 22 } as const;

function invalid(issues: { path: PropertyKey[]; message: string }[]): RelpackError {
  const list = issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  return new RelpackError(
    'VALIDATION_FAILED',
    `Invalid destination: ${list.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    { issues: list },
  );
}

/** Admin-managed upload targets; passwords and keys sealed with the secret box (row id as AAD). */
export class DestinationService {
  constructor(
    private readonly repo: DestinationsRepository,
    private readonly audit: AuditRepository,
    private readonly box: SecretBox,
    private readonly clock: () => Date,
  ) {}

  async list(): Promise<DestinationView[]> {
    return (await this.repo.list()).map((r) => this.view(r));
  }

  async get(idOrName: string): Promise<DestinationView> {
    return this.view(await this.row(idOrName));
  }

  private async row(idOrName: string): Promise<DestinationRow> {
    const row = (await this.repo.find(idOrName)) ?? (await this.repo.findByName(idOrName));
    if (!row) {
      throw new RelpackError(DestinationErrorCode.DESTINATION_NOT_FOUND, `No destination "${idOrName}"`, {
        destination: idOrName,
      });
    }
    return row;
  }

  async create(actor: Actor, raw: DestinationCreate): Promise<DestinationView> {
    requireAdmin(actor, 'manage destinations');
    const parsed = DestinationInputSchema.safeParse(raw);
    if (!parsed.success) throw invalid(parsed.error.issues);
    const input = parsed.data;
    await this.assertNameFree(input.name, null);
    const id = this.repo.newId();
    const now = this.clock();
    await this.repo.insert(id, this.toWrite(id, input, null), now);
    await this.audit.record(
      {
        action: 'destination.create',
        userId: actor.userId,
        target: id,
        ip: actor.ip ?? null,
        details: { name: input.name },
      },
      now,
    );
    return this.get(id);
  }

  /** Changes a destination; fields left out keep their value, `password: null` removes it. */
  async update(actor: Actor, idOrName: string, raw: DestinationUpdate): Promise<DestinationView> {
    requireAdmin(actor, 'manage destinations');
    const row = await this.row(idOrName);
    const current = this.view(row);
    const merged = {
      ...this.inputOf(current),
      ...(raw !== null && typeof raw === 'object' ? raw : {}),
    } as Record<string, unknown>;
    // A new protocol means the old default port no longer applies.
    if (
      (raw as { protocol?: string })?.protocol &&
      (raw as { port?: number })?.port === undefined &&
      current.port === DEFAULT_PORT[current.protocol]
    ) {
      delete merged.port;
    }
    const parsed = DestinationInputSchema.safeParse(merged);
    if (!parsed.success) throw invalid(parsed.error.issues);
    const input = parsed.data;
    await this.assertNameFree(input.name, row.id);
    const pinChanged = (input.hostKey.fingerprint ?? null) !== row.hostKeyFingerprint;
    const recordedAt = pinChanged || !row.hostKeyRecordedAt ? null : new Date(row.hostKeyRecordedAt);
    const now = this.clock();
    await this.repo.update(row.id, this.toWrite(row.id, input, row), now, recordedAt);
    await this.audit.record(
      {
        action: 'destination.update',
        userId: actor.userId,
        target: row.id,
        ip: actor.ip ?? null,
        details: {
          fields: Object.keys(raw ?? {}).filter((k) => k !== 'password' && k !== 'privateKey'),
          secretsChanged: ['password', 'privateKey'].filter((k) => Object.hasOwn(raw ?? {}, k)),
        },
      },
      now,
    );
    return this.get(row.id);
  }

  async delete(actor: Actor, idOrName: string): Promise<void> {
    requireAdmin(actor, 'manage destinations');
    const row = await this.row(idOrName);
    await this.repo.delete(row.id);
    await this.audit.record(
      {
        action: 'destination.delete',
        userId: actor.userId,
        target: row.id,
        ip: actor.ip ?? null,
        details: { name: row.name },
      },
      this.clock(),
    );
  }

  /** Connects, authenticates, writes and removes a probe file in the base path. */
  async test(actor: Actor, idOrName: string): Promise<ProbeResult & { destination: DestinationView }> {
    requireAdmin(actor, 'test destinations');
    const row = await this.row(idOrName);
    const target = this.target(row);
    const result = await probeDestination(target, row.basePath);
    await this.noteIdentity(actor, row, result.identity);
    return { ...result, destination: await this.get(row.id) };
  }

  /** For upload jobs only: the connection settings with secrets in clear, and the upload options. */
  async connection(idOrName: string): Promise<{
    row: DestinationRow;
    target: RemoteTarget;
    settings: DestinationSettings;
  }> {
    const row = await this.row(idOrName);
    if (!row.enabled) {
      throw new RelpackError(
        DestinationErrorCode.DESTINATION_DISABLED,
        `Destination "${row.name}" is disabled`,
        {
          destination: row.name,
        },
      );
    }
    return { row, target: this.target(row), settings: this.settings(row) };
  }

  /**
   * After a connection accepted an unpinned host key on first use: record it (pinning it for
   * every later connection) and write it to the audit log, so it is never trusted silently.
   */
  async noteIdentity(
    actor: { readonly userId: string | null; readonly ip?: string | null },
    row: DestinationRow,
    identity: ServerIdentity,
  ): Promise<boolean> {
    if (!identity.hostKeyFingerprint || row.hostKeyFingerprint) return false;
    const now = this.clock();
    const recorded = await this.repo.recordHostKey(row.id, identity.hostKeyFingerprint, now);
    if (recorded) {
      await this.audit.record(
        {
          action: 'destination.host_key_recorded',
          userId: actor.userId,
          target: row.id,
          ip: actor.ip ?? null,
          details: { name: row.name, fingerprint: identity.hostKeyFingerprint },
        },
        now,
      );
    }
    return recorded;
  }

  private async assertNameFree(name: string, selfId: string | null): Promise<void> {
    const other = await this.repo.findByName(name);
    if (other && other.id !== selfId) {
      throw new RelpackError(
        DestinationErrorCode.DESTINATION_NAME_TAKEN,
        `A destination named "${name}" exists`,
        {
          name,
        },
      );
    }
  }

  private settings(row: DestinationRow): DestinationSettings {
    return DestinationSettingsSchema.parse({
      tempRename: row.protocol === 'sftp',
      verify: 'auto',
      retries: 5,
      timeoutSeconds: 30,
      trustOnFirstUse: false,
      ...row.settings,
    });
  }

  private target(row: DestinationRow): RemoteTarget {
    const s = this.settings(row);
    const tls = row.tls as { verify?: boolean; fingerprint?: string | null; acceptSelfSigned?: boolean };
    return {
      protocol: row.protocol as RemoteTarget['protocol'],
      host: row.host,
      port: row.port,
      username: row.username,
      password: row.passwordEncrypted ? this.box.open(row.passwordEncrypted, row.id) : undefined,
      privateKey: row.privateKeyEncrypted ? this.box.open(row.privateKeyEncrypted, row.id) : undefined,
      passive: row.passive,
      tls: {
        verify: tls.verify !== false,
        fingerprint: tls.fingerprint ?? null,
        acceptSelfSigned: tls.acceptSelfSigned === true,
      },
      hostKey: { fingerprint: row.hostKeyFingerprint, trustOnFirstUse: s.trustOnFirstUse },
      timeoutMs: s.timeoutSeconds * 1000,
    };
  }

  private toWrite(id: string, input: DestinationInput, existing: DestinationRow | null) {
    const secret = (value: string | null | undefined, old: string | null) =>
      value === undefined ? old : value === null ? null : this.box.seal(value, id);
    return {
      name: input.name,
      protocol: input.protocol,
      host: input.host,
      port: input.port ?? DEFAULT_PORT[input.protocol],
      username: input.username,
      passwordEncrypted: secret(input.password, existing?.passwordEncrypted ?? null),
      privateKeyEncrypted: secret(input.privateKey, existing?.privateKeyEncrypted ?? null),
      basePath: input.basePath,
      pathTemplate: input.pathTemplate,
      passive: input.passive,
      tls: {
        verify: input.tls.verify,
        fingerprint: input.tls.fingerprint ?? null,
        acceptSelfSigned: input.tls.acceptSelfSigned,
      },
      hostKeyFingerprint: input.hostKey.fingerprint ?? null,
      concurrency: input.concurrency,
      enabled: input.enabled,
      settings: {
        tempRename: input.tempRename ?? input.protocol === 'sftp',
        verify: input.verify,
        retries: input.retries,
        timeoutSeconds: input.timeoutSeconds,
        trustOnFirstUse: input.hostKey.trustOnFirstUse,
      } satisfies DestinationSettings,
    };
  }

  /** The editable fields of a view, as input (secrets omitted: absent means "keep"). */
  private inputOf(v: DestinationView): Record<string, unknown> {
    return {
      name: v.name,
      protocol: v.protocol,
      host: v.host,
      port: v.port,
      username: v.username,
      basePath: v.basePath,
      pathTemplate: v.pathTemplate,
      passive: v.passive,
      tls: v.tls,
      hostKey: { fingerprint: v.hostKey.fingerprint, trustOnFirstUse: v.hostKey.trustOnFirstUse },
      concurrency: v.concurrency,
      tempRename: v.tempRename,
      verify: v.verify,
      retries: v.retries,
      timeoutSeconds: v.timeoutSeconds,
      enabled: v.enabled,
    };
  }

  private view(row: DestinationRow): DestinationView {
    const s = this.settings(row);
    const tls = row.tls as { verify?: boolean; fingerprint?: string | null; acceptSelfSigned?: boolean };
    return {
      id: row.id,
      name: row.name,
      protocol: row.protocol as DestinationView['protocol'],
      host: row.host,
      port: row.port,
      username: row.username,
      hasPassword: row.passwordEncrypted !== null,
      hasPrivateKey: row.privateKeyEncrypted !== null,
      basePath: row.basePath,
      pathTemplate: row.pathTemplate,
      passive: row.passive,
      tls: {
        verify: tls.verify !== false,
        fingerprint: tls.fingerprint ?? null,
        acceptSelfSigned: tls.acceptSelfSigned === true,
      },
      hostKey: {
        fingerprint: row.hostKeyFingerprint,
        trustOnFirstUse: s.trustOnFirstUse,
        source: row.hostKeyFingerprint ? (row.hostKeyRecordedAt ? 'first-use' : 'pinned') : null,
        recordedAt: row.hostKeyRecordedAt,
      },
      concurrency: row.concurrency,
      tempRename: s.tempRename,
      verify: s.verify,
      retries: s.retries,
      timeoutSeconds: s.timeoutSeconds,
      enabled: row.enabled,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }
}
