// Account rules on every dialect (issue #18, item 7): new passwords are long, not the username,
// not well known; usernames are unique whatever their case, and sign-in ignores the case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../helpers/databases.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

const dialects = await availableDialects();

describe.each(dialects)('account rules on %s', (dialect) => {
  let s: TestServer;
  let admin: string;
  const create = (username: string, password: string) =>
    s.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { authorization: `Bearer ${admin}` },
      payload: { username, password, role: 'operator' },
    });

  beforeAll(async () => {
    s = await startTestServer(dialect, { RELPACK_LOGIN_LIMIT_PER_IP: '1000' });
    admin = (await s.login('admin', ADMIN_PASSWORD)).accessToken;
  });
  afterAll(async () => {
    await s?.close();
  });

  it('issue #18: refuses short, username-based, repetitive and common passwords', async () => {
    const short = await create('reader', 'short-pass1');
    expect(short.statusCode).toBe(400);
    for (const [password, reason] of [
      ['reader-secret-2026', /username/],
      ['aaaaaaaaaaaaaaaa', /few different/],
      ['1qaz2wsx3edc', /common/],
      ['Password123456!', /common/],
      ['qwertyuiop123', /common/],
    ] as const) {
      const res = await create('reader', password);
      expect(res.statusCode, password).toBe(400);
      expect(res.json().error.code, password).toBe('PASSWORD_TOO_WEAK');
      expect(res.json().error.message, password).toMatch(reason);
    }
    expect((await create('reader', 'marble-tundra-kite-14')).statusCode).toBe(201);
    const token = (await s.login('reader', 'marble-tundra-kite-14')).accessToken;
    const change = await s.app.inject({
      method: 'POST',
      url: '/api/users/me/password',
      headers: { authorization: `Bearer ${token}` },
      payload: { currentPassword: 'marble-tundra-kite-14', newPassword: 'iloveyou1234' },
    });
    expect(change.json().error.code).toBe('PASSWORD_TOO_WEAK');
  });

  it('issue #18: usernames are unique whatever their case, and sign-in ignores it', async () => {
    expect((await create('Casey', 'lilac-summit-vane-23')).statusCode).toBe(201);
    const again = await create('CASEY', 'other-lilac-vane-77');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('USERNAME_TAKEN');
    const session = await s.login('casey', 'lilac-summit-vane-23');
    const me = await s.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    expect(me.json().username).toBe('Casey');
  });

  it('issue #18: the database itself refuses a second username differing only in case', async () => {
    const now = new Date();
    await s.repos.users.create({ username: 'Dup', passwordHash: 'x', role: 'operator', now });
    await expect(
      s.repos.users.create({ username: 'dUP', passwordHash: 'x', role: 'operator', now }),
    ).rejects.toThrow();
  });
});
