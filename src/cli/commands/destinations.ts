import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { RelpackError } from '../../errors/index.js';
import { withBackend } from '../backend/open-backend.js';
import type { CliDeps } from '../cli-deps.js';
import { loadApp } from '../load.js';
import { printJson, SERVER_OPTION, table } from '../output.js';
import { readStdin } from '../read-input.js';

interface FieldOptions {
  name?: string;
  protocol?: string;
  host?: string;
  port?: string;
  user?: string;
  passwordEnv?: string;
  passwordStdin?: boolean;
  keyFile?: string;
  basePath?: string;
  pathTemplate?: string;
  tlsFingerprint?: string;
  acceptSelfSigned?: boolean;
  hostKey?: string;
  trustOnFirstUse?: boolean;
  tempRename?: boolean;
  verify?: string;
  retries?: string;
  concurrency?: string;
  timeout?: string;
}

interface Common {
  server?: string;
  json: boolean;
}

/** Options → the API's body; only what was given, so `set` changes just those fields. */
async function body(o: FieldOptions): Promise<Record<string, unknown>> {
  const b: Record<string, unknown> = {};
  const num = (flag: string, v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n))
      throw new RelpackError('INVALID_ARGUMENT', `${flag} takes a whole number, not "${v}"`, {});
    return n;
  };
  if (o.name !== undefined) b.name = o.name;
  if (o.protocol !== undefined) b.protocol = o.protocol;
  if (o.host !== undefined) b.host = o.host;
  if (o.port !== undefined) b.port = num('--port', o.port);
  if (o.user !== undefined) b.username = o.user;
  if (o.passwordEnv !== undefined) {
    const value = process.env[o.passwordEnv];
    if (!value) throw new RelpackError('INVALID_ARGUMENT', `--password-env: ${o.passwordEnv} is not set`, {});
    b.password = value;
  }
  // Never a password on the command line: it would end up in shell history and `ps`.
  if (o.passwordStdin) b.password = (await readStdin()).replace(/\r?\n$/, '');
  if (o.keyFile !== undefined) b.privateKey = await readFile(o.keyFile, 'utf8');
  if (o.basePath !== undefined) b.basePath = o.basePath;
  if (o.pathTemplate !== undefined) b.pathTemplate = o.pathTemplate;
  if (o.tlsFingerprint !== undefined || o.acceptSelfSigned !== undefined) {
    b.tls = {
      ...(o.tlsFingerprint !== undefined ? { fingerprint: o.tlsFingerprint } : {}),
      ...(o.acceptSelfSigned !== undefined ? { acceptSelfSigned: o.acceptSelfSigned } : {}),
    };
  }
  if (o.hostKey !== undefined || o.trustOnFirstUse !== undefined) {
    b.hostKey = {
      ...(o.hostKey !== undefined ? { fingerprint: o.hostKey } : {}),
      ...(o.trustOnFirstUse !== undefined ? { trustOnFirstUse: o.trustOnFirstUse } : {}),
    };
  }
  if (o.tempRename !== undefined) b.tempRename = o.tempRename;
  if (o.verify !== undefined) b.verify = o.verify;
  if (o.retries !== undefined) b.retries = num('--retries', o.retries);
  if (o.concurrency !== undefined) b.concurrency = num('--concurrency', o.concurrency);
  if (o.timeout !== undefined) b.timeoutSeconds = num('--timeout', o.timeout);
  return b;
}

function fieldOptions(cmd: Command, creating: boolean): Command {
  return cmd
    .option('--protocol <p>', 'ftp, ftps (explicit TLS) or sftp')
    .option('--host <host>', 'host name or IP address')
    .option('--port <n>', 'port (default 21, or 22 for sftp)')
    .option('--user <name>', 'username')
    .option('--password-env <VAR>', 'read the password from this environment variable')
    .option('--password-stdin', 'read the password from stdin')
    .option('--key-file <file>', 'SFTP private key (OpenSSH or PEM)')
    .option('--base-path <path>', 'absolute remote directory releases go under')
    .option('--path-template <liquid>', 'path below the base, e.g. "{{ type }}/{{ release }}"')
    .option('--tls-fingerprint <sha256>', 'FTPS: trust this certificate (AA:BB:… as openssl prints it)')
    .option('--accept-self-signed', 'FTPS: accept any certificate (explicit choice)')
    .option('--host-key <SHA256:…>', 'SFTP: pin the host key (as ssh-keygen -lf prints it)')
    .option('--trust-on-first-use', 'SFTP: with no pinned key, record the first one seen (audited)')
    .option('--temp-rename', 'upload as name.relpack-part then rename (default for sftp)')
    .option('--no-temp-rename', 'upload under the final name (default for ftp sites)')
    .option('--verify <mode>', 'size, auto (size + server CRC where offered) or read-back')
    .option('--retries <n>', 'retries on transient errors')
    .option('--concurrency <n>', 'connections at once (1-8)')
    .option('--timeout <seconds>', 'connect and idle timeout')
    .option(creating ? '--disabled' : '--enable', creating ? 'create it turned off' : 'turn it on');
}

