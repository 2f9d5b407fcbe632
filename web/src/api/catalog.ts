/**
 * The service catalogue (module `catalog`, issue 5): base items, implementation entries and their
 * versions, licence types, the government lists and the statistics. One typed function per endpoint
 * (/work/catalog-contract.md); the permission each needs is named beside it.
 */
import { http, type Problem } from '@/utils/request'
import type { JsonSchema } from '@/components/schema-form/schema'
import type { Page, PageQuery } from './types'

// ---- words -------------------------------------------------------------------------------------

/** 权力类型. */
export type PowerType =
  | 'licensing'
  | 'penalty'
  | 'enforcement'
  | 'levy'
  | 'payment'
  | 'inspection'
  | 'confirmation'
  | 'reward'
  | 'adjudication'
  | 'other'
export const kPowerTypes: readonly PowerType[] = [
  'licensing',
  'penalty',
  'enforcement',
  'levy',
  'payment',
  'inspection',
  'confirmation',
  'reward',
  'adjudication',
  'other',
]

/** 市级 / 区(市)级 / 街道(镇)级, from the handling department's division code. */
export type Level = 'city' | 'district' | 'street'
export const kLevels: readonly Level[] = ['city', 'district', 'street']

/** 个人办事 / 法人办事. */
export type Audience = 'natural' | 'legal'
export const kAudiences: readonly Audience[] = ['natural', 'legal']

/** 市场准入类 / 工程建设类 / 社会事业类. */
export type WindowCategory = 'market_access' | 'construction' | 'social_affairs'
export const kWindowCategories: readonly WindowCategory[] = ['market_access', 'construction', 'social_affairs']

/** 网办深度: 1 信息公开 2 在线预约/表格下载 3 在线申报 4 全程网办. */
export type OnlineDepth = 1 | 2 | 3 | 4
/** 跑动次数: 0 零跑腿, 1 最多跑一次, 2 跑动两次及以上. */
export type Visits = 0 | 1 | 2

export type VersionState = 'draft' | 'published' | 'superseded' | 'withdrawn'
export type EntryStatus = 'active' | 'cancelled' | 'delegated'

export type MaterialForm = 'original' | 'copy' | 'original_and_copy' | 'electronic'
export const kMaterialForms: readonly MaterialForm[] = ['original', 'copy', 'original_and_copy', 'electronic']
/** Where a material can come from instead of the applicant. */
export type MaterialSource = 'applicant' | 'licence' | 'shared'
export const kMaterialSources: readonly MaterialSource[] = ['applicant', 'licence', 'shared']

/** Suspensions 中止 a workflow may allow (the clock stops). */
export const kSuspensions = ['hearing', 'tender', 'auction', 'inspection', 'testing', 'quarantine', 'expert_review'] as const
export type Suspension = (typeof kSuspensions)[number]

export type ChangeKind = 'created' | 'published' | 'withdrawn' | 'cancelled' | 'delegated' | 'taken_over' | string

// ---- version elements --------------------------------------------------------------------------

export interface Material {
  name: string
  required: boolean
  form: MaterialForm
  copies: number
  note: string
  source: MaterialSource
  licence_type_code?: string | null
  /** The licence type's name, where the server adds it (the public guide). */
  licence_type_name?: string | null
  shared_from?: string | null
  proof_code?: string | null
}

export interface Fee {
  name: string
  /** Decimal yuan as text, "10.00". */
  amount: string
  basis: string
}

export interface WorkflowStep {
  name: string
  role: string
  days: number
}

export interface Workflow {
  steps: WorkflowStep[]
  suspensions: string[]
}

/** The standard elements of one version of an implementation entry. */
export interface Elements {
  conditions: string
  materials: Material[]
  statutory_limit_days: number
  committed_limit_days: number
  immediate: boolean
  fees: Fee[]
  online_depth: OnlineDepth
  visits: Visits
  window_category: WindowCategory
  service_address: string
  service_hours: string
  consult_phone: string
  form_schema: JsonSchema
  workflow: Workflow
  instant_rules: unknown
  promise_eligible: boolean
  issues_licence_type: string | null
}

