// The rules around identity that outlive one request: a disabled user's sessions end, a role taken
// away takes effect at once, an administrator cannot lock themself out, the lockout parameters are
// data, the account-wide slowdown spares familiar addresses, API keys expire, a login never reuses
// a cookie it was sent, X-Forwarded-For chains are read from the right.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, client } from './lib/server.mjs';
import { login, bearer, demoDatabase } from './lib/session.mjs';

let server, db, anon, admin;

before(async () => {
  db = demoDatabase();
  server = await startServer({ db, args: ['--test-clock'], env: { TONGBAN_TRUSTED_PROXIES: '127.0.0.1' } });
  anon = client(server.url);
  admin = await login(server.url, 'admin');
});
after(async () => {
  assert.equal(await server.stop(), 0);
  db.cleanup();
});

const advance = (seconds) => anon('PUT', '/api/v1/test/clock', { json: { advance_seconds: seconds } });
const PASSWORD = 'Strong#Pass2026';
let serial = 0;
async function makeUser(roles = ['window_clerk']) {
  const deps = (await admin.call('GET', '/api/v1/system/departments')).body.items;
  const username = `r_user_${++serial}`;
  const res = await admin.call('POST', '/api/v1/system/users', { json: { username, password: PASSWORD, display_name: '规则', department_id: deps[0].id, roles } });
  assert.equal(res.status, 201, res.text);
  return res.body;
}
const tryLogin = (username, password, xff) =>
  anon('POST', '/api/v1/auth/login', { json: { username, password }, headers: xff ? { 'x-forwarded-for': xff } : {} });

test('disabling a user ends their sessions and refuses their login (403 auth.account_disabled)', async () => {
  const u = await makeUser();
  const s = await login(server.url, u.username, PASSWORD);
  assert.equal((await s.call('GET', '/api/v1/system/applicants')).status, 200);
  const off = await admin.call('PUT', `/api/v1/system/users/${u.id}`, { json: { status: 'disabled' } });
  assert.equal(off.status, 200, off.text);
  assert.equal(off.body.roles.join(), 'window_clerk', 'PUT kept the roles it was not given');
  assert.equal((await s.call('GET', '/api/v1/auth/me')).status, 401);
  const refused = await tryLogin(u.username, PASSWORD);
  assert.equal(refused.status, 403, refused.text);
  assert.equal(refused.body.code, 'auth.account_disabled');
  assert.equal(refused.headers.get('set-cookie'), null);
});

test('a permission taken away takes effect on the next request of a live session', async () => {
  const u = await makeUser(['window_clerk']);
  const s = await login(server.url, u.username, PASSWORD);
  assert.equal((await s.call('GET', '/api/v1/system/applicants')).status, 200);
  const changed = await admin.call('PUT', `/api/v1/system/users/${u.id}`, { json: { roles: ['reviewer'] } });
  assert.equal(changed.status, 200, changed.text);
  const after1 = await s.call('GET', '/api/v1/system/applicants');
  assert.equal(after1.status, 403, after1.text);
  assert.equal(after1.body.code, 'auth.forbidden');
});

test('an administrator cannot disable themself or drop their own user administration (409), and nothing changes', async () => {
  const me = admin.user;
  const before1 = await admin.call('GET', `/api/v1/system/users/${me.id}`);
  const r1 = await admin.call('PUT', `/api/v1/system/users/${me.id}`, { json: { status: 'disabled' } });
  assert.equal(r1.status, 409, r1.text);
  assert.equal(r1.body.code, 'identity.cannot_lock_out_self');
  const r2 = await admin.call('PUT', `/api/v1/system/users/${me.id}`, { json: { roles: ['leader'] } });
  assert.equal(r2.status, 409, r2.text);
  assert.deepEqual((await admin.call('GET', `/api/v1/system/users/${me.id}`)).body, before1.body);
  assert.equal((await admin.call('GET', '/api/v1/auth/me')).status, 200);
});

