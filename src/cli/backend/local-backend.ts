import { pino } from 'pino';
import { type AppServices, createServices, type Viewer } from '../../app/index.js';
import { loadConfig } from '../../config.js';
import { RelpackError } from '../../engine/index.js';
import { InProcessQueue, type JobQueue, RedisQueue } from '../../queue/index.js';
import { jobView } from '../../server/routes/jobs.js';
import type { Backend } from './backend.js';

/**
 * Local mode: this machine's database and data directory, as the user named by `RELPACK_USER`
 * (default `admin`). Jobs created here run in this process (or go to Redis when configured).
 */
export async function openLocalBackend(version: string): Promise<Backend> {
  const config = loadConfig();
  const services: AppServices = await createServices(config, { version, logger: pino({ level: 'silent' }) });
  await services.migrate();
  const queue: JobQueue = config.redisUrl
    ? new RedisQueue(config.redisUrl, config.queuePrefix)
    : new InProcessQueue(services.runJob, config.queueConcurrency);
  services.jobs.attachQueue(queue);
  const username = process.env.RELPACK_USER || 'admin';
  const user = await services.repos.users.findByUsername(username);
  if (!user) {
    await queue.close();
    await services.close();
    throw new RelpackError(
      'USER_NOT_FOUND',
      `No local user "${username}": set RELPACK_USER, or create one with relpack admin create`,
      { username },
    );
  }
  const viewer: Viewer = { userId: user.id, role: user.role };
  const editor = { userId: user.id, role: user.role };
  const actor = { userId: user.id, ip: null };
  const adminOnly = async <T>(run: () => Promise<T>): Promise<T> => {
    if (user.role !== 'admin')
      throw new RelpackError('FORBIDDEN', 'Only an admin can manage destinations', {});
    return run();
  };
  const requireAdmin = (global: boolean) => {
    if (global && user.role !== 'admin')
      throw new RelpackError('FORBIDDEN', 'Only an admin can change global preferences', {});
  };
  return {
    mode: 'local',
    async listJobs(q) {
      const page = await services.jobs.list(viewer, {
        status: q.status ? (q.status.split(',') as never) : [],
        limit: q.limit,
        offset: q.offset ?? 0,
        ...(q.type ? { type: q.type as never } : {}),
        ...(q.parent ? { parentJobId: q.parent } : {}),
        ...(q.q ? { search: q.q } : {}),
      });
      return { items: page.items.map(jobView), total: page.total };
    },
    getJob: async (id) => {
      const job = await services.jobs.get(viewer, id);
      return { ...jobView(job), config: job.config };
    },
    createJob: async (config) =>
      jobView(await services.jobs.create({ ...viewer, trustedPaths: true }, config)),
    jobAction: async (id, action) =>
      jobView(
        action === 'cancel' ? await services.jobs.cancel(viewer, id) : await services.jobs.retry(viewer, id),
      ),
    deleteJob: (id) => services.jobs.delete(viewer, id),
    logs: (id, o) =>
      services.jobs.logs(viewer, id, {
        limit: o.limit,
        ...(o.after === undefined ? {} : { afterId: o.after }),
        ...(o.level ? { minLevel: o.level as never } : {}),
      }),
    artifacts: async (id) =>
      (await services.jobs.artifacts(viewer, id)).map(({ jobId: _j, createdAt: _c, ...a }) => a),
    preferences: async () => services.preferences.resolveAll(user.id),
    async setPreferences(values, global) {
      requireAdmin(global);
      if (global) await services.preferences.setGlobal(values, user.id);
      else await services.preferences.setUser(user.id, values);
    },
    async unsetPreference(key, global) {
      requireAdmin(global);
      if (global) await services.preferences.unsetGlobal(key);
      else await services.preferences.unsetUser(user.id, key);
    },
    exportPreferences: (global) => services.preferences.export(global ? 'global' : 'user', user.id),
    importPreferences: (doc, global, dryRun) => {
      requireAdmin(global);
      return services.preferences.import(global ? 'global' : 'user', user.id, doc, dryRun);
    },
    templates: async () => (await services.templates.list(editor)).map((t) => ({ ...t })),
    template: async (idOrName) => ({ ...(await services.templates.find(editor, idOrName)) }),
    async saveTemplate(draft) {
      const existing = await services.templates.find(editor, draft.name).catch(() => null);
      const d = { ...draft, kind: draft.kind as 'nfo', releaseType: draft.releaseType as 'ebook' };
      if (existing && !existing.builtIn)
        return { ...(await services.templates.update(editor, existing.id, { body: d.body })) };
      return { ...(await services.templates.create(editor, d)) };
    },
    renderTemplate: async (i) => ({
      ...(await services.templates.render(i.body, i.kind as 'nfo', i.releaseType as 'ebook', i.data)),
    }),
    destinations: async () => (await services.destinations.list()).map((d) => ({ ...d })),
    destination: async (idOrName) => ({ ...(await services.destinations.get(idOrName)) }),
    createDestination: (body) =>
      adminOnly(async () => ({ ...(await services.destinations.create(actor, body)) })),
    updateDestination: (idOrName, body) =>
      adminOnly(async () => ({ ...(await services.destinations.update(actor, idOrName, body)) })),
    deleteDestination: (idOrName) => adminOnly(() => services.destinations.delete(actor, idOrName)),
    testDestination: (idOrName) =>
      adminOnly(async () => ({ ...(await services.destinations.test(actor, idOrName)) })),
    uploadJob: async (packJobId, destinations) =>
      (await services.jobs.createUploads({ ...viewer, trustedPaths: true }, packJobId, destinations)).map(
        jobView,
      ),
    uploadDirectory: async (releaseDir, destination) =>
      jobView(
        await services.jobs.createUploadFromDir({ ...viewer, trustedPaths: true }, releaseDir, destination),
      ),
    async close() {
      if (queue instanceof InProcessQueue) await queue.idle();
      await queue.close();
      await services.close();
    },
  };
}
