import { describe, expect, it } from 'vitest'
import zhCN from '@/locales/zh-CN'
import en from '@/locales/en'
import { kAudiences, kHolderTypes, kLevels, kMaterialForms, kMaterialSources, kPowerTypes, kSuspensions, kWindowCategories } from '@/api/catalog'
import {
  changeKindKey,
  elementProblems,
  emptyElements,
  entryStatusKey,
  holderTypeKey,
  levelOfDivision,
  materialFormKey,
  materialSourceKey,
  onlineDepthKey,
  percent,
  powerTypeKey,
  suspensionKey,
  versionStateKey,
  visitsKey,
  windowCategoryKey,
  audienceKey,
  levelKey,
} from '@/views/catalog/shared'
import { entryActions, lowerDepartments, tabOfPointer } from '@/views/catalog/item/data'
import { badLines, cellText, formatOfFile, isFileRefusal, toImportReport } from '@/views/catalog/lists/data'
import { compression, feeTotal, highlight, pageOf, replaceable } from '@/views/portal/data'
import { filenameFromDisposition } from '@/utils/request'

const lookup = (tree: unknown, key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], tree)

describe('catalogue words', () => {
  it('every enum value the API can send has a label in both languages', () => {
    const keys = [
      ...kPowerTypes.map(powerTypeKey),
      ...kLevels.map(levelKey),
      ...kAudiences.map(audienceKey),
      ...kWindowCategories.map(windowCategoryKey),
      ...[1, 2, 3, 4].map(onlineDepthKey),
      ...[0, 1, 2].map(visitsKey),
      ...['draft', 'published', 'superseded', 'withdrawn'].map(versionStateKey),
      ...['active', 'cancelled', 'delegated'].map(entryStatusKey),
      ...kMaterialForms.map(materialFormKey),
      ...kMaterialSources.map(materialSourceKey),
      ...kSuspensions.map(suspensionKey),
      ...kHolderTypes.map(holderTypeKey),
      ...['created', 'published', 'withdrawn', 'cancelled', 'delegated', 'taken_over'].map(changeKindKey),
      ...['withdraw', 'cancel', 'delegate'].flatMap((a) => [`item.action.${a}`, `item.action.${a}Done`, `item.action.${a}Warning`]),
      ...['idle', 'reading', 'checking', 'checked', 'importing', 'done'].map((s) => `lists.stage.${s}`),
      ...['window_clerk', 'reviewer', 'approver', 'department_head'].map((r) => `enums.role.${r}`),
    ]
    for (const k of keys) {
      expect(typeof lookup(zhCN, k), k).toBe('string')
      expect(typeof lookup(en, k), k).toBe('string')
    }
  })

  it('derives the level from a division code', () => {
    expect(levelOfDivision('370200')).toBe('city')
    expect(levelOfDivision('370211')).toBe('district')
    expect(levelOfDivision('370211001')).toBe('street')
    expect(levelOfDivision('3702')).toBeNull()
  })

  it('formats shares as percentages', () => {
    expect(percent(0.6463)).toBe('64.6%')
    expect(percent(1)).toBe('100%')
    expect(percent(null)).toBe('—')
  })
})

