import { describe, expect, it } from 'vitest'
import { buildTree, filterTree, subtreeIds } from '@/utils/tree'
import { formatDateTime, isFuture, toShanghaiInstant } from '@/utils/format'
import { allowedKinds, dayState, monthWeeks, shiftDate } from '@/views/system/calendar/data'
import { buildPermissionTree } from '@/views/system/role/data'
import { toEditable, toWire } from '@/views/system/parameter/data'
import { kDivisionCodePattern } from '@/views/system/department/data'
import { kPasswordPattern, kUsernamePattern, toQuery } from '@/views/system/user/data'
import type { Parameter } from '@/api/system'

const d = (id: number, parent_id: number | null, sort = 0, name = `d${id}`) => ({ id, parent_id, sort, name })

describe('department tree', () => {
  it('nests by parent and sorts by sort, then id', () => {
    const tree = buildTree([d(3, 1, 2), d(1, null), d(2, 1, 1), d(4, 2), d(5, null, -1)])
    expect(tree.map((n) => n.id)).toEqual([5, 1])
    expect(tree[1]!.children!.map((n) => n.id)).toEqual([2, 3])
    expect(tree[1]!.children![0]!.children!.map((n) => n.id)).toEqual([4])
  })
  it('keeps orphans and cycles as roots instead of losing them', () => {
    const tree = buildTree([d(1, 99), d(2, 3), d(3, 2)])
    expect(tree.map((n) => n.id).sort()).toEqual([1, 2, 3])
  })
  it('subtreeIds covers every descendant', () => {
    expect([...subtreeIds([d(1, null), d(2, 1), d(3, 2), d(4, null)], 1)].sort()).toEqual([1, 2, 3])
  })
  it('filterTree keeps matches and their ancestors', () => {
    const tree = buildTree([d(1, null, 0, '市政府'), d(2, 1, 0, '市场监管局'), d(3, 1, 0, '税务局')])
    const f = filterTree(tree, (n) => n.name.includes('监管'))
    expect(f.map((n) => n.id)).toEqual([1])
    expect(f[0]!.children!.map((n) => n.id)).toEqual([2])
  })
})

describe('time formatting', () => {
  it('shows instants as Beijing time whatever their offset', () => {
    expect(formatDateTime('2026-03-01T02:03:04Z')).toBe('2026-03-01 10:03:04')
    expect(formatDateTime('2026-03-01T10:03:04+08:00')).toBe('2026-03-01 10:03:04')
    expect(formatDateTime(null)).toBe('')
  })
  it('sends picker wall-clock times as +08:00 instants', () => {
    expect(toShanghaiInstant('2026-03-01 00:00:00')).toBe('2026-03-01T00:00:00+08:00')
    expect(toShanghaiInstant('2026-03-01 23:59')).toBe('2026-03-01T23:59:00+08:00')
    expect(toShanghaiInstant('')).toBeUndefined()
    expect(toShanghaiInstant('yesterday')).toBeUndefined()
  })
  it('isFuture', () => {
    const now = new Date('2026-01-01T00:00:00Z')
    expect(isFuture('2026-01-01T08:00:01+08:00', now)).toBe(true)
    expect(isFuture('2026-01-01T07:59:59+08:00', now)).toBe(false)
    expect(isFuture(null, now)).toBe(false)
  })
})

