// Access tokens do not outlive the account or the login (issue #18, item 3), on every dialect:
// demotion, disabling, deletion, a password change, logout and refresh-token reuse take effect on
// the next request, download links and SSE streams included; tokens must carry exp, sub and sid.
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../helpers/databases.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

const dialects = await availableDialects();
const JWT_SECRET = 'test-jwt-secret-that-is-long-enough-1234567890';

describe.each(dialects)('session revocation on %s', (dialect) => {
  let s: TestServer;
  let admin: string;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const get = (token: string, url: string) => s.app.inject({ method: 'GET', url, headers: bearer(token) });

  beforeAll(async () => {
    s = await startTestServer(dialect, { RELPACK_LOGIN_LIMIT_PER_IP: '1000' });
    admin = (await s.login('admin', ADMIN_PASSWORD)).accessToken;
  });
  afterAll(async () => {
    await s?.close();
  });

  let n = 0;
  /** A second admin (or operator), signed in: its id and its session. */
  async function makeUser(role: 'admin' | 'operator') {
    const username = `user${++n}`;
    const password = `quiet-harbour-${n}-lamp`;
    const created = await s.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: bearer(admin),
      payload: { username, password, role },
    });
    expect(created.statusCode, created.body).toBe(201);
    const session = await s.login(username, password);
    return { id: created.json().id as string, username, password, ...session };
  }
  const patchUser = (id: string, payload: object) =>
    s.app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: bearer(admin), payload });

  it('issue #18: a demoted admin loses admin power on the next request', async () => {
    const demoted = await makeUser('admin');
    expect((await get(demoted.accessToken, '/api/audit')).statusCode).toBe(200);
    expect((await patchUser(demoted.id, { role: 'operator' })).statusCode).toBe(200);
    const create = await s.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: bearer(demoted.accessToken),
      payload: { username: 'sneaky', password: 'sneaky-password-1', role: 'admin' },
    });
    expect(create.statusCode).toBe(401);
    expect((await get(demoted.accessToken, '/api/users')).statusCode).toBe(401);
  });

  it('issue #18: a disabled account reads nothing, not even the audit log', async () => {
    const disabled = await makeUser('admin');
    expect((await patchUser(disabled.id, { active: false })).statusCode).toBe(200);
    const audit = await get(disabled.accessToken, '/api/audit');
    expect(audit.statusCode).toBe(403);
    expect(audit.json().error.code).toBe('ACCOUNT_DISABLED');
  });

  it('issue #18: a deleted account lists no users', async () => {
    const deleted = await makeUser('admin');
    const del = await s.app.inject({
      method: 'DELETE',
      url: `/api/users/${deleted.id}`,
      headers: bearer(admin),
    });
    expect(del.statusCode).toBe(204);
    const users = await get(deleted.accessToken, '/api/users');
    expect(users.statusCode).toBe(401);
    expect(users.json().error.code).toBe('TOKEN_INVALID');
  });

  it('issue #18: a password change ends the other logins at once', async () => {
    const user = await makeUser('operator');
    const other = await s.login(user.username, user.password);
    const changed = await s.app.inject({
      method: 'POST',
      url: '/api/users/me/password',
      headers: bearer(user.accessToken),
      payload: { currentPassword: user.password, newPassword: 'a-brand-new-password-9' },
    });
    expect(changed.statusCode, changed.body).toBeLessThan(300);
    expect((await get(other.accessToken, '/api/auth/me')).statusCode).toBe(401);
    // The login that changed it stays signed in.
    expect((await get(user.accessToken, '/api/auth/me')).statusCode).toBe(200);
  });

  it('issue #18: /api/auth/me stops answering after logout and after refresh-token reuse', async () => {
    const user = await makeUser('operator');
    expect((await get(user.accessToken, '/api/auth/me')).statusCode).toBe(200);
    const out = await s.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      payload: { refreshToken: user.refreshToken },
    });
    expect(out.statusCode).toBeLessThan(300);
    expect((await get(user.accessToken, '/api/auth/me')).statusCode).toBe(401);

    const again = await s.login(user.username, user.password);
    const refresh = (token: string) =>
      s.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: token } });
    const rotated = await refresh(again.refreshToken);
    expect(rotated.statusCode).toBe(200);
    const fresh = rotated.json().accessToken as string;
    expect((await get(fresh, '/api/auth/me')).statusCode).toBe(200);
    // The thief replays the old refresh token from elsewhere: the login dies, its access tokens too.
    const stolen = await s.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: again.refreshToken },
      remoteAddress: '198.51.100.44',
    });
    expect(stolen.json().error.code).toBe('REFRESH_TOKEN_REUSED');
    expect((await get(fresh, '/api/auth/me')).statusCode).toBe(401);
    expect((await get(again.accessToken, '/api/auth/me')).statusCode).toBe(401);
  });

  it('issue #18: tokens without exp or without a login id are refused', async () => {
    const me = (await get(admin, '/api/auth/me')).json();
    const secret = new TextEncoder().encode(JWT_SECRET);
    const base = () =>
      new SignJWT({ role: 'admin' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(me.id)
        .setIssuer('relpack')
        .setAudience('relpack-api')
        .setIssuedAt();
    const noExp = await base().sign(secret);
    const noSid = await base().setExpirationTime('10m').sign(secret);
    for (const token of [noExp, noSid]) {
      const res = await get(token, '/api/auth/me');
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('TOKEN_INVALID');
    }
  });

  it('issue #18: the server-sent event stream ends when its viewer signs out', async () => {
    const user = await makeUser('operator');
    // A job that never runs: the stream would stay open until the job ends.
    const job = await s.app.inject({
      method: 'POST',
      url: '/api/jobs',
      headers: bearer(user.accessToken),
      payload: { type: 'ebook', sourceUrl: 'https://example.com/book.epub', group: 'GRP' },
    });
    expect(job.statusCode, job.body).toBe(201);
    const address = await s.app.listen({ port: 0, host: '127.0.0.1' });
    const response = await fetch(`${address}/api/jobs/${job.json().id}/events`, {
      headers: bearer(user.accessToken),
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes('event: snapshot')) text += decoder.decode((await reader.read()).value);
    await s.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      payload: { refreshToken: user.refreshToken },
    });
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    expect(text).toMatch(/event: error\ndata: \{"code":"TOKEN_INVALID"/);
  });

  it('issue #18: the same client refreshing twice at once keeps its login; another client does not', async () => {
    const user = await makeUser('operator');
    const refresh = (token: string, client: { ip: string; ua: string }) =>
      s.app.inject({
        method: 'POST',
        url: '/api/auth/refresh',
        payload: { refreshToken: token },
        remoteAddress: client.ip,
        headers: { 'user-agent': client.ua },
      });
    const cli = { ip: '127.0.0.1', ua: 'relpack-cli' };
    const first = await refresh(user.refreshToken, cli);
    expect(first.statusCode).toBe(200);
    // The racing second command of the same client, a moment later: answered, login intact.
    const second = await refresh(user.refreshToken, cli);
    expect(second.statusCode, second.body).toBe(200);
    for (const token of [first.json().accessToken, second.json().accessToken]) {
      expect((await get(token, '/api/auth/me')).statusCode).toBe(200);
    }
    // A copy of that refresh token used from elsewhere is reuse: the whole login ends.
    const thief = await refresh(user.refreshToken, { ip: '198.51.100.3', ua: 'curl/8' });
    expect(thief.json().error.code).toBe('REFRESH_TOKEN_REUSED');
    expect((await get(first.json().accessToken, '/api/auth/me')).statusCode).toBe(401);
  });

  it('issue #18: the same client replaying a rotated refresh token after the grace is reuse', async () => {
    const user = await makeUser('operator');
    const refresh = (token: string) =>
      s.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: token } });
    const first = await refresh(user.refreshToken);
    expect(first.statusCode).toBe(200);
    s.advance(11_000);
    const late = await refresh(user.refreshToken);
    expect(late.json().error.code).toBe('REFRESH_TOKEN_REUSED');
    expect((await refresh(first.json().refreshToken)).statusCode).toBe(401);
  });
});
