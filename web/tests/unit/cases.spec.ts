import { afterEach, describe, expect, it, vi } from 'vitest'
import zhCN from '@/locales/zh-CN'
import en from '@/locales/en'
import { i18n, setLocale } from '@/locales'
import { kCaseActions, kCaseStates, kColours, kDeliveryMethods, kDocumentKinds, kMaxMaterialBytes, type CaseDetail, type CaseMaterial } from '@/api/cases'
import {
  actionBody,
  actionKey,
  caseProgress,
  channelKey,
  clockKindKey,
  colourKey,
  colourOf,
  colourTagType,
  daysLeftText,
  deadlineTag,
  deliveryKey,
  documentKindKey,
  emptyActionValues,
  fieldRequired,
  fieldShown,
  formErrorsOf,
  formatSize,
  kActionSpecs,
  materialStatusKey,
  missingFields,
  missingUploads,
  registrationSchema,
  sniffType,
  staffActions,
  stateKey,
  stateTagType,
  stepKinds,
  supplementDraft,
  uploadProblem,
  wantedMaterials,
  type ActionValues,
} from '@/views/cases/data'
import { deadlineOption, onTime, worstFirst } from '@/views/cases/supervision/data'
import { validateForm } from '@/components/schema-form/validate'
import { ApiError, sendFile, configureRequest } from '@/utils/request'

const lookup = (tree: unknown, key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], tree)
const t = (key: string, named?: Record<string, unknown>) => (named ? i18n.global.t(key, named) : i18n.global.t(key))

afterEach(() => setLocale('zh-CN'))

describe('case words', () => {
  it('every state, action, colour and kind the API can send has a label in both languages', () => {
    const keys = [
      ...kCaseStates.map(stateKey),
      ...kCaseActions.map(actionKey),
      // history entries that are not transitions
      ...['create', 'edit_form', 'upload_material', 'check_material', 'accept_by_lapse'].map(actionKey),
      ...[...kColours, 'paused'].map(colourKey),
      ...['missing', 'submitted', 'ok', 'faulty'].map(materialStatusKey),
      ...['acceptance', 'decision', 'delivery', 'deficiency'].map(clockKindKey),
      ...kDocumentKinds.map(documentKindKey),
      ...kDeliveryMethods.map(deliveryKey),
      ...['online', 'window'].map(channelKey),
      ...['running', 'suspended', 'stopped'].map((s) => `cases.clockState.${s}`),
      ...Object.values(kActionSpecs).flatMap((s) => s.fields.map((f) => `cases.field.${f}`)),
    ]
    for (const k of keys) {
      expect(typeof lookup(zhCN, k), k).toBe('string')
      expect(typeof lookup(en, k), k).toBe('string')
    }
  })

  it('resolves keys with hyphens (the action URL segments) through vue-i18n', () => {
    expect(t(actionKey('accept-with-deficiency'))).toBe('容缺受理')
    expect(t(actionKey('request-supplement'))).toBe('一次性告知补正')
    setLocale('en')
    expect(t(actionKey('overturn-rejection'))).toBe('Overturn the refusal')
  })

  it('colours states: the applicant’s turn is a warning, refusals red, results green', () => {
    expect(stateTagType('supplement_requested')).toBe('warning')
    expect(stateTagType('rejected')).toBe('danger')
    expect(stateTagType('completed')).toBe('success')
    expect(stateTagType('in_review')).toBe('primary')
    expect(stateTagType('draft')).toBe('info')
  })
})