test('a user administrator without the admin role cannot hand it out, to others or to themself', async () => {
  // An administrator makes a role holding only user administration and gives it to a new user.
  const role = await admin.call('POST', '/api/v1/system/roles', { json: { code: 'user_admin_only', name_zh: '用户管理员', name_en: 'User admin', permissions: ['system.user.edit', 'system.user.read', 'system.department.read'], data_scope: 'all' } });
  assert.equal(role.status, 201, role.text);
  const u = await makeUser(['user_admin_only']);
  const s = await login(server.url, u.username, PASSWORD);
  const count = (await admin.call('GET', '/api/v1/system/users?size=1')).body.total;
  const grab = await s.call('POST', '/api/v1/system/users', { json: { username: 'escalated', password: PASSWORD, display_name: 'x', department_id: u.department_id, roles: ['admin'] } });
  assert.ok([403, 409, 422].includes(grab.status), grab.text);
  const self = await s.call('PUT', `/api/v1/system/users/${u.id}`, { json: { roles: ['user_admin_only', 'admin'] } });
  assert.ok([403, 409, 422].includes(self.status), self.text);
  assert.equal((await admin.call('GET', '/api/v1/system/users?size=1')).body.total, count);
  assert.deepEqual((await admin.call('GET', `/api/v1/system/users/${u.id}`)).body.roles, ['user_admin_only']);
});

test('the lockout threshold is a parameter: set to 3, the 3rd failure locks; bad values 422, unknown key 404/422', async () => {
  const params = await admin.call('GET', '/api/v1/system/parameters');
  const bad = await admin.call('PUT', '/api/v1/system/parameters/auth.lockout_threshold', { json: { value: 0 } });
  assert.equal(bad.status, 422, bad.text);
  const wrongType = await admin.call('PUT', '/api/v1/system/parameters/auth.lockout_threshold', { json: { value: 'three' } });
  assert.equal(wrongType.status, 422, wrongType.text);
  const unknown = await admin.call('PUT', '/api/v1/system/parameters/no.such.key', { json: { value: 1 } });
  assert.ok([404, 422].includes(unknown.status), unknown.text);
  assert.deepEqual((await admin.call('GET', '/api/v1/system/parameters')).body, params.body);
  const set = await admin.call('PUT', '/api/v1/system/parameters/auth.lockout_threshold', { json: { value: 3 } });
  assert.equal(set.status, 200, set.text);
  try {
    const u = await makeUser();
    assert.equal((await tryLogin(u.username, 'Wrong#Pass1', '192.0.2.50')).status, 401);
    assert.equal((await tryLogin(u.username, 'Wrong#Pass1', '192.0.2.50')).status, 401);
    const third = await tryLogin(u.username, 'Wrong#Pass1', '192.0.2.50');
    assert.equal(third.status, 423, third.text);
  } finally {
    assert.equal((await admin.call('PUT', '/api/v1/system/parameters/auth.lockout_threshold', { json: { value: 5 } })).status, 200);
  }
});

test('X-Forwarded-For from a trusted proxy: the rightmost address the proxy did not add is the client', async () => {
  const u = await makeUser();
  // The client forged "1.2.3.4"; the proxy appended the real peer 198.51.100.77.
  const ok = await tryLogin(u.username, PASSWORD, '1.2.3.4, 198.51.100.77');
  assert.equal(ok.status, 200, ok.text);
  const log = (await admin.call('GET', `/api/v1/system/login-log?username=${u.username}`)).body.items;
  assert.equal(log[0].client_addr, '198.51.100.77', JSON.stringify(log));
});

test('account-wide slowdown: after many failures from many addresses, a new address waits (429), a familiar one does not', async () => {
  const u = await makeUser();
  assert.equal((await tryLogin(u.username, PASSWORD, '198.51.100.1')).status, 200, 'a familiar address');
  let throttled = null;
  for (let i = 0; i < 30 && !throttled; ++i) {
    const r = await tryLogin(u.username, 'Wrong#Pass1', `203.0.113.${100 + i}`);
    assert.ok([401, 429].includes(r.status), r.text);
    if (r.status === 429) throttled = r;
  }
  assert.ok(throttled, 'some failure was throttled');
  assert.equal(throttled.body.code, 'auth.throttled');
  assert.ok(Number(throttled.headers.get('retry-after')) > 0);
  const stranger = await tryLogin(u.username, PASSWORD, '203.0.113.250');
  assert.equal(stranger.status, 429, stranger.text);
  const familiar = await tryLogin(u.username, PASSWORD, '198.51.100.1');
  assert.equal(familiar.status, 200, familiar.text);
  await advance(16 * 60);
  admin = await login(server.url, 'admin');
  const later = await tryLogin(u.username, PASSWORD, '203.0.113.251');
  assert.equal(later.status, 200, later.text);
});