describe('the entry editor', () => {
  it('flags a committed limit over the statutory one, steps over the committed limit, and unnamed sources', () => {
    const e = emptyElements()
    expect(elementProblems(e)).toEqual([])
    e.committed_limit_days = 25
    e.materials.push({ name: '', required: true, form: 'original', copies: 1, note: '', source: 'licence', licence_type_code: null })
    e.materials.push({ name: '营业执照', required: true, form: 'original', copies: 1, note: '', source: 'shared', shared_from: ' ' })
    expect(elementProblems(e).map((p) => p.key)).toEqual([
      'item.problem.committedOverStatutory',
      'item.problem.materialName',
      'item.problem.materialLicence',
      'item.problem.materialShared',
    ])
    e.committed_limit_days = 3
    e.workflow.steps = [{ name: '受理', role: 'window_clerk', days: 2 }, { name: '审查', role: 'reviewer', days: 2 }]
    expect(elementProblems(e).map((p) => p.key)).toContain('item.problem.stepsOverCommitted')
    e.immediate = true
    expect(elementProblems(e).map((p) => p.key)).not.toContain('item.problem.stepsOverCommitted')
  })

  it('offers only the actions the entry allows', () => {
    expect(entryActions({ status: 'active', latest_state: 'draft', published_version_no: null })).toEqual({ publish: true, withdraw: false, cancel: true, delegate: false })
    expect(entryActions({ status: 'active', latest_state: 'published', published_version_no: 2 })).toEqual({ publish: false, withdraw: true, cancel: true, delegate: true })
    expect(entryActions({ status: 'delegated', latest_state: 'published', published_version_no: 1 })).toEqual({ publish: false, withdraw: false, cancel: false, delegate: false })
  })

  it('delegates only to departments of a lower level inside the entry\'s division', () => {
    const d = (id: number, division_code: string, parent_id: number | null = null) => ({ id, parent_id, name: `d${id}`, division_code, is_service_hall: false, sort: 0, status: 'active' as const, created_at: '' })
    const all = [d(3, '370200', 1), d(4, '370200', 1), d(23, '370202', 1), d(41, '370202', 23), d(43, '370202001', 23), d(36, '370211001', 25), d(99, '370102')]
    expect(lowerDepartments(all, '370200', 3).map((x) => x.id)).toEqual([23, 41, 43, 36])
    expect(lowerDepartments(all, '370202', 41).map((x) => x.id)).toEqual([43])
    expect(lowerDepartments(all, '370202001', 43)).toEqual([])
    const flat = all.map((x) => ({ ...x, division_code: '' }))
    expect(lowerDepartments(flat, '370200', 3)).toHaveLength(all.length - 1)
  })

  it("opens the tab a server error's pointer belongs to", () => {
    expect(tabOfPointer('/elements/materials/2/proof_code')).toBe('materials')
    expect(tabOfPointer('/elements/form_schema/properties/a')).toBe('form')
    expect(tabOfPointer('/elements/workflow/steps/0/days')).toBe('workflow')
    expect(tabOfPointer('/elements/committed_limit_days')).toBe('basic')
  })
})

describe('list import reports', () => {
  it('reads a 200 report as it is', () => {
    const r = toImportReport({ imported: 2, rejected: 1, errors: [{ line: 3, column: 'violation', code: 'required', message: '「违法行为」必填' }], warnings: [] })
    expect(r).toMatchObject({ imported: 2, rejected: 1, refused: false })
    expect(badLines(r)).toEqual([3])
  })
  it('reads a 422 refusal, its lines from details or from pointers', () => {
    const withDetails = toImportReport({
      status: 422,
      detail: '2 行有误，未导入任何数据',
      details: { errors: [{ line: 4, column: 'department', code: 'unknown_department', message: 'x' }, { line: 3, column: 'violation', code: 'required', message: 'y' }], rejected: 2 },
      errors: [{ pointer: '/rows/3/violation', code: 'required', message: '第 3 行：y' }],
    })
    expect(withDetails).toMatchObject({ imported: 0, rejected: 2, refused: true, detail: '2 行有误，未导入任何数据' })
    expect(badLines(withDetails)).toEqual([3, 4])
    const pointersOnly = toImportReport({ status: 422, errors: [{ pointer: '/rows/7/code', code: 'duplicate', message: '编号重复' }] })
    expect(pointersOnly.errors).toEqual([{ line: 7, column: 'code', code: 'duplicate', message: '编号重复' }])
  })
  it('tells a refusal of the whole file (a bad header) from one of its lines', () => {
    const header = toImportReport({ status: 422, code: 'catalog.list.bad_header', detail: '表头（第 1 行）有误：缺少必填列“编号”', details: { line: 1 } })
    expect(isFileRefusal(header)).toBe(true)
    expect(header.detail).toMatch(/表头/)
    const lines = toImportReport({ status: 422, details: { errors: [{ line: 3, column: 'code', code: 'required', message: 'x' }] } })
    expect(isFileRefusal(lines)).toBe(false)
    expect(isFileRefusal(toImportReport({ imported: 0, rejected: 0, errors: [], warnings: [] }))).toBe(false)
  })

  it('knows the two file formats by name', () => {
    expect(formatOfFile('清单.XLSX')).toBe('xlsx')
    expect(formatOfFile('a.csv')).toBe('csv')
    expect(formatOfFile('a.xls')).toBeNull()
  })
  it('shows department names and enum labels in cells', () => {
    const entry = { id: 1, kind: 'power' as const, fields: { department: 3, power_type: 'licensing', name: '' }, department_names: { department: '青岛市市场监督管理局' }, needs_review: false, review_note: null, created_at: '', updated_at: '' }
    const local = (zh: string | null | undefined) => zh ?? ''
    expect(cellText(entry, { key: 'department', label_zh: '', label_en: '', type: 'department', required: true }, local)).toBe('青岛市市场监督管理局')
    expect(cellText(entry, { key: 'power_type', label_zh: '', label_en: '', type: 'enum', required: true, options: [{ value: 'licensing', label_zh: '行政许可', label_en: 'Licensing' }] }, local)).toBe('行政许可')
    expect(cellText(entry, { key: 'name', label_zh: '', label_en: '', type: 'text', required: true }, local)).toBe('—')
  })
  it('names a download after Content-Disposition, UTF-8 names first', () => {
    expect(filenameFromDisposition(`attachment; filename="power.csv"; filename*=UTF-8''%E6%9D%83%E8%B4%A3%E6%B8%85%E5%8D%95.csv`)).toBe('权责清单.csv')
    expect(filenameFromDisposition('attachment; filename="power.xlsx"')).toBe('power.xlsx')
    expect(filenameFromDisposition(null)).toBeNull()
  })
})

