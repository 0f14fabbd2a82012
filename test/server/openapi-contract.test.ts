// The OpenAPI document describes every request and response with a real shape: no operation takes
// or answers a bare object (`{ type: object }` with no properties), so API users and the web's
// generated types know every field. The old names of a few routes answer too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

interface Schema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  items?: Schema;
}

/** Bodies that are files or streams by design, with why. */
const UNTYPED_BY_DESIGN: Record<string, string> = {
  'post /api/sources/upload request': 'multipart/form-data: the file itself',
  'get /api/jobs/{id}/artifacts/{artifactId}/download 200': 'the file bytes',
  'get /api/jobs/{id}/artifacts/{artifactId}/download 206': 'a byte range of the file',
  'get /metrics 200': 'Prometheus text',
};

describe('OpenAPI contract', () => {
  let s: TestServer;
  let doc: {
    paths: Record<string, Record<string, Record<string, unknown>>>;
    components: { schemas: Record<string, Schema> };
  };
  beforeAll(async () => {
    s = await startTestServer('sqlite');
    doc = (await s.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  });
  afterAll(async () => {
    await s?.close();
  });

  const resolve = (schema: Schema): Schema => {
    if (!schema.$ref) return schema;
    const name = schema.$ref.split('/').pop()!;
    return resolve(doc.components.schemas[name]!);
  };
  /** A bare object: an object (or record of unknowns) that names no field at all. */
  const isBare = (raw: Schema | undefined): boolean => {
    if (!raw) return true;
    const schema = resolve(raw);
    for (const list of [schema.anyOf, schema.oneOf, schema.allOf]) if (list) return list.every(isBare);
    if (schema.type === 'array') return schema.items ? isBare(schema.items) : true;
    const isObject =
      schema.type === 'object' || (Array.isArray(schema.type) && schema.type.includes('object'));
    if (!isObject) return Object.keys(schema).length === 0;
    const named = Object.keys(schema.properties ?? {}).length > 0;
    const typedValues =
      typeof schema.additionalProperties === 'object' && !isBare(schema.additionalProperties);
    return !named && !typedValues;
  };

  it('has no operation with an untyped request or response body', () => {
    const untyped: string[] = [];
    let operations = 0;
    let typedBodies = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        operations++;
        const request = (op.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)
          ?.content;
        if (request) {
          const key = `${method} ${path} request`;
          const schema = Object.values(request)[0]?.schema;
          if (isBare(schema) && !UNTYPED_BY_DESIGN[key]) untyped.push(key);
          else typedBodies++;
        }
        const responses = (op.responses ?? {}) as Record<
          string,
          { content?: Record<string, { schema?: Schema }> }
        >;
        for (const [status, response] of Object.entries(responses)) {
          if (!response.content || status === '204' || status === '304') continue;
          const key = `${method} ${path} ${status}`;
          const schema = Object.values(response.content)[0]?.schema;
          if (isBare(schema) && !UNTYPED_BY_DESIGN[key] && path !== '/api/jobs/{id}/events')
            untyped.push(key);
        }
      }
    }
    expect(untyped).toEqual([]);
    expect(operations).toBeGreaterThan(60);
    expect(typedBodies).toBeGreaterThan(20);
  });

  it('documents the pack job request with its fields and the template choice', () => {
    const request = resolve(doc.components.schemas.PackJobRequest!);
    expect(Object.keys(request.properties ?? {})).toEqual(
      expect.arrayContaining(['type', 'source', 'sourceUrl', 'group', 'volumeSize', 'nfoTemplate']),
    );
    expect(request.additionalProperties).toBe(false);
    const choice = resolve(doc.components.schemas.TemplateChoice!);
    expect((choice.anyOf ?? choice.oneOf ?? []).map((c) => Object.keys(resolve(c).properties ?? {}))).toEqual(
      [['templateId'], ['body']],
    );
  });

  it('answers the old names: wizard preferences and one global value', async () => {
    const admin = (await s.login('admin', ADMIN_PASSWORD)).accessToken;
    const h = { authorization: `Bearer ${admin}` };
    const viaWizard = await s.app.inject({ method: 'GET', url: '/api/wizard/preferences', headers: h });
    const direct = await s.app.inject({ method: 'GET', url: '/api/preferences', headers: h });
    expect(viaWizard.statusCode).toBe(200);
    expect(viaWizard.json()).toEqual(direct.json());
    const set = await s.app.inject({
      method: 'POST',
      url: '/api/wizard/preferences',
      headers: h,
      payload: { 'pack.group': 'WIZ' },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json().items.find((p: { key: string }) => p.key === 'pack.group')).toMatchObject({
      value: 'WIZ',
      source: 'user',
    });
    const unknown = await s.app.inject({
      method: 'POST',
      url: '/api/wizard/preferences',
      headers: h,
      payload: { 'pack.nope': 1 },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('VALIDATION_FAILED');

    const none = await s.app.inject({ method: 'GET', url: '/api/preferences/global/pack.group', headers: h });
    expect(none.json()).toEqual({ key: 'pack.group', value: null, set: false });
    await s.app.inject({
      method: 'PUT',
      url: '/api/preferences/global/pack.group',
      headers: h,
      payload: { value: 'GLB' },
    });
    const one = await s.app.inject({ method: 'GET', url: '/api/preferences/global/pack.group', headers: h });
    expect(one.json()).toEqual({ key: 'pack.group', value: 'GLB', set: true });
    const bad = await s.app.inject({ method: 'GET', url: '/api/preferences/global/pack.nope', headers: h });
    expect(bad.json().error.code).toBe('UNKNOWN_PREFERENCE');
  });
});
