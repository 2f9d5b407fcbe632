import type { FormRules } from 'element-plus'
import type { SearchField, TableColumn } from '@/components/types'
import type { LicenceType } from '@/api/catalog'
import type { PageQuery } from '@/api/types'

type T = (key: string, named?: Record<string, unknown>) => string

export const columns: TableColumn<LicenceType>[] = [
  { prop: 'code', label: 'licenceType.code', width: 130, mono: true },
  { prop: 'name', label: 'licenceType.name', minWidth: 180, tooltip: true },
  { prop: 'issuing_department_name', label: 'licenceType.issuingDepartment', minWidth: 180, tooltip: true },
  { prop: 'holder_type', label: 'licenceType.holderType', width: 120, slot: true },
  { prop: 'validity_years', label: 'licenceType.validity', width: 110, slot: true },
  { prop: 'fields', label: 'licenceType.fieldCount', width: 100, align: 'right', slot: true },
  { prop: 'status', label: 'common.status', width: 90, slot: true },
]

export interface LicenceTypeSearch {
  q: string
}

export const searchFields: SearchField[] = [{ prop: 'q', label: 'licenceType.keyword', type: 'input' }]
export const initialSearch = (): LicenceTypeSearch => ({ q: '' })
export const toQuery = (s: LicenceTypeSearch): Omit<PageQuery & { q?: string }, 'page' | 'size' | 'sort'> => ({ q: s.q.trim() || undefined })

/** Licence type codes: LT- and capital letters or digits (LT-SPJY). */
export const kLicenceTypeCodePattern = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/

export function licenceTypeRules(t: T, creating: boolean): FormRules {
  const rules: FormRules = {
    name: [
      { required: true, message: t('common.required', { field: t('licenceType.name') }), trigger: 'blur' },
      { max: 100, message: t('common.maxLength', { n: 100 }), trigger: 'blur' },
    ],
    issuing_department_id: [{ required: true, message: t('common.selectRequired', { field: t('licenceType.issuingDepartment') }), trigger: 'change' }],
    holder_type: [{ required: true, message: t('common.selectRequired', { field: t('licenceType.holderType') }), trigger: 'change' }],
  }
  if (creating) {
    rules.code = [
      { required: true, message: t('common.required', { field: t('licenceType.code') }), trigger: 'blur' },
      { pattern: kLicenceTypeCodePattern, message: t('licenceType.codeRule'), trigger: 'blur' },
    ]
  }
  return rules
}

/** How many fields a licence type's schema declares (its top-level properties). */
export function fieldCount(l: LicenceType): number {
  return Object.keys(l.fields_schema?.properties ?? {}).length
}
