import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { RelpackError } from '../errors/index.js';

/**
 * Asks for secrets on the terminal without echoing them. One readline interface holds the terminal
 * in raw mode from before the first question to after the last, so keys typed ahead are neither
 * echoed by the terminal nor lost; readline still edits the line (backspace, Ctrl-U) but writes
 * its echo to a stream that drops it. Ctrl-C in raw mode is a key, not a signal: it is sent as the
 * SIGINT the CLI cleans up on, and the prompt ends when that aborts `signal`.
 */
export async function promptSecrets(
  questions: readonly string[],
  signal: AbortSignal,
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WriteStream = process.stderr,
): Promise<string[]> {
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input, output: silent, terminal: true });
  const stopped = () => new RelpackError('ABORTED', 'Stopped at the password prompt', {});
  const ended = new Promise<never>((_resolve, reject) => {
    if (signal.aborted) reject(stopped());
    signal.addEventListener('abort', () => reject(stopped()), { once: true });
    rl.once('SIGINT', () => process.kill(process.pid, 'SIGINT'));
    rl.once('close', () =>
      reject(new RelpackError('INVALID_ARGUMENT', 'No password given (the input ended)', {})),
    );
  });
  ended.catch(() => undefined);
  // Lines typed before their question is asked wait here instead of being dropped.
  const typed: string[] = [];
  let waiting: ((line: string) => void) | null = null;
  rl.on('line', (line) => {
    if (waiting) waiting(line);
    else typed.push(line);
  });
  const nextLine = () =>
    typed.length > 0
      ? Promise.resolve(typed.shift()!)
      : new Promise<string>((resolve) => {
          waiting = (line) => {
            waiting = null;
            resolve(line);
          };
        });
  try {
    const answers: string[] = [];
    for (const question of questions) {
      output.write(question);
      answers.push(await Promise.race([nextLine(), ended]));
      output.write('\n');
    }
    return answers;
  } finally {
    rl.close();
  }
}
