// The web UI's API types are generated from the server's OpenAPI document and committed; this test
// regenerates them and fails when they differ, so UI and server cannot drift silently.
// `npm run gen:api` (UPDATE_API_TYPES=1) rewrites the file instead.
import { readFile, writeFile } from 'node:fs/promises';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const TYPES = new URL('../../web/src/api/schema.gen.ts', import.meta.url);
const HEADER = '// Generated from /api/openapi.json by `npm run gen:api`; do not edit.\n\n';

describe('web API types', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('sqlite');
  });
  afterAll(async () => {
    await s?.close();
  });

  it('match the OpenAPI document the server publishes', async () => {
    const doc = (await s.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    // The version is the running build's, not part of the contract.
    doc.info.version = '0';
    const generated = HEADER + astToString(await openapiTS(doc, { alphabetize: true }));
    if (process.env.UPDATE_API_TYPES === '1') await writeFile(TYPES, generated);
    const committed = await readFile(TYPES, 'utf8').catch(() => '');
    expect(committed, 'web/src/api/schema.gen.ts is stale: run `npm run gen:api`').toBe(generated);
    expect(generated).toContain('"/api/wizard/preview"');
  });
});
