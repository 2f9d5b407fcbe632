// Starts the real `tongban serve` on a free port against the database the run is for, and stops it.
// The database kind comes from TONGBAN_TEST_DB (sqlite | postgresql); for PostgreSQL each server
// group gets a fresh database in the throwaway cluster scripts/test.sh started (TONGBAN_TEST_PG_DIR).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const binary = process.env.TONGBAN_BIN ?? join(root, 'build', 'tongban');
export const dbKind = process.env.TONGBAN_TEST_DB ?? 'sqlite';
// A fixed key-encryption key for throwaway test databases (a real install configures its own).
process.env.TONGBAN_KEK ??= '7b'.repeat(32);

// A fresh database URL of the kind under test: empty, or (PostgreSQL) a copy of `template`.
export function freshDatabase({ template } = {}) {
  if (dbKind === 'postgresql') {
    const dir = process.env.TONGBAN_TEST_PG_DIR;
    if (!dir) throw new Error('TONGBAN_TEST_DB=postgresql needs TONGBAN_TEST_PG_DIR (scripts/test.sh sets it)');
    const name = 'api_' + randomBytes(5).toString('hex');
    const args = ['createdb', dir, name, ...(template ? [template] : [])];
    const url = execFileSync(join(root, 'scripts', 'pg-cluster.sh'), args).toString().trim();
    return { url, cleanup() {} };
  }
  const dir = mkdtempSync(join(tmpdir(), 'tongban-api-'));
  return { url: `sqlite://${join(dir, 'tongban.db')}`, dir, cleanup() { rmSync(dir, { recursive: true, force: true }); } };
}

// Starts a server; resolves once it prints its "listening on" line. `env` adds settings
// (TONGBAN_BODY_LIMIT, ...); `args` adds flags. The returned handle's stop() sends SIGTERM and
// resolves with the exit code.
export async function startServer({ db, env = {}, args = [], testMode = true } = {}) {
  const database = db ?? freshDatabase();
  const child = spawn(binary, ['serve', '--port', '0', '--db', database.url, ...args], {
    env: { ...process.env, TONGBAN_TEST_MODE: testMode ? '1' : '0', TONGBAN_ACCESS_LOG: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '', stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 20 s\n${stderr}`)), 20000);
    child.stdout.on('data', (d) => {
      stdout += d;
      const m = stdout.match(/listening on (http:\/\/[\d.]+:\d+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    exited.then((code) => { clearTimeout(timer); reject(new Error(`server exited (${code}) before listening\n${stderr}`)); });
  });
  const { port, hostname } = new URL(url);
  return {
    url, port: Number(port), host: hostname, db: database, child, exited,
    get stderr() { return stderr; },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const code = await exited;
      if (!db) database.cleanup();
      return code;
    },
  };
}

// fetch with the server's base URL and JSON conveniences.
export function client(base, defaults = {}) {
  return async function call(method, path, { json, body, headers = {} } = {}) {
    const init = { method, headers: { ...defaults.headers, ...headers } };
    if (json !== undefined) {
      init.body = JSON.stringify(json);
      init.headers['content-type'] ??= 'application/json';
    } else if (body !== undefined) {
      init.body = body;
    }
    const res = await fetch(base + path, init);
    const bytes = Buffer.from(await res.arrayBuffer());  // kept for binary bodies (PDFs, files)
    const text = bytes.toString('utf8');
    let data = text;
    try { data = JSON.parse(text); } catch { /* not JSON */ }
    return { status: res.status, headers: res.headers, body: data, text, bytes };
  };
}
