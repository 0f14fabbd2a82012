// issue #19: the admin-only rules live in the use-cases, so every adapter (the API behind its route
// guard, the local CLI with no guard at all) meets the same refusal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

describe('access rules in the use-cases', () => {
  let s: TestServer;
  let operator: { userId: string; role: 'operator'; ip: null };
  beforeAll(async () => {
    s = await startTestServer('sqlite');
    await s.signInAdminAndOperator();
    const packer = await s.services.users.findByUsername('packer');
    operator = { userId: packer.id, role: 'operator', ip: null };
  });
  afterAll(async () => {
    await s?.close();
  });

  const refusals = (): [string, () => Promise<unknown>][] => [
    ['list users', () => s.services.users.list(operator)],
    ['see another user', () => s.services.users.get(operator, operator.userId)],
    [
      'create a user',
      () =>
        s.services.users.create(operator, { username: 'x-user', password: 'x'.repeat(12), role: 'admin' }),
    ],
    ['change a user', () => s.services.users.update(operator, operator.userId, { role: 'admin' })],
    ['delete a user', () => s.services.users.delete(operator, operator.userId)],
    [
      'add a destination',
      () =>
        s.services.destinations.create(operator, { name: 'd', protocol: 'ftp', host: 'h', username: 'u' }),
    ],
    ['change a destination', () => s.services.destinations.update(operator, 'd', { enabled: false })],
    ['delete a destination', () => s.services.destinations.delete(operator, 'd')],
    ['test a destination', () => s.services.destinations.test(operator, 'd')],
    ['read global preferences', () => s.services.preferences.globalValues(operator)],
    ['set global preferences', () => s.services.preferences.setGlobal(operator, { 'pack.group': 'X' })],
    ['unset a global preference', () => s.services.preferences.unsetGlobal(operator, 'pack.group')],
    ['export global preferences', () => s.services.preferences.export(operator, 'global')],
    ['import global preferences', () => s.services.preferences.import(operator, 'global', {}, true)],
    ['see provider settings', () => s.services.apiConfigs.list(operator)],
    ['configure a provider', () => s.services.apiConfigs.put(operator, 'openlibrary', { enabled: false })],
    ['remove a provider', () => s.services.apiConfigs.delete(operator, 'openlibrary')],
    ['read the audit log', () => s.services.audit.list(operator, { limit: 10, offset: 0 })],
  ];

  it.each(refusals().map(([what]) => [what]))('issue #19: an operator cannot %s', async (what) => {
    const run = refusals().find(([w]) => w === what)![1];
    await expect(run()).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/^Only an admin can /),
    });
  });

  it('issue #19: an operator still reads their own account and sets their own preferences', async () => {
    expect((await s.services.users.me(operator)).username).toBe('packer');
    await s.services.preferences.setUser(operator.userId, { 'pack.group': 'MINE' });
    const mine = await s.services.preferences.resolve(operator.userId, 'pack.group');
    expect(mine).toMatchObject({ value: 'MINE', source: 'user' });
    expect((await s.services.preferences.export(operator, 'user')).preferences).toEqual({
      'pack.group': 'MINE',
    });
  });
});
