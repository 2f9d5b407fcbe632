// Edges of identity over HTTP: data scope for a custom role, sessions across a restart and across
// two servers on one database, the calendar edit reaching the CLI, concurrent writes, odd inputs
// (huge passwords, bad paging, bad phones), password resets, closed registration.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { startServer, client, binary } from './lib/server.mjs';
import { login, demoDatabase } from './lib/session.mjs';

let server, db, anon, admin;

before(async () => {
  db = demoDatabase();
  server = await startServer({ db });
  anon = client(server.url);
  admin = await login(server.url, 'admin');
});
after(async () => {
  assert.equal(await server.stop(), 0);
  db.cleanup();
});

const PASSWORD = 'Strong#Pass2026';
const departments = async () => (await admin.call('GET', '/api/v1/system/departments')).body.items;

test('data scope: a custom user-admin role with scope "own" sees and edits only its own department', async () => {
  const deps = await departments();
  const root = deps.find((d) => d.parent_id === null);
  const mine = (await admin.call('POST', '/api/v1/system/departments', { json: { name: '范围测试甲', division_code: '370202', parent_id: root.id } })).body;
  const other = (await admin.call('POST', '/api/v1/system/departments', { json: { name: '范围测试乙', division_code: '370202', parent_id: root.id } })).body;
  const role = await admin.call('POST', '/api/v1/system/roles', { json: { code: 'dept_user_admin', name_zh: '部门用户管理', name_en: 'Dept user admin', permissions: ['system.user.read', 'system.user.edit'], data_scope: 'own' } });
  assert.equal(role.status, 201, role.text);
  const mk = async (username, department_id, roles = ['reviewer']) => {
    const r = await admin.call('POST', '/api/v1/system/users', { json: { username, password: PASSWORD, display_name: username, department_id, roles } });
    assert.equal(r.status, 201, r.text);
    return r.body;
  };
  const boss = await mk('scope_boss', mine.id, ['dept_user_admin']);
  const inside = await mk('scope_inside', mine.id);
  const outside = await mk('scope_outside', other.id);
  const s = await login(server.url, 'scope_boss', PASSWORD);
  const list = await s.call('GET', '/api/v1/system/users?size=100');
  assert.equal(list.status, 200, list.text);
  assert.deepEqual(list.body.items.map((u) => u.username).sort(), ['scope_boss', 'scope_inside']);
  assert.equal(list.body.total, 2);
  assert.equal((await s.call('GET', `/api/v1/system/users/${inside.id}`)).status, 200);
  const peek = await s.call('GET', `/api/v1/system/users/${outside.id}`);
  assert.ok([403, 404].includes(peek.status), peek.text);
  const before1 = (await admin.call('GET', `/api/v1/system/users/${outside.id}`)).body;
  for (const [method, path, json] of [
    ['PUT', `/api/v1/system/users/${outside.id}`, { display_name: '被改了' }],
    ['POST', `/api/v1/system/users/${outside.id}/reset-password`, { password: 'Other#Pass2026' }],
    ['POST', `/api/v1/system/users/${outside.id}/unlock`, {}],
    ['PUT', `/api/v1/system/users/${inside.id}`, { department_id: other.id }],
  ]) {
    const r = await s.call(method, path, { json });
    assert.ok([403, 404].includes(r.status), `${method} ${path}: ${r.status} ${r.text}`);
  }
  const made = await s.call('POST', '/api/v1/system/users', { json: { username: 'scope_new', password: PASSWORD, display_name: 'x', department_id: other.id, roles: ['reviewer'] } });
  assert.equal(made.status, 403, made.text);
  assert.equal(made.body.code, 'identity.out_of_scope');
  assert.deepEqual((await admin.call('GET', `/api/v1/system/users/${outside.id}`)).body, before1);
  assert.equal((await admin.call('GET', `/api/v1/system/users/${inside.id}`)).body.department_id, mine.id);
  assert.equal((await admin.call('GET', '/api/v1/system/users?username=scope_new')).body.total, 0);
  // Nor can it hand out the administrator role or its own role's powers beyond what it holds.
  const grab = await s.call('PUT', `/api/v1/system/users/${inside.id}`, { json: { roles: ['admin'] } });
  assert.ok([403, 409, 422].includes(grab.status), grab.text);
  assert.equal(boss.department_id, mine.id);
});

