// The help of every command is part of the interface: a change to an option, its wording or the
// command tree shows up here as a diff of test/golden/help/. UPDATE_GOLDEN=1 rewrites the files.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../src/cli/examples.js';
import { buildProgram } from '../src/cli/program.js';

const GOLDEN = new URL('./golden/help/', import.meta.url);

function program(out: PassThrough) {
  return buildProgram({
    context: { version: '0.0.0', clock: () => new Date(0) },
    stdout: out,
    stderr: new PassThrough() as unknown as NodeJS.WriteStream,
    signal: new AbortController().signal,
    setExitCode: () => undefined,
  });
}

/** The help a user sees for `relpack <path> --help`. */
async function help(path: string[]): Promise<string> {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk) => {
    text += chunk;
  });
  try {
    await program(out).parseAsync(['node', 'relpack', ...path, '--help']);
  } catch (error) {
    if (!(error instanceof CommanderError) || error.code !== 'commander.helpDisplayed') throw error;
  }
  return text;
}

function commandPaths(): string[][] {
  const paths: string[][] = [[]];
  const walk = (command: ReturnType<typeof program>, prefix: string[]) => {
    for (const sub of command.commands) {
      paths.push([...prefix, sub.name()]);
      walk(sub as ReturnType<typeof program>, [...prefix, sub.name()]);
    }
  };
  walk(program(new PassThrough()), []);
  return paths;
}

const fileOf = (path: string[]) => `${path.length ? path.join('-') : 'relpack'}.txt`;

describe('relpack --help', () => {
  const paths = commandPaths();

  it('issue #25: every command shows examples, and every example set belongs to a command', async () => {
    const names = paths.map((p) => (p.length ? p.join(' ') : 'relpack'));
    expect(names.filter((n) => !EXAMPLES[n])).toEqual([]);
    expect(Object.keys(EXAMPLES).filter((n) => !names.includes(n))).toEqual([]);
    for (const path of paths) expect(await help(path), path.join(' ')).toMatch(/\nExamples:\n {2}\S/);
  });

  it('has a golden file for every command, and none for a command that is gone', async () => {
    if (process.env.UPDATE_GOLDEN) {
      await rm(GOLDEN, { recursive: true, force: true });
      await mkdir(GOLDEN, { recursive: true });
      for (const path of paths) await writeFile(new URL(fileOf(path), GOLDEN), await help(path));
    }
    expect((await readdir(GOLDEN)).sort()).toEqual(paths.map(fileOf).sort());
  });

  it.each(paths.map((p) => [p.join(' ') || '(top level)', p] as const))('%s', async (_name, path) => {
    const text = await help(path);
    expect(text.length).toBeGreaterThan(20);
    expect(text, `run UPDATE_GOLDEN=1 npx vitest run test/cli-help.test.ts`).toBe(
      await readFile(new URL(fileOf(path), GOLDEN), 'utf8'),
    );
  });
});
