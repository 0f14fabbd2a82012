// The server on SQLite, MariaDB and PostgreSQL: migrations, login, refresh rotation and reuse,
// logout, expiry, rate limits, users administration and job listing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../helpers/databases.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

const dialects = await availableDialects();

describe.each(dialects)('server on %s', (dialect) => {
  let s: TestServer;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    s = await startTestServer(dialect, {
      RELPACK_LOGIN_LIMIT_PER_USER: '4',
      RELPACK_LOGIN_LIMIT_PER_IP: '1000',
    });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('is ready with every migration applied and every table present', async () => {
    const ready = await s.app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ ready: true, database: { dialect, pendingMigrations: [] } });
    const db = s.repos;
    expect(await db.users.count()).toBe(1);
  });

  it('logs in the bootstrapped admin, answers /me, and records the login time', async () => {
    const session = await s.login('admin', ADMIN_PASSWORD);
    expect(session.user).toMatchObject({ username: 'admin', role: 'admin' });
    const me = await s.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: bearer(session.accessToken),
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      username: 'admin',
      role: 'admin',
      active: true,
      lastLoginAt: '2026-11-26T12:00:00.000Z',
    });
  });

  it('refuses a wrong password and an unknown user alike, and a disabled user', async () => {
    const wrong = await s.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'nope-nope' },
    });
    const unknown = await s.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'ghost', password: 'nope-nope' },
    });
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.json().error).toEqual(wrong.json().error);
    const admin = await s.login('admin', ADMIN_PASSWORD);
    const created = await s.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: bearer(admin.accessToken),
      payload: { username: 'sleepy', password: 'mellow-sparrow-kiln-5', role: 'operator' },
    });
    expect(created.statusCode).toBe(201);
    const session = await s.login('sleepy', 'mellow-sparrow-kiln-5');
    await s.app.inject({
      method: 'PATCH',
      url: `/api/users/${created.json().id}`,
      headers: bearer(admin.accessToken),
      payload: { active: false },
    });
    const disabled = await s.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'sleepy', password: 'mellow-sparrow-kiln-5' },
    });
    expect(disabled.statusCode).toBe(403);
    expect(disabled.json().error.code).toBe('ACCOUNT_DISABLED');
    // disabling also ended the existing session
    const refresh = await s.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: session.refreshToken },
    });
    expect(refresh.statusCode).toBe(401);
  });

  it('expires access tokens and rejects forged ones', async () => {
    const session = await s.login('admin', ADMIN_PASSWORD);
    const forged = `${session.accessToken.slice(0, -4)}AAAA`;
    const bad = await s.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(forged) });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.code).toBe('TOKEN_INVALID');
    s.advance(16 * 60 * 1000);
    const expired = await s.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: bearer(session.accessToken),
    });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('TOKEN_EXPIRED');
    // the refresh token still works after the access token expired
    const refreshed = await s.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: session.refreshToken },
    });
    expect(refreshed.statusCode).toBe(200);
  });

  it('rotates refresh tokens and revokes the family when a used one comes back', async () => {
    const first = await s.login('admin', ADMIN_PASSWORD);
    const r1 = await s.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: first.refreshToken },
    });
    expect(r1.statusCode).toBe(200);
    const second = r1.json();
    expect(second.refreshToken).not.toBe(first.refreshToken);
    // Past the grace a racing client gets (see session-revocation.test.ts), a replay is reuse.
    s.advance(11_000);
    const replay = await s.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: first.refreshToken },
    });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('REFRESH_TOKEN_REUSED');
    const afterReplay = await s.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: second.refreshToken },
    });
    expect(afterReplay.statusCode).toBe(401);
  });

  it('takes the refresh token from the httpOnly cookie, and logout revokes it', async () => {
    const login = await s.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: ADMIN_PASSWORD },
    });
    const cookie = login.cookies.find((c) => c.name === 'relpack_refresh')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });
    const viaCookie = await s.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      cookies: { relpack_refresh: cookie.value },
    });
    expect(viaCookie.statusCode).toBe(200);
    const next = viaCookie.cookies.find((c) => c.name === 'relpack_refresh')!.value;
    const logout = await s.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      cookies: { relpack_refresh: next },
    });
    expect(logout.statusCode).toBe(204);
    const after = await s.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      cookies: { relpack_refresh: next },
    });
    expect(after.statusCode).toBe(401);
  });

  it('limits login attempts per user with a clear 429 and Retry-After', async () => {
    const attempt = () =>
      s.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'target', password: 'wrong-password' },
      });
    for (let i = 0; i < 4; i++) {
      const r = await attempt();
      expect(r.statusCode, `attempt ${i} ${r.body}`).toBe(401);
    }
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('manages users: create, duplicate, roles, own password, never the last admin', async () => {
    const admin = await s.login('admin', ADMIN_PASSWORD);
    const h = bearer(admin.accessToken);
    const created = await s.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: h,
      payload: { username: 'op1', password: 'silver-thicket-oar-19', role: 'operator' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).not.toHaveProperty('passwordHash');
    const dup = await s.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: h,
      payload: { username: 'op1', password: 'silver-thicket-oar-19', role: 'operator' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('USERNAME_TAKEN');
    const op = await s.login('op1', 'silver-thicket-oar-19');
    const forbidden = await s.app.inject({
      method: 'GET',
      url: '/api/users',
      headers: bearer(op.accessToken),
    });
    expect(forbidden.statusCode).toBe(403);
    const own = await s.app.inject({
      method: 'POST',
      url: '/api/users/me/password',
      headers: bearer(op.accessToken),
      payload: { currentPassword: 'silver-thicket-oar-19', newPassword: 'copper-meadow-tide-62' },
    });
    expect(own.statusCode).toBe(204);
    await s.login('op1', 'copper-meadow-tide-62');
    const adminId = admin.user.id;
    const demote = await s.app.inject({
      method: 'PATCH',
      url: `/api/users/${adminId}`,
      headers: h,
      payload: { role: 'operator' },
    });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.code).toBe('LAST_ADMIN');
    const del = await s.app.inject({ method: 'DELETE', url: `/api/users/${created.json().id}`, headers: h });
    expect(del.statusCode).toBe(204);
    const list = await s.app.inject({ method: 'GET', url: '/api/users', headers: h });
    expect(list.json().items.map((u: { username: string }) => u.username)).not.toContain('op1');
    const audit = await s.repos.audit.recent(50);
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'user.create',
        'user.update',
        'user.delete',
        'auth.login',
        'auth.login_failed',
      ]),
    );
  });

  it('lists jobs newest first with filters, search and paging; operators see only their own', async () => {
    const admin = await s.login('admin', ADMIN_PASSWORD);
    const op = await s.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: bearer(admin.accessToken),
      payload: { username: 'packer', password: 'violet-canyon-drum-88', role: 'operator' },
    });
    const jobs = s.repos.jobs;
    const base = Date.parse('2026-01-01T00:00:00Z');
    for (let i = 0; i < 30; i++) {
      await jobs.insert({
        type: i % 2 ? 'tv' : 'ebook',
        profile: null,
        ownerId: i < 10 ? op.json().id : admin.user.id,
        title: `Release.${i}.50%_off-GRP`,
        config: { i },
        now: new Date(base + i * 1000),
        status: i % 3 === 0 ? 'completed' : 'pending',
      });
    }
    const h = bearer(admin.accessToken);
    const page = await s.app.inject({ method: 'GET', url: '/api/jobs?limit=5&offset=5', headers: h });
    expect(page.statusCode).toBe(200);
    expect(page.json().total).toBe(30);
    expect(page.json().items.map((j: { title: string }) => j.title)).toEqual(
      [24, 23, 22, 21, 20].map((i) => `Release.${i}.50%_off-GRP`),
    );
    const filtered = await s.app.inject({
      method: 'GET',
      url: '/api/jobs?status=completed&type=ebook',
      headers: h,
    });
    expect(
      filtered
        .json()
        .items.every((j: { status: string; type: string }) => j.status === 'completed' && j.type === 'ebook'),
    ).toBe(true);
    expect(filtered.json().total).toBe(5);
    const search = await s.app.inject({
      method: 'GET',
      url: `/api/jobs?q=${encodeURIComponent('release.1')}`,
      headers: h,
    });
    expect(search.json().total).toBe(11); // 1 and 10–19
    const literal = await s.app.inject({
      method: 'GET',
      url: `/api/jobs?q=${encodeURIComponent('50%_')}`,
      headers: h,
    });
    expect(literal.json().total).toBe(30);
    const none = await s.app.inject({
      method: 'GET',
      url: `/api/jobs?q=${encodeURIComponent('0%x')}`,
      headers: h,
    });
    expect(none.json().total).toBe(0);
    const packer = await s.login('packer', 'violet-canyon-drum-88');
    const own = await s.app.inject({
      method: 'GET',
      url: '/api/jobs?limit=200',
      headers: bearer(packer.accessToken),
    });
    expect(own.json().total).toBe(10);
    const foreign = page.json().items[0].id;
    const hidden = await s.app.inject({
      method: 'GET',
      url: `/api/jobs/${foreign}`,
      headers: bearer(packer.accessToken),
    });
    expect(hidden.statusCode).toBe(404);
    const bad = await s.app.inject({ method: 'GET', url: '/api/jobs?status=bogus&limit=0', headers: h });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('login limit per IP', () => {
  it('answers 429 with the error shape once an address made too many attempts', async () => {
    const s = await startTestServer('sqlite', { RELPACK_LOGIN_LIMIT_PER_IP: '3' });
    try {
      const attempt = (username: string) =>
        s.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username, password: 'whatever-pass' },
          remoteAddress: '203.0.113.9',
        });
      for (const u of ['a', 'b', 'c']) expect((await attempt(u)).statusCode).toBe(401);
      const limited = await attempt('d');
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toBe('RATE_LIMITED');
      // another address is not affected
      const other = await s.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'admin', password: ADMIN_PASSWORD },
        remoteAddress: '203.0.113.10',
      });
      expect(other.statusCode).toBe(200);
    } finally {
      await s.close();
    }
  });
});
