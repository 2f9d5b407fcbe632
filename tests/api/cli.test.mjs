// The operator commands: migrate (idempotent), backup, version, routes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binary, freshDatabase, dbKind } from './lib/server.mjs';

const run = (...args) => spawnSync(binary, args, { encoding: 'utf8' });

test('version prints the version', () => {
  const r = run('version');
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^tongban \d+\.\d+\.\d+\n$/);
});

test('migrate applies once; a second run changes nothing', () => {
  const db = freshDatabase();
  const first = run('migrate', '--db', db.url);
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /^[1-9]\d* migration\(s\) applied/);
  const second = run('migrate', '--db', db.url);
  assert.equal(second.status, 0);
  assert.match(second.stdout, /^0 migration\(s\) applied/);
  db.cleanup();
});

test('a bad database URL is refused with a clear message', () => {
  const r = run('migrate', '--db', 'mysql://root@localhost/x');
  assert.equal(r.status, 1);
  assert.match(r.stderr, /数据库地址无效/);
  assert.match(r.stderr, /Bad database URL/);
});

test(`backup writes a restorable copy (${dbKind})`, () => {
  const db = freshDatabase();
  assert.equal(run('migrate', '--db', db.url).status, 0);
  const to = join(mkdtempSync(join(tmpdir(), 'tongban-backup-')), dbKind === 'sqlite' ? 'copy.db' : 'copy.dump');
  const r = run('backup', '--db', db.url, '--to', to);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(existsSync(to) && statSync(to).size > 0);
  if (dbKind === 'sqlite') {
    const check = spawnSync('sqlite3', [to, 'SELECT COUNT(*) FROM schema_migrations'], { encoding: 'utf8' });
    assert.ok(Number(check.stdout.trim()) >= 1, 'the copy has the migrated schema');
  } else {
    const check = spawnSync('pg_restore', ['--list', to], { encoding: 'utf8' });
    assert.match(check.stdout, /schema_migrations/);
  }
  assert.equal(run('backup', '--db', db.url, '--to', to).status, 2, 'never overwrites');
  db.cleanup();
});

test('routes lists every route with its permission', () => {
  const r = run('routes');
  assert.equal(r.status, 0, r.stderr);
  const routes = JSON.parse(r.stdout);
  assert.ok(routes.length >= 5);
  for (const route of routes) assert.ok(route.permission, `${route.method} ${route.path} declares a permission`);
});