describe('calendar year view', () => {
  it('lays out months Monday first', () => {
    // 2026-10-01 is a Thursday
    const oct = monthWeeks(2026, 10)
    expect(oct[0]!.slice(0, 3)).toEqual([null, null, null])
    expect(oct[0]![3]).toMatchObject({ date: '2026-10-01', weekday: 4, weekend: false })
    expect(oct[0]![5]).toMatchObject({ date: '2026-10-03', weekend: true })
    expect(oct.flat().filter(Boolean)).toHaveLength(31)
    expect(monthWeeks(2024, 2).flat().filter(Boolean)).toHaveLength(29)
    expect(monthWeeks(2026, 2).flat().filter(Boolean)).toHaveLength(28)
    for (const w of monthWeeks(2026, 3)) expect(w).toHaveLength(7)
  })
  it('entries override the week', () => {
    expect(dayState({ weekend: true }, { kind: 'workday' })).toBe('workday')
    expect(dayState({ weekend: false }, { kind: 'holiday' })).toBe('holiday')
    expect(dayState({ weekend: true }, undefined)).toBe('weekend')
    expect(dayState({ weekend: false }, undefined)).toBe('normal')
  })
  it('only weekends can become working days', () => {
    expect(allowedKinds({ weekend: true })).toEqual(['holiday', 'workday'])
    expect(allowedKinds({ weekend: false })).toEqual(['holiday'])
  })
  it('keyboard moves stay inside the year', () => {
    expect(shiftDate('2026-01-31', 1, 2026)).toBe('2026-02-01')
    expect(shiftDate('2026-01-03', -7, 2026)).toBe('2026-01-01')
    expect(shiftDate('2026-12-30', 7, 2026)).toBe('2026-12-31')
  })
})

describe('role permission tree', () => {
  it('groups module → entity → action', () => {
    const tree = buildPermissionTree(
      [
        { code: 'system.user.read', name_zh: '查看用户', name_en: 'View users' },
        { code: 'system.user.edit', name_zh: '管理用户', name_en: 'Manage users' },
        { code: 'system.role.read', name_zh: '查看角色', name_en: 'View roles' },
        { code: 'cases.case.accept', name_zh: '受理', name_en: 'Accept' },
      ],
      (id) => `[${id}]`,
      (p) => p.name_zh,
    )
    expect(tree.map((m) => m.id)).toEqual(['system', 'cases'])
    expect(tree[0]!.label).toBe('[system]')
    expect(tree[0]!.children!.map((e) => e.id)).toEqual(['system.user', 'system.role'])
    expect(tree[0]!.children![0]!.children).toEqual([
      { id: 'system.user.read', label: '查看用户', leaf: true },
      { id: 'system.user.edit', label: '管理用户', leaf: true },
    ])
  })
})

describe('parameters', () => {
  const p = (value: Parameter['value'], type: Parameter['type']): Parameter => ({
    key: 'k', value, type, name_zh: '', name_en: '', description_zh: '', description_en: '',
  })
  it('sends back the type the server sent', () => {
    expect(toWire(p(5, 'int'), 7)).toBe(7)
    expect(toWire(p('5', 'int'), 7)).toBe('7')
    expect(toWire(p(true, 'bool'), false)).toBe(false)
    expect(toWire(p('true', 'bool'), false)).toBe('false')
    expect(toWire(p('a', 'string'), 'b')).toBe('b')
  })
  it('reads typed and text values alike', () => {
    expect(toEditable(p('true', 'bool'))).toBe(true)
    expect(toEditable(p(false, 'bool'))).toBe(false)
    expect(toEditable(p('12', 'int'))).toBe(12)
  })
})

describe('form rules', () => {
  it('division codes are 6 or 12 digits', () => {
    expect(kDivisionCodePattern.test('330100')).toBe(true)
    expect(kDivisionCodePattern.test('330106001000')).toBe(true)
    expect(kDivisionCodePattern.test('33010')).toBe(false)
    expect(kDivisionCodePattern.test('3301000')).toBe(false)
  })
  it('usernames and passwords', () => {
    expect(kUsernamePattern.test('wang.xm')).toBe(true)
    expect(kUsernamePattern.test('1abc')).toBe(false)
    expect(kUsernamePattern.test('ab')).toBe(false)
    expect(kPasswordPattern.test('Tongban@2026')).toBe(true)
    expect(kPasswordPattern.test('abcdefgh')).toBe(false)
    expect(kPasswordPattern.test('a1')).toBe(false)
  })
  it('user search leaves out empty filters', () => {
    expect(toQuery({ username: '  ', department_id: undefined, status: undefined })).toEqual({
      username: undefined, department_id: undefined, status: undefined,
    })
    expect(toQuery({ username: ' wang ', department_id: 3, status: 'active' })).toEqual({
      username: 'wang', department_id: 3, status: 'active',
    })
  })
})
