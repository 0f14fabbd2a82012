import { authFetch } from './client';

export interface ServerEvent {
  readonly event: string;
  readonly data: unknown;
}

/**
 * Splits a text/event-stream into events. Kept apart from the network so it can be fed any chunking
 * (an event may arrive split across reads, or several in one).
 */
export class EventStreamParser {
  private buffer = '';

  push(chunk: string): ServerEvent[] {
    this.buffer += chunk.replace(/\r\n?/g, '\n');
    const events: ServerEvent[] = [];
    let end = this.buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
      if (data.length > 0) {
        const text = data.join('\n');
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          // not JSON: hand over the text
        }
        events.push({ event, data: parsed });
      }
      end = this.buffer.indexOf('\n\n');
    }
    return events;
  }
}

/**
 * Follows a job's Server-Sent Events. EventSource cannot send the Authorization header, so the
 * stream is read through fetch; it reconnects after a dropped connection until the job ends or
 * the caller aborts.
 */
export async function followJobEvents(
  jobId: string,
  onEvent: (event: ServerEvent) => void,
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
        for (const event of parser.push(value)) {
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
