// Identity over HTTP against the real binary and the demo city: login and its cookie, lockout per
// account and address (and X-Forwarded-For only from a trusted proxy), CSRF, sessions, API keys,
// departments, users, roles, the calendar, applicants and the public validators. Every refusal is
// followed by a check that nothing changed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, client } from './lib/server.mjs';
import { login, bearer, demoDatabase, DEMO_PASSWORD } from './lib/session.mjs';

let server, db, anon, admin;

before(async () => {
  db = demoDatabase();
  server = await startServer({ db, args: ['--test-clock'] });
  anon = client(server.url);
  admin = await login(server.url, 'admin');
});
after(async () => {
  assert.equal(await server.stop(), 0, 'clean shutdown');
  db.cleanup();
});

const advance = (seconds) => anon('PUT', '/api/v1/test/clock', { json: { advance_seconds: seconds } });

function problem(res, status, code) {
  assert.equal(res.status, status, `${status} expected, got ${res.status}: ${res.text}`);
  assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
  if (code) assert.equal(res.body.code, code, res.text);
}

async function listOf(call, path) {
  const res = await call('GET', path);
  assert.equal(res.status, 200, res.text);
  return res.body;
}

// A staff user in a department of the demo city, made through the API, for tests that lock or revoke.
let serial = 0;
async function makeUser(extra = {}) {
  const deps = await listOf(admin.call, '/api/v1/system/departments');
  const username = `t_user_${process.pid}_${++serial}`;
  const res = await admin.call('POST', '/api/v1/system/users', {
    json: { username, password: 'Strong#Pass2026', display_name: '测试用户', department_id: deps.items[0].id, roles: ['window_clerk'], ...extra },
  });
  assert.equal(res.status, 201, res.text);
  return { ...res.body, password: 'Strong#Pass2026' };
}

async function loginLog(username) {
  return (await listOf(admin.call, `/api/v1/system/login-log?username=${encodeURIComponent(username)}&size=100`)).items;
}

// ---- 1. login

