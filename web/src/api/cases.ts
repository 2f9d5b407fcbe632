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

/** A running clock's colour; `paused` while the case is suspended (the clock stands still). */
export type Colour = 'green' | 'yellow' | 'red' | 'paused'
/** The colours a list can be filtered by. */
export const kColours: readonly Colour[] = ['green', 'yellow', 'red']

export type Channel = 'online' | 'window' | string
export type MaterialStatus = 'missing' | 'submitted' | 'ok' | 'faulty'
export type ClockKind = 'acceptance' | 'decision' | 'delivery' | 'deficiency' | string
export type ClockState = 'running' | 'suspended' | 'stopped'
export type DeliveryMethod = 'pickup' | 'mail' | 'electronic'
export const kDeliveryMethods: readonly DeliveryMethod[] = ['pickup', 'mail', 'electronic']
export type DocumentKind =
  | 'acceptance_notice'
  | 'deficiency_notice'
  | 'supplement_notice'
  | 'rejection_notice'
  | 'decision_approved'
  | 'decision_denied'
  | 'suspension_notice'
  | 'extension_notice'
  | 'termination_notice'
  | string
export const kDocumentKinds = [
  'acceptance_notice',
  'deficiency_notice',
  'supplement_notice',
  'rejection_notice',
  'decision_approved',
  'decision_denied',
  'suspension_notice',
  'extension_notice',
  'termination_notice',
] as const
export type StepKind = 'acceptance' | 'review' | 'issue' | string

/** Statutory reasons a clock may stop for (行政许可法 art. 45); an item may list its own too. */
export const kSuspendReasons = ['hearing', 'tender', 'auction', 'inspection', 'testing', 'quarantine', 'expert_review'] as const

/** Largest file a material takes (docs/cases.md: at most 10 MiB). */
export const kMaxMaterialBytes = 10 * 1024 * 1024
/** What a material may be (sniffed by the server; checked here first for a quick answer). */
export const kMaterialTypes = ['application/pdf', 'image/png', 'image/jpeg'] as const

// ---- shapes ------------------------------------------------------------------------------------

/**
 * A case's deadline: the clock running now (or the last one stopped), as the lists and the detail
 * send it. `days_left` counts working days; `colour` follows `cases.warn_days`.
 */
export interface Deadline {
  due_on: string | null
  days_left: number | null
  colour: Colour | null
  kind?: ClockKind
  state?: ClockState
}

/** One row of a case list. */
export interface CaseSummary {
  id: number
  number: string
  parent_id: number | null
  version: number
  state: CaseState
  state_zh: string
  state_en: string
  channel: Channel
  item: { code: string; name: string; version_no: number }
  department: { id: number; name: string }
  applicant: { id: number; name: string }
  /** The role the step in hand names ('' outside review). */
  step_role: string
  deadline: Clock | null
  created_at: string
  submitted_at: string | null
  updated_at: string
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
  parent_id: number | null
  started_on: string
  limit_days: number
  due_on: string
  statutory_limit_days: number | null
  statutory_due_on: string | null
  state: ClockState
  suspended_days: number
  extended_days: number
  stopped_on: string | null
  overdue: boolean
  days_left: number | null
  colour: Colour | null
}

export interface CaseStep {
  index: number
  name: string
  role: string
  days?: number
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
  item: { code: string; name: string; version_no: number; immediate: boolean; committed_limit_days?: number; statutory_limit_days?: number }
  department: { id: number; name: string } | null
  hall: { id: number; name: string } | null
  applicant: { id: number; name: string; kind: 'natural' | 'legal' | string; id_number_masked: string; credit_code?: string | null } | null
  helper: { id: number; name: string } | null
  form: Record<string, unknown>
  form_schema: JsonSchema
  step: { index: number; name: string; role: string; is_decision: boolean; kind?: StepKind } | null
  steps: CaseStep[]
  /** Reasons this item allows a suspension for, beside the statutory ones. */
  suspension_reasons?: string[]
  materials: CaseMaterial[]
  clocks: Clock[]
  deadline: Deadline | null
  deficiency: { materials: number[]; promised_on: string; note?: string } | null
  pending_refusal: { reason: string; legal_basis: string; proposed_by: string; proposed_at?: string } | null
  /** An extension asked for (approved or not); null when none was asked. */
  extension: { reason: string; approved: boolean; requested_by?: string; requested_at?: string; approved_by?: string; due_on?: string } | null
  suspension: { reason_code: string; reason?: string; from: string; days: number; note?: string } | null
  delivery: { method: DeliveryMethod; tracking_number: string | null; by?: string; at?: string } | null
  decision: { result: 'approved' | 'denied' | string; reason?: string; opinion?: string; legal_basis?: string; by?: string; at: string } | null
  documents: CaseDocument[]
  events: CaseEvent[]
  actions: CaseAction[]
  created_at: string
  submitted_at: string | null
  accepted_at: string | null
  decided_at: string | null
  closed_at?: string | null
}

