// Every use-case is reachable from the API and from the CLI, or has a written reason why not. The
// table below is the written list: a new route or command that is in neither column fails here.
import { PassThrough } from 'node:stream';
import type { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli/program.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

/** `METHOD /path` → the CLI command reaching the same use-case, or why there is none. */
const PARITY: Record<string, { cli: string | string[] } | { none: string }> = {
  'POST /api/auth/login': { cli: 'login' },
  'POST /api/auth/refresh': { none: 'the CLI refreshes its stored login itself on every server call' },
  'POST /api/auth/logout': { cli: 'logout' },
  'GET /api/auth/me': { cli: 'login' },
  'GET /api/users': { none: 'user administration is the web UI’s; the CLI creates the first accounts' },
  'POST /api/users': { cli: 'admin create' },
  'GET /api/users/:id': { none: 'user administration is the web UI’s' },
  'PATCH /api/users/:id': { none: 'user administration is the web UI’s' },
  'DELETE /api/users/:id': { none: 'user administration is the web UI’s' },
  'POST /api/users/me/password': { cli: 'passwd' },
  'GET /api/jobs': { cli: 'jobs list' },
  'POST /api/jobs': { cli: ['pack ebook', 'pack tv', 'batch'] },
  'GET /api/jobs/:id': { cli: 'jobs show' },
  'DELETE /api/jobs/:id': { cli: 'jobs delete' },
  'POST /api/jobs/:id/cancel': { cli: 'jobs cancel' },
  'POST /api/jobs/:id/retry': { cli: 'jobs retry' },
  'POST /api/jobs/:id/upload': { cli: 'upload' },
  'GET /api/jobs/:id/logs': { cli: 'jobs logs' },
  'GET /api/jobs/:id/events': { cli: 'jobs logs' },
  'GET /api/jobs/:id/artifacts': { cli: 'jobs show' },
  'GET /api/jobs/:id/artifacts/:artifactId/download': {
    none: 'local mode reads the files in place; a server’s are fetched with the link',
  },
  'POST /api/jobs/:id/artifacts/:artifactId/link': { none: 'a browser download link' },
  'POST /api/jobs/:id/srr': { cli: 'srr create' },
  'POST /api/jobs/:id/fix': { cli: ['fix nfo', 'fix dir', 'fix sample'] },
  'POST /api/jobs/:id/fix/preview': { cli: ['fix nfo', 'fix dir', 'fix sample'] },
  'POST /api/jobs/:id/repack': { cli: 'repack' },
  'POST /api/jobs/:id/repack/preview': { cli: 'repack' },
  'GET /api/jobs/:id/history': { cli: 'jobs history' },
  'GET /api/releases': { cli: 'releases' },
  'GET /api/preferences': { cli: 'prefs get' },
  'POST /api/preferences': { cli: 'prefs set' },
  'GET /api/wizard/preferences': { cli: 'prefs get' },
  'POST /api/wizard/preferences': { cli: 'prefs set' },
  'GET /api/preferences/:key': { cli: 'prefs get' },
  'PUT /api/preferences/:key': { cli: 'prefs set' },
  'DELETE /api/preferences/:key': { cli: 'prefs unset' },
  'POST /api/preferences/export': { cli: 'prefs export' },
  'POST /api/preferences/import': { cli: 'prefs import' },
  'GET /api/preferences/global': { cli: 'prefs get' },
  'POST /api/preferences/global': { cli: 'prefs set' },
  'GET /api/preferences/global/:key': { cli: 'prefs get' },
  'PUT /api/preferences/global/:key': { cli: 'prefs set' },
  'DELETE /api/preferences/global/:key': { cli: 'prefs unset' },
  'POST /api/preferences/global/export': { cli: 'prefs export' },
  'POST /api/preferences/global/import': { cli: 'prefs import' },
  'GET /api/templates': { cli: 'templates list' },
  'POST /api/templates': { cli: 'templates set' },
  'GET /api/templates/variables': { none: 'the variables are listed in the editor and in docs/cli.md' },
  'POST /api/templates/render': { cli: 'templates render' },
  'GET /api/templates/:id': { cli: 'templates get' },
  'PUT /api/templates/:id': { cli: 'templates set' },
  'DELETE /api/templates/:id': { none: 'templates are removed in the editor' },
  'POST /api/templates/:id/render': { cli: 'templates render' },
  'GET /api/sources/browse': { none: 'the CLI takes local paths; browsing is for remote browsers' },
  'POST /api/sources/upload': { none: 'the CLI packs local files or sends a job with sourceUrl' },
  'POST /api/wizard/step/validate': { cli: 'name check' },
  'POST /api/wizard/preview': { cli: 'pack ebook' },
  'POST /api/wizard/pack': { cli: 'pack ebook' },
  'GET /api/destinations': { cli: 'destinations list' },
  'POST /api/destinations': { cli: 'destinations add' },
  'GET /api/destinations/:id': { cli: 'destinations show' },
  'PUT /api/destinations/:id': { cli: 'destinations set' },
  'DELETE /api/destinations/:id': { cli: 'destinations remove' },
  'POST /api/destinations/:id/test': { cli: 'destinations test' },
  'GET /api/config/apis': {
    none: 'provider keys are set by an admin in the web UI (never on a command line)',
  },
  'POST /api/config/apis': { none: 'provider keys are set by an admin in the web UI' },
  'GET /api/config/apis/:provider': { none: 'provider keys are set by an admin in the web UI' },
  'PUT /api/config/apis/:provider': { none: 'provider keys are set by an admin in the web UI' },
  'DELETE /api/config/apis/:provider': { none: 'provider keys are set by an admin in the web UI' },
  'POST /api/config/apis/:provider/test': { cli: 'meta' },
  'POST /api/metadata/lookup': { cli: 'meta' },
  'POST /api/metadata/lookup/video': { cli: 'meta' },
  'GET /api/profiles': { cli: 'rules list' },
  'GET /api/system/status': { none: 'the dashboard’s numbers; the CLI reads its own disk' },
  'GET /api/audit': { none: 'read by admins in the web UI' },
  'GET /api/health': { none: 'for load balancers' },
  'GET /api/ready': { none: 'for load balancers' },
  'GET /metrics': { none: 'for Prometheus' },
};

/** CLI commands with no API operation, and why. */
const CLI_ONLY: Record<string, string> = {
  rar: 'writes RAR volumes of any files on this machine (no release rules)',
  validate: 'checks a release folder on this machine',
  'srr show': 'reads an .srr file on this machine',
  'srr rebuild': 'rebuilds volumes from media on this machine',
  'rules show': 'the profile as text; the API lists the same data',
  'name parse': 'the fields of a name, read on this machine (the wizard shows them as it checks)',
  serve: 'starts the server',
  start: 'starts the server',
  worker: 'starts a worker',
  'db migrate': 'maintenance of this machine’s database',
  'secrets rotate': 'maintenance of this machine’s secrets',
  completion: 'shell completion',
  'list-jobs': 'alias of jobs list',
  logs: 'alias of jobs logs',
  logout: 'forgets the stored login',
};

function commandPaths(command: Command, prefix = ''): string[] {
  const out: string[] = [];
  for (const sub of command.commands) {
    const path = `${prefix}${sub.name()}`;
    out.push(path);
    out.push(...commandPaths(sub, `${path} `));
  }
  return out;
}

describe('API and CLI parity', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('sqlite');
  });
  afterAll(async () => {
    await s?.close();
  });

  const program = buildProgram({
    context: { version: '0.0.0', clock: () => new Date() },
    stdout: new PassThrough(),
    stderr: new PassThrough() as unknown as NodeJS.WriteStream,
    signal: new AbortController().signal,
    setExitCode: () => undefined,
  });
  const commands = commandPaths(program);

  it('lists every API operation with its CLI command or a reason', () => {
    const operations = [
      ...new Set(
        s.routes
          .filter((r) => r.url.startsWith('/api/') || r.url === '/metrics')
          .filter((r) => !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json')
          .map((r) => `${r.method} ${r.url}`),
      ),
    ].sort();
    expect(operations.filter((op) => !PARITY[op])).toEqual([]);
    expect(Object.keys(PARITY).filter((op) => !operations.includes(op))).toEqual([]);
  });

  it('names only commands that exist, and every command is in the table', () => {
    const named = Object.values(PARITY).flatMap((p) => ('cli' in p ? [p.cli].flat() : []));
    expect(named.filter((c) => !commands.includes(c))).toEqual([]);
    const top = (c: string) => c.split(' ')[0]!;
    const reached = new Set([...named, ...named.map(top)]);
    const unexplained = commands.filter(
      (c) =>
        !reached.has(c) && !CLI_ONLY[c] && !CLI_ONLY[top(c)] && !commands.some((o) => o.startsWith(`${c} `)),
    );
    expect(unexplained).toEqual([]);
    expect(Object.keys(CLI_ONLY).filter((c) => !commands.includes(c))).toEqual([]);
  });
});
