/**
 * Cases 办件 (module `cases`, issue 6): applying, the window's acceptance, the department's review,
 * clocks, notices as documents and their public verification. One typed function per endpoint of
 * docs/cases.md; the permission each route declares is named beside it.
 */
import { http, request, sendFile, type RequestOptions, type UploadProgress } from '@/utils/request'
import type { JsonSchema } from '@/components/schema-form/schema'
import type { Page, PageQuery } from './types'
import type { Applicant } from './system'

// ---- words -------------------------------------------------------------------------------------

export const kCaseStates = [
  'draft',
  'submitted',
  'supplement_requested',
  'refusal_pending',
  'in_review',
  'suspended',
  'approved',
  'denied',
  'rejected',
  'issued',
  'completed',
  'withdrawn',
  'terminated',
] as const
export type CaseState = (typeof kCaseStates)[number]

/** States a case can still move out of (docs/cases.md "open?"). */
export const kOpenStates: readonly CaseState[] = [
  'draft',
  'submitted',
  'supplement_requested',
  'refusal_pending',
  'in_review',
  'suspended',
  'approved',
  'issued',
]

/** Every action, as its URL segment (`POST /cases/{id}/{action}`). */
export const kCaseActions = [
  'submit',
  'accept',
  'accept-with-deficiency',
  'request-supplement',
  'propose-rejection',
  'confirm-rejection',
  'overturn-rejection',
  'forward',
  'return',
  'suspend',
  'resume',
  'request-extension',
  'approve-extension',
  'approve',
  'deny',
  'issue',
  'complete',
  'withdraw',
  'terminate',
] as const
export type CaseAction = (typeof kCaseActions)[number]

export type Colour = 'green' | 'yellow' | 'red'
export const kColours: readonly Colour[] = ['green', 'yellow', 'red']

export type Channel = 'online' | 'window' | string
export type MaterialStatus = 'missing' | 'submitted' | 'ok' | 'faulty'
export type ClockKind = 'acceptance' | 'decision' | 'delivery' | 'deficiency' | string
export type ClockState = 'running' | 'suspended' | 'stopped'
export type DeliveryMethod = 'pickup' | 'mail' | 'electronic'
export const kDeliveryMethods: readonly DeliveryMethod[] = ['pickup', 'mail', 'electronic']
export type DocumentKind = 'acceptance_notice' | 'supplement_notice' | 'rejection_notice' | 'decision' | string
export type StepKind = 'acceptance' | 'review' | 'issue' | string

/** Statutory reasons a clock may stop for (行政许可法 art. 45); an item may list its own too. */
export const kSuspendReasons = ['hearing', 'tender', 'auction', 'inspection', 'testing', 'quarantine', 'expert_review'] as const

/** Largest file a material takes (docs/cases.md: at most 10 MiB). */
export const kMaxMaterialBytes = 10 * 1024 * 1024
/** What a material may be (sniffed by the server; checked here first for a quick answer). */
export const kMaterialTypes = ['application/pdf', 'image/png', 'image/jpeg'] as const

// ---- shapes ------------------------------------------------------------------------------------

export interface Deadline {
  due_on: string | null
  days_left: number | null
  colour: Colour | null
}

/** One row of a case list. */
export interface CaseSummary {
  id: number
  number: string
  state: CaseState
  state_zh?: string
  state_en?: string
  channel: Channel
  item_code: string
  item_name: string
  department_id: number | null
  department_name: string
  hall_id?: number | null
  hall_name?: string | null
  applicant_name: string
  step_name?: string | null
  deadline: Deadline | null
  created_at: string
  submitted_at: string | null
  updated_at?: string | null
}

export interface MaterialVersion {
  version: number
  file_name: string
  media_type: string
  size: number
  sha256: string
  uploaded_at: string
  uploaded_by: string
}

export interface CaseMaterial {
  index: number
  name: string
  required: boolean
  source: 'applicant' | 'licence' | 'shared' | string
  status: MaterialStatus
  reason: string
  deficiency: boolean
  versions: MaterialVersion[]
  note?: string
}

export interface Clock {
  id: number
  kind: ClockKind
  started_on: string
  limit_days: number
  due_on: string
  statutory_limit_days: number | null
  statutory_due_on: string | null
  state: ClockState
  suspended_days: number
  extended_days: number
  days_left: number | null
  colour: Colour | null
}

export interface CaseStep {
  index: number
  name: string
  role: string
  kind: StepKind
}

export interface CaseDocument {
  id: number
  kind: DocumentKind
  title: string
  code: string
  issued_at: string
}

