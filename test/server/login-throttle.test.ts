// Login throttling that cannot be turned into a lockout (issue #18, item 4): failures counted per
// (username, client) and per client; RELPACK_TRUST_PROXY names the client behind nginx; a
// password change is throttled like a login.
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

let s: TestServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const login = (server: TestServer, username: string, password: string, extra: object = {}) =>
  server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, ...extra });

describe('login throttle', () => {
  it('issue #18: an attacker elsewhere cannot lock the owner out of their own address', async () => {
    s = await startTestServer('sqlite', {
      RELPACK_LOGIN_LIMIT_PER_USER: '5',
      RELPACK_LOGIN_LIMIT_PER_IP: '50',
    });
    const attacker = { remoteAddress: '198.51.100.66' };
    for (let i = 0; i < 5; i++)
      expect((await login(s, 'admin', `guess-${i}`, attacker)).statusCode).toBe(401);
    const locked = await login(s, 'admin', 'guess-6', attacker);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // Past the limit the right password is refused too from there: no guessing through the lock.
    expect((await login(s, 'admin', ADMIN_PASSWORD, attacker)).statusCode).toBe(429);
    // The owner, from their own address, signs in at once.
    const owner = await login(s, 'admin', ADMIN_PASSWORD, { remoteAddress: '203.0.113.20' });
    expect(owner.statusCode).toBe(200);
  });

  it('issue #18: a success clears the count, and only failures count', async () => {
    s = await startTestServer('sqlite', {
      RELPACK_LOGIN_LIMIT_PER_USER: '3',
      RELPACK_LOGIN_LIMIT_PER_IP: '50',
    });
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 2; i++) expect((await login(s, 'admin', 'wrong-one')).statusCode).toBe(401);
      expect((await login(s, 'admin', ADMIN_PASSWORD)).statusCode).toBe(200);
    }
  });

  it('issue #18: behind a proxy each forwarded client has its own count, and the audit log names it', async () => {
    s = await startTestServer('sqlite', {
      RELPACK_TRUST_PROXY: '1',
      RELPACK_LOGIN_LIMIT_PER_USER: '3',
      RELPACK_LOGIN_LIMIT_PER_IP: '5',
    });
    const via = (client: string) => ({ remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': client } });
    for (let i = 0; i < 20; i++) await login(s, `nobody${i}`, 'wrong-password', via('198.51.100.7'));
    expect((await login(s, 'someone', 'wrong-password', via('198.51.100.7'))).statusCode).toBe(429);
    // Everyone else behind the same proxy still signs in.
    const other = await login(s, 'admin', ADMIN_PASSWORD, via('203.0.113.5'));
    expect(other.statusCode).toBe(200);
    const audit = await s.app.inject({
      method: 'GET',
      url: '/api/audit?limit=100',
      headers: { authorization: `Bearer ${other.json().accessToken}` },
    });
    const ips = new Set(audit.json().items.map((r: { ip: string | null }) => r.ip));
    expect(ips).toContain('198.51.100.7');
    expect(ips).toContain('203.0.113.5');
    expect(ips).not.toContain('127.0.0.1');
  });

  it('issue #18: without RELPACK_TRUST_PROXY a forged X-Forwarded-For changes nothing', async () => {
    s = await startTestServer('sqlite', {
      RELPACK_LOGIN_LIMIT_PER_USER: '2',
      RELPACK_LOGIN_LIMIT_PER_IP: '50',
    });
    for (let i = 0; i < 4; i++) {
      await login(s, 'admin', 'wrong-password', {
        remoteAddress: '198.51.100.9',
        headers: { 'x-forwarded-for': `203.0.113.${i}` },
      });
    }
    const res = await login(s, 'admin', 'wrong-password', {
      remoteAddress: '198.51.100.9',
      headers: { 'x-forwarded-for': '203.0.113.99' },
    });
    expect(res.statusCode).toBe(429);
  });

  it('issue #18: RELPACK_TRUST_PROXY takes CIDR lists and refuses nonsense', async () => {
    s = await startTestServer('sqlite', { RELPACK_TRUST_PROXY: '127.0.0.0/8, ::1' });
    const res = await login(s, 'admin', ADMIN_PASSWORD, {
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-for': '203.0.113.77' },
    });
    expect(res.statusCode).toBe(200);
    await expect(startTestServer('sqlite', { RELPACK_TRUST_PROXY: 'yes please!' })).rejects.toThrow(
      /RELPACK_TRUST_PROXY/,
    );
  });

  it('issue #18: guessing the current password through a held session is throttled', async () => {
    s = await startTestServer('sqlite', {
      RELPACK_LOGIN_LIMIT_PER_USER: '3',
      RELPACK_LOGIN_LIMIT_PER_IP: '50',
    });
    const token = (await s.login('admin', ADMIN_PASSWORD)).accessToken;
    const change = (currentPassword: string) =>
      s!.app.inject({
        method: 'POST',
        url: '/api/users/me/password',
        headers: { authorization: `Bearer ${token}` },
        payload: { currentPassword, newPassword: 'a-new-long-password-42' },
      });
    for (let i = 0; i < 3; i++) expect((await change(`guess-${i}`)).json().error.code).toBe('WRONG_PASSWORD');
    const limited = await change(ADMIN_PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
  });
});
