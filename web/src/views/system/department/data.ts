import type { FormRules } from 'element-plus'
import type { TableColumn } from '@/components/types'
import type { Department } from '@/api/system'

type T = (key: string, named?: Record<string, unknown>) => string

export const columns: TableColumn<Department>[] = [
  { prop: 'name', label: 'dept.name', minWidth: 220 },
  { prop: 'division_code', label: 'dept.divisionCode', width: 150, mono: true },
  { prop: 'is_service_hall', label: 'dept.isServiceHall', width: 130, slot: true, align: 'center' },
  { prop: 'sort', label: 'dept.sort', width: 80, align: 'right' },
  { prop: 'status', label: 'common.status', width: 100, slot: true },
  { prop: 'created_at', label: 'common.createdAt', width: 170, datetime: true },
]

/** Administrative division codes (GB/T 2260 and the 12-digit statistical codes): 6 or 12 digits. */
export const kDivisionCodePattern = /^\d{6}(\d{6})?$/

export function departmentRules(t: T): FormRules {
  return {
    name: [
      { required: true, message: t('common.required', { field: t('dept.name') }), trigger: 'blur' },
      { max: 64, message: t('common.maxLength', { n: 64 }), trigger: 'blur' },
    ],
    division_code: [
      { required: true, message: t('common.required', { field: t('dept.divisionCode') }), trigger: 'blur' },
      { pattern: kDivisionCodePattern, message: t('dept.divisionCodeRule'), trigger: 'blur' },
    ],
    sort: [{ type: 'integer', min: 0, max: 9999, message: t('dept.sortRule'), trigger: 'blur' }],
  }
}
