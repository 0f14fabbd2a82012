import { createParser } from 'eventsource-parser';
import { authFetch, type Schemas } from './client';

export interface ServerEvent {
  readonly event: string;
  readonly data: unknown;
}

/** What `/api/jobs/:id/events` sends (the server checks each event against its contract). */
export type JobStreamEvent =
  | { readonly event: 'snapshot' | 'end'; readonly data: Schemas['Job'] }
  | { readonly event: 'log'; readonly data: Schemas['LogLine'] }
  | { readonly event: 'progress'; readonly data: Schemas['JobProgress'] | null }
  | { readonly event: 'status'; readonly data: { status: Schemas['Job']['status'] } };

const JOB_EVENTS = new Set(['snapshot', 'end', 'log', 'progress', 'status']);

/** A parsed event as a job event; events this page does not know (a newer server) are skipped. */
export function asJobEvent(event: ServerEvent): JobStreamEvent | null {
  if (!JOB_EVENTS.has(event.event)) return null;
  if (event.event !== 'progress' && (typeof event.data !== 'object' || event.data === null)) return null;
  return event as JobStreamEvent;
}

/** An event larger than this is not from relpack: the stream is dropped rather than buffered. */
export const MAX_EVENT_CHARS = 1024 * 1024;

/**
 * Splits a text/event-stream into events, their data parsed as JSON where it is JSON. Kept apart
 * from the network so it can be fed any chunking (an event may arrive split across reads, or
 * several in one).
 */
export class EventStreamParser {
  private readonly ready: ServerEvent[] = [];
  private overflow = false;
  private readonly parser = createParser({
    maxBufferSize: MAX_EVENT_CHARS,
    onEvent: (message) =>
      this.ready.push({ event: message.event ?? 'message', data: parseData(message.data) }),
    onError: (error) => {
      if (error.type === 'max-buffer-size-exceeded') this.overflow = true;
    },
  });

  push(chunk: string): ServerEvent[] {
    if (this.overflow) throw new Error('event stream over its size limit');
    this.parser.feed(chunk);
    if (this.overflow) throw new Error(`an event over ${MAX_EVENT_CHARS} characters`);
    return this.ready.splice(0);
  }
}

function parseData(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text; // not JSON: hand over the text
  }
}

/**
 * Follows a job's Server-Sent Events. EventSource cannot send the Authorization header, so the
 * stream is read through fetch; it reconnects after a dropped connection until the job ends or
 * the caller aborts.
 */
export async function followJobEvents(
  jobId: string,
  onEvent: (event: JobStreamEvent) => void,
  signal: AbortSignal,
): Promise<void> {
  let delay = 1_000;
  while (!signal.aborted) {
    let ended = false;
    try {
      const res = await authFetch(
        new Request(new URL(`/api/jobs/${jobId}/events`, window.location.origin), { signal }),
      );
      if (!res.ok || !res.body) {
        if (res.status >= 400 && res.status < 500) return;
        throw new Error(`HTTP ${res.status}`);
      }
      delay = 1_000;
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      const parser = new EventStreamParser();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        for (const parsed of parser.push(value)) {
          const event = asJobEvent(parsed);
          if (!event) continue;
          onEvent(event);
          if (event.event === 'end') ended = true;
        }
      }
      if (ended) return;
    } catch (error) {
      if (signal.aborted) return;
      void error;
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 15_000);
  }
}