// ---- base items 基本目录 -------------------------------------------------------------------------

export interface BaseItem {
  id: number
  code: string
  name: string
  power_type: PowerType
  legal_basis: string
  audience: Audience[]
  themes: string[]
  levels: Level[]
  entry_count: number
}

export type BaseItemBody = Omit<BaseItem, 'id' | 'entry_count'>

export interface BaseItemQuery extends PageQuery {
  q?: string
  power_type?: PowerType
}

/** GET /api/v1/catalog/base-items (catalog.item.read). */
export function listBaseItems(query: BaseItemQuery) {
  return http.get<Page<BaseItem>>('/api/v1/catalog/base-items', query)
}
/** POST /api/v1/catalog/base-items (catalog.item.edit). */
export function createBaseItem(body: BaseItemBody) {
  return http.post<BaseItem>('/api/v1/catalog/base-items', body)
}
/** PUT /api/v1/catalog/base-items/{id} (catalog.item.edit); the code never changes. */
export function updateBaseItem(id: number, body: Omit<BaseItemBody, 'code'>) {
  return http.put<BaseItem>(`/api/v1/catalog/base-items/${id}`, body)
}

// ---- implementation entries 实施清单 -------------------------------------------------------------

export interface Entry {
  id: number
  code: string
  base_item_id: number
  base_code: string
  name: string
  power_type: PowerType
  department_id: number
  department_name: string
  division_code: string
  level: Level
  status: EntryStatus
  handled_since: string | null
  published_version_no: number | null
  latest_version_no: number
  latest_state: VersionState
  committed_limit_days: number | null
  statutory_limit_days: number | null
  updated_at: string
}

export interface EntryQuery extends PageQuery {
  q?: string
  department_id?: number
  power_type?: PowerType
  level?: Level
  status?: EntryStatus
  state?: VersionState
}

export interface Version {
  version_no: number
  state: VersionState
  created_at: string
  published_at: string | null
  withdrawn_at: string | null
  elements: Elements
}

export type VersionSummary = Omit<Version, 'elements'>

export interface Change {
  kind: ChangeKind
  effective_on: string | null
  at: string
  actor: string
  note: string | null
  from_department_name: string | null
  to_department_name: string | null
  related_entry_id: number | null
}

export interface EntryDetail extends Entry {
  base_item: BaseItem
  versions: VersionSummary[]
  changes: Change[]
  draft: Version | null
  published: Version | null
}

export interface EntryCreateBody {
  base_item_id: number
  code: string
  department_id: number
  elements: Elements
}

/** GET /api/v1/catalog/items (catalog.item.read). */
export function listEntries(query: EntryQuery) {
  return http.get<Page<Entry>>('/api/v1/catalog/items', query)
}
/** POST /api/v1/catalog/items (catalog.item.edit): version 1, a draft. */
export function createEntry(body: EntryCreateBody) {
  return http.post<EntryDetail>('/api/v1/catalog/items', body)
}
/** GET /api/v1/catalog/items/{id} (catalog.item.read). */
export function getEntry(id: number) {
  return http.get<EntryDetail>(`/api/v1/catalog/items/${id}`)
}
/** GET /api/v1/catalog/items/{id}/versions/{no} (catalog.item.read). */
export function getVersion(id: number, no: number) {
  return http.get<Version>(`/api/v1/catalog/items/${id}/versions/${no}`)
}
/** PUT /api/v1/catalog/items/{id}/draft (catalog.item.edit): edits the draft, or starts one. */
export function saveDraft(id: number, elements: Elements) {
  return http.put<Version>(`/api/v1/catalog/items/${id}/draft`, { elements })
}
/** POST /api/v1/catalog/items/{id}/publish (catalog.item.edit). */
export function publishEntry(id: number, effective_on?: string) {
  return http.post<EntryDetail>(`/api/v1/catalog/items/${id}/publish`, effective_on ? { effective_on } : {})
}
/** POST /api/v1/catalog/items/{id}/withdraw (catalog.item.edit). */
export function withdrawEntry(id: number, reason: string) {
  return http.post<EntryDetail>(`/api/v1/catalog/items/${id}/withdraw`, { reason })
}
/** POST /api/v1/catalog/items/{id}/cancel (catalog.item.edit). */
export function cancelEntry(id: number, body: { reason: string; effective_on: string }) {
  return http.post<EntryDetail>(`/api/v1/catalog/items/${id}/cancel`, body)
}
export interface DelegateBody {
  department_id: number
  code: string
  effective_on: string
  reason: string
}
/** POST /api/v1/catalog/items/{id}/delegate (catalog.item.edit): 下放; answers the new entry. */
export function delegateEntry(id: number, body: DelegateBody) {
  return http.post<EntryDetail>(`/api/v1/catalog/items/${id}/delegate`, body)
}