export interface CaseEvent {
  at: string
  action: string
  from: CaseState | null
  to: CaseState | null
  actor: string
  on_behalf_of: string | null
  step: string | null
  reason: string
  detail: Record<string, unknown> | null
}

export interface CaseDetail {
  id: number
  number: string
  parent_id: number | null
  state: CaseState
  state_zh: string
  state_en: string
  version: number
  channel: Channel
  item: { code: string; name: string; version_no: number; immediate: boolean }
  department: { id: number; name: string } | null
  hall: { id: number; name: string } | null
  applicant: { id: number; name: string; kind: 'natural' | 'legal' | string; id_number_masked: string } | null
  helper: { id: number; name: string } | null
  form: Record<string, unknown>
  form_schema: JsonSchema
  step: { index: number; name: string; role: string; is_decision: boolean } | null
  steps: CaseStep[]
  materials: CaseMaterial[]
  clocks: Clock[]
  deadline: Deadline | null
  deficiency: { materials: number[]; promised_on: string } | null
  pending_refusal: { reason: string; legal_basis: string; proposed_by: string } | null
  extension: { requested: boolean; approved: boolean; reason: string } | null
  suspension: { reason_code: string; from: string; days: number } | null
  delivery: { method: DeliveryMethod; tracking_number: string | null } | null
  decision: { result: 'approved' | 'denied' | string; reason: string; at: string } | null
  documents: CaseDocument[]
  events: CaseEvent[]
  actions: CaseAction[]
  created_at: string
  submitted_at: string | null
  accepted_at: string | null
  decided_at: string | null
}

export type CaseView = 'mine' | 'queue' | 'inbox' | 'all'

export interface CaseQuery extends PageQuery {
  view: CaseView
  state?: CaseState
  colour?: Colour
  q?: string
  department_id?: number
}

// ---- bodies of the actions ---------------------------------------------------------------------

export interface SupplementItem {
  index: number
  status: 'missing' | 'faulty'
  reason: string
}

/** Every field any action's body may carry (docs/cases.md, the actions table). */
export interface ActionBody {
  version?: number
  reason?: string
  legal_basis?: string
  note?: string
  opinion?: string
  materials?: number[] | SupplementItem[]
  promised_on?: string
  reason_code?: string
  days?: number
  method?: DeliveryMethod
  tracking_number?: string
}

// ---- cases -------------------------------------------------------------------------------------

/** POST /api/v1/cases (cases.case.apply): a draft; `applicant_id` when a clerk or helper applies. */
export function createCase(body: { item_code: string; form: Record<string, unknown>; applicant_id?: number }, opts?: Pick<RequestOptions, 'silent'>) {
  return http.post<CaseDetail>('/api/v1/cases', body, opts)
}
/** GET /api/v1/cases (cases.case.read): one of the four views. */
export function listCases(query: CaseQuery) {
  return http.get<Page<CaseSummary>>('/api/v1/cases', query)
}
/** GET /api/v1/cases/{id} (cases.case.read), with the caller's `actions`. */
export function getCase(id: number, opts?: Pick<RequestOptions, 'silent'>) {
  return http.get<CaseDetail>(`/api/v1/cases/${id}`, undefined, opts)
}
/** PUT /api/v1/cases/{id}/form (cases.case.apply), while draft or supplement_requested. */
export function updateCaseForm(id: number, form: Record<string, unknown>, version?: number, opts?: Pick<RequestOptions, 'silent'>) {
  return http.put<CaseDetail>(`/api/v1/cases/${id}/form`, { form, version }, opts)
}
/** POST /api/v1/cases/{id}/{action}: a transition. 409 cases.illegal_transition / cases.stale. */
export function caseAction(id: number, action: CaseAction, body: ActionBody = {}, opts?: Pick<RequestOptions, 'silent'>) {
  return http.post<CaseDetail>(`/api/v1/cases/${id}/${action}`, body, opts)
}

// ---- materials ---------------------------------------------------------------------------------

/** The URL a material's file is uploaded to (raw body) and read from. */
export function materialFileUrl(caseId: number, index: number): string {
  return `/api/v1/cases/${caseId}/materials/${index}/file`
}
/**
 * PUT …/materials/{index}/file?name=FILENAME with the file as the raw body (PDF, PNG or JPEG, sniffed
 * by the server; at most 10 MiB) → the material with its new version. Reports progress.
 */