describe('portal helpers', () => {
  it('marks every word of the query, longest first, case-insensitively', () => {
    expect(highlight('食品经营许可', '食品')).toEqual([{ text: '食品', hit: true }, { text: '经营许可', hit: false }])
    expect(highlight('查封不符合食品安全标准的食品', '食品')).toEqual([
      { text: '查封不符合', hit: false },
      { text: '食品', hit: true },
      { text: '安全标准的', hit: false },
      { text: '食品', hit: true },
    ])
    expect(highlight('ICP 备案', 'icp')).toEqual([{ text: 'ICP', hit: true }, { text: ' 备案', hit: false }])
    expect(highlight('a.b(c)', '.b(')).toEqual([{ text: 'a', hit: false }, { text: '.b(', hit: true }, { text: 'c)', hit: false }])
    expect(highlight('无关', '')).toEqual([{ text: '无关', hit: false }])
    expect(highlight(null, '食品')).toEqual([])
  })
  it('computes the compression of a limit and the fee total', () => {
    expect(compression(20, 5)).toBe(0.75)
    expect(compression(0, 0)).toBeNull()
    expect(feeTotal([{ name: 'a', amount: '10.00', basis: '' }, { name: 'b', amount: '0.10', basis: '' }, { name: 'c', amount: '0.20', basis: '' }])).toBe('10.30')
    expect(feeTotal([])).toBe('0.00')
  })
  it('says which materials an e-licence or shared data replaces', () => {
    const m = { name: 'x', required: true, form: 'original' as const, copies: 1, note: '' }
    expect(replaceable({ ...m, source: 'licence', licence_type_code: 'LT-SFZ' })).toBe('licence')
    expect(replaceable({ ...m, source: 'licence', licence_type_code: null })).toBeNull()
    expect(replaceable({ ...m, source: 'shared', shared_from: '市场监管局' })).toBe('shared')
    expect(replaceable({ ...m, source: 'applicant' })).toBeNull()
  })
  it('reads page numbers from the address defensively', () => {
    expect(pageOf('3')).toBe(3)
    expect(pageOf(['2'])).toBe(2)
    expect(pageOf('0')).toBe(1)
    expect(pageOf('x')).toBe(1)
    expect(pageOf(undefined)).toBe(1)
  })
})