export type CaseView = 'mine' | 'queue' | 'inbox' | 'all'

export interface CaseQuery extends PageQuery {
  view: CaseView
  /** One state, or several joined by commas. */
  state?: CaseState | string
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

/**
 * POST /api/v1/cases (cases.case.apply): a draft; `applicant_id` when a clerk or helper applies;
 * `submit: true` submits it at once.
 */
export function createCase(body: { item_code: string; form: Record<string, unknown>; applicant_id?: number; submit?: boolean }, opts?: Pick<RequestOptions, 'silent'>) {
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
/** PUT /api/v1/cases/{id}/form (cases.case.apply), while draft or supplement_requested → the detail. */
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
 * PUT …/materials/{index}/file?name=FILENAME (cases.material.upload) with the file as the raw body (PDF, PNG or JPEG, sniffed
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
/** POST …/materials/{index}/check (cases.material.check): ok, or faulty with a reason. */
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
  /** The server's today (Shanghai) and its warning days. */
  today?: string
  warn_days?: number
}
export interface ScanResult {
  accepted_by_lapse: number
  terminated: number
  resumed: number
  warned: number
  overdue: number
}

/** GET /api/v1/cases/deadline-stats (cases.deadline.read). */
export function getDeadlineStats() {
  return http.get<DeadlineStats>('/api/v1/cases/deadline-stats')
}
/** POST /api/v1/cases/deadline-scan (system.job.edit): runs the daily job now. */
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
/** The applicant as registered, verified on the spot; `initial_password` when the server made one (shown once). */
export type RegisteredApplicant = Pick<Applicant, 'id' | 'user_id' | 'username' | 'name' | 'kind' | 'verified' | 'id_number_masked'> & {
  initial_password?: string
}
/** POST /api/v1/cases/applicants (identity.applicant.verify): a clerk registers and verifies an applicant on the spot. */
export function registerApplicantAtWindow(body: ApplicantRegistration) {
  return http.post<RegisteredApplicant>('/api/v1/cases/applicants', body)
}

export interface Assistant {
  id: number
  applicant_id: number
  applicant_name: string
  helper_user_id: number
  helper_name: string
  note: string
  granted_at: string
  expires_on: string
  revoked_at: string | null
}
/** GET /api/v1/cases/assistants (cases.assistant.manage): whom the applicant has authorised 帮办代办. */
export function listAssistants() {
  return http.get<{ items: Assistant[] }>('/api/v1/cases/assistants')
}
/** POST /api/v1/cases/assistants: records the applicant's consent. */
export function addAssistant(body: { helper_username: string; expires_on: string; note: string }, opts?: { silent?: boolean }) {
  return http.post<Assistant>('/api/v1/cases/assistants', body, opts)
}
/** DELETE /api/v1/cases/assistants/{id}. */
export function removeAssistant(id: number) {
  return http.del<void>(`/api/v1/cases/assistants/${id}`)
}

// ---- public verification (no login) ------------------------------------------------------------

/** What a document says, as the public verification page shows it (a person's name masked). */
export interface PublicDocument {
  code: string
  kind: DocumentKind
  title: string
  /** The document's own number (文号). */
  number: string
  case_number: string
  item_name: string
  department: string
  applicant: string
  issued_at: string
  paragraphs: string[]
  list_items: string[]
  content_sha256: string
  pdf_sha256: string | null
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
