/**
 * System administration (module `system`): departments, users, roles, audit, login log, sessions,
 * parameters and the holiday calendar. One typed function per endpoint; the permission each needs
 * is named beside it.
 */
import { http } from '@/utils/request'
import type { ItemList, Page, PageQuery } from './types'

export type Status = 'active' | 'disabled'

// ---- departments -------------------------------------------------------------------------------

export interface Department {
  id: number
  parent_id: number | null
  name: string
  division_code: string
  is_service_hall: boolean
  sort: number
  status: Status
  created_at: string
}

export type DepartmentBody = Omit<Department, 'id' | 'created_at'>

/** GET /api/v1/system/departments (system.department.read). */
export function listDepartments(opts?: { silent?: boolean }) {
  return http.get<ItemList<Department>>('/api/v1/system/departments', undefined, opts)
}
/** POST /api/v1/system/departments (system.department.edit). */
export function createDepartment(body: DepartmentBody) {
  return http.post<Department>('/api/v1/system/departments', body)
}
/** PUT /api/v1/system/departments/{id} (system.department.edit). */
export function updateDepartment(id: number, body: DepartmentBody) {
  return http.put<Department>(`/api/v1/system/departments/${id}`, body)
}
/** DELETE /api/v1/system/departments/{id} (system.department.edit). */
export function deleteDepartment(id: number) {
  return http.del<void>(`/api/v1/system/departments/${id}`)
}

// ---- users -------------------------------------------------------------------------------------

export interface User {
  id: number
  username: string
  display_name: string
  department_id: number | null
  department_name: string | null
  roles: string[]
  status: Status
  locked_until: string | null
  phone_masked: string | null
  created_at: string
}

export interface UserQuery extends PageQuery {
  username?: string
  department_id?: number
  status?: Status
}

export interface UserCreateBody {
  username: string
  display_name: string
  password: string
  department_id: number | null
  roles: string[]
  status: Status
  phone?: string
}

export type UserUpdateBody = Omit<UserCreateBody, 'username' | 'password'>

/** GET /api/v1/system/users (system.user.read). */
export function listUsers(query: UserQuery) {
  return http.get<Page<User>>('/api/v1/system/users', query)
}
/** POST /api/v1/system/users (system.user.edit). */
export function createUser(body: UserCreateBody) {
  return http.post<User>('/api/v1/system/users', body)
}
/** PUT /api/v1/system/users/{id} (system.user.edit). */
export function updateUser(id: number, body: UserUpdateBody) {
  return http.put<User>(`/api/v1/system/users/${id}`, body)
}
/** POST /api/v1/system/users/{id}/reset-password (system.user.edit). */
export function resetUserPassword(id: number, password: string) {
  return http.post<void>(`/api/v1/system/users/${id}/reset-password`, { password })
}
/** POST /api/v1/system/users/{id}/unlock (system.user.edit). */
export function unlockUser(id: number) {
  return http.post<void>(`/api/v1/system/users/${id}/unlock`)
}

// ---- roles and permissions ---------------------------------------------------------------------

export type DataScope = 'own' | 'children' | 'all'

export interface Role {
  id: number
  code: string
  name_zh: string
  name_en: string
  permissions: string[]
  data_scope: DataScope
  builtin: boolean
}

export type RoleBody = Omit<Role, 'id' | 'builtin'>

export interface Permission {
  code: string
  name_zh: string
  name_en: string
}

/** GET /api/v1/system/roles (system.role.read). */
export function listRoles(opts?: { silent?: boolean }) {
  return http.get<ItemList<Role>>('/api/v1/system/roles', undefined, opts)
}
/** POST /api/v1/system/roles (system.role.edit). */
export function createRole(body: RoleBody) {
  return http.post<Role>('/api/v1/system/roles', body)
}
/** PUT /api/v1/system/roles/{id} (system.role.edit). */
export function updateRole(id: number, body: RoleBody) {
  return http.put<Role>(`/api/v1/system/roles/${id}`, body)
}
/** GET /api/v1/system/permissions (system.role.read). */
export function listPermissions() {
  return http.get<ItemList<Permission>>('/api/v1/system/permissions')
}

// ---- audit log ---------------------------------------------------------------------------------

export interface AuditRecord {
  id: number
  at: string
  actor: string
  role: string
  department: string
  action: string
  object_type: string
  object_id: string
  request_id: string
  client_addr: string
  digest: string
  hash: string
}