describe('deadlines', () => {
  it('turns yellow at the warning days and red when overdue', () => {
    expect(colourOf(5)).toBe('green')
    expect(colourOf(4)).toBe('green')
    expect(colourOf(3)).toBe('yellow')
    expect(colourOf(2)).toBe('yellow')
    expect(colourOf(0)).toBe('yellow')
    expect(colourOf(-1)).toBe('red')
    expect(colourOf(3, 2)).toBe('green')
    expect(colourOf(null)).toBeNull()
  })

  it('says the working days left, due today, or overdue', () => {
    expect(daysLeftText(3, t)).toBe('剩余 3 个工作日')
    expect(daysLeftText(0, t)).toBe('今日到期')
    expect(daysLeftText(-2, t)).toBe('逾期 2 个工作日')
    expect(daysLeftText(null, t)).toBe('')
    setLocale('en')
    expect(daysLeftText(1, t)).toBe('Working days left: 1')
    expect(daysLeftText(-4, t)).toBe('Overdue by 4 working days')
  })

  it('maps colours to tag types, trusting the server’s colour over its own', () => {
    expect(colourTagType('green')).toBe('success')
    expect(colourTagType('yellow')).toBe('warning')
    expect(colourTagType('red')).toBe('danger')
    expect(colourTagType(null)).toBe('info')
    // the server says yellow with 3 days left (its warn_days is 3): yellow it is
    expect(deadlineTag({ days_left: 3, colour: 'yellow', due_on: '2026-10-12' }, t)).toEqual({ type: 'warning', text: '剩余 3 个工作日', colour: 'yellow', due: '2026-10-12' })
    // no colour sent: computed
    expect(deadlineTag({ days_left: -1, colour: null }, t)?.type).toBe('danger')
    expect(deadlineTag(null, t)).toBeNull()
    // a suspended case's clock is paused, not counting down
    expect(deadlineTag({ days_left: 4, colour: 'paused', due_on: '2026-12-01' }, t)).toMatchObject({ type: 'info', text: '已中止计时（余 4 个工作日）' })
    expect(deadlineTag({ days_left: null, colour: null }, t)).toBeNull()
  })
})

describe('action dialogs', () => {
  const values = (patch: Partial<ActionValues> = {}): ActionValues => ({ ...emptyActionValues(), ...patch })

  it('asks each action for what its body needs', () => {
    expect(kActionSpecs.accept.fields).toEqual([])
    expect(kActionSpecs['request-supplement'].fields).toEqual(['supplement_materials', 'note'])
    expect(kActionSpecs['propose-rejection'].required).toEqual(['reason', 'legal_basis'])
    expect(kActionSpecs.deny.required).toEqual(['reason'])
    expect(kActionSpecs.return.required).toEqual(['reason'])
    expect(kActionSpecs.terminate.required).toEqual(['reason'])
    expect(kActionSpecs['overturn-rejection'].required).toEqual(['reason'])
    expect(kActionSpecs.suspend.fields).toEqual(['reason_code', 'days', 'note'])
    // every action of the contract has a dialog
    expect(Object.keys(kActionSpecs).sort()).toEqual([...kCaseActions].sort())
  })

  it('shows buttons only for the actions the server allows, staff ones only, in a stable order', () => {
    expect(staffActions(['return', 'forward', 'suspend', 'request-extension', 'withdraw', 'nonsense'])).toEqual(['forward', 'return', 'suspend', 'request-extension'])
    expect(staffActions(['request-supplement', 'accept', 'propose-rejection', 'accept-with-deficiency'])).toEqual([
      'accept',
      'accept-with-deficiency',
      'request-supplement',
      'propose-rejection',
    ])
    expect(staffActions([])).toEqual([])
  })

  it('wants a tracking number only when the result goes by mail', () => {
    expect(fieldShown('issue', 'tracking_number', { method: 'electronic' })).toBe(false)
    expect(fieldShown('issue', 'tracking_number', { method: 'mail' })).toBe(true)
    expect(fieldRequired('issue', 'tracking_number', { method: 'mail' })).toBe(true)
    expect(missingFields('issue', values({ method: 'mail' }))).toEqual(['tracking_number'])
    expect(missingFields('issue', values({ method: 'pickup' }))).toEqual([])
    expect(actionBody('issue', values({ method: 'electronic', tracking_number: 'SF1' }), 4)).toEqual({ version: 4, method: 'electronic' })
    expect(actionBody('issue', values({ method: 'mail', tracking_number: ' SF123 ' }))).toEqual({ method: 'mail', tracking_number: 'SF123' })
  })

  it('refuses a decision without its reason, and a refusal without its legal basis', () => {
    expect(missingFields('deny', values())).toEqual(['reason'])
    expect(missingFields('deny', values({ reason: '  ' }))).toEqual(['reason'])
    expect(missingFields('propose-rejection', values({ reason: '材料虚假' }))).toEqual(['legal_basis'])
    expect(missingFields('approve', values())).toEqual([])
    expect(missingFields('request-supplement', values())).toEqual(['supplement_materials'])
    expect(missingFields('suspend', values({ reason_code: 'expert_review' }))).toEqual(['days'])
  })

  it('sends only the action’s own fields, trimmed, optional empty text left out', () => {
    const v = values({ reason: ' 不符合条件 ', legal_basis: '', opinion: '同意', note: 'x' })
    expect(actionBody('deny', v, 7)).toEqual({ version: 7, reason: '不符合条件' })
    expect(actionBody('forward', v)).toEqual({ opinion: '同意' })
    expect(actionBody('accept', v, 3)).toEqual({ version: 3 })
    expect(actionBody('suspend', values({ reason_code: 'testing', days: 5 }))).toEqual({ reason_code: 'testing', days: 5 })
    expect(actionBody('accept-with-deficiency', values({ deficiency_materials: [2], promised_on: '2026-11-27', note: '' }))).toEqual({
      materials: [2],
      promised_on: '2026-11-27',
    })
    expect(
      actionBody('request-supplement', values({ supplement_materials: [{ index: 0, status: 'faulty', reason: ' 缺盖章 ' }], note: '请一次补齐' })),
    ).toEqual({ materials: [{ index: 0, status: 'faulty', reason: '缺盖章' }], note: '请一次补齐' })
  })
})