test('login: 200 with an HttpOnly SameSite=Strict cookie and a CSRF token; /me answers', async () => {
  const res = await anon('POST', '/api/v1/auth/login', { json: { username: 'admin', password: DEMO_PASSWORD } });
  assert.equal(res.status, 200, res.text);
  const cookie = res.headers.get('set-cookie');
  assert.match(cookie, /HttpOnly/i);
  assert.match(cookie, /SameSite=Strict/i);
  assert.match(cookie, /Path=\//);
  assert.equal(typeof res.body.csrf_token, 'string');
  assert.ok(res.body.csrf_token.length >= 16);
  assert.equal(res.body.user.username, 'admin');
  assert.ok(res.body.user.permissions.includes('system.user.edit'));
  assert.doesNotMatch(res.text, /password|Tongban@2026/i);
  const me = await client(server.url, { headers: { cookie: cookie.split(';')[0] } })('GET', '/api/v1/auth/me');
  assert.equal(me.status, 200);
  assert.equal(me.body.user.username, 'admin');
  assert.equal(me.body.csrf_token, res.body.csrf_token);
});

test('login refusals: wrong password and unknown user 401 alike, missing fields 422, non-JSON 400/415; no session made', async () => {
  const sessionsBefore = (await listOf(admin.call, '/api/v1/system/sessions?size=100')).total;
  const wrong = await anon('POST', '/api/v1/auth/login', { json: { username: 'leader1', password: 'nope-Nope1!' } });
  problem(wrong, 401, 'auth.bad_credentials');
  assert.equal(wrong.headers.get('set-cookie'), null);
  const unknown = await anon('POST', '/api/v1/auth/login', { json: { username: 'no_such_user_x', password: 'nope-Nope1!' } });
  problem(unknown, 401, 'auth.bad_credentials');
  assert.equal(unknown.body.detail, wrong.body.detail, 'an unknown user is not told apart from a wrong password');
  for (const body of [{}, { username: 'admin' }, { password: DEMO_PASSWORD }, { username: '', password: 'x' }, { username: 'admin', password: 42 }]) {
    const r = await anon('POST', '/api/v1/auth/login', { json: body });
    problem(r, 422);
    assert.ok(Array.isArray(r.body.errors) && r.body.errors.length > 0, r.text);
  }
  const notJson = await anon('POST', '/api/v1/auth/login', { body: '{"username": "admin", ', headers: { 'content-type': 'application/json' } });
  problem(notJson, 400);
  const form = await anon('POST', '/api/v1/auth/login', { body: `username=admin&password=${DEMO_PASSWORD}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.ok([400, 415].includes(form.status), form.text);
  assert.equal(form.headers.get('set-cookie'), null);
  const array = await anon('POST', '/api/v1/auth/login', { json: ['admin', DEMO_PASSWORD] });
  assert.ok([400, 422].includes(array.status), array.text);
  assert.equal((await listOf(admin.call, '/api/v1/system/sessions?size=100')).total, sessionsBefore, 'no session was made');
  const log = await loginLog('leader1');
  assert.ok(log.some((e) => e.result === 'failure'), 'the failure is in the login log');
});

// ---- 2. lockout

test('lockout: the 5th failure locks (423, locked_until), even the right password; the log shows it; unlock clears it', async () => {
  const u = await makeUser();
  for (let i = 1; i <= 4; ++i) problem(await anon('POST', '/api/v1/auth/login', { json: { username: u.username, password: 'Wrong#Pass1' } }), 401, 'auth.bad_credentials');
  const fifth = await anon('POST', '/api/v1/auth/login', { json: { username: u.username, password: 'Wrong#Pass1' } });
  problem(fifth, 423, 'auth.locked');
  const clock = await anon('GET', '/api/v1/test/clock');
  const lockMinutes = (Date.parse(fifth.body.details.locked_until) - Date.parse(clock.body.now)) / 60000;
  assert.ok(lockMinutes > 14.9 && lockMinutes <= 15, `locked for ${lockMinutes} min: ${fifth.text}`);
  assert.match(fifth.body.details.locked_until, /\+08:00$/);
  const right = await anon('POST', '/api/v1/auth/login', { json: { username: u.username, password: u.password } });
  problem(right, 423, 'auth.locked');
  assert.equal(right.headers.get('set-cookie'), null);
  const log = await loginLog(u.username);
  assert.ok(log.filter((e) => e.result === 'failure').length >= 4, JSON.stringify(log));
  assert.ok(log.some((e) => e.result === 'locked'), JSON.stringify(log));
  assert.ok(log.every((e) => e.client_addr === '127.0.0.1' && typeof e.user_agent === 'string'), JSON.stringify(log));
  assert.ok(!log.some((e) => e.result === 'success'));
  const shown = await admin.call('GET', `/api/v1/system/users/${u.id}`);
  assert.ok(shown.body.locked_until, shown.text);
  // Unlock needs the CSRF token like any change.
  problem(await admin.callNoCsrf('POST', `/api/v1/system/users/${u.id}/unlock`), 403, 'auth.csrf');
  problem(await anon('POST', '/api/v1/auth/login', { json: { username: u.username, password: u.password } }), 423, 'auth.locked');
  const unlocked = await admin.call('POST', `/api/v1/system/users/${u.id}/unlock`);
  assert.equal(unlocked.status, 200, unlocked.text);
  assert.equal(unlocked.body.locked_until, null);
  const ok = await anon('POST', '/api/v1/auth/login', { json: { username: u.username, password: u.password } });
  assert.equal(ok.status, 200, ok.text);
});

test('lockout ends by itself after 15 minutes (test clock)', async () => {
  const u = await makeUser();
  for (let i = 0; i < 5; ++i) await anon('POST', '/api/v1/auth/login', { json: { username: u.username, password: 'Wrong#Pass1' } });
  problem(await anon('POST', '/api/v1/auth/login', { json: { username: u.username, password: u.password } }), 423, 'auth.locked');
  await advance(14 * 60);
  problem(await anon('POST', '/api/v1/auth/login', { json: { username: u.username, password: u.password } }), 423, 'auth.locked');
  await advance(61 + 5);
  const ok = await anon('POST', '/api/v1/auth/login', { json: { username: u.username, password: u.password } });
  assert.equal(ok.status, 200, ok.text);
  admin = await login(server.url, 'admin'); // the clock moved: keep the admin's session fresh
});

test('without a trusted proxy X-Forwarded-For is ignored: the lock holds for a "different" address', async () => {
  const u = await makeUser();
  for (let i = 0; i < 5; ++i)
    await anon('POST', '/api/v1/auth/login', { json: { username: u.username, password: 'Wrong#Pass1' }, headers: { 'x-forwarded-for': `10.9.9.${i}` } });
  const r = await anon('POST', '/api/v1/auth/login', { json: { username: u.username, password: u.password }, headers: { 'x-forwarded-for': '10.1.2.3' } });
  problem(r, 423, 'auth.locked');
  const log = await loginLog(u.username);
  assert.ok(log.every((e) => !e.client_addr.startsWith('10.')), JSON.stringify(log));
});

test('with TONGBAN_TRUSTED_PROXIES=127.0.0.1 the lock is per client address from X-Forwarded-For', async () => {
  const proxied = await startServer({ db, env: { TONGBAN_TRUSTED_PROXIES: '127.0.0.1' } });
  try {
    const call = client(proxied.url);
    const u = await makeUser();
    for (let i = 0; i < 5; ++i)
      await call('POST', '/api/v1/auth/login', { json: { username: u.username, password: 'Wrong#Pass1' }, headers: { 'x-forwarded-for': '203.0.113.7' } });
    problem(await call('POST', '/api/v1/auth/login', { json: { username: u.username, password: u.password }, headers: { 'x-forwarded-for': '203.0.113.7' } }), 423, 'auth.locked');
    const elsewhere = await call('POST', '/api/v1/auth/login', { json: { username: u.username, password: u.password }, headers: { 'x-forwarded-for': '198.51.100.20' } });
    assert.equal(elsewhere.status, 200, elsewhere.text);
    const log = await loginLog(u.username);
    assert.ok(log.some((e) => e.client_addr === '203.0.113.7' && e.result === 'locked'), JSON.stringify(log));
    assert.ok(log.some((e) => e.client_addr === '198.51.100.20' && e.result === 'success'), JSON.stringify(log));
  } finally {
    assert.equal(await proxied.stop(), 0);
  }
});

// ---- 3. CSRF

test('CSRF: POST, PUT and DELETE with the cookie but no or a wrong X-CSRF-Token are 403 auth.csrf and change nothing', async () => {
  const before = await listOf(admin.call, '/api/v1/system/departments');
  const usersBefore = (await listOf(admin.call, '/api/v1/system/users?size=1')).total;
  const auditBefore = (await listOf(admin.call, '/api/v1/system/audit?size=1')).total;
  const wrong = client(server.url, { headers: { cookie: admin.cookie, 'x-csrf-token': 'x'.repeat(admin.csrf.length) } });
  const victim = before.items.find((d) => d.parent_id !== null);
  for (const call of [admin.callNoCsrf, wrong]) {
    problem(await call('POST', '/api/v1/system/departments', { json: { name: 'CSRF部门', division_code: '370202' } }), 403, 'auth.csrf');
    problem(await call('PUT', `/api/v1/system/departments/${victim.id}`, { json: { name: 'CSRF改名', division_code: victim.division_code, parent_id: victim.parent_id } }), 403, 'auth.csrf');
    problem(await call('DELETE', `/api/v1/system/departments/${victim.id}`), 403, 'auth.csrf');
    problem(await call('POST', '/api/v1/system/users', { json: { username: 'csrf_user', password: 'Strong#Pass2026', display_name: 'x', department_id: victim.id } }), 403, 'auth.csrf');
    problem(await call('PUT', '/api/v1/system/calendar/2026/days/2026-12-01', { json: { kind: 'holiday', name: 'x' } }), 403, 'auth.csrf');
    problem(await call('POST', '/api/v1/auth/logout'), 403, 'auth.csrf');
  }
  assert.deepEqual(await listOf(admin.call, '/api/v1/system/departments'), before);
  assert.equal((await listOf(admin.call, '/api/v1/system/users?size=1')).total, usersBefore);
  assert.equal((await listOf(admin.call, '/api/v1/system/audit?size=1')).total, auditBefore);
  assert.equal((await admin.call('GET', '/api/v1/auth/me')).status, 200, 'the refused logout did not end the session');
});

// ---- 4. sessions

test('sessions: an administrator revokes one, then it is 401', async () => {
  const w = await login(server.url, 'window1');
  assert.equal((await w.call('GET', '/api/v1/auth/me')).status, 200);
  const sessions = await listOf(admin.call, '/api/v1/system/sessions?size=100');
  const mine = sessions.items.filter((s) => s.username === 'window1');
  assert.ok(mine.length >= 1);
  const current = sessions.items.find((s) => s.current);
  assert.equal(current?.username, 'admin');
  // A refused revoke (no CSRF) leaves it alone.
  problem(await admin.callNoCsrf('DELETE', `/api/v1/system/sessions/${mine[0].id}`), 403, 'auth.csrf');
  for (const s of mine) assert.equal((await admin.call('DELETE', `/api/v1/system/sessions/${s.id}`)).status, 204);
  problem(await w.call('GET', '/api/v1/auth/me'), 401);
  problem(await w.call('GET', '/api/v1/system/applicants'), 401);
  problem(await admin.call('DELETE', '/api/v1/system/sessions/999999'), 404);
});

test('sessions: idle past 8 hours (test clock) is 401; activity within keeps it alive', async () => {
  const a = await login(server.url, 'leader1');
  const b = await login(server.url, 'dispatcher1');
  await advance(5 * 3600);
  assert.equal((await b.call('GET', '/api/v1/auth/me')).status, 200);
  await advance(3 * 3600 + 120);
  problem(await a.call('GET', '/api/v1/auth/me'), 401);
  assert.equal((await b.call('GET', '/api/v1/auth/me')).status, 200, 'b was seen 3 h ago');
  admin = await login(server.url, 'admin');
});

test('logout: 204, cookie cleared, then /me is 401', async () => {
  const s = await login(server.url, 'hall1');
  const out = await s.call('POST', '/api/v1/auth/logout');
  assert.equal(out.status, 204);
  assert.match(out.headers.get('set-cookie') ?? '', /Max-Age=0/);
  problem(await s.call('GET', '/api/v1/auth/me'), 401);
  problem(await anon('POST', '/api/v1/auth/logout'), 401);
});

// ---- 5. API keys

test('API keys: scope limits, garbage is 401, unknown permission 422, revoked is 401', async () => {
  const keysBefore = await listOf(admin.call, '/api/v1/system/api-keys');
  const bad = await admin.call('POST', '/api/v1/system/api-keys', { json: { name: 'bad', scope: ['system.department.read', 'no.such.permission'] } });
  problem(bad, 422);
  assert.deepEqual(await listOf(admin.call, '/api/v1/system/api-keys'), keysBefore);
  const made = await admin.call('POST', '/api/v1/system/api-keys', { json: { name: 'dept-reader', scope: ['system.department.read'] } });
  assert.equal(made.status, 201, made.text);
  assert.equal(typeof made.body.key, 'string');
  const listed = await listOf(admin.call, '/api/v1/system/api-keys');
  assert.doesNotMatch(JSON.stringify(listed), new RegExp(made.body.key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'the secret is shown once');
  const key = bearer(server.url, made.body.key);
  assert.equal((await key('GET', '/api/v1/system/departments')).status, 200);
  problem(await key('GET', '/api/v1/system/users'), 403, 'auth.forbidden');
  const deps = await listOf(admin.call, '/api/v1/system/departments');
  problem(await key('POST', '/api/v1/system/departments', { json: { name: '密钥部门', division_code: '370202', parent_id: deps.items[0].id } }), 403, 'auth.forbidden');
  assert.deepEqual(await listOf(admin.call, '/api/v1/system/departments'), deps);
  problem(await bearer(server.url, 'garbage')('GET', '/api/v1/system/departments'), 401, 'auth.bad_api_key');
  problem(await bearer(server.url, made.body.key + 'x')('GET', '/api/v1/system/departments'), 401, 'auth.bad_api_key');
  assert.equal((await admin.call('DELETE', `/api/v1/system/api-keys/${made.body.id}`)).status, 204);
  problem(await key('GET', '/api/v1/system/departments'), 401, 'auth.bad_api_key');
});

// ---- 6. departments

test('departments: bad division code 422, cycle 422, delete with children or users 409; the tree is unchanged each time', async () => {
  const tree = await listOf(admin.call, '/api/v1/system/departments');
  const root = tree.items.find((d) => d.parent_id === null);
  for (const code of ['999999', '37020', 'abcdef', '370299999']) {
    problem(await admin.call('POST', '/api/v1/system/departments', { json: { name: '坏区划', division_code: code, parent_id: root.id } }), 422);
    assert.deepEqual(await listOf(admin.call, '/api/v1/system/departments'), tree, code);
  }
  const parent = await admin.call('POST', '/api/v1/system/departments', { json: { name: '测试上级部门', division_code: '370202', parent_id: root.id } });
  assert.equal(parent.status, 201, parent.text);
  const child = await admin.call('POST', '/api/v1/system/departments', { json: { name: '测试下级部门', division_code: '370202', parent_id: parent.body.id } });
  assert.equal(child.status, 201, child.text);
  const tree2 = await listOf(admin.call, '/api/v1/system/departments');
  const cycle = await admin.call('PUT', `/api/v1/system/departments/${parent.body.id}`, { json: { name: '测试上级部门', division_code: '370202', parent_id: child.body.id } });
  problem(cycle, 422, 'identity.department_cycle');
  const self = await admin.call('PUT', `/api/v1/system/departments/${parent.body.id}`, { json: { name: '测试上级部门', division_code: '370202', parent_id: parent.body.id } });
  problem(self, 422);
  assert.deepEqual(await listOf(admin.call, '/api/v1/system/departments'), tree2);
  problem(await admin.call('DELETE', `/api/v1/system/departments/${parent.body.id}`), 409, 'identity.department_has_children');
  assert.deepEqual(await listOf(admin.call, '/api/v1/system/departments'), tree2);
  const withUsers = tree2.items.find((d) => d.name === '市场监督管理局') ?? tree2.items.find((d) => d.id !== root.id && d.parent_id === root.id);
  const usersIn = await listOf(admin.call, `/api/v1/system/users?department_id=${withUsers.id}`);
  const target = usersIn.total > 0 ? withUsers : root;
  const refused = await admin.call('DELETE', `/api/v1/system/departments/${target.id}`);
  problem(refused, 409);
  assert.ok(['identity.department_has_users', 'identity.department_has_children'].includes(refused.body.code));
  const emptyChild = await admin.call('POST', '/api/v1/system/departments', { json: { name: '有人的部门', division_code: '370202', parent_id: root.id } });
  await makeUser({ department_id: emptyChild.body.id });
  const tree3 = await listOf(admin.call, '/api/v1/system/departments');
  problem(await admin.call('DELETE', `/api/v1/system/departments/${emptyChild.body.id}`), 409, 'identity.department_has_users');
  assert.deepEqual(await listOf(admin.call, '/api/v1/system/departments'), tree3);
  // A street (9 digits) and a county (6 digits) are both fine; an unknown street of a real county is not.
  const street = await admin.call('POST', '/api/v1/system/departments', { json: { name: '测试街道办', division_code: '370202001', parent_id: child.body.id } });
  assert.equal(street.status, 201, street.text);
  problem(await admin.call('POST', '/api/v1/system/departments', { json: { name: '假街道', division_code: '370202999', parent_id: child.body.id } }), 422);
  // A street of another district (黄岛 370211) cannot sit under a 市南区 (370202) department.
  problem(await admin.call('POST', '/api/v1/system/departments', { json: { name: '别区街道', division_code: '370211001', parent_id: child.body.id } }), 422, 'identity.bad_division');
  assert.equal((await admin.call('DELETE', `/api/v1/system/departments/${street.body.id}`)).status, 204);
  assert.equal((await admin.call('DELETE', `/api/v1/system/departments/${child.body.id}`)).status, 204);
  assert.equal((await admin.call('DELETE', `/api/v1/system/departments/${parent.body.id}`)).status, 204);
  problem(await admin.call('DELETE', '/api/v1/system/departments/999999'), 404);
});

// ---- 7. users

test('users: no department 422, unknown role 422, weak password 422 at /password, duplicate 409; nothing made', async () => {
  const deps = await listOf(admin.call, '/api/v1/system/departments');
  const dep = deps.items[0].id;
  const count = async () => (await listOf(admin.call, '/api/v1/system/users?size=1')).total;
  const before = await count();
  const base = { username: 'new_clerk_x', password: 'Strong#Pass2026', display_name: '新人', department_id: dep, roles: ['window_clerk'] };
  const noDep = await admin.call('POST', '/api/v1/system/users', { json: { ...base, department_id: undefined } });
  problem(noDep, 422);
  assert.ok(noDep.body.errors.some((e) => e.pointer === '/department_id'), noDep.text);
  problem(await admin.call('POST', '/api/v1/system/users', { json: { ...base, department_id: null } }), 422);
  problem(await admin.call('POST', '/api/v1/system/users', { json: { ...base, department_id: 999999 } }), 422);
  problem(await admin.call('POST', '/api/v1/system/users', { json: { ...base, roles: ['no_such_role'] } }), 422, 'identity.unknown_role');
  problem(await admin.call('POST', '/api/v1/system/users', { json: { ...base, roles: ['system'] } }), 422);
  for (const pw of ['short1!', 'alllowercaseletters', '12345678901']) {
    const weak = await admin.call('POST', '/api/v1/system/users', { json: { ...base, password: pw } });
    problem(weak, 422);
    assert.ok(weak.body.errors?.some((e) => e.pointer === '/password'), weak.text);
    assert.ok(!weak.text.includes(pw), 'the password is not echoed');
  }
  problem(await admin.call('POST', '/api/v1/system/users', { json: { ...base, username: 'window1' } }), 409, 'identity.duplicate_username');
  problem(await admin.call('POST', '/api/v1/system/users', { json: { ...base, username: 'WINDOW1' } }), 409);
  assert.equal(await count(), before);
  problem(await anon('POST', '/api/v1/auth/login', { json: { username: 'new_clerk_x', password: 'Strong#Pass2026' } }), 401);
});

test('users: the phone is masked in lists and one user; the full phone route answers it and is audited', async () => {
  const u = await makeUser({ phone: '13912345678' });
  assert.equal(u.phone_masked, '139****5678');
  const list = await admin.call('GET', `/api/v1/system/users?username=${u.username}`);
  assert.equal(list.body.items[0].phone_masked, '139****5678');
  assert.ok(!list.text.includes('13912345678'));
  const one = await admin.call('GET', `/api/v1/system/users/${u.id}`);
  assert.ok(!one.text.includes('13912345678'));
  const auditBefore = await listOf(admin.call, `/api/v1/system/audit?object_type=user&object_id=${u.id}&size=100`);
  const full = await admin.call('GET', `/api/v1/system/users/${u.id}/phone`);
  assert.equal(full.status, 200, full.text);
  assert.equal(full.body.phone, '13912345678');
  assert.equal(full.headers.get('cache-control'), 'no-store');
  const auditAfter = await listOf(admin.call, `/api/v1/system/audit?object_type=user&object_id=${u.id}&size=100`);
  assert.equal(auditAfter.total, auditBefore.total + 1, 'the view is audited');
  const view = auditAfter.items.find((r) => !auditBefore.items.some((b) => b.id === r.id));
  assert.equal(view.actor, 'admin');
  assert.ok(!JSON.stringify(auditAfter).includes('13912345678'), 'the audit trail never holds the phone in clear');
  // A window clerk has no system.user.read_pii.
  const w = await login(server.url, 'window1');
  problem(await w.call('GET', `/api/v1/system/users/${u.id}/phone`), 403, 'auth.forbidden');
});

// ---- 8. roles

test('roles: unknown permission 422, a built-in role cannot be edited 409; roles unchanged', async () => {
  const before = await listOf(admin.call, '/api/v1/system/roles');
  problem(await admin.call('POST', '/api/v1/system/roles', { json: { code: 'r_bad', name_zh: '坏角色', name_en: 'Bad', permissions: ['no.such.perm'], data_scope: 'own' } }), 422);
  problem(await admin.call('POST', '/api/v1/system/roles', { json: { code: 'r_bad2', name_zh: '坏角色', name_en: 'Bad', permissions: ['cases.case.read'], data_scope: 'galaxy' } }), 422);
  const builtin = before.items.find((r) => r.code === 'window_clerk');
  assert.equal(builtin.builtin, true);
  problem(await admin.call('PUT', `/api/v1/system/roles/${builtin.id}`, { json: { name_zh: '改', name_en: 'Changed', permissions: ['system.user.edit'], data_scope: 'all' } }), 409, 'identity.builtin_role');
  problem(await admin.call('POST', '/api/v1/system/roles', { json: { code: 'admin', name_zh: '重复', name_en: 'Dup', permissions: [], data_scope: 'own' } }), 409);
  assert.deepEqual(await listOf(admin.call, '/api/v1/system/roles'), before);
  const made = await admin.call('POST', '/api/v1/system/roles', { json: { code: 'r_local', name_zh: '本地角色', name_en: 'Local', permissions: ['cases.case.read'], data_scope: 'own' } });
  assert.equal(made.status, 201, made.text);
  const edited = await admin.call('PUT', `/api/v1/system/roles/${made.body.id}`, { json: { name_zh: '本地角色2', name_en: 'Local 2', permissions: ['cases.case.read', 'catalog.item.read'], data_scope: 'children' } });
  assert.equal(edited.status, 200, edited.text);
  assert.equal(edited.body.data_scope, 'children');
});

// ---- 9. calendar

test('calendar admin: PUT a day bumps the version; an unloaded year is 422; a bad date 400; nothing changes on refusal', async () => {
  const before = await listOf(admin.call, '/api/v1/system/calendar/2026');
  assert.equal(before.loaded, true);
  const put = await admin.call('PUT', '/api/v1/system/calendar/2026/days/2026-12-07', { json: { kind: 'holiday', name: '测试假日' } });
  assert.equal(put.status, 200, put.text);
  assert.ok(put.body.version > before.version, `${put.body.version} > ${before.version}`);
  assert.ok(put.body.days.some((d) => d.date === '2026-12-07' && d.kind === 'holiday' && d.source === 'admin'));
  const after1 = await listOf(admin.call, '/api/v1/system/calendar/2026');
  problem(await admin.call('PUT', '/api/v1/system/calendar/2028/days/2028-03-01', { json: { kind: 'holiday', name: 'x' } }), 422, 'calendar.year_not_loaded');
  for (const [year, date] of [['2026', '2026-02-30'], ['2026', '2026-13-01'], ['2026', 'tomorrow'], ['2026', '2025-12-01'], ['20x6', '2026-12-01']]) {
    const r = await admin.call('PUT', `/api/v1/system/calendar/${year}/days/${date}`, { json: { kind: 'holiday', name: 'x' } });
    problem(r, 400);
  }
  problem(await admin.call('PUT', '/api/v1/system/calendar/2026/days/2026-12-08', { json: { kind: 'party' } }), 422);
  assert.deepEqual(await listOf(admin.call, '/api/v1/system/calendar/2026'), after1);
  const del = await admin.call('DELETE', '/api/v1/system/calendar/2026/days/2026-12-07');
  assert.equal(del.status, 200, del.text);
  assert.ok(del.body.version > after1.version);
  assert.ok(!del.body.days.some((d) => d.date === '2026-12-07'));
});

// ---- 10. applicants

test('applicants: a wrong check character is 422; unverified 403 on enterprises; verified by a clerk, 200', async () => {
  const listBefore = (await listOf(admin.call, '/api/v1/system/applicants?size=1')).total;
  const reg = (json) => anon('POST', '/api/v1/public/applicants/register', { json });
  const badId = await reg({ username: 'p_badid', password: 'Strong#Pass2026', kind: 'natural', name: '张三', id_number: '110105194912310021' });
  problem(badId, 422);
  assert.ok(!badId.text.includes('110105194912310021'), 'no full ID number echoed');
  const badCode = await reg({ username: 'e_badcode', password: 'Strong#Pass2026', kind: 'legal', name: '某公司', credit_code: '91350100M000100Y44' });
  problem(badCode, 422);
  assert.equal((await listOf(admin.call, '/api/v1/system/applicants?size=1')).total, listBefore);
  problem(await anon('POST', '/api/v1/auth/login', { json: { username: 'p_badid', password: 'Strong#Pass2026' } }), 401);

  const made = await reg({ username: 'e_good', password: 'Strong#Pass2026', kind: 'legal', name: '青岛测试有限公司', credit_code: '91350100M000100Y43' });
  assert.equal(made.status, 201, made.text);
  assert.equal(made.body.verified, false);
  problem(await reg({ username: 'e_good2', password: 'Strong#Pass2026', kind: 'legal', name: '重复公司', credit_code: '91350100M000100Y43' }), 409);
  const e = await login(server.url, 'e_good', 'Strong#Pass2026');
  assert.ok(!e.user.permissions.includes('identity.enterprise.act'));
  problem(await e.call('GET', '/api/v1/applicant/enterprises'), 403, 'auth.forbidden');
  assert.equal((await e.call('GET', '/api/v1/applicant/me')).status, 200);
  const clerk = await login(server.url, 'window1');
  const verified = await clerk.call('POST', `/api/v1/system/applicants/${made.body.id}/verify`, { json: { method: 'papers' } });
  assert.equal(verified.status, 200, verified.text);
  assert.equal(verified.body.verified, true);
  problem(await clerk.call('POST', `/api/v1/system/applicants/${made.body.id}/verify`, { json: {} }), 409);
  const e2 = await login(server.url, 'e_good', 'Strong#Pass2026');
  const ents = await e2.call('GET', '/api/v1/applicant/enterprises');
  assert.equal(ents.status, 200, ents.text);
  assert.equal(ents.body.items[0].credit_code, '91350100M000100Y43');
});

test('applicants: the ID number is masked in the list; the full view is audited', async () => {
  const made = await anon('POST', '/api/v1/public/applicants/register', { json: { username: 'p_good', password: 'Strong#Pass2026', kind: 'natural', name: '李四', id_number: '11010519491231002X', phone: '13800138000' } });
  assert.equal(made.status, 201, made.text);
  assert.equal(made.body.id_number_masked, '110105********002X');
  assert.ok(!made.text.includes('11010519491231002X'));
  const list = await admin.call('GET', '/api/v1/system/applicants?size=100');
  assert.ok(!list.text.includes('11010519491231002X'));
  const n = (await listOf(admin.call, '/api/v1/system/audit?size=1')).total;
  const full = await admin.call('GET', `/api/v1/system/applicants/${made.body.id}/id-number`);
  assert.equal(full.body.id_number, '11010519491231002X');
  const audit = await listOf(admin.call, '/api/v1/system/audit?size=100');
  assert.equal(audit.total, n + 1);
  assert.ok(!JSON.stringify(audit).includes('11010519491231002X'));
});

// ---- 12. public validators

test('public validation: wrong check character, wrong alphabet, impossible date → valid:false with a reason, never the full number', async () => {
  const ok = await anon('GET', '/api/v1/public/validate/credit-code/91350100M000100Y43');
  assert.equal(ok.status, 200);
  assert.equal(ok.body.valid, true, ok.text);
  for (const code of ['91350100M000100Y44', '91350100M000100I43', '91350100M00010OY43', 'ZZZ', '9135010OM000100Y43']) {
    const r = await anon('GET', `/api/v1/public/validate/credit-code/${code}`);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.valid, false, code);
    assert.equal(typeof r.body.reason, 'string');
    assert.ok(r.body.reason.length > 0);
  }
  const good = await anon('GET', '/api/v1/public/validate/citizen-id/11010519491231002X');
  assert.equal(good.body.valid, true, good.text);
  assert.ok(!good.text.includes('11010519491231002X'), good.text);
  for (const id of ['110105194912310021', '11010519491231002A', '11010519490230002X', '11010519491331002X', '99010519491231002X', '1101051949123100']) {
    const r = await anon('GET', `/api/v1/public/validate/citizen-id/${id}`);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.valid, false, id + ' ' + r.text);
    assert.equal(typeof r.body.reason, 'string');
    assert.ok(!r.text.includes(id), `the response echoes ${id}: ${r.text}`);
    assert.equal(r.headers.get('set-cookie'), null);
  }
});

test('an unknown username locks like a real one (no account enumeration through the lockout)', async () => {
  const statuses = [];
  for (let i = 0; i < 6; ++i)
    statuses.push((await anon('POST', '/api/v1/auth/login', { json: { username: 'ghost_user_x', password: 'Wrong#Pass1' } })).status);
  assert.deepEqual(statuses, [401, 401, 401, 401, 423, 423]);
  const log = await loginLog('ghost_user_x');
  assert.ok(log.some((e) => e.result === 'locked'), JSON.stringify(log));
});
