/**
 * Words and pure helpers of the cases pages, shared by the staff pages and the applicant portal
 * (unit-tested in tests/unit/cases.spec.ts): state and colour labels and tags, days left, what each
 * action's dialog asks for and the body it sends, the progress steps of a case, upload checks.
 */
import type { SearchField, SelectOption, TableColumn } from '@/components/types'
import type { JsonSchema } from '@/components/schema-form/schema'
import { formatDateTime } from '@/utils/format'
import {
  kCaseStates,
  kColours,
  kMaterialTypes,
  kMaxMaterialBytes,
  type ActionBody,
  type CaseAction,
  type CaseDetail,
  type CaseMaterial,
  type CaseQuery,
  type CaseState,
  type CaseStep,
  type CaseSummary,
  type Colour,
  type DeliveryMethod,
  type SupplementItem,
} from '@/api/cases'

type T = (key: string, named?: Record<string, unknown>) => string
type TagType = 'success' | 'warning' | 'info' | 'danger' | 'primary'

// ---- states and colours ------------------------------------------------------------------------

export const stateKey = (s: string) => `cases.state.${s}`
export const actionKey = (a: string) => `cases.action.${a}`
export const colourKey = (c: string) => `cases.colour.${c}`
export const materialStatusKey = (s: string) => `cases.materialStatus.${s}`
export const clockKindKey = (k: string) => `cases.clockKind.${k}`
export const documentKindKey = (k: string) => `cases.documentKind.${k}`
export const deliveryKey = (m: string) => `cases.delivery.${m}`
export const channelKey = (c: string) => `cases.channel.${c}`

export const stateOptions: SelectOption[] = kCaseStates.map((s) => ({ value: s, label: stateKey(s) }))
export const colourOptions: SelectOption[] = kColours.map((c) => ({ value: c, label: colourKey(c) }))

/** Tag colour of a state: waiting on the applicant is a warning, refusals are red, done is green. */
export function stateTagType(state: CaseState | string): TagType {
  switch (state) {
    case 'completed':
    case 'approved':
    case 'issued':
      return 'success'
    case 'supplement_requested':
    case 'refusal_pending':
    case 'suspended':
      return 'warning'
    case 'denied':
    case 'rejected':
    case 'terminated':
      return 'danger'
    case 'submitted':
    case 'in_review':
      return 'primary'
    default:
      return 'info'
  }
}

export function colourTagType(colour: Colour | string | null | undefined): TagType {
  if (colour === 'paused') return 'info'
  if (colour === 'red') return 'danger'
  if (colour === 'yellow') return 'warning'
  if (colour === 'green') return 'success'
  return 'info'
}

/**
 * The colour of a clock with `daysLeft` working days left: red when overdue, yellow at `warnDays`
 * or fewer (the `cases.deadline_yellow_days` parameter, default 3), else green. The server sends
 * the colour; this is for a summary that lacks it.
 */
export function colourOf(daysLeft: number | null | undefined, warnDays = 3): Colour | null {
  if (daysLeft === null || daysLeft === undefined || Number.isNaN(daysLeft)) return null
  if (daysLeft < 0) return 'red'
  if (daysLeft <= warnDays) return 'yellow'
  return 'green'
}

/** "剩余 3 个工作日" / "今日到期" / "逾期 2 个工作日"; '' when there is no running clock. */
export function daysLeftText(daysLeft: number | null | undefined, t: T): string {
  if (daysLeft === null || daysLeft === undefined || Number.isNaN(daysLeft)) return ''
  if (daysLeft > 0) return t('cases.daysLeft', { n: daysLeft })
  if (daysLeft === 0) return t('cases.dueToday')
  return t('cases.overdue', { n: -daysLeft })
}

/** A deadline as its tag shows it: colour, text, and the due date for the tooltip. */
export function deadlineTag(
  d: { days_left: number | null; colour: Colour | null; due_on?: string | null; state?: string } | null | undefined,
  t: T,
): { type: TagType; text: string; colour: Colour | null; due: string } | null {
  // a stopped clock (the case moved on, or is closed) has no days left to show
  if (!d || d.days_left === null || d.days_left === undefined || d.state === 'stopped') return null
  const colour = d.colour ?? colourOf(d.days_left)
  // a suspended clock stands still: say so, with the days it will still have
  const text = colour === 'paused' ? t('cases.paused', { n: d.days_left }) : daysLeftText(d.days_left, t)
  return { type: colourTagType(colour), text, colour, due: d.due_on ?? '' }
}

