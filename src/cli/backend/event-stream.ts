import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { RelpackError } from '../../errors/index.js';
import { CliErrorCode } from './cli-error-code.js';

/** One event may be this large; a server (or proxy) sending more is not a relpack server. */
export const MAX_EVENT_BYTES = 1024 * 1024;

export interface StreamEvent {
  readonly event: string;
  readonly data: unknown;
}

/**
 * The events of a text/event-stream body, their data parsed as JSON. Memory stays bounded: a line
 * or event over `maxBytes` ends the stream with SERVER_BAD_RESPONSE, as does data that is not JSON.
 */
export async function* readEventStream(
  body: ReadableStream<Uint8Array>,
  server: string,
  maxBytes = MAX_EVENT_BYTES,
): AsyncGenerator<StreamEvent, void, undefined> {
  const pending: EventSourceMessage[] = [];
  let failure: Error | null = null;
  const parser = createParser({
    maxBufferSize: maxBytes,
    onEvent: (message) => pending.push(message),
    onError: (error) => {
      if (error.type === 'max-buffer-size-exceeded')
        failure ??= badResponse(server, `an event over ${maxBytes} bytes`);
    },
  });
  const decoder = new TextDecoder();
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      parser.feed(decoder.decode(value, { stream: true }));
      while (pending.length > 0) {
        const message = pending.shift() as EventSourceMessage;
        if (failure) break;
        yield { event: message.event ?? 'message', data: parseData(message.data, server) };
      }
      if (failure) throw failure;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

function parseData(text: string, server: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw badResponse(server, `an event whose data is not JSON (${JSON.stringify(text.slice(0, 60))})`);
  }
}

export function badResponse(server: string, what: string): RelpackError {
  return new RelpackError(
    CliErrorCode.SERVER_BAD_RESPONSE,
    `${server} sent ${what}: is it a relpack server of this version?`,
    {
      server,
    },
  );
}
