#!/usr/bin/env node
/**
 * Development mock of the Tongban API (the contract in web/src/api/), in memory, for working on
 * the front end before or without the C++ back end. NOT the product and NOT used by the test
 * scripts: `make test` runs the browser tests against the real `tongban serve`.
 *
 *   node mock/server.mjs            # serves web/dist and the API on http://127.0.0.1:8090
 *   PORT=9000 node mock/server.mjs
 *   TONGBAN_URL=http://127.0.0.1:8090 npm run test:e2e   # try the e2e tests against it
 *
 * Log in as admin / Tongban@2026 (all permissions) or clerk / Clerk@2026 (read-only users).
 */
import { createServer } from 'node:http'
import { randomBytes, createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../dist/', import.meta.url))
const port = Number(process.env.PORT ?? 8090)
const host = process.env.HOST ?? '127.0.0.1'

// ---- helpers -----------------------------------------------------------------------------------
const pad = (n) => String(n).padStart(2, '0')
/** RFC 3339 with +08:00, as the real server sends. */
function rfc3339(d = new Date()) {
  const s = new Date(d.getTime() + 8 * 3600e3)
  return `${s.getUTCFullYear()}-${pad(s.getUTCMonth() + 1)}-${pad(s.getUTCDate())}T${pad(s.getUTCHours())}:${pad(s.getUTCMinutes())}:${pad(s.getUTCSeconds())}+08:00`
}
const sha = (s) => createHash('sha256').update(s).digest('hex')
const T = (lang, zh, en) => (lang.startsWith('en') ? en : zh)

class Problem extends Error {
  constructor(status, code, zh, en, extra = {}) {
    super(code)
    Object.assign(this, { status, code, zh, en, extra })
  }
}

// ---- data --------------------------------------------------------------------------------------
const allPermissions = [
  ['system.user.read', '查看用户', 'View users'],
  ['system.user.edit', '管理用户', 'Manage users'],
  ['system.department.read', '查看部门', 'View departments'],
  ['system.department.edit', '管理部门', 'Manage departments'],
  ['system.role.read', '查看角色', 'View roles'],
  ['system.role.edit', '管理角色', 'Manage roles'],
  ['system.audit.read', '查看操作日志', 'View audit log'],
  ['system.loginlog.read', '查看登录日志', 'View sign-in log'],
  ['system.session.read', '查看在线用户', 'View sessions'],
  ['system.session.revoke', '强制下线', 'Revoke sessions'],
  ['system.parameter.read', '查看参数', 'View parameters'],
  ['system.parameter.edit', '修改参数', 'Edit parameters'],
  ['system.calendar.read', '查看节假日日历', 'View calendar'],
  ['system.calendar.edit', '维护节假日日历', 'Edit calendar'],
].map(([code, name_zh, name_en]) => ({ code, name_zh, name_en }))

let nextId = 100
const db = {
  departments: [
    { id: 1, parent_id: null, name: '示范市人民政府', division_code: '330100', is_service_hall: false, sort: 0, status: 'active', created_at: rfc3339() },
    { id: 2, parent_id: 1, name: '市政务服务管理办公室', division_code: '330100', is_service_hall: false, sort: 1, status: 'active', created_at: rfc3339() },
    { id: 3, parent_id: 2, name: '市民中心政务服务大厅', division_code: '330100', is_service_hall: true, sort: 1, status: 'active', created_at: rfc3339() },
    { id: 4, parent_id: 1, name: '市市场监督管理局', division_code: '330100', is_service_hall: false, sort: 2, status: 'active', created_at: rfc3339() },
    { id: 5, parent_id: 1, name: '西湖区人民政府', division_code: '330106', is_service_hall: false, sort: 3, status: 'active', created_at: rfc3339() },
    { id: 6, parent_id: 5, name: '西湖区政务服务中心', division_code: '330106', is_service_hall: true, sort: 1, status: 'disabled', created_at: rfc3339() },
  ],
  roles: [
    { id: 1, code: 'admin', name_zh: '系统管理员', name_en: 'Administrator', permissions: allPermissions.map((p) => p.code), data_scope: 'all', builtin: true },
    { id: 2, code: 'clerk', name_zh: '综合窗口人员', name_en: 'Window clerk', permissions: ['system.user.read', 'system.calendar.read'], data_scope: 'children', builtin: true },
    { id: 3, code: 'auditor', name_zh: '审计员', name_en: 'Auditor', permissions: ['system.audit.read', 'system.loginlog.read'], data_scope: 'all', builtin: false },
  ],
  users: [
    { id: 1, username: 'admin', display_name: '系统管理员', department_id: 2, roles: ['admin'], status: 'active', locked_until: null, phone: '13800138000', created_at: rfc3339(), password: 'Tongban@2026', failures: 0 },
    { id: 2, username: 'clerk', display_name: '王小明', department_id: 3, roles: ['clerk'], status: 'active', locked_until: null, phone: '13912345678', created_at: rfc3339(), password: 'Clerk@2026', failures: 0 },
  ],
  audit: [],
  loginLog: [],
  sessions: new Map(),
  parameters: [
    { key: 'auth.max_failures', value: 5, type: 'int', name_zh: '登录失败锁定次数', name_en: 'Failures before lock', description_zh: '连续登录失败达到该次数后锁定账号。', description_en: 'Consecutive failed sign-ins that lock the account.' },
    { key: 'auth.lock_minutes', value: 15, type: 'int', name_zh: '锁定时长（分钟）', name_en: 'Lock duration (minutes)', description_zh: '账号锁定后自动解锁前的分钟数。', description_en: 'Minutes until a locked account unlocks by itself.' },
    { key: 'session.idle_minutes', value: 30, type: 'int', name_zh: '会话空闲超时（分钟）', name_en: 'Session idle timeout (minutes)', description_zh: '无操作超过该时长后需重新登录。', description_en: 'Idle minutes before signing in again is needed.' },
    { key: 'site.name', value: '示范市一网通办', type: 'string', name_zh: '平台名称', name_en: 'Site name', description_zh: '显示在公众页面顶部的名称。', description_en: 'Name shown atop public pages.' },
    { key: 'evaluation.enabled', value: true, type: 'bool', name_zh: '启用好差评', name_en: 'Service ratings enabled', description_zh: '办件完成后邀请申请人评价。', description_en: 'Invite applicants to rate finished cases.' },
  ],
  calendar: new Map([
    [2026, { loaded: true, version: 'mock-2026.1', days: [
      ['2026-01-01', 'holiday', '元旦'], ['2026-01-02', 'holiday', '元旦'], ['2026-01-03', 'holiday', '元旦'], ['2026-01-04', 'workday', '元旦调休'],
      ['2026-02-14', 'workday', '春节调休'], ['2026-02-15', 'holiday', '春节'], ['2026-02-16', 'holiday', '春节'], ['2026-02-17', 'holiday', '春节'],
      ['2026-02-18', 'holiday', '春节'], ['2026-02-19', 'holiday', '春节'], ['2026-02-20', 'holiday', '春节'], ['2026-02-21', 'holiday', '春节'],
      ['2026-02-22', 'holiday', '春节'], ['2026-02-23', 'holiday', '春节'], ['2026-02-28', 'workday', '春节调休'],
      ['2026-04-04', 'holiday', '清明节'], ['2026-04-05', 'holiday', '清明节'], ['2026-04-06', 'holiday', '清明节'],
      ['2026-05-01', 'holiday', '劳动节'], ['2026-05-02', 'holiday', '劳动节'], ['2026-05-03', 'holiday', '劳动节'], ['2026-05-04', 'holiday', '劳动节'], ['2026-05-05', 'holiday', '劳动节'], ['2026-05-09', 'workday', '劳动节调休'],
      ['2026-06-19', 'holiday', '端午节'], ['2026-06-20', 'holiday', '端午节'], ['2026-06-21', 'holiday', '端午节'],
      ['2026-09-20', 'workday', '国庆节调休'], ['2026-09-25', 'holiday', '中秋节'], ['2026-09-26', 'holiday', '中秋节'], ['2026-09-27', 'holiday', '中秋节'],
      ['2026-10-01', 'holiday', '国庆节'], ['2026-10-02', 'holiday', '国庆节'], ['2026-10-03', 'holiday', '国庆节'], ['2026-10-04', 'holiday', '国庆节'],
      ['2026-10-05', 'holiday', '国庆节'], ['2026-10-06', 'holiday', '国庆节'], ['2026-10-07', 'holiday', '国庆节'], ['2026-10-10', 'workday', '国庆节调休'],
    ].map(([date, kind, name]) => ({ date, kind, name, source: 'official' })) }],
  ]),
}
let auditHead = '0'.repeat(64)

function permsOf(user) {
  const set = new Set()
  for (const code of user.roles) for (const p of db.roles.find((r) => r.code === code)?.permissions ?? []) set.add(p)
  return [...set]
}
const deptName = (id) => db.departments.find((d) => d.id === id)?.name ?? null
const mask = (phone) => (phone ? phone.slice(0, 3) + '****' + phone.slice(-4) : null)
const publicUser = (u) => ({
  id: u.id, username: u.username, display_name: u.display_name, department_id: u.department_id,
  department_name: deptName(u.department_id), roles: u.roles, status: u.status,
  locked_until: u.locked_until, phone_masked: mask(u.phone), created_at: u.created_at,
})
const me = (u) => ({ id: u.id, username: u.username, display_name: u.display_name, department_id: u.department_id, department_name: deptName(u.department_id), roles: u.roles, permissions: permsOf(u) })

function audit(ctx, action, object_type, object_id, body) {
  const rec = {
    id: db.audit.length + 1, at: rfc3339(), actor: ctx.user?.username ?? 'anonymous', role: ctx.user?.roles.join(',') ?? '',
    department: deptName(ctx.user?.department_id) ?? '', action, object_type, object_id: String(object_id),
    request_id: ctx.requestId, client_addr: ctx.addr, digest: sha(JSON.stringify(body ?? {})),
  }
  rec.hash = sha(auditHead + JSON.stringify(rec))
  auditHead = rec.hash
  db.audit.unshift(rec)
}

function paged(req, list) {
  const page = Number(req.query.get('page') ?? 1)
  const size = Number(req.query.get('size') ?? 20)
  if (!Number.isInteger(page) || page < 1) throw new Problem(400, 'request.invalid_page', '页码无效', 'Invalid page')
  if (!Number.isInteger(size) || size < 1 || size > 100) throw new Problem(400, 'request.invalid_size', '每页条数须在 1 至 100 之间', 'Page size must be 1 to 100')
  return { items: list.slice((page - 1) * size, page * size), total: list.length, page, size }
}

function inRange(at, from, to) {
  const t = new Date(at).getTime()
  if (from && t < new Date(from).getTime()) return false
  if (to && t > new Date(to).getTime()) return false
  return true
}

function need(ctx, perm) {
  if (!ctx.user) throw new Problem(401, 'auth.required', '请先登录', 'Please sign in')
  if (!permsOf(ctx.user).includes(perm)) throw new Problem(403, 'auth.forbidden', '没有执行此操作的权限', 'You may not do this')
}

function validate(errors) {
  const list = errors.filter(Boolean)
  if (list.length) throw new Problem(422, 'request.invalid', '提交的内容有误，请检查后重试', 'The submitted data is invalid', { errors: list })
}
const fieldErr = (lang, pointer, code, zh, en) => ({ pointer, code, message: T(lang, zh, en) })

// ---- routes ------------------------------------------------------------------------------------
const routes = []
const route = (method, pattern, handler) => routes.push({ method, re: new RegExp('^' + pattern.replace(/\{(\w+)\}/g, '(?<$1>[^/]+)') + '$'), handler })

route('GET', '/healthz', () => ({ text: 'ok' }))
route('GET', '/readyz', () => ({ status: 'ready', database: 'sqlite', migrations: { applied: 12, total: 12 } }))
route('GET', '/api/v1/version', () => ({ version: '0.1.0-mock', database: 'sqlite' }))

route('POST', '/api/v1/auth/login', (ctx) => {
  const { username = '', password = '' } = ctx.body ?? {}
  const u = db.users.find((x) => x.username === username)
  const log = (result, reason) => db.loginLog.unshift({ id: db.loginLog.length + 1, at: rfc3339(), username, result, client_addr: ctx.addr, user_agent: ctx.ua, reason })
  if (u && u.locked_until && new Date(u.locked_until) > new Date()) {
    log('locked', 'account locked')
    throw new Problem(423, 'auth.locked', '账号已被锁定，请稍后再试', 'The account is locked', { details: { locked_until: u.locked_until } })
  }
  if (!u || u.password !== password || u.status !== 'active') {
    if (u) {
      u.failures++
      if (u.failures >= 5) {
        u.locked_until = rfc3339(new Date(Date.now() + 15 * 60e3))
        u.failures = 0
        log('locked', '5 consecutive failures')
        throw new Problem(423, 'auth.locked', '连续 5 次登录失败，账号已被锁定 15 分钟', 'Five failed sign-ins: the account is locked for 15 minutes', { details: { locked_until: u.locked_until } })
      }
    }
    log('failure', 'bad credentials')
    throw new Problem(401, 'auth.bad_credentials', '用户名或密码错误', 'Wrong username or password')
  }
  u.failures = 0
  log('success', null)
  const id = randomBytes(24).toString('base64url')
  const csrf = randomBytes(24).toString('base64url')
  db.sessions.set(id, { id, userId: u.id, csrf, created_at: rfc3339(), last_seen_at: rfc3339(), expires_at: rfc3339(new Date(Date.now() + 8 * 3600e3)), client_addr: ctx.addr, user_agent: ctx.ua })
  ctx.setCookie = `tongban_session=${id}; Path=/; HttpOnly; SameSite=Lax`
  return { user: me(u), csrf_token: csrf }
})
route('POST', '/api/v1/auth/logout', (ctx) => {
  if (ctx.session) db.sessions.delete(ctx.session.id)
  ctx.setCookie = 'tongban_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0'
  return { $status: 204 }
})
route('GET', '/api/v1/auth/me', (ctx) => {
  if (!ctx.user) throw new Problem(401, 'auth.required', '请先登录', 'Please sign in')
  return { user: me(ctx.user), csrf_token: ctx.session.csrf }
})

route('GET', '/api/v1/system/departments', (ctx) => (need(ctx, 'system.department.read'), { items: db.departments }))
function deptBody(ctx, b) {
  validate([
    !b.name?.trim() && fieldErr(ctx.lang, '/name', 'required', '请输入部门名称', 'Name is required'),
    !/^\d{6}(\d{6})?$/.test(b.division_code ?? '') && fieldErr(ctx.lang, '/division_code', 'pattern', '区划代码须为 6 位或 12 位数字', 'Division code must be 6 or 12 digits'),
    b.parent_id != null && !db.departments.some((d) => d.id === b.parent_id) && fieldErr(ctx.lang, '/parent_id', 'unknown', '上级部门不存在', 'Unknown parent'),
  ])
  return { parent_id: b.parent_id ?? null, name: b.name.trim(), division_code: b.division_code, is_service_hall: !!b.is_service_hall, sort: b.sort ?? 0, status: b.status === 'disabled' ? 'disabled' : 'active' }
}
route('POST', '/api/v1/system/departments', (ctx) => {
  need(ctx, 'system.department.edit')
  const d = { id: nextId++, ...deptBody(ctx, ctx.body ?? {}), created_at: rfc3339() }
  db.departments.push(d)
  audit(ctx, 'system.department.create', 'department', d.id, d)
  return { $status: 201, json: d }
})
route('PUT', '/api/v1/system/departments/{id}', (ctx) => {
  need(ctx, 'system.department.edit')
  const d = db.departments.find((x) => x.id === Number(ctx.params.id))
  if (!d) throw new Problem(404, 'system.department.not_found', '部门不存在', 'No such department')
  Object.assign(d, deptBody(ctx, ctx.body ?? {}))
  audit(ctx, 'system.department.update', 'department', d.id, d)
  return d
})
route('DELETE', '/api/v1/system/departments/{id}', (ctx) => {
  need(ctx, 'system.department.edit')
  const id = Number(ctx.params.id)
  if (db.departments.some((x) => x.parent_id === id)) throw new Problem(409, 'system.department.has_children', '该部门下还有下级部门，不能删除', 'The department has sub-departments')
  if (db.users.some((x) => x.department_id === id)) throw new Problem(409, 'system.department.has_users', '该部门下还有用户，不能删除', 'The department has users')
  db.departments = db.departments.filter((x) => x.id !== id)
  audit(ctx, 'system.department.delete', 'department', id)
  return { $status: 204 }
})

route('GET', '/api/v1/system/users', (ctx) => {
  need(ctx, 'system.user.read')
  const q = ctx.query
  let list = db.users
  if (q.get('username')) list = list.filter((u) => u.username.includes(q.get('username')) || u.display_name.includes(q.get('username')))
  if (q.get('department_id')) list = list.filter((u) => u.department_id === Number(q.get('department_id')))
  if (q.get('status')) list = list.filter((u) => u.status === q.get('status'))
  return paged(ctx, list.map(publicUser))
})
function userChecks(ctx, b, creating) {
  validate([
    creating && !/^[A-Za-z][A-Za-z0-9_.-]{2,31}$/.test(b.username ?? '') && fieldErr(ctx.lang, '/username', 'pattern', '用户名格式不正确', 'Invalid username'),
    creating && db.users.some((u) => u.username === b.username) && fieldErr(ctx.lang, '/username', 'taken', '用户名已被使用', 'Username already taken'),
    creating && !/^(?=.*[A-Za-z])(?=.*\d).{8,}$/.test(b.password ?? '') && fieldErr(ctx.lang, '/password', 'weak', '密码至少 8 位且包含字母和数字', 'Password too weak'),
    !b.display_name?.trim() && fieldErr(ctx.lang, '/display_name', 'required', '请输入姓名', 'Name is required'),
    !db.departments.some((d) => d.id === b.department_id) && fieldErr(ctx.lang, '/department_id', 'unknown', '部门不存在', 'Unknown department'),
  ])
}
route('POST', '/api/v1/system/users', (ctx) => {
  need(ctx, 'system.user.edit')
  const b = ctx.body ?? {}
  userChecks(ctx, b, true)
  const u = { id: nextId++, username: b.username, display_name: b.display_name.trim(), department_id: b.department_id, roles: b.roles ?? [], status: b.status ?? 'active', locked_until: null, phone: b.phone ?? null, created_at: rfc3339(), password: b.password, failures: 0 }
  db.users.push(u)
  audit(ctx, 'system.user.create', 'user', u.id, publicUser(u))
  return { $status: 201, json: publicUser(u) }
})
route('PUT', '/api/v1/system/users/{id}', (ctx) => {
  need(ctx, 'system.user.edit')
  const u = db.users.find((x) => x.id === Number(ctx.params.id))
  if (!u) throw new Problem(404, 'system.user.not_found', '用户不存在', 'No such user')
  const b = ctx.body ?? {}
  userChecks(ctx, b, false)
  Object.assign(u, { display_name: b.display_name.trim(), department_id: b.department_id, roles: b.roles ?? u.roles, status: b.status ?? u.status })
  if (b.phone) u.phone = b.phone
  audit(ctx, 'system.user.update', 'user', u.id, publicUser(u))
  return publicUser(u)
})
route('POST', '/api/v1/system/users/{id}/reset-password', (ctx) => {
  need(ctx, 'system.user.edit')
  const u = db.users.find((x) => x.id === Number(ctx.params.id))
  if (!u) throw new Problem(404, 'system.user.not_found', '用户不存在', 'No such user')
  validate([!/^(?=.*[A-Za-z])(?=.*\d).{8,}$/.test(ctx.body?.password ?? '') && fieldErr(ctx.lang, '/password', 'weak', '密码至少 8 位且包含字母和数字', 'Password too weak')])
  u.password = ctx.body.password
  audit(ctx, 'system.user.reset_password', 'user', u.id)
  return { $status: 204 }
})
route('POST', '/api/v1/system/users/{id}/unlock', (ctx) => {
  need(ctx, 'system.user.edit')
  const u = db.users.find((x) => x.id === Number(ctx.params.id))
  if (!u) throw new Problem(404, 'system.user.not_found', '用户不存在', 'No such user')
  u.locked_until = null
  u.failures = 0
  audit(ctx, 'system.user.unlock', 'user', u.id)
  return { $status: 204 }
})

route('GET', '/api/v1/system/roles', (ctx) => (need(ctx, 'system.role.read'), { items: db.roles }))
route('GET', '/api/v1/system/permissions', (ctx) => (need(ctx, 'system.role.read'), { items: allPermissions }))
route('POST', '/api/v1/system/roles', (ctx) => {
  need(ctx, 'system.role.edit')
  const b = ctx.body ?? {}
  validate([db.roles.some((r) => r.code === b.code) && fieldErr(ctx.lang, '/code', 'taken', '角色编码已存在', 'Role code taken')])
  const r = { id: nextId++, code: b.code, name_zh: b.name_zh, name_en: b.name_en, permissions: b.permissions ?? [], data_scope: b.data_scope ?? 'own', builtin: false }
  db.roles.push(r)
  audit(ctx, 'system.role.create', 'role', r.id, r)
  return { $status: 201, json: r }
})
route('PUT', '/api/v1/system/roles/{id}', (ctx) => {
  need(ctx, 'system.role.edit')
  const r = db.roles.find((x) => x.id === Number(ctx.params.id))
  if (!r) throw new Problem(404, 'system.role.not_found', '角色不存在', 'No such role')
  const b = ctx.body ?? {}
  Object.assign(r, { name_zh: b.name_zh, name_en: b.name_en, permissions: b.permissions ?? r.permissions, data_scope: b.data_scope ?? r.data_scope })
  audit(ctx, 'system.role.update', 'role', r.id, r)
  return r
})

route('GET', '/api/v1/system/audit', (ctx) => {
  need(ctx, 'system.audit.read')
  const q = ctx.query
  let list = db.audit
  for (const k of ['actor', 'object_type', 'object_id']) if (q.get(k)) list = list.filter((r) => r[k] === q.get(k))
  list = list.filter((r) => inRange(r.at, q.get('from'), q.get('to')))
  return paged(ctx, list)
})
route('GET', '/api/v1/system/login-log', (ctx) => {
  need(ctx, 'system.loginlog.read')
  const q = ctx.query
  let list = db.loginLog
  if (q.get('username')) list = list.filter((r) => r.username === q.get('username'))
  if (q.get('result')) list = list.filter((r) => r.result === q.get('result'))
  list = list.filter((r) => inRange(r.at, q.get('from'), q.get('to')))
  return paged(ctx, list)
})
route('GET', '/api/v1/system/sessions', (ctx) => {
  need(ctx, 'system.session.read')
  const list = [...db.sessions.values()].map((s) => {
    const u = db.users.find((x) => x.id === s.userId)
    return { id: s.id.slice(0, 12), username: u?.username, display_name: u?.display_name, client_addr: s.client_addr, user_agent: s.user_agent, created_at: s.created_at, last_seen_at: s.last_seen_at, expires_at: s.expires_at }
  })
  return paged(ctx, list)
})
route('DELETE', '/api/v1/system/sessions/{id}', (ctx) => {
  need(ctx, 'system.session.revoke')
  const s = [...db.sessions.values()].find((x) => x.id.slice(0, 12) === ctx.params.id)
  if (!s) throw new Problem(404, 'system.session.not_found', '会话不存在或已结束', 'No such session')
  db.sessions.delete(s.id)
  audit(ctx, 'system.session.revoke', 'session', ctx.params.id)
  return { $status: 204 }
})

route('GET', '/api/v1/system/parameters', (ctx) => (need(ctx, 'system.parameter.read'), { items: db.parameters }))
route('PUT', '/api/v1/system/parameters/{key}', (ctx) => {
  need(ctx, 'system.parameter.edit')
  const p = db.parameters.find((x) => x.key === decodeURIComponent(ctx.params.key))
  if (!p) throw new Problem(404, 'system.parameter.not_found', '参数不存在', 'No such parameter')
  const v = ctx.body?.value
  const ok = p.type === 'int' ? Number.isInteger(v) && v >= 0 : p.type === 'bool' ? typeof v === 'boolean' : typeof v === 'string'
  validate([!ok && fieldErr(ctx.lang, '/value', 'type', '参数值类型不正确', 'Wrong value type')])
  p.value = v
  audit(ctx, 'system.parameter.update', 'parameter', p.key, { value: v })
  return p
})

function year(y) {
  if (!db.calendar.has(y)) db.calendar.set(y, { loaded: false, version: null, days: [] })
  return db.calendar.get(y)
}
route('GET', '/api/v1/system/calendar/{year}', (ctx) => {
  need(ctx, 'system.calendar.read')
  const y = Number(ctx.params.year)
  const c = year(y)
  return { year: y, loaded: c.loaded, version: c.version, days: c.days }
})
route('PUT', '/api/v1/system/calendar/{year}/days/{date}', (ctx) => {
  need(ctx, 'system.calendar.edit')
  const c = year(Number(ctx.params.year))
  const { kind, name = '' } = ctx.body ?? {}
  validate([!['holiday', 'workday'].includes(kind) && fieldErr(ctx.lang, '/kind', 'enum', '类型无效', 'Invalid kind')])
  c.days = c.days.filter((d) => d.date !== ctx.params.date)
  const day = { date: ctx.params.date, kind, name, source: 'admin' }
  c.days.push(day)
  c.days.sort((a, b) => a.date.localeCompare(b.date))
  audit(ctx, 'system.calendar.set_day', 'calendar_day', ctx.params.date, day)
  return day
})
route('DELETE', '/api/v1/system/calendar/{year}/days/{date}', (ctx) => {
  need(ctx, 'system.calendar.edit')
  const c = year(Number(ctx.params.year))
  c.days = c.days.filter((d) => d.date !== ctx.params.date)
  audit(ctx, 'system.calendar.clear_day', 'calendar_day', ctx.params.date)
  return { $status: 204 }
})

// ---- server ------------------------------------------------------------------------------------
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.json': 'application/json' }

async function serveStatic(res, path) {
  const file = normalize(join(root, decodeURIComponent(path)))
  let target = join(root, 'index.html')
  if (file.startsWith(root)) {
    try {
      if ((await stat(file)).isFile()) target = file
    } catch {
      // SPA fallback
    }
  }
  try {
    const data = await readFile(target)
    res.writeHead(200, { 'Content-Type': types[extname(target)] ?? 'application/octet-stream' })
    res.end(data)
  } catch {
    res.writeHead(503, { 'Content-Type': 'text/plain' })
    res.end('web/dist is missing: run npm run build first')
  }
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x')
  const lang = req.headers['accept-language'] ?? 'zh-CN'
  const requestId = randomBytes(8).toString('hex')
  const isApi = url.pathname.startsWith('/api/') || url.pathname === '/healthz' || url.pathname === '/readyz'
  if (!isApi) return serveStatic(res, url.pathname)

  const cookie = /(?:^|;\s*)tongban_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1]
  const session = cookie ? db.sessions.get(cookie) : undefined
  if (session) session.last_seen_at = rfc3339()
  const ctx = {
    lang, requestId, query: url.searchParams, session, user: session ? db.users.find((u) => u.id === session.userId) : null,
    addr: req.socket.remoteAddress?.replace('::ffff:', '') ?? '', ua: req.headers['user-agent'] ?? '', setCookie: null, body: null,
  }
  const send = (status, obj, type = 'application/json') => {
    const headers = { 'Content-Type': type, 'X-Request-Id': requestId }
    if (ctx.setCookie) headers['Set-Cookie'] = ctx.setCookie
    res.writeHead(status, headers)
    res.end(obj === undefined ? undefined : typeof obj === 'string' ? obj : JSON.stringify(obj))
  }
  try {
    let chunks = ''
    for await (const c of req) chunks += c
    if (chunks) {
      try {
        ctx.body = JSON.parse(chunks)
      } catch {
        throw new Problem(400, 'request.malformed', '请求内容不是有效的 JSON', 'The request body is not valid JSON')
      }
    }
    const r = routes.find((x) => x.method === req.method && x.re.test(url.pathname))
    if (!r) throw new Problem(404, 'request.not_found', '接口不存在', 'No such endpoint')
    ctx.params = r.re.exec(url.pathname).groups ?? {}
    if (req.method !== 'GET' && url.pathname !== '/api/v1/auth/login' && session && req.headers['x-csrf-token'] !== session.csrf)
      throw new Problem(403, 'auth.csrf', 'CSRF 校验失败，请刷新页面后重试', 'CSRF check failed; reload the page')
    await new Promise((r) => setTimeout(r, 120)) // let loading states show
    const out = r.handler(ctx)
    if (out?.text) return send(200, out.text, 'text/plain; charset=utf-8')
    if (out?.$status === 204) return send(204)
    if (out?.$status) return send(out.$status, out.json)
    return send(200, out)
  } catch (e) {
    if (!(e instanceof Problem)) {
      console.error(e)
      e = new Problem(500, 'internal', '服务器内部错误', 'Internal error')
    }
    send(e.status, { type: 'about:blank', title: e.code, status: e.status, detail: T(lang, e.zh, e.en), code: e.code, request_id: requestId, ...e.extra }, 'application/problem+json')
  }
})
server.listen(port, host, () => console.log(`tongban mock API + web/dist on http://${host}:${port}`))
