// Hostile source files given to detection and metadata extraction (issue #18): a 1 GB PDF (sparse,
// a real header) would have been read whole into memory by pdf-lib; it is now answered with a
// coded error at once, and the wizard's source step stays within its memory budget.
import { mkdir, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdfMetadata } from '../../src/metadata/extract/pdf.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

describe('hostile sources', () => {
  let s: TestServer;
  let operator: string;
  let big: string;

  beforeAll(async () => {
    s = await startTestServer('sqlite', {}, { realClock: true });
    ({ operator } = await s.signInAdminAndOperator());
    const root = s.services.config.sourceRoots[0]!;
    await mkdir(root, { recursive: true });
    big = join(root, 'huge.pdf');
    await writeFile(big, '%PDF-1.7\n');
    await truncate(big, 2 ** 30);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('issue #18: the metadata of a 1 GB PDF is refused with a code, not read into memory', async () => {
    const before = process.memoryUsage().rss;
    await expect(readPdfMetadata(big)).rejects.toMatchObject({ code: 'METADATA_UNREADABLE' });
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 2 ** 20);
  });

  it('issue #18: the wizard source step answers a 1 GB PDF within 256 MB', async () => {
    const before = process.memoryUsage().rss;
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/wizard/step/validate',
      headers: { authorization: `Bearer ${operator}` },
      payload: {
        step: 'source',
        data: { kind: 'local', path: big },
        state: { type: { releaseType: 'ebook' } },
      },
    });
    expect(res.statusCode).toBeLessThan(500);
    expect(process.memoryUsage().rss - before).toBeLessThan(256 * 2 ** 20);
  });
});
