// The audit trail over HTTP: changes made through the API are found with their actor and request
// id; the API offers no way to change or delete a record; a row edited behind the platform's back
// is caught by `tongban audit verify`, which names it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, verify as verifySignature } from 'node:crypto';
import { startServer, client, binary, dbKind } from './lib/server.mjs';
import { login, demoDatabase } from './lib/session.mjs';

let server, db, anon, admin;

before(async () => {
  db = demoDatabase();
  server = await startServer({ db, args: ['--test-clock'] });
  anon = client(server.url);
  admin = await login(server.url, 'admin');
});
after(async () => {
  if (server) assert.equal(await server.stop(), 0);
  db.cleanup();
});

const verify = () => spawnSync(binary, ['audit', 'verify', '--db', db.url], { encoding: 'utf8', env: process.env });

// Statements go in on standard input and results come back through a large buffer: the demo's
// chain (thousands of case actions) outgrows both an argument and spawnSync's default 1 MiB.
const big = { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 };
function sql(statement) {
  if (dbKind === 'sqlite') return spawnSync('sqlite3', [new URL(db.url).pathname], { ...big, input: statement });
  return spawnSync('psql', [db.url, '-v', 'ON_ERROR_STOP=1', '-qAt'], { ...big, input: statement });
}
// Rows of a query as objects.
function rows(query) {
  const r = dbKind === 'sqlite'
    ? spawnSync('sqlite3', ['-json', new URL(db.url).pathname], { ...big, input: query })
    : spawnSync('psql', [db.url, '-qAt'], { ...big, input: `SELECT coalesce(json_agg(t), '[]') FROM (${query}) t` });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim() ? JSON.parse(r.stdout) : [];
}
// The canonical text the chain hashes (src/audit/service.cpp CanonicalText: keys sorted, compact).
function canonical(r) {
  const o = { action: r.action, actor: r.actor, actor_id: r.actor_id ?? null, at: Number(r.at), client_addr: r.client_addr,
    department: r.department, digest: r.digest, object_id: r.object_id, object_type: r.object_type, prev_hash: r.prev_hash,
    request_id: r.request_id, role: r.role, seq: Number(r.seq) };
  return JSON.stringify(o);
}
const chainHash = (r) => createHash('sha256').update(r.prev_hash + '\n' + canonical(r)).digest('hex');
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

