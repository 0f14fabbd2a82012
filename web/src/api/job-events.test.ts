import { describe, expect, it } from 'vitest';
import { asJobEvent, EventStreamParser, MAX_EVENT_CHARS } from './job-events';

describe('event stream parser', () => {
  const stream =
    'event: snapshot\ndata: {"status":"running"}\n\n: keep-alive\n\nevent: log\ndata: {"id":1,"message":"a"}\n\nevent: end\ndata: {"status":"completed"}\n\n';

  it('gives the same events whatever the chunking', () => {
    const whole = new EventStreamParser().push(stream);
    expect(whole).toEqual([
      { event: 'snapshot', data: { status: 'running' } },
      { event: 'log', data: { id: 1, message: 'a' } },
      { event: 'end', data: { status: 'completed' } },
    ]);
    for (const size of [1, 3, 7, 20]) {
      const parser = new EventStreamParser();
      const events = [];
      for (let i = 0; i < stream.length; i += size) events.push(...parser.push(stream.slice(i, i + size)));
      expect(events, `chunks of ${size}`).toEqual(whole);
    }
  });

  it('joins multi-line data, accepts CRLF, and hands over text that is not JSON', () => {
    const events = new EventStreamParser().push('data: line one\r\ndata: line two\r\n\r\n');
    expect(events).toEqual([{ event: 'message', data: 'line one\nline two' }]);
  });

  it('refuses an event past the size limit instead of buffering it', () => {
    const parser = new EventStreamParser();
    parser.push('event: log\ndata: "');
    const chunk = 'x'.repeat(64 * 1024);
    let thrown: unknown = null;
    for (let i = 0; i < (2 * MAX_EVENT_CHARS) / chunk.length && !thrown; i++) {
      try {
        parser.push(chunk);
      } catch (error) {
        thrown = error;
      }
    }
    expect(String(thrown)).toMatch(/an event over 1048576 characters/);
  });
});

describe('job events', () => {
  it('keeps the events the job page knows and skips others (a newer server)', () => {
    expect(asJobEvent({ event: 'status', data: { status: 'running' } })).toEqual({
      event: 'status',
      data: { status: 'running' },
    });
    expect(asJobEvent({ event: 'progress', data: null })).toEqual({ event: 'progress', data: null });
    expect(asJobEvent({ event: 'heartbeat', data: {} })).toBeNull();
    expect(asJobEvent({ event: 'log', data: 'not an object' })).toBeNull();
  });
});
