import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';

/** `'a b'` → `'a b'` quoted for sh: the command line `script` hands to the shell. */
const quote = (arg: string) => `'${arg.replaceAll("'", `'\\''`)}'`;

export interface TerminalRun {
  readonly child: ChildProcess;
  /** Everything the program wrote to its terminal so far (stdout and stderr are one there). */
  output(): string;
  /** Resolves with the output once it matches, rejects if the program ends first. */
  waitFor(pattern: RegExp): Promise<string>;
  /** Types into the terminal: `\x03` is Ctrl-C, delivered as SIGINT by the terminal's driver. */
  type(keys: string): void;
  /** The program's exit code (script -e passes it through). */
  exited: Promise<number | null>;
}

/**
 * Runs `argv` on a pseudo-terminal made by util-linux `script`, so that isatty() is true for
 * its stdin, stdout and stderr as in a real terminal.
 */
export function inTerminal(argv: readonly string[], env: NodeJS.ProcessEnv, cwd?: string): TerminalRun {
  // `exec`: dash (the /bin/sh `script` runs when $SHELL is unset or sh) stays as the parent and would
  // get the terminal's Ctrl-C too, dying with 130 whatever the program did; with exec the program
  // alone is on the terminal, as when a person types the command at an interactive shell.
  const child = spawn('script', ['-qfec', `exec ${argv.map(quote).join(' ')}`, '/dev/null'], {
    env: { ...env, TERM: 'xterm-256color', SHELL: '/bin/sh' },
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(cwd ? { cwd } : {}),
  });
  let text = '';
  const waiters = new Set<() => void>();
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  child.stdout!.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
    for (const check of waiters) check();
  });
  return {
    child,
    output: () => text,
    exited,
    type: (keys) => child.stdin!.write(keys),
    waitFor(pattern) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!pattern.test(text)) return;
          waiters.delete(check);
          resolve(text);
        };
        waiters.add(check);
        check();
        void exited.then(() => {
          if (!waiters.has(check)) return;
          waiters.delete(check);
          reject(new Error(`ended (exit ${child.exitCode}) before ${pattern}; output:\n${text}`));
        });
      });
    },
  };
}

/** The text a person sees, without the terminal's control sequences. */
export const plain = (text: string) =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: terminal escape sequences
  text.replace(/\x1b(\[[0-9;?]*[A-Za-z]|[78])/g, '').replaceAll('\r', '');
