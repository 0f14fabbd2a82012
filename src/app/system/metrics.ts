import type { Repositories } from '../../db/index.js';
import { JOB_STATUSES, JOB_TYPES } from '../facts/index.js';

function esc(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/**
 * The Prometheus text exposition of what operators watch: jobs by type and status, queue depth,
 * run times, bytes packed and uploaded. Read from the database, so every process (the app and any
 * number of workers) reports the same totals whichever one is scraped.
 */
export async function renderMetrics(
  repos: Repositories,
  info: { version: string; startedAt: number },
): Promise<string> {
  const [counts, runs, packedBytes] = await Promise.all([
    repos.jobs.countsByTypeAndStatus(),
    repos.jobs.finishedRuns(),
    repos.artifacts.totalBytes(),
  ]);
  const out: string[] = [];
  const metric = (name: string, type: 'gauge' | 'counter' | 'summary', help: string) => {
    out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
  };
  metric('relpack_info', 'gauge', 'Version of the relpack process answering.');
  out.push(`relpack_info{version="${esc(info.version)}"} 1`);
  metric('relpack_process_uptime_seconds', 'gauge', 'Seconds since this process started.');
  out.push(`relpack_process_uptime_seconds ${((Date.now() - info.startedAt) / 1000).toFixed(3)}`);

  metric('relpack_jobs', 'gauge', 'Jobs by type and status.');
  const count = new Map(counts.map((c) => [`${c.type}/${c.status}`, c.count]));
  for (const type of JOB_TYPES) {
    for (const status of JOB_STATUSES) {
      out.push(`relpack_jobs{type="${type}",status="${status}"} ${count.get(`${type}/${status}`) ?? 0}`);
    }
  }
  metric('relpack_queue_depth', 'gauge', 'Jobs waiting for a worker.');
  out.push(
    `relpack_queue_depth ${counts.filter((c) => c.status === 'pending').reduce((n, c) => n + c.count, 0)}`,
  );
  metric('relpack_jobs_running', 'gauge', 'Jobs running now, in any process.');
  out.push(
    `relpack_jobs_running ${counts.filter((c) => c.status === 'running').reduce((n, c) => n + c.count, 0)}`,
  );

  metric('relpack_job_duration_seconds', 'summary', 'Run time of completed jobs, by type.');
  for (const type of JOB_TYPES) {
    const mine = runs.filter((r) => r.type === type);
    out.push(
      `relpack_job_duration_seconds_sum{type="${type}"} ${mine.reduce((n, r) => n + r.seconds, 0).toFixed(3)}`,
    );
    out.push(`relpack_job_duration_seconds_count{type="${type}"} ${mine.length}`);
  }
  metric('relpack_packed_bytes_total', 'counter', 'Bytes of release files written by pack jobs that exist.');
  out.push(`relpack_packed_bytes_total ${packedBytes}`);
  metric('relpack_uploaded_bytes_total', 'counter', 'Bytes sent by completed upload jobs.');
  const uploaded = runs.reduce(
    (n, r) => n + Number((r.result as { bytesSent?: number } | null)?.bytesSent ?? 0),
    0,
  );
  out.push(`relpack_uploaded_bytes_total ${uploaded}`);
  return `${out.join('\n')}\n`;
}
