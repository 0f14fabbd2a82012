// Starts a real `relpack serve` (SQLite in a temp data dir) with an allowed source root holding a
// test EPUB and a test MKV; used by the Playwright global setup and by hand (`tsx web/e2e/start-app.ts`).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeEpub } from '../../test/helpers/make-epub.js';
import { makeMkv } from '../../test/helpers/make-mkv.js';

export const ADMIN_PASSWORD = 'tangerine-oboe-ridge-3';
export const EPUB_NAME = 'Ursula.K.Le.Guin-The.Dispossessed.epub';
export const MKV_NAME = 'Night.Harbour.S02E05.720p.HDTV.x264.mkv';

export interface RunningApp {
  readonly url: string;
  readonly dataDir: string;
  readonly sourcesDir: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export async function startApp(options: { withMkv: boolean }): Promise<RunningApp> {
  const base = await mkdtemp(join(tmpdir(), 'relpack-e2e-'));
  const dataDir = join(base, 'data');
  const sourcesDir = join(base, 'sources');
  await mkdir(join(sourcesDir, 'books'), { recursive: true });
  await mkdir(join(sourcesDir, 'tv'), { recursive: true });
  await makeEpub(join(sourcesDir, 'books', EPUB_NAME), {
    title: 'The Dispossessed',
    author: 'Ursula K. Le Guin',
    date: '1974-05-01',
    language: 'en',
    publisher: 'Harper & Row',
    isbn: '9780060125639',
    padding: 300_000,
  });
  if (options.withMkv)
    makeMkv(join(sourcesDir, 'tv', MKV_NAME), { width: 1280, height: 720, seconds: 90, frameBytes: 3000 });
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [join(import.meta.dirname, '..', '..', 'bin', 'relpack.js'), 'serve'],
    {
      env: {
        ...process.env,
        NODE_ENV: 'development',
        HOST: '127.0.0.1',
        PORT: String(port),
        RELPACK_DATA_DIR: dataDir,
        RELPACK_SOURCE_ROOTS: sourcesDir,
        RELPACK_ADMIN_PASSWORD: ADMIN_PASSWORD,
        DATABASE_URL: '',
        REDIS_URL: '',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`relpack serve exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/api/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error('relpack serve did not become ready in 60 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    dataDir,
    sourcesDir,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const app = await startApp({ withMkv: true });
  console.log(`relpack e2e app on ${app.url} (admin / ${ADMIN_PASSWORD}), data in ${app.dataDir}`);
}
