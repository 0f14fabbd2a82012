// issue #19: one runtime for every process kind. A local CLI command recovers the jobs whose process
// on this host is gone, and leaves live processes' and other hosts' jobs alone; a server also takes
// over other hosts' jobs and queues pending ones again.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerHost } from '../src/app/jobs/worker-name.js';
import { loadConfig } from '../src/config.js';
import { connectDatabase, repositories } from '../src/db/index.js';
import { openRuntime } from '../src/runtime/index.js';
import { tempDir } from './helpers/readers.js';

describe('openRuntime', () => {
  let live: ChildProcess;
  let dead: number;
  beforeAll(async () => {
    // A process that is alive while the test runs, and the pid of one that has ended.
    live = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1 << 30)'], { stdio: 'ignore' });
    await once(live, 'spawn');
    const gone = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    dead = gone.pid!;
    await once(gone, 'exit');
  });
  afterAll(() => {
    live.kill('SIGKILL');
  });

  it('issue #19: recovers only orphaned jobs in cli mode, and every stale one when serving', async () => {
    const config = loadConfig({
      RELPACK_DATA_DIR: await tempDir('runtime-data'),
      JWT_SECRET: 'runtime-test-jwt-secret-long-enough-1234567890',
      RELPACK_SECRET_KEY: Buffer.alloc(32, 9).toString('base64'),
      LOG_LEVEL: 'silent',
    });
    const seed = await openRuntime(config, { mode: 'cli', version: 't' });
    await seed.close();
    const handle = connectDatabase(config.databaseUrl, config.dataDir);
    const repos = repositories(handle);
    const now = new Date();
    const running = async (worker: string) => {
      const job = await repos.jobs.insert({
        type: 'ebook',
        profile: 'ebook-2022',
        ownerId: null,
        title: worker,
        config: {},
        now,
        status: 'running',
      });
      await repos.jobs.update(job.id, now, { worker });
      return job.id;
    };
    const orphan = await running(`${workerHost()}:${dead}`);
    const alive = await running(`${workerHost()}:${live.pid}`);
    // Named as workers were before the PID namespace joined the name: still this host.
    const legacyOrphan = await running(`${hostname()}:${dead}`);
    const foreign = await running('another-host:4242');
    const pending = (
      await repos.jobs.insert({
        type: 'ebook',
        profile: 'ebook-2022',
        ownerId: null,
        title: 'waiting',
        config: { type: 'ebook', source: '/nowhere/book.epub', group: 'GRP' },
        now,
      })
    ).id;
    await handle.close();

    const lines: string[] = [];
    const cli = await openRuntime(config, { mode: 'cli', version: 't', print: (l) => lines.push(l) });
    const status = async (id: string) =>
      (await cli.services.jobs.get({ userId: '', role: 'admin' }, id)).status;
    expect(await status(orphan)).toBe('failed');
    expect(await status(legacyOrphan)).toBe('failed');
    expect((await cli.services.jobs.get({ userId: '', role: 'admin' }, orphan)).error?.code).toBe(
      'INTERRUPTED',
    );
    expect([await status(alive), await status(foreign), await status(pending)]).toEqual([
      'running',
      'running',
      'pending',
    ]);
    expect(lines).toEqual(['relpack: marked 2 interrupted job(s) as failed']);
    await cli.close();

    const serve = await openRuntime(config, { mode: 'serve', version: 't', print: (l) => lines.push(l) });
    await serve.idle();
    const statusNow = async (id: string) =>
      (await serve.services.jobs.get({ userId: '', role: 'admin' }, id)).status;
    // The live local process keeps its job; the other host's is taken over; the pending one ran.
    expect([await statusNow(alive), await statusNow(foreign), await statusNow(pending)]).toEqual([
      'running',
      'failed',
      'failed',
    ]);
    expect(lines.slice(1)).toEqual([
      'relpack: marked 1 interrupted job(s) as failed',
      'relpack: queued 1 pending job(s) again',
    ]);
    await serve.close();
  });

  it('issue #19: a worker needs Redis, said before anything is opened', async () => {
    const config = loadConfig({ RELPACK_DATA_DIR: await tempDir('runtime-worker'), LOG_LEVEL: 'silent' });
    await expect(openRuntime(config, { mode: 'worker', version: 't' })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringContaining('REDIS_URL'),
    });
  });
});
