import type { Writable } from 'node:stream';
import type { DestinationStream } from 'pino';

export type LogFormat = 'auto' | 'json' | 'pretty';

/** `auto` is the human format on a terminal and JSON lines for anything reading the output. */
export function wantsPrettyLog(format: LogFormat, out: { isTTY?: boolean }): boolean {
  return format === 'pretty' || (format === 'auto' && out.isTTY === true);
}

interface RequestLine {
  readonly req?: { method?: string; url?: string };
  readonly res?: { statusCode?: number };
  readonly responseTime?: number;
}

/**
 * The human format: `12:03:04 INFO  GET /api/jobs 200 3.1 ms`; other lines keep their message
 * and, after it, their fields. Loaded only by a server that prints to a terminal.
 */
export async function prettyLogStream(out: Writable & { isTTY?: boolean }): Promise<DestinationStream> {
  const { default: pretty } = await import('pino-pretty');
  return pretty({
    destination: out,
    sync: true,
    colorize: out.isTTY === true && !process.env.NO_COLOR,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,reqId,req,res,responseTime',
    singleLine: true,
    messageFormat: (log, messageKey) => {
      const { req, res, responseTime } = log as RequestLine;
      if (req?.method && res?.statusCode !== undefined)
        return `${req.method} ${req.url} ${res.statusCode} ${responseTime ?? '?'} ms`;
      return String(log[messageKey] ?? '');
    },
  });
}
