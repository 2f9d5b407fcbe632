// Logging in over HTTP for tests: a client that carries the session cookie and the CSRF token.
import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { client, binary, dbKind, freshDatabase } from './server.mjs';

export const DEMO_PASSWORD = 'Tongban@2026';

// The date scripts/test.sh loads its demo templates as of.
const TEMPLATE_AS_OF = '2026-11-23';

// A fresh database with the demo city loaded (as of a fixed date, so the data is the same every run).
// scripts/test.sh loads the demo once per store (TONGBAN_TEST_DEMO_SQLITE: a file; TONGBAN_TEST_DEMO_PG:
// a template database) and each test file gets its own copy, instead of every file loading 2,000
// cases again.
export function demoDatabase(asOf = TEMPLATE_AS_OF) {
  if (asOf === TEMPLATE_AS_OF) {
    if (dbKind === 'sqlite' && process.env.TONGBAN_TEST_DEMO_SQLITE) {
      const db = freshDatabase();
      copyFileSync(process.env.TONGBAN_TEST_DEMO_SQLITE, new URL(db.url).pathname);
      return db;
    }
    if (dbKind === 'postgresql' && process.env.TONGBAN_TEST_DEMO_PG) return freshDatabase({ template: process.env.TONGBAN_TEST_DEMO_PG });
  }
  const db = freshDatabase();
  const r = spawnSync(binary, ['demo', '--db', db.url, '--as-of', asOf], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tongban demo failed (${r.status}): ${r.stderr}`);
  return db;
}

// The session cookie (name=value) from a login response.
export function sessionCookie(res) {
  const set = res.headers.get('set-cookie') ?? '';
  const m = set.match(/^([^=;\s]+=[^;]*)/);
  return m ? m[1] : '';
}

// Logs in; resolves { res, cookie, csrf, user, call } where call sends the cookie and the CSRF token
// (pass headers: {'x-csrf-token': ...} to override) and callNoCsrf sends only the cookie.
export async function login(base, username, password = DEMO_PASSWORD, { headers = {} } = {}) {
  const res = await client(base)('POST', '/api/v1/auth/login', { json: { username, password }, headers });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${res.text}`);
  const cookie = sessionCookie(res);
  const csrf = res.body.csrf_token;
  return {
    res, cookie, csrf, user: res.body.user,
    call: client(base, { headers: { cookie, 'x-csrf-token': csrf } }),
    callNoCsrf: client(base, { headers: { cookie } }),
  };
}

// A client that authenticates with a bearer API key.
export function bearer(base, key) {
  return client(base, { headers: { authorization: `Bearer ${key}` } });
}