test('sessions live in the database: a restart keeps a user logged in; a second server shares sessions and revocations', async () => {
  const s = await login(server.url, 'leader1');
  assert.equal(await server.stop(), 0);
  server = await startServer({ db });
  anon = client(server.url);
  const again = client(server.url, { headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
  assert.equal((await again('GET', '/api/v1/auth/me')).status, 200, 'the session survived the restart');
  admin = await login(server.url, 'admin');
  const second = await startServer({ db });
  try {
    const there = client(second.url, { headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
    assert.equal((await there('GET', '/api/v1/auth/me')).status, 200, 'the other server knows the session');
    const sessions = (await admin.call('GET', '/api/v1/system/sessions?size=100')).body.items.filter((x) => x.username === 'leader1');
    for (const x of sessions) assert.equal((await admin.call('DELETE', `/api/v1/system/sessions/${x.id}`)).status, 204);
    assert.equal((await there('GET', '/api/v1/auth/me')).status, 401, 'revoked on one server, gone on the other');
  } finally {
    assert.equal(await second.stop(), 0);
  }
});

test('a calendar edit through the API reaches `tongban calendar --db` (the version every reader checks)', async () => {
  const cli = (...args) => spawnSync(binary, ['calendar', ...args], { encoding: 'utf8' });
  const before1 = cli('is-working-day', '2026-12-09', '--db', db.url);
  assert.equal(before1.stdout.trim(), 'true', before1.stderr);
  const put = await admin.call('PUT', '/api/v1/system/calendar/2026/days/2026-12-09', { json: { kind: 'holiday', name: '测试' } });
  assert.equal(put.status, 200, put.text);
  assert.equal(cli('is-working-day', '2026-12-09', '--db', db.url).stdout.trim(), 'false');
  assert.equal(cli('is-working-day', '2026-12-09').stdout.trim(), 'true', 'without --db only the shipped data counts');
  assert.equal(cli('add', '2026-12-08', '1', '--db', db.url).stdout.trim(), '2026-12-10');
  const del = await admin.call('DELETE', '/api/v1/system/calendar/2026/days/2026-12-09');
  assert.equal(del.status, 200, del.text);
  assert.equal(cli('is-working-day', '2026-12-09', '--db', db.url).stdout.trim(), 'true');
  const missing = await admin.call('DELETE', '/api/v1/system/calendar/2026/days/2026-12-09');
  assert.ok([404, 409].includes(missing.status), missing.text);
});

test('concurrent writes: 12 departments created at once all succeed, none lost, the audit chain stays whole', async () => {
  const root = (await departments()).find((d) => d.parent_id === null);
  const n = (await departments()).length;
  const results = await Promise.all(Array.from({ length: 12 }, (_, i) =>
    admin.call('POST', '/api/v1/system/departments', { json: { name: `并发部门${i}`, division_code: '370202', parent_id: root.id } })));
  for (const r of results) assert.equal(r.status, 201, r.text);
  assert.equal((await departments()).length, n + 12);
  const audit = (await admin.call('GET', '/api/v1/system/audit?size=100')).body.items;
  const bySeq = new Map(audit.map((r) => [r.id, r]));
  for (const r of audit) if (bySeq.has(r.id - 1)) assert.equal(r.prev_hash, bySeq.get(r.id - 1).hash);
});

test('concurrent wrong passwords still lock at the threshold, no 500', async () => {
  const deps = await departments();
  const u = await admin.call('POST', '/api/v1/system/users', { json: { username: 'race_user', password: PASSWORD, display_name: 'x', department_id: deps[0].id, roles: ['reviewer'] } });
  assert.equal(u.status, 201);
  const results = await Promise.all(Array.from({ length: 20 }, () =>
    anon('POST', '/api/v1/auth/login', { json: { username: 'race_user', password: 'Wrong#Pass1' } })));
  for (const r of results) assert.ok([401, 423].includes(r.status), `${r.status} ${r.text}`);
  // However the requests interleave, no more than threshold − 1 guesses get a distinguishable answer.
  assert.ok(results.filter((r) => r.status === 401).length <= 4, results.map((r) => r.status).join(' '));
  const right = await anon('POST', '/api/v1/auth/login', { json: { username: 'race_user', password: PASSWORD } });
  assert.equal(right.status, 423, right.text);
});

test('a right password inside a burst of wrong ones does not get in once the burst has locked the account', async () => {
  const deps = await departments();
  for (let round = 0; round < 3; ++round) {
    const username = `burst_user_${round}`;
    const u = await admin.call('POST', '/api/v1/system/users', { json: { username, password: PASSWORD, display_name: 'x', department_id: deps[0].id, roles: ['reviewer'] } });
    assert.equal(u.status, 201);
    const attempts = Array.from({ length: 16 }, (_, i) => (i === 15 ? PASSWORD : 'Wrong#Pass1'));
    const results = await Promise.all(attempts.map((password) => anon('POST', '/api/v1/auth/login', { json: { username, password } })));
    const right = results[15];
    if (right.status === 200) {
      // Allowed only if fewer than 5 failures were recorded before the success.
      const log = (await admin.call('GET', `/api/v1/system/login-log?username=${username}&size=100`)).body.items;
      const success = log.find((e) => e.result === 'success');
      const before1 = log.filter((e) => e.id < success.id && e.result !== 'success');
      assert.ok(before1.length < 5, `a success after ${before1.length} failures: ${log.map((e) => e.id + ':' + e.result + ':' + e.reason).join(' ')}`);
    } else {
      assert.equal(right.status, 423, right.text);
    }
  }
});

test('odd inputs: a huge password, a unicode username, bad paging and filters are 4xx, never 500', async () => {
  const huge = await anon('POST', '/api/v1/auth/login', { json: { username: 'admin', password: 'x'.repeat(60000) } });
  assert.ok([401, 413, 422].includes(huge.status), `${huge.status} ${huge.text.slice(0, 200)}`);
  const uni = await anon('POST', '/api/v1/auth/login', { json: { username: '管理员\u0000', password: 'x' } });
  assert.ok([401, 422].includes(uni.status), uni.text);
  for (const path of ['/api/v1/system/users?size=0', '/api/v1/system/users?size=100000', '/api/v1/system/users?page=-1', '/api/v1/system/users?page=abc',
    '/api/v1/system/users?status=weird', '/api/v1/system/users?department_id=abc', '/api/v1/system/audit?from=yesterday', '/api/v1/system/login-log?result=maybe',
    '/api/v1/system/applicants?verified=perhaps', '/api/v1/system/calendar/abcd', '/api/v1/system/calendar/1800', '/api/v1/system/users/abc', '/api/v1/system/users/-1',
    '/api/v1/system/users/99999999999999999999999']) {
    const r = await admin.call('GET', path);
    assert.ok(r.status >= 400 && r.status < 500, `${path}: ${r.status} ${r.text}`);
  }
  const deps = await departments();
  const count = (await admin.call('GET', '/api/v1/system/users?size=1')).body.total;
  for (const phone of ['12345', '1391234567a', '+86 139 1234 5678 999']) {
    const r = await admin.call('POST', '/api/v1/system/users', { json: { username: 'phone_x', password: PASSWORD, display_name: 'x', department_id: deps[0].id, phone } });
    assert.equal(r.status, 422, `${phone}: ${r.text}`);
  }
  const extra = await admin.call('POST', '/api/v1/system/users', { json: { username: 'x'.repeat(200), password: PASSWORD, display_name: 'x', department_id: deps[0].id } });
  assert.equal(extra.status, 422, extra.text);
  assert.equal((await admin.call('GET', '/api/v1/system/users?size=1')).body.total, count);
});

test('reset password: a weak one is 422 and changes nothing; a good one works, the old one no longer does, old sessions end', async () => {
  const deps = await departments();
  const u = (await admin.call('POST', '/api/v1/system/users', { json: { username: 'reset_me', password: PASSWORD, display_name: 'x', department_id: deps[0].id, roles: ['reviewer'] } })).body;
  const s = await login(server.url, 'reset_me', PASSWORD);
  const weak = await admin.call('POST', `/api/v1/system/users/${u.id}/reset-password`, { json: { password: 'abc' } });
  assert.equal(weak.status, 422, weak.text);
  assert.ok(weak.body.errors?.some((e) => e.pointer === '/password'), weak.text);
  assert.equal((await s.call('GET', '/api/v1/auth/me')).status, 200);
  await login(server.url, 'reset_me', PASSWORD);
  const ok = await admin.call('POST', `/api/v1/system/users/${u.id}/reset-password`, { json: { password: 'Newer#Pass2027' } });
  assert.equal(ok.status, 204, ok.text);
  assert.equal((await anon('POST', '/api/v1/auth/login', { json: { username: 'reset_me', password: PASSWORD } })).status, 401);
  assert.equal((await anon('POST', '/api/v1/auth/login', { json: { username: 'reset_me', password: 'Newer#Pass2027' } })).status, 200);
  const old = await s.call('GET', '/api/v1/auth/me');
  assert.equal(old.status, 401, 'a reset password ends the sessions opened with the old one');
});

test('registration: closed by the parameter → refused, nothing stored; duplicate ID number 409; bad phone 422', async () => {
  const count = async () => (await admin.call('GET', '/api/v1/system/applicants?size=1')).body.total;
  const n = await count();
  const body = { username: 'reg_a', password: PASSWORD, kind: 'natural', name: '王五', id_number: '11010519491231002X' };
  const first = await anon('POST', '/api/v1/public/applicants/register', { json: body });
  assert.equal(first.status, 201, first.text);
  const dup = await anon('POST', '/api/v1/public/applicants/register', { json: { ...body, username: 'reg_b' } });
  assert.equal(dup.status, 409, dup.text);
  assert.ok(!dup.text.includes('11010519491231002X'));
  const dupUser = await anon('POST', '/api/v1/public/applicants/register', { json: { ...body, id_number: '110105194912310046' } });
  assert.equal(dupUser.status, 409, dupUser.text);
  const badPhone = await anon('POST', '/api/v1/public/applicants/register', { json: { ...body, username: 'reg_c', id_number: '110105194912310054', phone: '999' } });
  assert.equal(badPhone.status, 422, badPhone.text);
  const weak = await anon('POST', '/api/v1/public/applicants/register', { json: { ...body, username: 'reg_d', id_number: '110105194912310054', password: 'weak' } });
  assert.equal(weak.status, 422, weak.text);
  const wrongKind = await anon('POST', '/api/v1/public/applicants/register', { json: { ...body, username: 'reg_e', kind: 'legal' } });
  assert.equal(wrongKind.status, 422, wrongKind.text);
  assert.equal(await count(), n + 1);
  assert.equal((await admin.call('PUT', '/api/v1/system/parameters/auth.applicant_registration', { json: { value: false } })).status, 200);
  try {
    const closed = await anon('POST', '/api/v1/public/applicants/register', { json: { ...body, username: 'reg_f', id_number: '110105194912310054' } });
    assert.equal(closed.status, 403, closed.text);
    assert.equal(closed.body.code, 'identity.registration_closed');
    assert.equal(await count(), n + 1);
  } finally {
    assert.equal((await admin.call('PUT', '/api/v1/system/parameters/auth.applicant_registration', { json: { value: true } })).status, 200);
  }
});

test('several roles: the widest data scope wins; editing a custom role reaches its holders\' live sessions', async () => {
  const deps = await departments();
  const narrow = await admin.call('POST', '/api/v1/system/roles', { json: { code: 'users_own', name_zh: '本部门用户', name_en: 'Own users', permissions: ['system.user.read'], data_scope: 'own' } });
  const wide = await admin.call('POST', '/api/v1/system/roles', { json: { code: 'users_all', name_zh: '全部用户', name_en: 'All users', permissions: ['system.user.read'], data_scope: 'all' } });
  assert.equal(narrow.status, 201, narrow.text);
  assert.equal(wide.status, 201, wide.text);
  const mk = async (username, roles) => {
    const r = await admin.call('POST', '/api/v1/system/users', { json: { username, password: PASSWORD, display_name: username, department_id: deps[deps.length - 1].id, roles } });
    assert.equal(r.status, 201, r.text);
  };
  await mk('scope_narrow', ['users_own']);
  await mk('scope_both', ['users_own', 'users_all']);
  const all = (await admin.call('GET', '/api/v1/system/users?size=1')).body.total;
  const n = await login(server.url, 'scope_narrow', PASSWORD);
  const b = await login(server.url, 'scope_both', PASSWORD);
  const seenNarrow = (await n.call('GET', '/api/v1/system/users?size=1')).body.total;
  assert.ok(seenNarrow < all, `${seenNarrow} < ${all}`);
  assert.equal((await b.call('GET', '/api/v1/system/users?size=1')).body.total, all);
  // Take the permission out of the narrow role: its holder loses the route at once.
  const edit = await admin.call('PUT', `/api/v1/system/roles/${narrow.body.id}`, { json: { name_zh: '本部门用户', name_en: 'Own users', permissions: ['catalog.item.read'], data_scope: 'own' } });
  assert.equal(edit.status, 200, edit.text);
  const after1 = await n.call('GET', '/api/v1/system/users');
  assert.equal(after1.status, 403, after1.text);
  assert.equal((await b.call('GET', '/api/v1/system/users?size=1')).status, 200);
});
