// The CLI as a person at a terminal sees it: a pseudo-terminal (util-linux `script`) makes
// stdout and stderr TTYs, so the progress bar, Ctrl-C and the server's human log are the real ones.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdir, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freePort } from './helpers/net.js';
import { tempDir } from './helpers/readers.js';
import { inTerminal, plain } from './helpers/terminal.js';
import { shouldRunWith } from './helpers/tools.js';

const bin = fileURLToPath(new URL('../bin/relpack.js', import.meta.url));
const relpack = (...args: string[]) => [process.execPath, bin, ...args];

describe.runIf(shouldRunWith('script'))('on a terminal (issue #25)', () => {
  it('relpack rar draws a bar with sizes in binary units, the right total, speed and ETA', async () => {
    const dir = await tempDir('tty-rar');
    await writeFile(join(dir, 'a.bin'), randomBytes(3_000_000));
    const run = inTerminal(relpack('rar', 'a.bin', '-o', 'out/a', '-v', '1000000B'), process.env, dir);
    expect(await run.exited, plain(run.output())).toBe(0);
    const seen = plain(run.output());
    expect(seen).toMatch(
      /writing \S+ 100% \| 2\.9 MiB \/ 2\.9 MiB \| [\d.]+ [KMG]iB\/s \| ETA \d+s \| a\.r02 \(4\/4\)/,
    );
    expect(seen).not.toMatch(/\d{7,} MiB/);
    expect(seen).toContain('wrote 4 volume(s), 3000328 bytes');
  });

  it('Ctrl-C stops relpack rar, leaves no volume behind and exits 130', async () => {
    const dir = await tempDir('tty-ctrl-c');
    await writeFile(join(dir, 'big.bin'), '');
    await truncate(join(dir, 'big.bin'), 8 * 2 ** 30);
    const run = inTerminal(relpack('rar', 'big.bin', '-o', 'out/b', '-v', '100MB'), process.env, dir);
    await run.waitFor(/writing .*% \|/);
    run.type('\x03');
    expect(await run.exited).toBe(130);
    expect(plain(run.output())).toContain('relpack: interrupted (SIGINT)');
    expect(await readdir(join(dir, 'out')).catch(() => [])).toEqual([]);
  });

  it('relpack serve shows where to open it and where files go, then one human line per request', async () => {
    const dataDir = await tempDir('tty-serve');
    const port = await freePort();
    const run = inTerminal(relpack('serve', '--port', String(port), '--host', '127.0.0.1'), {
      ...process.env,
      RELPACK_DATA_DIR: dataDir,
      RELPACK_ADMIN_PASSWORD: 'velvet-quarry-moth-27',
      LOG_LEVEL: 'info',
      LOG_FORMAT: '',
    });
    const banner = plain(await run.waitFor(/data {6}\S+/));
    expect(banner).toContain(`is running at http://127.0.0.1:${port}/`);
    expect(banner).toContain(
      `sources   ${join(dataDir, 'sources')}; uploads go to ${join(dataDir, 'uploads')}`,
    );
    expect(banner).toContain(`releases  ${join(dataDir, 'releases')}`);
    await fetch(`http://127.0.0.1:${port}/api/health`);
    await fetch(`http://127.0.0.1:${port}/api/jobs?token=hunter2`);
    const log = plain(await run.waitFor(/GET \/api\/jobs\S* 401/));
    expect(log).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: GET \/api\/health 200 [\d.]+ ms$/m);
    expect(log).toMatch(/GET \/api\/jobs\?token=\[redacted\] 401 [\d.]+ ms$/m);
    expect(log).not.toContain('hunter2');
    expect(log).not.toContain('{"level"');
    expect(log.match(/\/api\/health/g)).toHaveLength(1);
    run.type('\x03');
    expect(await run.exited, plain(run.output())).toBe(0);
    expect(plain(run.output())).toContain('relpack: shutting down');
  });

  it('logs JSON, one line per request, when not on a terminal or with LOG_FORMAT=json', async () => {
    const env = {
      ...process.env,
      RELPACK_DATA_DIR: await tempDir('json-serve'),
      RELPACK_ADMIN_PASSWORD: 'velvet-quarry-moth-27',
      LOG_LEVEL: 'info',
    };
    const port = await freePort();
    const piped = spawn(relpack()[0]!, [bin, 'serve', '--port', String(port), '--host', '127.0.0.1'], {
      env: { ...env, LOG_FORMAT: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const seen = new Promise<void>((resolve) => {
      piped.stdout.on('data', (chunk: Buffer) => {
        out += chunk;
        if (/"url":"\/api\/health"/.test(out) && out.endsWith('\n')) resolve();
      });
    });
    let err = '';
    let asked = false;
    piped.stderr.on('data', (chunk: Buffer) => {
      err += chunk;
      if (asked || !err.includes('is running at')) return;
      asked = true;
      void fetch(`http://127.0.0.1:${port}/api/health`);
    });
    piped.on('exit', (code) => {
      if (!out.includes('/api/health')) throw new Error(`serve ended (${code}) first: ${err}`);
    });
    await seen;
    piped.kill('SIGTERM');
    const lines = out.split('\n').filter((l) => l.includes('/api/health'));
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({ msg: 'request completed', req: { method: 'GET', url: '/api/health' } });
    expect(line.res.statusCode).toBe(200);
    expect(typeof line.responseTime).toBe('number');

    const port2 = await freePort();
    const run = inTerminal(relpack('serve', '--port', String(port2), '--host', '127.0.0.1'), {
      ...env,
      LOG_FORMAT: 'json',
    });
    await run.waitFor(/is running at/);
    await fetch(`http://127.0.0.1:${port2}/api/health`);
    const text = plain(await run.waitFor(/"url":"\/api\/health".*"msg":"request completed"\}/));
    expect(text).toMatch(/^\{"level":30,.*"msg":"request completed"\}$/m);
    run.type('\x03');
    expect(await run.exited, plain(run.output())).toBe(0);
  });
});
