import type { FormRules } from 'element-plus'
import type { SearchField, TableColumn } from '@/components/types'
import type { BaseItem, BaseItemQuery, PowerType } from '@/api/catalog'
import { powerTypeOptions } from '../shared'

type T = (key: string, named?: Record<string, unknown>) => string

export const columns: TableColumn<BaseItem>[] = [
  { prop: 'code', label: 'baseItem.code', minWidth: 150, mono: true },
  { prop: 'name', label: 'baseItem.name', minWidth: 200, tooltip: true },
  { prop: 'power_type', label: 'baseItem.powerType', width: 110, slot: true },
  { prop: 'audience', label: 'baseItem.audience', width: 150, slot: true },
  { prop: 'themes', label: 'baseItem.themes', minWidth: 150, slot: true },
  { prop: 'levels', label: 'baseItem.levels', minWidth: 150, slot: true },
  { prop: 'entry_count', label: 'baseItem.entryCount', width: 100, align: 'right' },
]

export interface BaseItemSearch {
  q: string
  power_type: PowerType | undefined
}

export const searchFields: SearchField[] = [
  { prop: 'q', label: 'baseItem.keyword', type: 'input' },
  { prop: 'power_type', label: 'baseItem.powerType', type: 'select', options: powerTypeOptions },
]

export const initialSearch = (): BaseItemSearch => ({ q: '', power_type: undefined })

export const toQuery = (s: BaseItemSearch): Omit<BaseItemQuery, 'page' | 'size' | 'sort'> => ({
  q: s.q.trim() || undefined,
  power_type: s.power_type,
})

/** Item codes: letters, digits, `.`, `_` and `-`, 2–64 long (the server has the last word). */
export const kItemCodePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/

export function baseItemRules(t: T, creating: boolean): FormRules {
  const rules: FormRules = {
    name: [
      { required: true, message: t('common.required', { field: t('baseItem.name') }), trigger: 'blur' },
      { max: 200, message: t('common.maxLength', { n: 200 }), trigger: 'blur' },
    ],
    power_type: [{ required: true, message: t('common.selectRequired', { field: t('baseItem.powerType') }), trigger: 'change' }],
    legal_basis: [{ required: true, message: t('common.required', { field: t('baseItem.legalBasis') }), trigger: 'blur' }],
    audience: [{ type: 'array', required: true, min: 1, message: t('common.selectRequired', { field: t('baseItem.audience') }), trigger: 'change' }],
    levels: [{ type: 'array', required: true, min: 1, message: t('common.selectRequired', { field: t('baseItem.levels') }), trigger: 'change' }],
  }
  if (creating) {
    rules.code = [
      { required: true, message: t('common.required', { field: t('baseItem.code') }), trigger: 'blur' },
      { pattern: kItemCodePattern, message: t('baseItem.codeRule'), trigger: 'blur' },
    ]
  }
  return rules
}