export interface ChangeQuery extends PageQuery {
  department_id?: number
  kind?: string
  from?: string
  to?: string
}
/** GET /api/v1/catalog/changes (catalog.item.read): dated changes 动态调整. */
export function listChanges(query: ChangeQuery) {
  return http.get<Page<Change & { entry_id?: number; entry_code?: string; entry_name?: string }>>('/api/v1/catalog/changes', query)
}

/** POST /api/v1/catalog/forms/check (catalog.item.edit): 200 {valid:true} or 422 naming what is wrong. */
export function checkFormSchema(schema: unknown) {
  return http.post<{ valid: boolean }>('/api/v1/catalog/forms/check', { schema }, { silent: true })
}

// ---- licence types 证照目录 ----------------------------------------------------------------------

export type HolderType = 'natural' | 'legal' | 'both'
export const kHolderTypes: readonly HolderType[] = ['natural', 'legal', 'both']

export interface LicenceType {
  id: number
  code: string
  name: string
  issuing_department_id: number
  issuing_department_name: string
  holder_type: HolderType
  validity_years: number | null
  fields_schema: JsonSchema
  status: 'active' | 'disabled'
}

export type LicenceTypeBody = Omit<LicenceType, 'id' | 'issuing_department_name'>

/** GET /api/v1/catalog/licence-types (catalog.item.read). */
export function listLicenceTypes(query: PageQuery & { q?: string }, opts?: { silent?: boolean }) {
  return http.get<Page<LicenceType>>('/api/v1/catalog/licence-types', query, opts)
}
/** POST /api/v1/catalog/licence-types (catalog.item.edit). */
export function createLicenceType(body: LicenceTypeBody) {
  return http.post<LicenceType>('/api/v1/catalog/licence-types', body)
}
/** PUT /api/v1/catalog/licence-types/{id} (catalog.item.edit). */
export function updateLicenceType(id: number, body: Omit<LicenceTypeBody, 'code'>) {
  return http.put<LicenceType>(`/api/v1/catalog/licence-types/${id}`, body)
}

// ---- the lists 清单 ------------------------------------------------------------------------------

export type ListKind = 'power' | 'duty' | 'boundary' | 'territorial' | 'proof' | 'no_penalty' | 'lighter_penalty'

export type ColumnType = 'text' | 'longtext' | 'department' | 'division' | 'enum' | 'credit_code' | 'int'

export interface ListColumn {
  key: string
  label_zh: string
  label_en: string
  type: ColumnType
  required: boolean
  max?: number | null
  options?: { value: string; label_zh: string; label_en: string }[]
}

export interface ListMeta {
  kind: ListKind
  name_zh: string
  name_en: string
  columns: ListColumn[]
}

export interface ListEntry {
  id: number
  kind: ListKind
  fields: Record<string, unknown>
  department_name?: string | null
  department_names?: Record<string, string>
  needs_review: boolean
  review_note: string | null
  created_at: string
  updated_at: string
}

export interface ListQuery extends PageQuery {
  q?: string
  department_id?: number
  division_code?: string
  needs_review?: boolean
}

export type FileFormat = 'xlsx' | 'csv'