test('a login never keeps the cookie it was sent (no session fixation); a stale cookie does not block login', async () => {
  const first = await login(server.url, 'leader1');
  const again = await anon('POST', '/api/v1/auth/login', { json: { username: 'leader1', password: 'Tongban@2026' }, headers: { cookie: first.cookie } });
  assert.equal(again.status, 200, again.text);
  assert.notEqual((again.headers.get('set-cookie') ?? '').split(';')[0], first.cookie);
  assert.notEqual(again.body.csrf_token, first.csrf);
  await first.call('POST', '/api/v1/auth/logout');
  const stale = await anon('POST', '/api/v1/auth/login', { json: { username: 'leader1', password: 'Tongban@2026' }, headers: { cookie: first.cookie } });
  assert.equal(stale.status, 200, stale.text);
  const forged = await client(server.url, { headers: { cookie: 'tb_session=forged-token-value' } })('GET', '/api/v1/auth/me');
  assert.equal(forged.status, 401);
});

test('an API key with expires_days stops working once expired (test clock)', async () => {
  const made = await admin.call('POST', '/api/v1/system/api-keys', { json: { name: 'short', scope: ['system.department.read'], expires_days: 1 } });
  assert.equal(made.status, 201, made.text);
  const key = bearer(server.url, made.body.key);
  assert.equal((await key('GET', '/api/v1/system/departments')).status, 200);
  await advance(86400 + 60);
  const r = await key('GET', '/api/v1/system/departments');
  assert.equal(r.status, 401, r.text);
  assert.equal(r.body.code, 'auth.bad_api_key');
  admin = await login(server.url, 'admin');
});

test('a bearer key needs no CSRF token and its changes are audited as apikey:…; a clerk cannot mint keys', async () => {
  const made = await admin.call('POST', '/api/v1/system/api-keys', { json: { name: 'writer', scope: ['system.department.edit', 'system.department.read'] } });
  assert.equal(made.status, 201, made.text);
  const key = bearer(server.url, made.body.key);
  // A bearer key is not sent by browsers on their own: no CSRF token needed.
  const deps = (await key('GET', '/api/v1/system/departments')).body.items;
  const root = deps.find((d) => d.parent_id === null);
  const dep = await key('POST', '/api/v1/system/departments', { json: { name: '密钥建的部门', division_code: '370202', parent_id: root.id } });
  assert.equal(dep.status, 201, dep.text);
  const audit = await admin.call('GET', `/api/v1/system/audit?object_type=department&object_id=${dep.body.id}`);
  assert.match(audit.body.items[0].actor, /^apikey:/);
  // A window clerk holds no system.apikey.edit, so cannot mint one at all.
  const w = await login(server.url, 'window1');
  const minted = await w.call('POST', '/api/v1/system/api-keys', { json: { name: 'x', scope: ['system.user.edit'] } });
  assert.equal(minted.status, 403);
});

test('nobody grants an administrative permission they lack: not through a role, nor an API key', async () => {
  const role = await admin.call('POST', '/api/v1/system/roles', { json: { code: 'key_and_role_maker', name_zh: '密钥与角色', name_en: 'Keys and roles', permissions: ['system.apikey.edit', 'system.apikey.read', 'system.role.edit', 'system.role.read'], data_scope: 'own' } });
  assert.equal(role.status, 201, role.text);
  const u = await makeUser(['key_and_role_maker']);
  const s = await login(server.url, u.username, PASSWORD);
  const roles = (await admin.call('GET', '/api/v1/system/roles')).body;
  const keys = (await admin.call('GET', '/api/v1/system/api-keys')).body;
  const key = await s.call('POST', '/api/v1/system/api-keys', { json: { name: 'escalate', scope: ['system.user.edit'] } });
  assert.ok([403, 422].includes(key.status), key.text);
  assert.equal(key.body.code, 'identity.cannot_grant');
  const newRole = await s.call('POST', '/api/v1/system/roles', { json: { code: 'escalated_role', name_zh: '提权', name_en: 'Escalated', permissions: ['system.user.edit'], data_scope: 'all' } });
  assert.ok([403, 422].includes(newRole.status), newRole.text);
  assert.equal(newRole.body.code, 'identity.cannot_grant');
  const ownRole = roles.items.find((r) => r.code === 'key_and_role_maker');
  const widen = await s.call('PUT', `/api/v1/system/roles/${ownRole.id}`, { json: { name_zh: '密钥与角色', name_en: 'Keys and roles', permissions: [...ownRole.permissions, 'system.audit.read'], data_scope: 'all' } });
  assert.ok([403, 422].includes(widen.status), widen.text);
  assert.deepEqual((await admin.call('GET', '/api/v1/system/roles')).body, roles);
  assert.deepEqual((await admin.call('GET', '/api/v1/system/api-keys')).body, keys);
  // What it holds it may pass on.
  const fine = await s.call('POST', '/api/v1/system/api-keys', { json: { name: 'reader', scope: ['system.role.read'] } });
  assert.equal(fine.status, 201, fine.text);
});
