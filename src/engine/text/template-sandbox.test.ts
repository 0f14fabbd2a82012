import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  configureSharedTemplateSandbox,
  sharedTemplateSandbox,
  TemplateSandbox,
} from './template-sandbox.js';

describe('TemplateSandbox idle threads', () => {
  const sandboxes: TemplateSandbox[] = [];
  const make = (idleMs?: number) => {
    const sandbox = new TemplateSandbox({ workers: 1, ...(idleMs === undefined ? {} : { idleMs }) });
    sandboxes.push(sandbox);
    return sandbox;
  };
  afterEach(async () => {
    vi.useRealTimers();
    await Promise.all(sandboxes.splice(0).map((s) => s.close()));
  });

  it('with idleMs 0, renders that follow one another share a thread, which ends once none follows', async () => {
    const sandbox = make(0);
    expect(await sandbox.render('{{ a }}', { a: 1 }, 'NFO')).toBe('1');
    expect(await sandbox.render('{{ a }}', { a: 2 }, 'DIZ')).toBe('2');
    expect(sandbox.threadsStarted).toBe(1);
    await vi.waitFor(() => expect(sandbox.threads).toBe(0));
    expect(await sandbox.render('{{ a }}', { a: 3 }, 'NFO')).toBe('3');
    expect(sandbox.threadsStarted).toBe(2);
  });

  it('keeps an idle thread for a minute by default, then ends it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const sandbox = make();
    expect(await sandbox.render('{{ a }}', { a: 1 }, 'NFO')).toBe('1');
    await vi.advanceTimersByTimeAsync(59_000);
    expect(sandbox.threads).toBe(1);
    expect(await sandbox.render('{{ a }}', { a: 2 }, 'NFO')).toBe('2');
    expect(sandbox.threadsStarted).toBe(1);
    await vi.advanceTimersByTimeAsync(60_000);
    await vi.waitFor(() => expect(sandbox.threads).toBe(0));
  });

  it('configuring the shared sandbox with the options it has keeps it, other options replace it', async () => {
    await configureSharedTemplateSandbox({ idleMs: 60_000 });
    const first = sharedTemplateSandbox();
    await configureSharedTemplateSandbox({ idleMs: 60_000 });
    expect(sharedTemplateSandbox()).toBe(first);
    await configureSharedTemplateSandbox({ idleMs: 0 });
    expect(sharedTemplateSandbox()).not.toBe(first);
    await configureSharedTemplateSandbox({});
  });
});
