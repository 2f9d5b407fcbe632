// The audit trail over HTTP: changes made through the API are found with their actor and request
// id; the API offers no way to change or delete a record; a row edited behind the platform's back
// is caught by `tongban audit verify`, which names it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { startServer, client, binary, dbKind } from './lib/server.mjs';
import { login, demoDatabase } from './lib/session.mjs';

let server, db, anon, admin;

before(async () => {
  db = demoDatabase();
  server = await startServer({ db });
  anon = client(server.url);
  admin = await login(server.url, 'admin');
});
after(async () => {
  if (server) assert.equal(await server.stop(), 0);
  db.cleanup();
});

const verify = () => spawnSync(binary, ['audit', 'verify', '--db', db.url], { encoding: 'utf8', env: process.env });

function sql(statement) {
  if (dbKind === 'sqlite') return spawnSync('sqlite3', [new URL(db.url).pathname, statement], { encoding: 'utf8' });
  return spawnSync('psql', [db.url, '-v', 'ON_ERROR_STOP=1', '-qAtc', statement], { encoding: 'utf8' });
}
const haveSql = spawnSync(dbKind === 'sqlite' ? 'sqlite3' : 'psql', ['--version']).status === 0;

test('a department and a user created through the API are in the audit trail with actor and request id', async () => {
  const deps = await admin.call('GET', '/api/v1/system/departments');
  const root = deps.body.items.find((d) => d.parent_id === null);
  const dep = await admin.call('POST', '/api/v1/system/departments', {
    json: { name: '审计测试部门', division_code: '370202', parent_id: root.id },
    headers: { 'x-request-id': 'audit-test-dep-1' },
  });
  assert.equal(dep.status, 201, dep.text);
  const user = await admin.call('POST', '/api/v1/system/users', {
    json: { username: 'audit_user', password: 'Strong#Pass2026', display_name: '审计', department_id: dep.body.id, roles: ['reviewer'], phone: '13712345678' },
  });
  assert.equal(user.status, 201, user.text);
  const userRequestId = user.headers.get('x-request-id');

  const depAudit = await admin.call('GET', `/api/v1/system/audit?object_type=department&object_id=${dep.body.id}`);
  assert.equal(depAudit.status, 200, depAudit.text);
  assert.equal(depAudit.body.items.length, 1, depAudit.text);
  const d = depAudit.body.items[0];
  assert.equal(d.actor, 'admin');
  assert.equal(d.request_id, 'audit-test-dep-1');
  assert.match(d.action, /department/);
  assert.match(d.hash, /^[0-9a-f]{64}$/);
  assert.match(d.prev_hash, /^[0-9a-f]{64}$/);
  assert.ok(d.client_addr.length > 0);

  const userAudit = await admin.call('GET', `/api/v1/system/audit?object_type=user&object_id=${user.body.id}`);
  assert.equal(userAudit.body.items.length, 1, userAudit.text);
  const u = userAudit.body.items[0];
  assert.equal(u.actor, 'admin');
  assert.equal(u.request_id, userRequestId);
  assert.ok(u.role.includes('admin'));
  assert.ok(!userAudit.text.includes('13712345678'), 'no phone in clear');
  assert.ok(!userAudit.text.includes('Strong#Pass2026'), 'no password');

  const byActor = await admin.call('GET', '/api/v1/system/audit?actor=admin&size=100');
  assert.ok(byActor.body.items.some((r) => r.id === d.id) && byActor.body.items.some((r) => r.id === u.id));
  // The chain links: each record's prev_hash is the hash of the one before.
  const all = await admin.call('GET', '/api/v1/system/audit?size=100');
  const bySeq = new Map(all.body.items.map((r) => [r.id, r]));
  for (const r of all.body.items) if (bySeq.has(r.id - 1)) assert.equal(r.prev_hash, bySeq.get(r.id - 1).hash);
  // A refusal writes nothing.
  const n = all.body.total;
  const dup = await admin.call('POST', '/api/v1/system/users', {
    json: { username: 'audit_user', password: 'Strong#Pass2026', display_name: '审计', department_id: dep.body.id },
  });
  assert.equal(dup.status, 409);
  assert.equal((await admin.call('GET', '/api/v1/system/audit?size=1')).body.total, n);
});

test('there is no route to change or delete audit records', async () => {
  const first = (await admin.call('GET', '/api/v1/system/audit?size=1')).body;
  const id = first.items[0].id;
  for (const [method, path] of [
    ['PUT', `/api/v1/system/audit/${id}`], ['PATCH', `/api/v1/system/audit/${id}`], ['DELETE', `/api/v1/system/audit/${id}`],
    ['DELETE', '/api/v1/system/audit'], ['PUT', '/api/v1/system/audit'], ['POST', '/api/v1/system/audit'],
    ['POST', `/api/v1/system/audit/${id}`], ['DELETE', '/api/v1/public/audit/checkpoints'], ['POST', '/api/v1/public/audit/checkpoints'],
  ]) {
    const r = await admin.call(method, path, { json: { actor: 'someone-else' } });
    assert.ok([404, 405].includes(r.status), `${method} ${path}: ${r.status} ${r.text}`);
  }
  const after1 = (await admin.call('GET', '/api/v1/system/audit?size=1')).body;
  assert.equal(after1.total, first.total);
  assert.deepEqual(after1.items[0], first.items[0]);
  const spec = await anon('GET', '/api/v1/openapi.json');
  for (const [path, ops] of Object.entries(spec.body.paths ?? {}))
    if (path.includes('/audit')) assert.deepEqual(Object.keys(ops).filter((m) => ['put', 'patch', 'delete', 'post'].includes(m)), [], path);
});

test('audit verify: a clean chain passes; a row edited behind the platform\'s back is named, exit non-zero', { skip: !haveSql && `no ${dbKind === 'sqlite' ? 'sqlite3' : 'psql'} CLI` }, async () => {
  assert.equal(await server.stop(), 0);
  server = null;
  const clean = verify();
  assert.equal(clean.status, 0, clean.stdout + clean.stderr);
  const target = sql("SELECT seq FROM audit_records WHERE object_type = 'department' AND actor = 'admin' ORDER BY seq DESC LIMIT 1");
  assert.equal(target.status, 0, target.stderr);
  const seq = Number(target.stdout.trim());
  assert.ok(seq > 0, target.stdout);
  const edit = sql(`UPDATE audit_records SET actor = 'nobody' WHERE seq = ${seq}`);
  assert.equal(edit.status, 0, edit.stderr);
  const caught = verify();
  assert.notEqual(caught.status, 0, caught.stdout + caught.stderr);
  assert.match(caught.stdout + caught.stderr, new RegExp(`\\b${seq}\\b`), 'the broken record is named');
});