export interface ImportIssue {
  line: number
  column: string | null
  code: string
  message: string
}

export interface ImportReport {
  imported: number
  rejected: number
  errors: ImportIssue[]
  warnings: ImportIssue[]
}

/** GET /api/v1/catalog/lists (catalog.list.read): the kinds and their columns. */
export function listKinds() {
  return http.get<ListMeta[]>('/api/v1/catalog/lists')
}
/** GET /api/v1/catalog/lists/{kind} (catalog.list.read). */
export function listEntriesOf(kind: ListKind, query: ListQuery) {
  return http.get<Page<ListEntry>>(`/api/v1/catalog/lists/${kind}`, query)
}
/** POST /api/v1/catalog/lists/{kind} (catalog.list.edit). */
export function createListEntry(kind: ListKind, fields: Record<string, unknown>) {
  return http.post<ListEntry>(`/api/v1/catalog/lists/${kind}`, { fields })
}
/** PUT /api/v1/catalog/lists/{kind}/{id} (catalog.list.edit). */
export function updateListEntry(kind: ListKind, id: number, fields: Record<string, unknown>) {
  return http.put<ListEntry>(`/api/v1/catalog/lists/${kind}/${id}`, { fields })
}
/** DELETE /api/v1/catalog/lists/{kind}/{id} (catalog.list.edit). */
export function deleteListEntry(kind: ListKind, id: number) {
  return http.del<void>(`/api/v1/catalog/lists/${kind}/${id}`)
}

export const kFileTypes: Record<FileFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/**
 * POST /api/v1/catalog/lists/{kind}/import (catalog.list.edit), the file as the raw body.
 * A dry run checks every line and writes nothing. Without `partial`, any bad line refuses the
 * whole file (422 listing every bad line); the caller reads the 422 as a report too, so it is
 * neither thrown nor toasted.
 */
export function importList(kind: ListKind, file: ArrayBuffer, opts: { format: FileFormat; dryRun: boolean; partial: boolean }) {
  return http.upload<ImportReport | Problem>(
    `/api/v1/catalog/lists/${kind}/import`,
    file,
    kFileTypes[opts.format],
    { format: opts.format, dry_run: opts.dryRun, partial: opts.partial },
    { acceptStatus: [422], silent: true },
  )
}
/** GET /api/v1/catalog/lists/{kind}/export (catalog.list.read). */
export function exportList(kind: ListKind, format: FileFormat) {
  return http.download(`/api/v1/catalog/lists/${kind}/export`, { format })
}

/** Who is responsible for a matter at a division 属地管理 (the nearest enclosing division's entry). */
export interface Responsibility {
  matter: string
  division_code: string
  matched_division_code: string
  department_id: number
  department_name: string
  street: string | null
  cooperation: string | null
}

/** GET /api/v1/catalog/responsibility (catalog.list.read): 404 when the list names no one. */
export function findResponsible(matter: string, division: string) {
  return http.get<Responsibility>('/api/v1/catalog/responsibility', { matter, division }, { silent: true })
}

// ---- statistics 事项统计 --------------------------------------------------------------------------

export interface CatalogStats {
  totals: { entries: number; base_items: number }
  by_department: { department_id: number; name: string; count: number }[]
  by_level: { level: Level; count: number }[]
  by_power_type: { power_type: PowerType; count: number }[]
  limits: {
    statutory_days_total: number
    committed_days_total: number
    compression_rate: number
    by_department: { name: string; statutory: number; committed: number; compression_rate: number }[]
  }
  visits: { zero: number; one: number; more: number; zero_share: number; at_most_one_share: number }
  online: { share: number; by_depth: { depth: OnlineDepth; count: number }[] }
  changes_by_month: { month: string; created: number; published: number; cancelled: number; delegated: number; withdrawn: number; taken_over?: number }[]
}

/** GET /api/v1/catalog/stats (catalog.stats.read). */
export function getCatalogStats() {
  return http.get<CatalogStats>('/api/v1/catalog/stats')
}
