// The Docker engine and a relpack server in a container, as the deployment tests drive them.
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { until } from './job-fixtures.js';

const run = promisify(execFile);

/** The image .ci/run builds from the project's Dockerfile. */
export const TEST_IMAGE = process.env.RELPACK_TEST_IMAGE ?? 'relpack:ci';
/** The image's user (Dockerfile: useradd --uid 10001). */
export const RELPACK_UID = 10001;

/** Why the Docker tests cannot run here, or null when the engine, the image and the tools are there. */
export function dockerMissing(image: string, tools: string[] = []): string | null {
  const engine = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { encoding: 'utf8' });
  if (engine.status !== 0) return 'no Docker engine answers (start dockerd)';
  const found = spawnSync('docker', ['image', 'inspect', image], { encoding: 'utf8' });
  if (found.status !== 0) return `no image ${image} (build it as .ci/run does)`;
  for (const tool of tools) {
    const probe = spawnSync(tool, ['version'], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0) return `${tool} is not installed (apt-get install ${tool})`;
  }
  return null;
}

export async function docker(...args: string[]): Promise<string> {
  return (await run('docker', args, { maxBuffer: 16 << 20 })).stdout.trim();
}

/** A container's output, stdout and stderr together. */
export async function containerLogs(container: string): Promise<string> {
  const r = await run('docker', ['logs', container], { maxBuffer: 16 << 20 });
  return r.stdout + r.stderr;
}

/** The state the image's HEALTHCHECK gives the container: starting, healthy or unhealthy. */
export function containerHealth(container: string): Promise<string> {
  return docker('inspect', '--format', '{{.State.Health.Status}}', container);
}

export function becomesHealthy(container: string, ms = 90_000): Promise<string> {
  return until(
    () => containerHealth(container),
    (s) => s === 'healthy' || s === 'unhealthy',
    ms,
  );
}

export interface JobView {
  id: string;
  type: string;
  status: string;
  profile: string;
  worker: string;
  startedAt: string;
  finishedAt: string;
  error?: unknown;
  result: { releaseName: string };
}

/** The API of a server in a container, signed in as its first admin. */
export class ContainerApi {
  private token = '';

  constructor(
    readonly url: string,
    private readonly password: string,
  ) {}

  async login(): Promise<void> {
    const r = await fetch(`${this.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: this.password }),
    });
    if (r.status !== 200) throw new Error(`login answered ${r.status}: ${await r.text()}`);
    this.token = ((await r.json()) as { accessToken: string }).accessToken;
  }

  async call(method: string, path: string, body?: unknown): Promise<{ status: number; text: string }> {
    const r = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: r.status, text: await r.text() };
  }

  /** Submits each job config; returns the new jobs' ids. */
  async submit(configs: unknown[]): Promise<string[]> {
    const ids: string[] = [];
    for (const c of configs) {
      const r = await this.call('POST', '/api/jobs', c);
      if (r.status !== 201) throw new Error(`POST /api/jobs answered ${r.status}: ${r.text}`);
      ids.push((JSON.parse(r.text) as { id: string }).id);
    }
    return ids;
  }

  async job(id: string): Promise<JobView> {
    return JSON.parse((await this.call('GET', `/api/jobs/${id}`)).text) as JobView;
  }

  finished(ids: string[], ms: number): Promise<JobView[]> {
    return until(
      () => Promise.all(ids.map((id) => this.job(id))),
      (jobs) => jobs.every((j) => ['completed', 'failed', 'cancelled'].includes(j.status)),
      ms,
    );
  }
}
