// The authorisation matrix (issue 4): every route `tongban routes` lists × every demo role (and
// anonymous, and API keys scoped to one permission). Public routes never answer 401/403; a protected
// route answers 401 to anonymous callers, 403 auth.forbidden to a caller without its permission, and
// neither to a caller with it (404/422/400/409 are fine: the path parameters are dummies and the
// bodies empty). The demo users come from docs/roles.md, their permissions from GET /auth/me.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, client, binary, root } from './lib/server.mjs';
import { login, bearer, demoDatabase } from './lib/session.mjs';

let server, db, anon, admin;

// [{method, path, permission}] without the test-mode routes.
const routes = JSON.parse(execFileSync(binary, ['routes'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))
  .filter((r) => r.permission !== 'test' && r.kind !== 'test');

// code → {permissions, user} from the role table in docs/roles.md.
const roleTable = new Map();
for (const line of readFileSync(join(root, 'docs', 'roles.md'), 'utf8').split('\n')) {
  const m = line.match(/^\| `([a-z_]+)` \| [^|]+ \| ([^|]*) \| (own|children|all) \| (?:`([a-z0-9_]+)`|—) \|$/);
  if (m) roleTable.set(m[1], { permissions: [...m[2].matchAll(/`([a-z_.]+)`/g)].map((x) => x[1]).sort(), user: m[4] });
}
// Extra demo accounts worth a row of their own: an unverified applicant and an enterprise.
const extraUsers = ['citizen2', 'company1'];

const fill = (path) => path.replace(/\{[^}]+\}/g, '999999');
// The logout route last, so a caller's session lives through its row.
const ordered = [...routes].sort((a, b) => (a.path === '/api/v1/auth/logout') - (b.path === '/api/v1/auth/logout'));

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

async function hit(call, route) {
  const opts = ['POST', 'PUT', 'PATCH'].includes(route.method) ? { json: {} } : {};
  return call(route.method, fill(route.path), opts);
}

// One row of the matrix: `allowed(permission)` says whether the caller holds it (null: anonymous).
async function checkRow(label, call, allowed) {
  const failures = [];
  for (const route of ordered) {
    const res = await hit(call, route);
    const where = `${label}: ${route.method} ${route.path} (${route.permission}) → ${res.status} ${res.text.slice(0, 200)}`;
    if (res.status >= 500) failures.push(`server error — ${where}`);
    else if (route.permission === 'public') {
      if (res.status === 401 || res.status === 403) failures.push(`public route refused — ${where}`);
    } else if (allowed === null) {
      if (res.status !== 401) failures.push(`anonymous not 401 — ${where}`);
    } else if (route.permission === 'authenticated' || allowed(route.permission)) {
      if (res.status === 401 || res.status === 403) failures.push(`holder refused — ${where}`);
    } else if (res.status !== 403 || res.body?.code !== 'auth.forbidden') {
      failures.push(`non-holder not 403 auth.forbidden — ${where}`);
    }
  }
  assert.deepEqual(failures, []);
}

test('the route list is complete enough to mean something, and every route declares a permission', () => {
  assert.ok(routes.length >= 40, `${routes.length} routes`);
  for (const r of routes) assert.match(r.permission, /^(public|authenticated|[a-z]+\.[a-z_]+\.[a-z_]+)$/, `${r.method} ${r.path}`);
  assert.ok(roleTable.size >= 11, `${roleTable.size} roles parsed from docs/roles.md`);
  assert.ok(roleTable.has('admin') && roleTable.has('applicant') && roleTable.has('system'));
});

test('anonymous: public routes answer, every other route is 401', async () => {
  await checkRow('anonymous', anon, null);
});

test('a cookie without a CSRF token changes nothing on a state-changing route (403 auth.csrf, not a pass)', async () => {
  const w = await login(server.url, 'window1');
  for (const route of routes.filter((r) => r.method !== 'GET' && r.permission !== 'public')) {
    const res = await hit(w.callNoCsrf, route);
    assert.equal(res.status, 403, `${route.method} ${route.path}: ${res.status}`);
    assert.equal(res.body.code, 'auth.csrf');
  }
});

for (const [code, { user, permissions }] of roleTable) {
  if (!user) continue; // `system` has no demo user and cannot be given to one
  test(`role ${code} (${user}): holder passes, non-holder 403 on every route`, async () => {
    const s = await login(server.url, user);
    const me = await s.call('GET', '/api/v1/auth/me');
    assert.equal(me.status, 200);
    assert.ok(me.body.user.roles.includes(code), `${user} holds ${code}: ${me.body.user.roles}`);
    const held = new Set(me.body.user.permissions);
    for (const p of permissions) assert.ok(held.has(p), `${user} has ${p} as docs/roles.md says`);
    assert.ok(!held.has('test'));
    await checkRow(`${code}/${user}`, s.call, (p) => held.has(p));
    assert.equal((await s.call('GET', '/api/v1/auth/me')).status, 401, 'the logout at the end of the row ended the session');
  });
}

for (const user of extraUsers) {
  test(`demo user ${user}: holder passes, non-holder 403 on every route`, async () => {
    const s = await login(server.url, user);
    const held = new Set(s.user.permissions);
    if (user === 'citizen2') assert.ok(!held.has('identity.enterprise.act'), 'an unverified applicant lacks the verified-only permissions');
    await checkRow(user, s.call, (p) => held.has(p));
  });
}

test('API keys scoped to one permission: that permission passes, everything else 403', async () => {
  for (const permission of ['system.department.read', 'system.audit.read', 'cases.case.read']) {
    const made = await admin.call('POST', '/api/v1/system/api-keys', { json: { name: `matrix ${permission}`, scope: [permission] } });
    assert.equal(made.status, 201, made.text);
    await checkRow(`apikey[${permission}]`, bearer(server.url, made.body.key), (p) => p === permission);
  }
});
