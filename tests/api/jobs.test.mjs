// Jobs across processes: two `tongban serve` on one database share the job table; no job runs
// twice and none is lost. Failing jobs end dead and stay visible.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, client, freshDatabase, dbKind } from './lib/server.mjs';

async function waitFor(fn, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test(`two servers on one ${dbKind} database: every job runs exactly once`, async () => {
  const db = freshDatabase();
  const env = { TONGBAN_JOB_POLL_MS: '20' };
  const a = await startServer({ db, env });
  const b = await startServer({ db, env });
  try {
    const callA = client(a.url), callB = client(b.url);
    const total = 400;
    // Enqueue through both servers, in batches, while both are running jobs.
    for (let i = 0; i < 4; ++i) {
      const r = await (i % 2 ? callB : callA)('POST', '/api/v1/test/jobs', { json: { count: total / 4 } });
      assert.equal(r.status, 201);
    }
    const done = await waitFor(async () => {
      const r = await callA('GET', '/api/v1/test/jobs/runs');
      return r.body.jobs_by_state.done === total ? r.body : null;
    }, 60000, 'all jobs done');
    assert.equal(done.runs, total, 'no job ran twice');
    assert.equal(done.distinct_jobs, total, 'no job was lost');
    const workers = Object.values(done.runs_by_worker);
    assert.equal(workers.length, 2, `both servers ran jobs: ${JSON.stringify(done.runs_by_worker)}`);
  } finally {
    await a.stop();
    await b.stop();
    db.cleanup();
  }
});

test('a job that keeps failing ends dead and stays visible', async () => {
  const server = await startServer({ env: { TONGBAN_JOB_POLL_MS: '20' } });
  const call = client(server.url);
  try {
    await call('POST', '/api/v1/test/jobs', { json: { count: 1, fail_times: 99, max_attempts: 1 } });
    const state = await waitFor(async () => {
      const r = await call('GET', '/api/v1/test/jobs/runs');
      return r.body.jobs_by_state.dead === 1 ? r.body : null;
    }, 10000, 'the job to die');
    assert.equal(state.runs, 0, 'its effect never landed');
  } finally {
    await server.stop();
  }
});