export function uploadMaterial(
  caseId: number,
  index: number,
  file: File,
  opts: { onProgress?: (p: UploadProgress) => void; signal?: AbortSignal; silent?: boolean } = {},
) {
  return sendFile<CaseMaterial>(materialFileUrl(caseId, index), file, { ...opts, params: { name: file.name }, type: file.type || 'application/octet-stream' })
}
/** GET …/materials/{index}/file?version=N: the bytes, as a download. */
export function downloadMaterial(caseId: number, index: number, version?: number) {
  return http.download(materialFileUrl(caseId, index), { version })
}
/** POST …/materials/{index}/check (clerk, reviewer): ok, or faulty with a reason. */
export function checkMaterial(caseId: number, index: number, body: { status: 'ok' | 'faulty'; reason?: string }) {
  return http.post<CaseMaterial>(`/api/v1/cases/${caseId}/materials/${index}/check`, body)
}

// ---- documents ---------------------------------------------------------------------------------

/** The URL of a notice's PDF (a plain link downloads it with the session cookie). */
export function documentPdfUrl(caseId: number, docId: number): string {
  return `/api/v1/cases/${caseId}/documents/${docId}/pdf`
}
/** GET …/documents/{doc_id}/pdf. */
export function downloadDocument(caseId: number, docId: number) {
  return http.download(documentPdfUrl(caseId, docId))
}

// ---- clocks ------------------------------------------------------------------------------------

export interface DeadlineRow {
  department_id: number
  department_name: string
  open: number
  yellow: number
  red: number
  lapses: number
}
export interface DeadlineStats {
  by_department: DeadlineRow[]
  totals: { open: number; yellow: number; red: number; lapses: number }
}
export interface ScanResult {
  accepted_by_lapse: number
  terminated: number
  resumed: number
  warned: number
  overdue: number
}

/** GET /api/v1/cases/deadline-stats. */
export function getDeadlineStats() {
  return http.get<DeadlineStats>('/api/v1/cases/deadline-stats')
}
/** POST /api/v1/cases/deadline-scan: runs the daily job now. */
export function runDeadlineScan() {
  return http.post<ScanResult>('/api/v1/cases/deadline-scan', {})
}

// ---- one window: applicants and helpers --------------------------------------------------------

export interface ApplicantRegistration {
  username: string
  password?: string
  kind: 'natural' | 'legal'
  name: string
  id_number: string
  credit_code?: string
  phone: string
}
/** The applicant as registered (api/system Applicant), with the password when the server made one (shown once). */
export type RegisteredApplicant = Applicant & { password?: string }
/** POST /api/v1/cases/applicants (clerk): registers an applicant on the spot. */
export function registerApplicantAtWindow(body: ApplicantRegistration) {
  return http.post<RegisteredApplicant>('/api/v1/cases/applicants', body)
}

export interface Assistant {
  id: number
  helper_username: string
  helper_name?: string
  expires_on: string
  scope_note: string
  created_at?: string
}
/** GET /api/v1/cases/assistants: whom the applicant has authorised 帮办代办. */
export function listAssistants() {
  return http.get<{ items: Assistant[] }>('/api/v1/cases/assistants')
}
/** POST /api/v1/cases/assistants: records the applicant's consent. */
export function addAssistant(body: { helper_username: string; expires_on: string; scope_note: string }) {
  return http.post<Assistant>('/api/v1/cases/assistants', body)
}
/** DELETE /api/v1/cases/assistants/{id}. */
export function removeAssistant(id: number) {
  return http.del<void>(`/api/v1/cases/assistants/${id}`)
}

// ---- public verification (no login) ------------------------------------------------------------

/** What a document says, as the public verification page shows it. */
export interface PublicDocument {
  code: string
  kind: DocumentKind
  title: string
  issued_at: string
  case_number?: string
  item_name?: string
  department_name?: string
  applicant_name?: string
  sha256?: string
  summary?: string
  [extra: string]: unknown
}

const quiet = { skipAuthRedirect: true, silent: true }

/** GET /api/v1/public/documents/{code}; 404 when no document has that code. */
export function getPublicDocument(code: string) {
  return http.get<PublicDocument>(`/api/v1/public/documents/${encodeURIComponent(code)}`, undefined, quiet)
}
/** POST /api/v1/public/documents/{code}/check with the PDF as the raw body → genuine or not. */
export function checkPublicDocument(code: string, file: Blob) {
  return request<{ genuine: boolean; [extra: string]: unknown }>('POST', `/api/v1/public/documents/${encodeURIComponent(code)}/check`, {
    ...quiet,
    raw: { body: file, type: 'application/pdf' },
  })
}