function print(deps: CliDeps, d: Record<string, unknown>): void {
  const hostKey = d.hostKey as {
    fingerprint: string | null;
    source: string | null;
    recordedAt: string | null;
  };
  const tls = d.tls as { verify: boolean; fingerprint: string | null; acceptSelfSigned: boolean };
  const lines = [
    `${d.name} (${d.id})`,
    `  ${d.protocol}://${d.username}@${d.host}:${d.port}${d.basePath}  template ${d.pathTemplate}`,
    `  password ${d.hasPassword ? 'set' : 'none'}, private key ${d.hasPrivateKey ? 'set' : 'none'}, ${d.enabled ? 'enabled' : 'DISABLED'}`,
    `  verify ${d.verify}, temp-rename ${d.tempRename}, retries ${d.retries}, concurrency ${d.concurrency}, timeout ${d.timeoutSeconds}s`,
  ];
  if (d.protocol === 'ftps')
    lines.push(
      `  tls: ${tls.fingerprint ? `pinned ${tls.fingerprint}` : tls.acceptSelfSigned ? 'any certificate (self-signed accepted)' : 'verified chain'}`,
    );
  if (d.protocol === 'sftp')
    lines.push(
      `  host key: ${hostKey.fingerprint ?? 'none pinned'}${hostKey.source === 'first-use' ? ` (trusted on first use ${hostKey.recordedAt})` : ''}`,
    );
  deps.stdout.write(`${lines.join('\n')}\n`);
}

export function register(program: Command, deps: CliDeps): void {
  const v = deps.context.version;
  const destinations = program
    .command('destinations')
    .summary('FTP, FTPS and SFTP upload destinations (admins change them)');

  destinations
    .command('list')
    .summary('all destinations (secrets are never shown)')
    .option(...SERVER_OPTION)
    .option('--json', 'print JSON', false)
    .action((o: Common) =>
      withBackend(v, o.server, async (b) => {
        const items = await b.destinations();
        if (o.json) return printJson(deps, { items });
        deps.stdout.write(
          table([
            ['NAME', 'PROTOCOL', 'HOST', 'BASE PATH', 'ENABLED'],
            ...items.map((d) => [
              d.name,
              String(d.protocol),
              `${d.host}:${d.port}`,
              String(d.basePath),
              d.enabled ? 'yes' : 'no',
            ]),
          ]),
        );
      }),
    );

  destinations
    .command('show')
    .argument('<name>', 'destination name or id')
    .option(...SERVER_OPTION)
    .option('--json', 'print JSON', false)
    .action((name: string, o: Common) =>
      withBackend(v, o.server, async (b) => {
        const d = await b.destination(name);
        if (o.json) return printJson(deps, d);
        print(deps, d);
      }),
    );

  fieldOptions(
    destinations.command('add').summary('add a destination').argument('<name>', 'a name for it'),
    true,
  )
    .option(...SERVER_OPTION)
    .option('--json', 'print JSON', false)
    .action((name: string, o: FieldOptions & Common & { disabled?: boolean }) =>
      withBackend(v, o.server, async (b) => {
        const { DestinationInputSchema, parseInput } = await loadApp();
        const input = { ...(await body(o)), name, enabled: !o.disabled };
        const d = await b.createDestination(parseInput(DestinationInputSchema, input, 'destination'));
        if (o.json) return printJson(deps, d);
        print(deps, d);
      }),
    );

  fieldOptions(
    destinations
      .command('set')
      .summary('change a destination (only the options given)')
      .argument('<name>', 'name or id'),
    false,
  )
    .option('--disable', 'turn it off')
    .option('--rename <new>', 'a new name')
    .option(...SERVER_OPTION)
    .option('--json', 'print JSON', false)
    .action(
      (name: string, o: FieldOptions & Common & { rename?: string; enable?: boolean; disable?: boolean }) =>
        withBackend(v, o.server, async (b) => {
          const { DestinationUpdateSchema, parseInput } = await loadApp();
          const patch = await body({ ...o, ...(o.rename ? { name: o.rename } : {}) });
          if (o.enable) patch.enabled = true;
          if (o.disable) patch.enabled = false;
          const d = await b.updateDestination(
            name,
            parseInput(DestinationUpdateSchema, patch, 'destination change'),
          );
          if (o.json) return printJson(deps, d);
          print(deps, d);
        }),
    );

  destinations
    .command('remove')
    .argument('<name>', 'name or id')
    .option(...SERVER_OPTION)
    .action((name: string, o: Common) =>
      withBackend(v, o.server, async (b) => {
        await b.deleteDestination(name);
        deps.stdout.write(`removed ${name}\n`);
      }),
    );

  destinations
    .command('test')
    .summary('connect, log in, write and delete a probe file; report latency or what failed')
    .argument('<name>', 'name or id')
    .option(...SERVER_OPTION)
    .option('--json', 'print JSON', false)
    .action((name: string, o: Common) =>
      withBackend(v, o.server, async (b) => {
        const r = (await b.testDestination(name)) as {
          connectMs: number;
          writeMs: number;
          identity: { certificateFingerprint?: string; hostKeyFingerprint?: string };
        };
        if (o.json) return printJson(deps, r);
        deps.stdout.write(
          `ok: connected in ${r.connectMs} ms, wrote and removed a probe file in ${r.writeMs} ms\n`,
        );
        if (r.identity.certificateFingerprint)
          deps.stdout.write(`certificate ${r.identity.certificateFingerprint}\n`);
        if (r.identity.hostKeyFingerprint) deps.stdout.write(`host key ${r.identity.hostKeyFingerprint}\n`);
      }),
    );
}