export interface AuditQuery extends PageQuery {
  actor?: string
  object_type?: string
  object_id?: string
  /** RFC 3339 instants. */
  from?: string
  to?: string
}

/** GET /api/v1/system/audit (system.audit.read). */
export function listAudit(query: AuditQuery) {
  return http.get<Page<AuditRecord>>('/api/v1/system/audit', query)
}

// ---- login log ---------------------------------------------------------------------------------

export type LoginResult = 'success' | 'failure' | 'locked'

export interface LoginLogRecord {
  id: number
  at: string
  username: string
  result: LoginResult
  client_addr: string
  user_agent: string
  reason: string | null
}

export interface LoginLogQuery extends PageQuery {
  username?: string
  result?: LoginResult
  from?: string
  to?: string
}

/** GET /api/v1/system/login-log (system.loginlog.read). */
export function listLoginLog(query: LoginLogQuery) {
  return http.get<Page<LoginLogRecord>>('/api/v1/system/login-log', query)
}

// ---- sessions (online users) -------------------------------------------------------------------

export interface SessionRecord {
  id: string
  username: string
  display_name: string
  client_addr: string
  user_agent: string
  created_at: string
  last_seen_at: string
  expires_at: string
}

/** GET /api/v1/system/sessions (system.session.read). */
export function listSessions(query: PageQuery) {
  return http.get<Page<SessionRecord>>('/api/v1/system/sessions', query)
}
/** DELETE /api/v1/system/sessions/{id} (system.session.revoke). */
export function revokeSession(id: string) {
  return http.del<void>(`/api/v1/system/sessions/${encodeURIComponent(id)}`)
}

// ---- parameters --------------------------------------------------------------------------------

export type ParameterType = 'int' | 'string' | 'bool'
export type ParameterValue = string | number | boolean

export interface Parameter {
  key: string
  value: ParameterValue
  type: ParameterType
  name_zh: string
  name_en: string
  description_zh: string
  description_en: string
}

/** GET /api/v1/system/parameters (system.parameter.read). */
export function listParameters() {
  return http.get<ItemList<Parameter>>('/api/v1/system/parameters')
}
/** PUT /api/v1/system/parameters/{key} (system.parameter.edit). */
export function updateParameter(key: string, value: ParameterValue) {
  return http.put<Parameter>(`/api/v1/system/parameters/${encodeURIComponent(key)}`, { value })
}

// ---- holiday calendar --------------------------------------------------------------------------

/** `holiday`: a day off; `workday`: an adjusted working weekend (调休上班). */
export type DayKind = 'holiday' | 'workday'

export interface CalendarDay {
  /** YYYY-MM-DD, an Asia/Shanghai date. */
  date: string
  kind: DayKind
  name: string
  source: 'official' | 'admin'
}

export interface CalendarYear {
  year: number
  loaded: boolean
  version: string | null
  days: CalendarDay[]
}

/** GET /api/v1/system/calendar/{year} (system.calendar.read). */
export function getCalendar(year: number) {
  return http.get<CalendarYear>(`/api/v1/system/calendar/${year}`)
}
/** PUT /api/v1/system/calendar/{year}/days/{date} (system.calendar.edit). */
export function setCalendarDay(year: number, date: string, body: { kind: DayKind; name: string }) {
  return http.put<CalendarDay>(`/api/v1/system/calendar/${year}/days/${date}`, body)
}
/** DELETE /api/v1/system/calendar/{year}/days/{date} (system.calendar.edit). */
export function clearCalendarDay(year: number, date: string) {
  return http.del<void>(`/api/v1/system/calendar/${year}/days/${date}`)
}

// ---- applicants --------------------------------------------------------------------------------

/** A registered applicant (申请人), natural or legal person; the ID number comes masked. */
export interface Applicant {
  id: number
  user_id: number
  username: string
  kind: 'natural' | 'legal'
  name: string
  id_number_masked: string
  credit_code: string | null
  verified: boolean
  verified_at: string | null
  verified_by: string | null
  created_at: string
}

/** GET /api/v1/system/applicants (identity.applicant.read). */
export function listApplicants(query: PageQuery & { verified?: boolean }, opts?: { silent?: boolean }) {
  return http.get<Page<Applicant>>('/api/v1/system/applicants', query, opts)
}