// ---- actions and their dialogs -----------------------------------------------------------------

/** What a dialog can ask for; each is a body field of the same name (or two, for the materials). */
export type ActionField =
  | 'reason'
  | 'legal_basis'
  | 'opinion'
  | 'note'
  | 'deficiency_materials'
  | 'promised_on'
  | 'supplement_materials'
  | 'reason_code'
  | 'days'
  | 'method'
  | 'tracking_number'

export interface ActionSpec {
  /** The fields the dialog shows, in order; none means a plain confirmation. */
  fields: ActionField[]
  /** Fields that must be filled (tracking_number only when the method is mail). */
  required: ActionField[]
  /** Button colour. */
  tone: 'primary' | 'success' | 'warning' | 'danger' | 'info'
  /** Shown on the staff pages (the applicant's own actions live in the portal). */
  staff: boolean
}

/** The actions table of docs/cases.md as the dialogs need it. */
export const kActionSpecs: Record<CaseAction, ActionSpec> = {
  submit: { fields: [], required: [], tone: 'primary', staff: false },
  accept: { fields: [], required: [], tone: 'success', staff: true },
  'accept-with-deficiency': { fields: ['deficiency_materials', 'promised_on', 'note'], required: ['deficiency_materials', 'promised_on'], tone: 'primary', staff: true },
  'request-supplement': { fields: ['supplement_materials', 'note'], required: ['supplement_materials'], tone: 'warning', staff: true },
  'propose-rejection': { fields: ['reason', 'legal_basis'], required: ['reason', 'legal_basis'], tone: 'danger', staff: true },
  'confirm-rejection': { fields: ['note'], required: [], tone: 'danger', staff: true },
  'overturn-rejection': { fields: ['reason'], required: ['reason'], tone: 'primary', staff: true },
  forward: { fields: ['opinion'], required: [], tone: 'success', staff: true },
  return: { fields: ['reason'], required: ['reason'], tone: 'warning', staff: true },
  suspend: { fields: ['reason_code', 'days', 'note'], required: ['reason_code', 'days'], tone: 'warning', staff: true },
  resume: { fields: ['note'], required: [], tone: 'primary', staff: true },
  'request-extension': { fields: ['reason'], required: ['reason'], tone: 'warning', staff: true },
  'approve-extension': { fields: ['note'], required: [], tone: 'primary', staff: true },
  approve: { fields: ['opinion'], required: [], tone: 'success', staff: true },
  deny: { fields: ['reason', 'legal_basis'], required: ['reason'], tone: 'danger', staff: true },
  issue: { fields: ['method', 'tracking_number'], required: ['method'], tone: 'success', staff: true },
  complete: { fields: [], required: [], tone: 'success', staff: true },
  withdraw: { fields: ['reason'], required: [], tone: 'danger', staff: false },
  terminate: { fields: ['reason'], required: ['reason'], tone: 'danger', staff: true },
}

/** The order buttons appear in: the way forward first, the ways back and out last. */
const kActionOrder: CaseAction[] = [
  'accept',
  'accept-with-deficiency',
  'request-supplement',
  'propose-rejection',
  'confirm-rejection',
  'overturn-rejection',
  'forward',
  'approve',
  'deny',
  'return',
  'suspend',
  'resume',
  'request-extension',
  'approve-extension',
  'issue',
  'complete',
  'submit',
  'withdraw',
  'terminate',
]

/** The staff buttons of a case: its `actions`, known ones only, in a stable order. */
export function staffActions(actions: readonly string[]): CaseAction[] {
  return kActionOrder.filter((a) => kActionSpecs[a].staff && actions.includes(a))
}

/** Values of an action dialog (every field; the body takes those of the action). */
export interface ActionValues {
  reason: string
  legal_basis: string
  opinion: string
  note: string
  deficiency_materials: number[]
  promised_on: string
  supplement_materials: SupplementItem[]
  reason_code: string
  days: number | null
  method: DeliveryMethod | ''
  tracking_number: string
}

export function emptyActionValues(): ActionValues {
  return {
    reason: '',
    legal_basis: '',
    opinion: '',
    note: '',
    deficiency_materials: [],
    promised_on: '',
    supplement_materials: [],
    reason_code: '',
    days: null,
    method: '',
    tracking_number: '',
  }
}

/** Whether a field must be filled, given what else was chosen (mail needs a tracking number). */
export function fieldRequired(action: CaseAction, field: ActionField, v: Pick<ActionValues, 'method'>): boolean {
  if (field === 'tracking_number') return action === 'issue' && v.method === 'mail'
  return kActionSpecs[action].required.includes(field)
}

