import {
  bootstrapNotice,
  JobListQuerySchema,
  LogQuerySchema,
  parseInput,
  type Viewer,
} from '../../app/index.js';
import { loadConfig } from '../../config.js';
import { RelpackError } from '../../errors/index.js';
import { openRuntime } from '../../runtime/index.js';
import type { Backend } from './backend.js';

/**
 * Local mode: this machine's database and data directory, as the user named by `RELPACK_USER`
 * (default `admin`). Jobs created here run in this process (or go to Redis when configured).
 */
export async function openLocalBackend(version: string): Promise<Backend> {
  const runtime = await openRuntime(loadConfig(), {
    mode: 'cli',
    version,
    print: (line) => process.stderr.write(`${line}\n`),
  });
  const { services } = runtime;
  const username = process.env.RELPACK_USER || 'admin';
  // A fresh data directory has no user yet: the first local command makes the admin it acts as,
  // as the first `relpack serve` would (and says its one-time password for the web).
  if (!process.env.RELPACK_USER) {
    const notice = bootstrapNotice(await services.bootstrapAdmin());
    if (notice) process.stderr.write(`${notice}\n`);
  }
  const user = await services.users.findByUsername(username).catch(async () => {
    await runtime.close();
    throw new RelpackError(
      'USER_NOT_FOUND',
      `No local user "${username}": set RELPACK_USER, or create one with relpack admin create`,
      { username },
    );
  });
  const viewer: Viewer = { userId: user.id, role: user.role };
  const editor = { userId: user.id, role: user.role };
  // Who may do what is the use-cases' rule: this backend only says who is asking.
  const actor = { userId: user.id, role: user.role, ip: null };
  return {
    mode: 'local',
    listJobs: (q) => services.jobs.list(viewer, parseInput(JobListQuerySchema, q, 'job query')),
    getJob: (id) => services.jobs.get(viewer, id),
    createJob: (request) => services.jobs.create({ ...viewer, trustedPaths: true }, request),
    jobAction: (id, action) =>
      action === 'cancel' ? services.jobs.cancel(viewer, id) : services.jobs.retry(viewer, id),
    deleteJob: (id) => services.jobs.delete(viewer, id),
    followJob: (id, options = {}) =>
      services.jobs.follow(viewer, id, {
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.logs === undefined ? {} : { logs: options.logs }),
      }),
    logs: (id, q) => services.jobs.logs(viewer, id, parseInput(LogQuerySchema, q, 'log query')),
    artifacts: (id) => services.jobs.artifacts(viewer, id),
    preferences: async () => services.preferences.resolveAll(user.id),
    setPreferences: (values, global) =>
      global ? services.preferences.setGlobal(viewer, values) : services.preferences.setUser(user.id, values),
    unsetPreference: (key, global) =>
      global ? services.preferences.unsetGlobal(viewer, key) : services.preferences.unsetUser(user.id, key),
    exportPreferences: (global) => services.preferences.export(viewer, global ? 'global' : 'user'),
    importPreferences: (doc, global, dryRun) =>
      services.preferences.import(viewer, global ? 'global' : 'user', doc, dryRun),
    templates: () => services.templates.list(editor),
    template: (idOrName) => services.templates.find(editor, idOrName),
    async saveTemplate(draft) {
      const existing = await services.templates.find(editor, draft.name).catch(() => null);
      if (existing && !existing.builtIn)
        return services.templates.update(editor, existing.id, { body: draft.body });
      return services.templates.create(editor, draft);
    },
    renderTemplate: (i) => services.templates.render(i.body, i.kind, i.releaseType, i.data),
    destinations: () => services.destinations.list(),
    destination: (idOrName) => services.destinations.get(idOrName),
    createDestination: (body) => services.destinations.create(actor, body),
    updateDestination: (idOrName, body) => services.destinations.update(actor, idOrName, body),
    deleteDestination: (idOrName) => services.destinations.delete(actor, idOrName),
    testDestination: (idOrName) => services.destinations.test(actor, idOrName),
    uploadJob: (packJobId, destinations) =>
      services.jobs.createUploads({ ...viewer, trustedPaths: true }, packJobId, destinations),
    releaseAction: (id, request) =>
      request.action === 'fix'
        ? services.releaseActions.fix(viewer, id, request.body)
        : services.releaseActions.repack(viewer, id, request.body),
    previewReleaseAction: (id, request) =>
      request.action === 'fix'
        ? services.releaseActions.previewFix(viewer, id, request.body)
        : services.releaseActions.previewRepack(viewer, id, request.body),
    releaseHistory: (id) => services.releaseActions.history(viewer, id),
    releaseNames: (q) => services.releaseActions.releaseNames(viewer, q),
    uploadDirectory: (releaseDir, destination) =>
      services.jobs.createUploadFromDir({ ...viewer, trustedPaths: true }, releaseDir, destination),
    changePassword: (current, next) => services.users.changeOwnPassword(actor, current, next),
    username: user.username,
    async close() {
      // Jobs this command created run in this process: it ends when they have.
      await runtime.idle();
      await runtime.close();
    },
  };
}
