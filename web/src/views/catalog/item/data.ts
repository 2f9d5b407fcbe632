import type { FormRules } from 'element-plus'
import type { SearchField, TableColumn } from '@/components/types'
import type { Entry, EntryQuery, EntryStatus, Level, PowerType, VersionState } from '@/api/catalog'
import type { Department } from '@/api/system'
import { entryStatusOptions, levelOptions, powerTypeOptions, versionStateOptions } from '../shared'

type T = (key: string, named?: Record<string, unknown>) => string

export const columns: TableColumn<Entry>[] = [
  { prop: 'code', label: 'item.code', minWidth: 150, mono: true, tooltip: true },
  { prop: 'name', label: 'item.name', minWidth: 180, tooltip: true },
  { prop: 'department_name', label: 'item.department', minWidth: 150, tooltip: true },
  { prop: 'level', label: 'item.level', width: 100, slot: true },
  { prop: 'power_type', label: 'item.powerType', width: 100, slot: true },
  { prop: 'limits', label: 'item.limits', width: 140, slot: true },
  { prop: 'latest_state', label: 'item.version', width: 150, slot: true },
  { prop: 'status', label: 'item.status', width: 90, slot: true },
  { prop: 'updated_at', label: 'item.updatedAt', width: 165, datetime: true },
]

export interface EntrySearch {
  q: string
  department_id: number | undefined
  power_type: PowerType | undefined
  level: Level | undefined
  status: EntryStatus | undefined
  state: VersionState | undefined
}

export const searchFields: SearchField[] = [
  { prop: 'q', label: 'item.keyword', type: 'input' },
  { prop: 'department_id', label: 'item.department', type: 'slot' },
  { prop: 'power_type', label: 'item.powerType', type: 'select', options: powerTypeOptions },
  { prop: 'level', label: 'item.level', type: 'select', options: levelOptions },
  { prop: 'status', label: 'item.status', type: 'select', options: entryStatusOptions },
  { prop: 'state', label: 'item.latestState', type: 'select', options: versionStateOptions },
]

export const initialSearch = (): EntrySearch => ({
  q: '',
  department_id: undefined,
  power_type: undefined,
  level: undefined,
  status: undefined,
  state: undefined,
})

export const toQuery = (s: EntrySearch): Omit<EntryQuery, 'page' | 'size' | 'sort'> => ({
  q: s.q.trim() || undefined,
  department_id: s.department_id,
  power_type: s.power_type,
  level: s.level,
  status: s.status,
  state: s.state,
})

export function createRules(t: T): FormRules {
  return {
    base_item_id: [{ required: true, message: t('common.selectRequired', { field: t('item.baseItem') }), trigger: 'change' }],
    code: [
      { required: true, message: t('common.required', { field: t('item.code') }), trigger: 'blur' },
      { pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/, message: t('baseItem.codeRule'), trigger: 'blur' },
    ],
    department_id: [{ required: true, message: t('common.selectRequired', { field: t('item.department') }), trigger: 'change' }],
    conditions: [{ required: true, whitespace: true, message: t('common.required', { field: t('item.el.conditions') }), trigger: 'blur' }],
  }
}

/** What may be done to an entry now (the server decides; this only hides buttons that would fail). */
export function entryActions(e: Pick<Entry, 'status' | 'latest_state' | 'published_version_no'>) {
  const active = e.status === 'active'
  return {
    publish: active && e.latest_state === 'draft',
    withdraw: active && e.published_version_no !== null && e.latest_state !== 'withdrawn',
    cancel: active,
    delegate: active && e.published_version_no !== null,
  }
}

/** Today as an Asia/Shanghai date, YYYY-MM-DD. */
export function shanghaiToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

/** Where in the editor a server error's pointer (into the request body) belongs. */
export function tabOfPointer(pointer: string): 'basic' | 'materials' | 'form' | 'workflow' {
  const p = pointer.replace(/^#/, '').replace(/^\/elements/, '')
  if (p.startsWith('/materials')) return 'materials'
  if (p.startsWith('/form_schema')) return 'form'
  if (p.startsWith('/workflow')) return 'workflow'
  return 'basic'
}

const kLevelDepth: Record<Level, number> = { city: 0, district: 1, street: 2 }

/**
 * The departments an entry may be delegated to (下放): those of a lower level inside the entry's
 * division — for a city entry (370200) the districts' and streets' (3702xx, 3702xxxxx), for a
 * district entry (370211) its streets' (370211xxx). A list without division codes (the public
 * fallback) offers every other department and lets the server decide.
 */
export function lowerDepartments(all: readonly Department[], entryDivision: string, ownId: number): Department[] {
  const level = levelOf(entryDivision)
  if (!level || all.every((d) => !d.division_code)) return all.filter((d) => d.id !== ownId)
  const prefix = level === 'city' ? entryDivision.slice(0, 4) : entryDivision
  return all.filter((d) => {
    const l = levelOf(d.division_code)
    return d.id !== ownId && l !== null && kLevelDepth[l] > kLevelDepth[level] && d.division_code.startsWith(prefix)
  })
}

function levelOf(code: string): Level | null {
  if (/^\d{9}$/.test(code)) return 'street'
  if (/^\d{4}00$/.test(code)) return 'city'
  if (/^\d{6}$/.test(code)) return 'district'
  return null
}