test('every kind of change through the API leaves an audit record with its actor', async () => {
  const total = async () => (await admin.call('GET', '/api/v1/system/audit?size=1')).body.total;
  const latest = async () => (await admin.call('GET', '/api/v1/system/audit?size=1')).body.items[0];
  const deps = (await admin.call('GET', '/api/v1/system/departments')).body.items;
  const root = deps.find((d) => d.parent_id === null);
  const ids = {};
  const steps = [
    ['department create', () => admin.call('POST', '/api/v1/system/departments', { json: { name: '审计全覆盖', division_code: '370202', parent_id: root.id } }), (r) => { ids.dep = r.body.id; }],
    ['department update', () => admin.call('PUT', `/api/v1/system/departments/${ids.dep}`, { json: { name: '审计全覆盖2', division_code: '370202', parent_id: root.id } })],
    ['user create', () => admin.call('POST', '/api/v1/system/users', { json: { username: 'cover_user', password: 'Strong#Pass2026', display_name: 'x', department_id: ids.dep, roles: ['reviewer'] } }), (r) => { ids.user = r.body.id; }],
    ['user update', () => admin.call('PUT', `/api/v1/system/users/${ids.user}`, { json: { display_name: 'y' } })],
    ['password reset', () => admin.call('POST', `/api/v1/system/users/${ids.user}/reset-password`, { json: { password: 'Other#Pass2026' } })],
    ['unlock', () => admin.call('POST', `/api/v1/system/users/${ids.user}/unlock`)],
    ['role create', () => admin.call('POST', '/api/v1/system/roles', { json: { code: 'cover_role', name_zh: '覆盖', name_en: 'Cover', permissions: ['cases.case.read'], data_scope: 'own' } }), (r) => { ids.role = r.body.id; }],
    ['role update', () => admin.call('PUT', `/api/v1/system/roles/${ids.role}`, { json: { name_zh: '覆盖2', name_en: 'Cover 2', permissions: ['cases.case.read'], data_scope: 'all' } })],
    ['API key create', () => admin.call('POST', '/api/v1/system/api-keys', { json: { name: 'cover', scope: ['system.department.read'] } }), (r) => { ids.key = r.body.id; }],
    ['API key revoke', () => admin.call('DELETE', `/api/v1/system/api-keys/${ids.key}`)],
    ['parameter', () => admin.call('PUT', '/api/v1/system/parameters/platform.site_name', { json: { value: '审计测试平台' } })],
    ['calendar day set', () => admin.call('PUT', '/api/v1/system/calendar/2026/days/2026-12-14', { json: { kind: 'holiday', name: 'x' } })],
    ['calendar day delete', () => admin.call('DELETE', '/api/v1/system/calendar/2026/days/2026-12-14')],
    ['applicant register', () => anon('POST', '/api/v1/public/applicants/register', { json: { username: 'cover_app', password: 'Strong#Pass2026', kind: 'natural', name: '赵六', id_number: '110105194912310054' } }), (r) => { ids.app = r.body.id; }],
    ['applicant verify', () => admin.call('POST', `/api/v1/system/applicants/${ids.app}/verify`, { json: {} })],
    ['login', async () => { ids.session = await login(server.url, 'cover_user', 'Other#Pass2026'); return ids.session.res; }],
    ['session revoke', async () => {
      const s = (await admin.call('GET', '/api/v1/system/sessions?size=100')).body.items.find((x) => x.username === 'cover_user');
      return admin.call('DELETE', `/api/v1/system/sessions/${s.id}`);
    }],
    ['logout', () => ids.later.call('POST', '/api/v1/auth/logout'), null, async () => { ids.later = await login(server.url, 'cover_user', 'Other#Pass2026'); }],
    ['department delete', () => admin.call('DELETE', `/api/v1/system/departments/${ids.dep}`), null,
      () => admin.call('PUT', `/api/v1/system/users/${ids.user}`, { json: { department_id: root.id } })],
  ];
  const missing = [];
  for (const [name, act, after1, prep] of steps) {
    if (prep) await prep();
    const n = await total();
    const res = await act();
    assert.ok(res.status < 300, `${name}: ${res.status} ${res.text}`);
    if (after1) after1(res);
    const m = await total();
    if (m <= n) missing.push(name);
    else {
      const rec = await latest();
      assert.ok(['admin', 'cover_user', 'anonymous', 'cover_app'].includes(rec.actor), `${name}: actor ${rec.actor}`);
      assert.ok(rec.request_id, `${name}: request id`);
    }
  }
  assert.deepEqual(missing, [], 'changes without an audit record');
});

