// Every registered route: anonymous callers are refused (but for the public ones), operators are
// refused on admin routes, and malformed or oversized input always gives a 4xx with the error shape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

const PUBLIC = [
  '/api/health',
  '/api/ready',
  '/api/auth/login',
  '/api/auth/refresh',
  '/api/auth/logout',
  '/api/openapi.json',
];
/** Public to the guard because it also takes a non-JWT token, and checks callers itself. */
const SELF_GUARDED = ['/metrics'];
/** Public to the guard because a browser link carries a download token; the route checks it. */
const DOWNLOAD = '/api/jobs/:id/artifacts/:artifactId/download';
/** The web app's pages and static files: public, they hold no data. */
const isWebApp = (url: string) => !url.startsWith('/api/') && url !== '/metrics';
const FAKE_ID = '00000000-0000-4000-8000-000000000000';
const urlOf = (url: string) => url.replace(/:[a-zA-Z]+/g, FAKE_ID).replace(/\*$/, 'x');
const isErrorShape = (body: unknown) =>
  typeof body === 'object' &&
  body !== null &&
  typeof (body as { error?: { code?: unknown } }).error?.code === 'string' &&
  typeof (body as { error: { message?: unknown } }).error.message === 'string';

describe('route access and input hardening', () => {
  let s: TestServer;
  let adminToken: string;
  let operatorToken: string;

  beforeAll(async () => {
    s = await startTestServer('sqlite', {
      RELPACK_LOGIN_LIMIT_PER_IP: '100000',
      RELPACK_LOGIN_LIMIT_PER_USER: '100000',
      RELPACK_BODY_LIMIT_BYTES: '65536',
    });
    adminToken = (await s.login('admin', ADMIN_PASSWORD)).accessToken;
    await s.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { authorization: `Bearer ${adminToken}` },
      payload: { username: 'operator1', password: 'operator-pass', role: 'operator' },
    });
    operatorToken = (await s.login('operator1', 'operator-pass')).accessToken;
  });
  afterAll(async () => {
    await s?.close();
  });

  it('registers the routes it should, each with a declared access level', () => {
    const urls = s.routes.map((r) => `${r.method} ${r.url}`);
    expect(urls).toEqual(
      expect.arrayContaining(['GET /api/users', 'POST /api/auth/login', 'GET /api/jobs', 'GET /api/docs']),
    );
    for (const r of s.routes) {
      const isPublic =
        PUBLIC.includes(r.url) ||
        SELF_GUARDED.includes(r.url) ||
        r.url === DOWNLOAD ||
        isWebApp(r.url) ||
        r.url.startsWith('/api/docs');
      expect(r.access, `${r.method} ${r.url}`).toBe(
        isPublic ? 'public' : r.access === 'admin' ? 'admin' : 'user',
      );
    }
  });

  it('refuses anonymous callers on every non-public route', async () => {
    const checked: string[] = [];
    for (const r of s.routes.filter((x) => x.access !== 'public')) {
      const res = await s.app.inject({
        method: r.method as 'GET',
        url: urlOf(r.url),
        payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
      checked.push(r.url);
    }
    expect(checked.length).toBeGreaterThanOrEqual(7);
    const download = urlOf(DOWNLOAD);
    for (const query of ['', '?token=forged']) {
      const res = await s.app.inject({ method: 'GET', url: `${download}${query}` });
      expect(res.statusCode, `${download}${query}`).toBe(401);
    }
    // An access token is not a download token.
    const res = await s.app.inject({ method: 'GET', url: `${download}?token=${adminToken}` });
    expect(res.statusCode).toBe(401);
    for (const url of SELF_GUARDED) {
      const anonymous = await s.app.inject({ method: 'GET', url });
      expect(anonymous.statusCode, url).toBe(401);
      const operator = await s.app.inject({
        method: 'GET',
        url,
        headers: { authorization: `Bearer ${operatorToken}` },
      });
      expect(operator.statusCode, url).toBe(403);
      const admin = await s.app.inject({
        method: 'GET',
        url,
        headers: { authorization: `Bearer ${adminToken}` },
      });
      expect(admin.statusCode, url).toBe(200);
    }
  });

  it('refuses operators on every admin route and lets admins through the guard', async () => {
    const adminRoutes = s.routes.filter((x) => x.access === 'admin');
    expect(adminRoutes.length).toBeGreaterThanOrEqual(5);
    for (const r of adminRoutes) {
      const payload = r.method === 'GET' || r.method === 'DELETE' ? undefined : {};
      const asOperator = await s.app.inject({
        method: r.method as 'GET',
        url: urlOf(r.url),
        payload,
        headers: { authorization: `Bearer ${operatorToken}` },
      });
      expect(asOperator.statusCode, `${r.method} ${r.url}`).toBe(403);
      const asAdmin = await s.app.inject({
        method: r.method as 'GET',
        url: urlOf(r.url),
        payload,
        headers: { authorization: `Bearer ${adminToken}` },
      });
      expect([401, 403], `${r.method} ${r.url}`).not.toContain(asAdmin.statusCode);
    }
  });

  it('answers every route a 4xx with the error shape for malformed, wrong-typed and oversized bodies, never a 500', async () => {
    const bodies: { payload: string; contentType: string }[] = [
      { payload: '{not json', contentType: 'application/json' },
      { payload: '[]', contentType: 'application/json' },
      { payload: '"string"', contentType: 'application/json' },
      { payload: 'null', contentType: 'application/json' },
      {
        payload: JSON.stringify({
          username: 42,
          password: ['x'],
          role: { a: 1 },
          active: 'yes',
          refreshToken: 7,
        }),
        contentType: 'application/json',
      },
      { payload: JSON.stringify({ username: 'a'.repeat(70_000) }), contentType: 'application/json' },
      { payload: `${'['.repeat(5000)}${']'.repeat(5000)}`, contentType: 'application/json' },
      { payload: 'username=admin', contentType: 'application/x-www-form-urlencoded' },
      {
        payload: JSON.stringify({ __proto__: { role: 'admin' }, constructor: { prototype: {} } }),
        contentType: 'application/json',
      },
    ];
    const tried: string[] = [];
    // Routes that declare a JSON body (per the OpenAPI document); the others ignore bodies.
    const doc = (await s.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const takesJson = (r: { method: string; url: string }) =>
      Boolean(
        doc.paths[r.url.replace(/:([a-zA-Z]+)/g, '{$1}')]?.[r.method.toLowerCase()]?.requestBody?.content?.[
          'application/json'
        ],
      );
    for (const r of s.routes.filter((x) => ['POST', 'PATCH', 'PUT'].includes(x.method) && takesJson(x))) {
      for (const body of bodies) {
        for (const token of [adminToken, operatorToken]) {
          const res = await s.app.inject({
            method: r.method as 'POST',
            url: urlOf(r.url),
            payload: body.payload,
            headers: { 'content-type': body.contentType, authorization: `Bearer ${token}` },
          });
          const label = `${r.method} ${r.url} ${body.payload.slice(0, 30)}`;
          expect(res.statusCode, label).toBeGreaterThanOrEqual(400);
          expect(res.statusCode, label).toBeLessThan(500);
          expect(isErrorShape(res.json()), label).toBe(true);
          tried.push(label);
        }
      }
    }
    expect(tried.length).toBeGreaterThan(50);
  });

  it('answers bad queries, bad ids and unknown routes with the error shape', async () => {
    const h = { authorization: `Bearer ${adminToken}` };
    for (const url of [
      '/api/jobs?limit=-1',
      '/api/jobs?limit=abc',
      '/api/jobs?offset=1e99',
      '/api/jobs/not-a-uuid',
      '/api/users/1',
      '/api/nope',
    ]) {
      const res = await s.app.inject({ method: 'GET', url, headers: h });
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, url).toBeLessThan(500);
      expect(isErrorShape(res.json()), url).toBe(true);
    }
    const badAuth = await s.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: 'Basic abc' },
    });
    expect(badAuth.statusCode).toBe(401);
  });

  it('publishes an OpenAPI document with every API route and the docs page', async () => {
    const doc = (await s.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const r of s.routes.filter(
      (x) => x.url.startsWith('/api/') && !x.url.startsWith('/api/docs') && x.url !== '/api/openapi.json',
    )) {
      const path = r.url.replace(/:([a-zA-Z]+)/g, '{$1}');
      expect(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${r.url}`).toBeDefined();
    }
    const page = await s.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger');
  });
});