/** Whether a field is shown (the tracking number only for mail). */
export function fieldShown(action: CaseAction, field: ActionField, v: Pick<ActionValues, 'method'>): boolean {
  if (field === 'tracking_number') return v.method === 'mail'
  return kActionSpecs[action].fields.includes(field)
}

/** The fields left empty that the action needs. */
export function missingFields(action: CaseAction, v: ActionValues): ActionField[] {
  return kActionSpecs[action].fields.filter((f) => {
    if (!fieldShown(action, f, v) || !fieldRequired(action, f, v)) return false
    const x = v[f]
    if (Array.isArray(x)) return x.length === 0
    if (typeof x === 'string') return x.trim() === ''
    return x === null || x === undefined
  })
}

/** The request body of an action: only its own fields, text trimmed, empty optional text left out. */
export function actionBody(action: CaseAction, v: ActionValues, version?: number): ActionBody {
  const body: ActionBody = {}
  if (version !== undefined) body.version = version
  for (const f of kActionSpecs[action].fields) {
    if (!fieldShown(action, f, v)) continue
    switch (f) {
      case 'deficiency_materials':
        body.materials = [...v.deficiency_materials]
        break
      case 'supplement_materials':
        body.materials = v.supplement_materials.map((m) => ({ index: m.index, status: m.status, reason: m.reason.trim() }))
        break
      case 'days':
        if (v.days !== null) body.days = v.days
        break
      case 'method':
        if (v.method) body.method = v.method
        break
      default: {
        const text = v[f].trim()
        if (text || fieldRequired(action, f, v)) body[f] = text
      }
    }
  }
  return body
}

/**
 * What a supplement request lists at first (the clerk edits it): every material marked faulty, with
 * its reason, and every required material the applicant must bring that has no file.
 */
export function supplementDraft(materials: readonly CaseMaterial[]): SupplementItem[] {
  const out: SupplementItem[] = []
  for (const m of materials) {
    if (m.status === 'faulty') out.push({ index: m.index, status: 'faulty', reason: m.reason ?? '' })
    else if (m.required && m.source === 'applicant' && (m.status === 'missing' || m.versions.length === 0))
      out.push({ index: m.index, status: 'missing', reason: '' })
  }
  return out
}

/** Materials that need something from the applicant now (the supplement notice's list). */
export function wantedMaterials(materials: readonly CaseMaterial[]): CaseMaterial[] {
  return materials.filter((m) => m.status === 'faulty' || (m.status === 'missing' && m.required && m.source === 'applicant'))
}

/** Required applicant materials that still have no file (the applicant can't submit without them). */
export function missingUploads(materials: readonly CaseMaterial[]): CaseMaterial[] {
  return materials.filter((m) => m.required && m.source === 'applicant' && m.versions.length === 0)
}

// ---- progress ----------------------------------------------------------------------------------

export interface ProgressStep {
  key: string
  title: string
}
export interface Progress {
  steps: ProgressStep[]
  /** Index of the current step; steps.length when everything is done. */
  active: number
  /** How the current step looks (el-steps' process-status). */
  status: 'wait' | 'process' | 'finish' | 'error' | 'success'
}

/** The kind of each workflow step: leading window steps accept, trailing ones issue, the rest review. */
export function stepKinds(steps: readonly Pick<CaseStep, 'role' | 'kind'>[]): string[] {
  const roles = steps.map((s) => s.role)
  let lead = 0
  while (lead < roles.length && roles[lead] === 'window_clerk') lead++
  let trail = roles.length
  while (trail > lead && roles[trail - 1] === 'window_clerk') trail--
  return steps.map((s, i) => s.kind || (i < lead ? 'acceptance' : i >= trail ? 'issue' : 'review'))
}

/**
 * The lifecycle as the applicant sees it: 提交申请 → the item's workflow steps → 办结, the current
 * one marked. A case that stopped (rejected, denied, withdrawn, terminated) shows where.
 */