test('the daily job signs the chain head; the published checkpoint verifies with its public key', async () => {
  const before1 = await anon('GET', '/api/v1/public/audit/checkpoints');
  assert.equal(before1.status, 200);
  const known = new Set(before1.body.items.map((c) => c.day));
  // Past 00:05 tomorrow (Asia/Shanghai) the job runs and queues the next day.
  await anon('PUT', '/api/v1/test/clock', { json: { advance_seconds: 86400 + 600 } });
  let fresh = null;
  for (let i = 0; i < 300 && !fresh; ++i) {
    const now = await anon('GET', '/api/v1/public/audit/checkpoints');
    fresh = now.body.items.find((c) => !known.has(c.day));
    if (!fresh) await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(fresh, 'a new checkpoint was published');
  assert.match(fresh.head_hash, /^[0-9a-f]{64}$/);
  assert.equal(fresh.message, `tongban-audit-checkpoint/v1\n${fresh.day}\n${fresh.seq}\n${fresh.head_hash}`);
  assert.ok(verifySignature(null, Buffer.from(fresh.message), fresh.public_key, Buffer.from(fresh.signature, 'base64')), 'Ed25519 signature verifies');
  const tampered = fresh.message.replace(/[0-9a-f]$/, (c) => (c === '0' ? '1' : '0'));
  assert.ok(!verifySignature(null, Buffer.from(tampered), fresh.public_key, Buffer.from(fresh.signature, 'base64')));
  admin = await login(server.url, 'admin');
  // One more change after the checkpoint, so a rewrite below has records on both sides.
  const deps = (await admin.call('GET', '/api/v1/system/departments')).body.items;
  const dep = await admin.call('POST', '/api/v1/system/departments', { json: { name: '检查点之后', division_code: '370202', parent_id: deps.find((d) => d.parent_id === null).id } });
  assert.equal(dep.status, 201, dep.text);
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
  assert.match(caught.stdout + caught.stderr, new RegExp(`record ${seq}\\b|第 ${seq} 条`), "the broken record is named");
});

test('audit verify: a rewrite that recomputes every hash is still caught against the signed checkpoints', { skip: !haveSql && 'no SQL CLI' }, async () => {
  if (server) { assert.equal(await server.stop(), 0); server = null; }
  // Rewrite (and so also mend the previous test's edit) from the first department record on, recomputing each hash.
  const cps = rows('SELECT seq FROM audit_checkpoints ORDER BY seq DESC');
  assert.ok(cps.length > 0 && Number(cps[0].seq) > 0, 'a checkpoint covers part of the chain');
  const target = rows("SELECT seq FROM audit_records WHERE object_type = 'department' AND seq > 1 ORDER BY seq LIMIT 1")[0];
  assert.ok(Number(target.seq) <= Number(cps[0].seq), 'the rewritten record is under a checkpoint');
  const signedHead = rows(`SELECT hash FROM audit_records WHERE seq = ${Number(cps[0].seq)}`)[0].hash;
  const chain = rows(`SELECT * FROM audit_records WHERE seq >= ${Number(target.seq) - 1} ORDER BY seq`);
  const q = (v) => `'${String(v).replace(/'/g, "''")}'`;
  const updates = [];
  // Sanity: our canonical text is the platform's, for an untouched record.
  assert.equal(chainHash(chain[0]), chain[0].hash, 'the test computes hashes as the platform does');
  let prev = chain[0].hash;
  for (const r of chain.slice(1)) {
    if (Number(r.seq) === Number(target.seq)) r.actor = 'mallory';
    r.prev_hash = prev;
    r.hash = chainHash(r);
    prev = r.hash;
    updates.push(`UPDATE audit_records SET actor = ${q(r.actor)}, prev_hash = ${q(r.prev_hash)}, hash = ${q(r.hash)} WHERE seq = ${Number(r.seq)};`);
  }
  const edit = sql('BEGIN; ' + updates.join(' ') + ' COMMIT;');
  assert.equal(edit.status, 0, edit.stderr);
  const relinked = rows(`SELECT seq, prev_hash, hash FROM audit_records WHERE seq >= ${Number(target.seq)} ORDER BY seq`);
  for (let i = 1; i < relinked.length; ++i) assert.equal(relinked[i].prev_hash, relinked[i - 1].hash, 'the rewritten chain links up');
  assert.notEqual(rows(`SELECT hash FROM audit_records WHERE seq = ${Number(cps[0].seq)}`)[0].hash, signedHead, 'the signed head was rewritten');
  assert.equal(rows(`SELECT actor FROM audit_records WHERE seq = ${Number(target.seq)}`)[0].actor, 'mallory');
  const caught = verify();
  assert.notEqual(caught.status, 0, caught.stdout + caught.stderr);
  assert.match(caught.stdout + caught.stderr, /checkpoint/i, caught.stdout + caught.stderr);
});