const mat = (index: number, patch: Partial<CaseMaterial> = {}): CaseMaterial => ({
  index,
  name: `材料${index + 1}`,
  required: true,
  source: 'applicant',
  status: 'submitted',
  reason: '',
  deficiency: false,
  versions: [{ version: 1, file_name: 'a.pdf', media_type: 'application/pdf', size: 10, sha256: '', uploaded_at: '', uploaded_by: '' }],
  ...patch,
})

describe('materials', () => {
  it('drafts the one-time notice from the checklist: every faulty material with its reason, every required one missing', () => {
    const list = [
      mat(0, { status: 'faulty', reason: '缺少盖章页' }),
      mat(1, { source: 'licence', versions: [], status: 'missing' }),
      mat(2, { versions: [], status: 'missing' }),
      mat(3, { required: false, versions: [], status: 'missing' }),
      mat(4, { status: 'ok' }),
    ]
    expect(supplementDraft(list)).toEqual([
      { index: 0, status: 'faulty', reason: '缺少盖章页' },
      { index: 2, status: 'missing', reason: '' },
    ])
    expect(wantedMaterials(list).map((m) => m.index)).toEqual([0, 2])
    expect(missingUploads(list).map((m) => m.index)).toEqual([2])
  })
})

describe('uploads', () => {
  const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37])
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  const jpg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46])

  it('sniffs PDF, PNG and JPEG by their first bytes, whatever the name says', () => {
    expect(sniffType(pdf)).toBe('application/pdf')
    expect(sniffType(png)).toBe('image/png')
    expect(sniffType(jpg)).toBe('image/jpeg')
    expect(sniffType(new TextEncoder().encode('<html>'))).toBeNull()
    expect(sniffType(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toBeNull() // a .docx (zip)
    expect(sniffType(new Uint8Array([0x25, 0x50]))).toBeNull()
  })

  it('refuses an empty file, one over 10 MiB, and one that is neither PDF, PNG nor JPEG', () => {
    expect(uploadProblem({ name: 'a.pdf', size: 1000, type: 'application/pdf' })).toBeNull()
    expect(uploadProblem({ name: 'scan.JPG', size: 1000, type: '' })).toBeNull()
    expect(uploadProblem({ name: 'a.pdf', size: 0, type: 'application/pdf' })?.key).toBe('cases.upload.empty')
    expect(uploadProblem({ name: 'a.pdf', size: kMaxMaterialBytes, type: 'application/pdf' })).toBeNull()
    const big = uploadProblem({ name: 'a.pdf', size: kMaxMaterialBytes + 1, type: 'application/pdf' })
    expect(big?.key).toBe('cases.upload.tooLarge')
    expect(t(big!.key, big!.named)).toBe('文件太大（10 MB），不能超过 10 MB')
    expect(uploadProblem({ name: 'a.docx', size: 10, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' })?.key).toBe('cases.upload.badType')
    expect(uploadProblem({ name: 'noext', size: 10, type: '' })?.key).toBe('cases.upload.badType')
  })

  it('writes sizes in binary units', () => {
    expect(formatSize(512)).toBe('512 B')
    expect(formatSize(1536)).toBe('1.5 KB')
    expect(formatSize(250 * 1024)).toBe('250 KB')
    expect(formatSize(12 * 1024 * 1024 + 1)).toBe('12 MB')
    expect(formatSize(-1)).toBe('—')
  })

  it('sends the file as the raw body with the CSRF token and reports progress; a 413 becomes an ApiError', async () => {
    const sent: { method: string; url: string; headers: Record<string, string>; body: unknown }[] = []
    class FakeXhr {
      status = 0
      responseText = ''
      upload: { onprogress: ((e: { loaded: number; total: number; lengthComputable: boolean }) => void) | null } = { onprogress: null }
      onload: (() => void) | null = null
      onerror: (() => void) | null = null
      onabort: (() => void) | null = null
      private h: Record<string, string> = {}
      private m = ''
      private u = ''
      private contentType = 'application/json'
      static reply: { status: number; body: unknown; type?: string } = { status: 200, body: {} }
      open(m: string, u: string) {
        this.m = m
        this.u = u
      }
      setRequestHeader(k: string, v: string) {
        this.h[k] = v
      }
      getResponseHeader() {
        return this.contentType
      }
      abort() {
        this.onabort?.()
      }
      send(body: unknown) {
        sent.push({ method: this.m, url: this.u, headers: this.h, body })
        this.upload.onprogress?.({ loaded: 5, total: 10, lengthComputable: true })
        this.status = FakeXhr.reply.status
        this.contentType = FakeXhr.reply.type ?? 'application/json'
        this.responseText = JSON.stringify(FakeXhr.reply.body)
        this.onload?.()
      }
    }
    vi.stubGlobal('XMLHttpRequest', FakeXhr)
    configureRequest({ csrfToken: () => 'tok' })
    const file = new Blob([pdf], { type: 'application/pdf' })
    const progress: number[] = []
    FakeXhr.reply = { status: 200, body: { index: 0, status: 'submitted' } }
    const r = await sendFile<{ index: number }>('/api/v1/cases/1/materials/0/file', file, { params: { name: '申请书.pdf' }, onProgress: (p) => progress.push(p.loaded / p.total) })
    expect(r).toEqual({ index: 0, status: 'submitted' })
    expect(sent[0]!.method).toBe('PUT')
    expect(sent[0]!.url).toBe('/api/v1/cases/1/materials/0/file?name=%E7%94%B3%E8%AF%B7%E4%B9%A6.pdf')
    expect(sent[0]!.headers['X-CSRF-Token']).toBe('tok')
    expect(sent[0]!.headers['Content-Type']).toBe('application/pdf')
    expect(sent[0]!.body).toBe(file)
    expect(progress).toEqual([0.5])

    FakeXhr.reply = { status: 413, body: { status: 413, code: 'cases.file_too_large', detail: '文件超过 10 MiB' }, type: 'application/problem+json' }
    const err = await sendFile('/x', file, { silent: true }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).status).toBe(413)
    expect((err as ApiError).message).toBe('文件超过 10 MiB')
    vi.unstubAllGlobals()
  })

  it('puts the server’s errors under the form fields or the materials they name', () => {
    const r = formErrorsOf([
      { pointer: '/form/user_unit/credit_code', message: '校验码错误' },
      { pointer: '/variety', message: '必填' },
      { pointer: '/materials/2', message: '缺少文件' },
      { pointer: '/materials/2/file', message: '再说一次' },
      { pointer: '', message: '整体问题' },
    ])
    expect(r.form).toEqual([
      { pointer: '/user_unit/credit_code', message: '校验码错误' },
      { pointer: '/variety', message: '必填' },
    ])
    expect([...r.materials]).toEqual([[2, '缺少文件']])
    expect(r.other).toEqual(['整体问题'])
  })
})

describe('progress of a case', () => {
  const steps = [
    { index: 0, name: '受理', role: 'window_clerk', kind: '' },
    { index: 1, name: '审查', role: 'reviewer', kind: '' },
    { index: 2, name: '决定', role: 'approver', kind: '' },
    { index: 3, name: '制证出件', role: 'window_clerk', kind: '' },
  ]
  const c = (state: CaseDetail['state'], patch: Partial<CaseDetail> = {}) =>
    caseProgress({ state, steps, step: null, events: [], ...patch } as Pick<CaseDetail, 'state' | 'steps' | 'step' | 'events'>, t)

  it('tells acceptance, review and issue steps apart by their place', () => {
    expect(stepKinds(steps)).toEqual(['acceptance', 'review', 'review', 'issue'])
    expect(stepKinds([{ role: 'window_clerk', kind: '' }, { role: 'window_clerk', kind: '' }])).toEqual(['acceptance', 'acceptance'])
    expect(stepKinds([{ role: 'window_clerk', kind: 'review' }])).toEqual(['review'])
  })

  it('marks where the case stands on 提交 → the workflow → 办结', () => {
    expect(c('draft').steps.map((s) => s.title)).toEqual(['提交申请', '受理', '审查', '决定', '制证出件', '办结'])
    expect(c('draft')).toMatchObject({ active: 0, status: 'process' })
    expect(c('submitted')).toMatchObject({ active: 1, status: 'process' })
    expect(c('supplement_requested')).toMatchObject({ active: 1, status: 'error' })
    expect(c('in_review', { step: { index: 2, name: '决定', role: 'approver', is_decision: true } })).toMatchObject({ active: 3, status: 'process' })
    expect(c('suspended', { step: { index: 1, name: '审查', role: 'reviewer', is_decision: false } })).toMatchObject({ active: 2, status: 'wait' })
    expect(c('denied')).toMatchObject({ active: 3, status: 'error' })
    expect(c('approved')).toMatchObject({ active: 4, status: 'process' })
    expect(c('issued')).toMatchObject({ active: 5, status: 'process' })
    expect(c('completed')).toMatchObject({ active: 6, status: 'success' })
    expect(c('rejected')).toMatchObject({ active: 1, status: 'error' })
  })

  it('shows a withdrawn or terminated case stopped where it was', () => {
    const ev = (from: string, step: string | null) => [{ at: '', action: 'withdraw', from, to: 'withdrawn', actor: '', on_behalf_of: null, step, reason: '', detail: null }]
    expect(c('withdrawn', { events: ev('draft', null) as CaseDetail['events'] })).toMatchObject({ active: 0, status: 'error' })
    expect(c('withdrawn', { events: ev('submitted', null) as CaseDetail['events'] })).toMatchObject({ active: 1, status: 'error' })
    expect(c('withdrawn', { events: ev('in_review', '决定') as CaseDetail['events'] })).toMatchObject({ active: 3, status: 'error' })
  })
})

describe('deadline supervision', () => {
  const rows = [
    { department_id: 1, department_name: '市场监管局', open: 10, yellow: 2, red: 1, lapses: 3 },
    { department_id: 2, department_name: '行政审批局', open: 20, yellow: 1, red: 4, lapses: 5 },
    { department_id: 3, department_name: '税务局', open: 0, yellow: 0, red: 0, lapses: 0 },
  ]
  it('counts on-time cases and puts the worst department first', () => {
    expect(onTime(rows[0]!)).toBe(7)
    expect(onTime({ open: 1, yellow: 1, red: 1 })).toBe(0)
    expect(worstFirst(rows).map((r) => r.department_id)).toEqual([2, 1, 3])
  })
  it('stacks green, yellow and red bars, worst on top, leaving out departments with nothing open', () => {
    const o = deadlineOption({ by_department: rows, totals: { open: 30, yellow: 3, red: 5, lapses: 8 } }, t) as {
      yAxis: { data: string[] }
      series: { name: string; data: number[]; stack: string }[]
    }
    expect(o.yAxis.data).toEqual(['市场监管局', '行政审批局'])
    expect(o.series.map((s) => s.name)).toEqual(['正常', '临期', '逾期'])
    expect(o.series.every((s) => s.stack === 'open')).toBe(true)
    expect(o.series[0]!.data).toEqual([7, 15])
    expect(o.series[2]!.data).toEqual([1, 4])
  })
})

describe('registering an applicant at the window', () => {
  it('checks the ID number, the phone and, for a legal person, the credit code', () => {
    const schema = registrationSchema(t)
    const ok = validateForm(schema, { kind: 'natural', name: '林晓梅', id_number: '11010519491231002X', phone: '13905320001', username: 'lin01' }, t, 'zh-CN')
    expect(ok.valid).toBe(true)
    const bad = validateForm(schema, { kind: 'legal', name: '某公司', id_number: '110105194912310021', phone: '123', username: '1x' }, t, 'zh-CN')
    expect(bad.valid).toBe(false)
    const pointers = bad.errors.map((e) => e.pointer).sort()
    expect(pointers).toEqual(['/credit_code', '/id_number', '/phone', '/username'])
  })
})