export function caseProgress(c: Pick<CaseDetail, 'state' | 'steps' | 'step' | 'events'>, t: T): Progress {
  const kinds = stepKinds(c.steps)
  const steps: ProgressStep[] = [
    { key: 'submit', title: t('cases.progress.submit') },
    ...c.steps.map((s, i) => ({ key: `step-${i}`, title: s.name })),
    { key: 'complete', title: t('cases.progress.complete') },
  ]
  const first = (kind: string) => {
    const i = kinds.indexOf(kind)
    return i < 0 ? -1 : i + 1
  }
  const acceptance = first('acceptance') > 0 ? first('acceptance') : 1
  const issue = first('issue')
  const last = steps.length - 1
  const reviewAt = () => {
    if (c.step) return Math.min(c.step.index + 1, last)
    const r = first('review')
    return r > 0 ? r : acceptance
  }
  const decisionAt = () => {
    const reviews = kinds.map((k, i) => (k === 'review' ? i + 1 : -1)).filter((i) => i > 0)
    return reviews.length ? reviews[reviews.length - 1]! : acceptance
  }
  switch (c.state) {
    case 'draft':
      return { steps, active: 0, status: 'process' }
    case 'submitted':
    case 'refusal_pending':
      return { steps, active: acceptance, status: 'process' }
    case 'supplement_requested':
      return { steps, active: acceptance, status: 'error' }
    case 'rejected':
      return { steps, active: acceptance, status: 'error' }
    case 'in_review':
      return { steps, active: reviewAt(), status: 'process' }
    case 'suspended':
      return { steps, active: reviewAt(), status: 'wait' }
    case 'denied':
      return { steps, active: decisionAt(), status: 'error' }
    case 'approved':
      return { steps, active: issue > 0 ? issue : last, status: 'process' }
    case 'issued':
      return { steps, active: last, status: 'process' }
    case 'completed':
      return { steps, active: steps.length, status: 'success' }
    case 'withdrawn':
    case 'terminated': {
      // where it stopped: the state it left, as the last event says
      const ev = [...c.events].reverse().find((e) => e.to === c.state)
      const from = ev?.from ?? 'draft'
      const named = ev?.step ? c.steps.findIndex((s) => s.name === ev.step) : -1
      let at = 0
      if (named >= 0 && (from === 'in_review' || from === 'suspended')) at = named + 1
      else if (from === 'in_review' || from === 'suspended') at = first('review') > 0 ? first('review') : acceptance
      else if (from === 'approved') at = issue > 0 ? issue : last
      else if (from === 'issued') at = last
      else if (from !== 'draft') at = acceptance
      return { steps, active: at, status: 'error' }
    }
    default:
      return { steps, active: 0, status: 'wait' }
  }
}

// ---- uploads -----------------------------------------------------------------------------------

const kExtensions: Record<string, string> = { pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg' }

/** The type a file's first bytes show (PDF, PNG, JPEG), or null — as the server sniffs it. */
export function sniffType(head: Uint8Array): (typeof kMaterialTypes)[number] | null {
  const b = head
  if (b.length >= 5 && b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46 && b[4] === 0x2d) return 'application/pdf'
  if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x)) return 'image/png'
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg'
  return null
}

export interface UploadProblem {
  key: string
  named?: Record<string, unknown>
}

/**
 * Checks a picked file before it is sent: not empty, at most 10 MiB, a PDF, PNG or JPEG by its type
 * or name. The content is sniffed separately (sniffType) and again by the server.
 */
export function uploadProblem(file: { name: string; size: number; type: string }, maxBytes = kMaxMaterialBytes): UploadProblem | null {
  if (file.size === 0) return { key: 'cases.upload.empty' }
  if (file.size > maxBytes) return { key: 'cases.upload.tooLarge', named: { size: formatSize(file.size), max: formatSize(maxBytes) } }
  const ext = /\.([A-Za-z0-9]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? ''
  const byType = (kMaterialTypes as readonly string[]).includes(file.type)
  if (!byType && !kExtensions[ext]) return { key: 'cases.upload.badType', named: { name: file.name } }
  return null
}

/** 1234 → "1.2 KB"; bytes in binary units with one decimal below 10. */
export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—'
  if (bytes < 1024) return `${bytes} B`
  const units = ['KB', 'MB', 'GB']
  let v = bytes / 1024
  let u = 0
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024
    u++
  }
  return `${v < 10 ? Math.round(v * 10) / 10 : Math.round(v)} ${units[u]}`
}

/**
 * Server field errors of a form save or submit, as pointers into the form data: `/form/a/b` → `/a/b`
 * (the body wraps the form); errors about materials (`/materials/2…`) are left for the material rows.
 */
