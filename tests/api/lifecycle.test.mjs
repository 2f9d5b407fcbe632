// Server lifecycle: --test-clock only in test mode, a full worker pool answers 503, SIGTERM lets
// in-flight requests finish, test routes do not exist outside test mode.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { startServer, client, binary, freshDatabase } from './lib/server.mjs';

test('--test-clock is refused outside test mode', () => {
  const db = freshDatabase();
  const r = spawnSync(binary, ['serve', '--port', '0', '--db', db.url, '--test-clock'], { env: { ...process.env, TONGBAN_TEST_MODE: '0' } });
  assert.equal(r.status, 2);
  assert.match(r.stderr.toString(), /TONGBAN_TEST_MODE=1/);
  db.cleanup();
});

test('test routes do not exist outside test mode', async () => {
  const server = await startServer({ testMode: false });
  try {
    const r = await client(server.url)('GET', '/api/v1/test/crash');
    assert.equal(r.status, 404);
  } finally {
    await server.stop();
  }
});

test('a full worker pool answers 503 with Retry-After, and recovers', async () => {
  const server = await startServer({ env: { TONGBAN_WORKER_THREADS: '1', TONGBAN_WORKER_QUEUE: '2' } });
  const call = client(server.url);
  try {
    const results = await Promise.all(Array.from({ length: 6 }, () => call('GET', '/api/v1/test/sleep?ms=800')));
    const statuses = results.map((r) => r.status).sort();
    assert.ok(statuses.includes(200), statuses.join());
    const busy = results.find((r) => r.status === 503);
    assert.ok(busy, `expected a 503 among ${statuses.join()}`);
    assert.equal(busy.headers.get('retry-after'), '1');
    assert.equal(busy.body.code, 'http.overloaded');
    assert.equal((await call('GET', '/readyz')).status, 200, 'serves again once the pool drains');
  } finally {
    await server.stop();
  }
});

test('SIGTERM: in-flight requests finish, then the process exits 0 and stops listening', async () => {
  const server = await startServer();
  const call = client(server.url);
  const inflight = call('GET', '/api/v1/test/sleep?ms=1500');
  await new Promise((r) => setTimeout(r, 300));
  const stopped = server.stop();
  const r = await inflight;
  assert.equal(r.status, 200, 'the in-flight request was answered');
  assert.equal(r.body.slept_ms, 1500);
  assert.equal(await stopped, 0);
  await assert.rejects(fetch(server.url + '/healthz'), 'no longer listening');
});
