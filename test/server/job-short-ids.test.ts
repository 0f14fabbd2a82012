// issue #25: a job is named by its id or, like a git commit, by the first characters of it
// when they start only one of the jobs the caller may see: on every dialect, through the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../helpers/databases.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const dialects = await availableDialects();

describe.each(dialects)('short job ids on %s', (dialect) => {
  let s: TestServer;
  let admin: string;
  let operator: string;
  const get = (ref: string, token: string) =>
    s.app.inject({ method: 'GET', url: `/api/jobs/${ref}`, headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    s = await startTestServer(dialect);
    ({ admin, operator } = await s.signInAdminAndOperator());
    const packer = await s.services.users.findByUsername('packer');
    const adminUser = await s.services.users.findByUsername('admin');
    const job = (id: string, ownerId: string) =>
      s.repos.jobs.insert({
        id,
        type: 'ebook',
        profile: 'ebook-2022',
        ownerId,
        title: `job ${id.slice(0, 8)}`,
        config: {},
        now: new Date(),
        status: 'failed',
      });
    // Two of the operator's jobs share "abcd1"; the admin's own job shares "abcd" with them.
    await job('abcd1111-0000-4000-8000-000000000001', packer.id);
    await job('abcd1222-0000-4000-8000-000000000002', packer.id);
    await job('abcd9999-0000-4000-8000-000000000003', adminUser.id);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('accepts the first characters when they start one job, in any case', async () => {
    const r = await get('abcd11', operator);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().id).toBe('abcd1111-0000-4000-8000-000000000001');
    expect((await get('ABCD1222', operator)).json().id).toBe('abcd1222-0000-4000-8000-000000000002');
    // Logs, artifacts and actions take it too, and answer for the full id.
    const logs = await s.app.inject({
      method: 'GET',
      url: '/api/jobs/abcd11/logs',
      headers: { authorization: `Bearer ${operator}` },
    });
    expect(logs.statusCode, logs.body).toBe(200);
    const retried = await s.app.inject({
      method: 'POST',
      url: '/api/jobs/abcd12/cancel',
      headers: { authorization: `Bearer ${operator}` },
    });
    // A failed job cannot be cancelled: the error is about the job, so the id was resolved.
    expect(retried.json().error.code).toBe('JOB_INVALID_STATE');
  });

  it('refuses an ambiguous prefix, naming the jobs it starts', async () => {
    const r = await get('abcd1', operator);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('JOB_ID_AMBIGUOUS');
    expect(r.json().error.message).toMatch(/starts 2 jobs .*give more characters/);
    expect(r.json().error.details.matches.sort()).toEqual([
      'abcd1111-0000-4000-8000-000000000001',
      'abcd1222-0000-4000-8000-000000000002',
    ]);
  });

  it("counts only the caller's own jobs for an operator, and all of them for an admin", async () => {
    // "abcd9" is the admin's job: to the operator it does not exist.
    expect((await get('abcd9', operator)).json().error.code).toBe('JOB_NOT_FOUND');
    expect((await get('abcd9', admin)).json().id).toBe('abcd9999-0000-4000-8000-000000000003');
    expect((await get('abcd', admin)).json().error.details.matches).toHaveLength(3);
  });

  it('needs 4 characters of hex, and finds nothing for a prefix of no job', async () => {
    for (const ref of ['abc', 'zzzz', "ab'%", 'abcd%', 'abcd_']) {
      const r = await get(encodeURIComponent(ref), admin);
      expect(r.statusCode, ref).toBe(404);
      expect(r.json().error.code).toBe('JOB_NOT_FOUND');
    }
    expect((await get('0000', admin)).json().error.message).toBe('No job 0000');
  });
});