export function formErrorsOf(errors: readonly { pointer: string; message: string; code?: string }[] | undefined) {
  const form: { pointer: string; message: string }[] = []
  const materials = new Map<number, string>()
  const other: string[] = []
  for (const e of errors ?? []) {
    const p = e.pointer.replace(/^#/, '')
    const mat = /^\/materials\/(\d+)/.exec(p)
    if (mat) {
      if (!materials.has(Number(mat[1]))) materials.set(Number(mat[1]), e.message || e.code || '')
    } else if (p === '/form' || p.startsWith('/form/')) form.push({ pointer: p.slice('/form'.length), message: e.message })
    else if (p === '' || p === '/') other.push(e.message)
    else form.push({ pointer: p, message: e.message })
  }
  return { form, materials, other }
}

// ---- the staff lists ---------------------------------------------------------------------------

export const columns: TableColumn<CaseSummary>[] = [
  { prop: 'number', label: 'cases.number', width: 200, slot: true },
  { prop: 'item', label: 'cases.item', minWidth: 160, tooltip: true, format: (r) => r.item.name },
  { prop: 'applicant', label: 'cases.applicant', minWidth: 100, tooltip: true, format: (r) => r.applicant.name },
  { prop: 'department', label: 'cases.department', minWidth: 120, tooltip: true, format: (r) => r.department.name },
  { prop: 'state', label: 'cases.stateLabel', width: 140, slot: true },
  { prop: 'deadline', label: 'cases.deadline', width: 140, slot: true },
  { prop: 'submitted_at', label: 'cases.submittedAt', width: 140, format: (r) => (r.submitted_at ? formatDateTime(r.submitted_at).slice(0, 16) : '—') },
]

export interface CaseSearch {
  q: string
  state: CaseState | undefined
  colour: Colour | undefined
  department_id: number | undefined
}

export const initialSearch = (): CaseSearch => ({ q: '', state: undefined, colour: undefined, department_id: undefined })

/** The search fields of a view: the department picker only where the list spans departments. */
export function searchFieldsOf(view: CaseQuery['view']): SearchField[] {
  const fields: SearchField[] = [
    { prop: 'q', label: 'cases.keyword', type: 'input' },
    { prop: 'state', label: 'cases.stateLabel', type: 'select', options: stateOptions },
    { prop: 'colour', label: 'cases.colourLabel', type: 'select', options: colourOptions },
  ]
  if (view === 'all') fields.push({ prop: 'department_id', label: 'cases.department', type: 'slot' })
  return fields
}

export const toQuery = (s: CaseSearch): Omit<CaseQuery, 'page' | 'size' | 'sort' | 'view'> => ({
  q: s.q.trim() || undefined,
  state: s.state,
  colour: s.colour,
  department_id: s.department_id,
})

// ---- the window: registering an applicant on the spot ------------------------------------------

/** The username rule of the server (identity): a letter, then letters, digits, `_ . -`; 3–32 long. */
export const kApplicantUsernamePattern = '^[A-Za-z][A-Za-z0-9_.-]{2,31}$'

/**
 * The form a clerk fills in to register an applicant at the window (the body of POST
 * /cases/applicants), as a JSON Schema so SchemaForm draws and checks it like any other form: ID
 * numbers, credit codes and phone numbers by the same rules as the server; a legal person also
 * needs its credit code. The password may be left out: the server makes one and shows it once.
 */
export function registrationSchema(t: T): JsonSchema {
  return {
    type: 'object',
    properties: {
      kind: {
        type: 'string',
        title: t('cases.reg.kind'),
        enum: ['natural', 'legal'],
        enumNames: [t('cases.reg.natural'), t('cases.reg.legal')],
        default: 'natural',
      },
      name: { type: 'string', title: t('cases.reg.name'), description: t('cases.reg.nameHint'), minLength: 1, maxLength: 100 },
      id_number: { type: 'string', title: t('cases.reg.idNumber'), format: 'citizen-id' },
      phone: { type: 'string', title: t('cases.reg.phone'), format: 'phone-cn' },
      username: { type: 'string', title: t('cases.reg.username'), description: t('cases.reg.usernameHint'), pattern: kApplicantUsernamePattern },
      password: { type: 'string', title: t('cases.reg.password'), description: t('cases.reg.passwordHint'), minLength: 8, maxLength: 128 },
    },
    required: ['kind', 'name', 'id_number', 'phone', 'username'],
    if: { properties: { kind: { const: 'legal' } }, required: ['kind'] },
    then: {
      properties: { credit_code: { type: 'string', title: t('cases.reg.creditCode'), format: 'credit-code' } },
      required: ['credit_code'],
    },
    'ui:order': ['kind', 'name', 'credit_code', 'id_number', 'phone', 'username', 'password'],
  }
}
