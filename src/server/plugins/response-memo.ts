import { createHash } from 'node:crypto';

interface Entry {
  readonly token: string;
  readonly body: string;
  readonly etag: string;
}

/**
 * Serialized answers of a hot read route, kept while the database's change token stays the same.
 * Dashboards and job lists poll every few seconds from many tabs; between two writes they all
 * get the same bytes, so the page query, the count and the JSON are done once. Least recently
 * used entries go first.
 */
export class ResponseMemo {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly capacity: number) {}

  get(key: string, token: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.token !== token) return undefined;
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, token: string, body: string): Entry {
    const etag = `W/"${createHash('sha1').update(token).update('\0').update(body).digest('base64url')}"`;
    const entry = { token, body, etag };
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }
}
