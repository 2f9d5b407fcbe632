import type { FormRules } from 'element-plus'
import type { SearchField, SelectOption, TableColumn } from '@/components/types'
import type { Status, User, UserQuery } from '@/api/system'

type T = (key: string, named?: Record<string, unknown>) => string

export const statusOptions: SelectOption[] = [
  { value: 'active', label: 'common.statusActive' },
  { value: 'disabled', label: 'common.statusDisabled' },
]

export const columns: TableColumn<User>[] = [
  { prop: 'username', label: 'user.username', minWidth: 110, mono: true, tooltip: true },
  { prop: 'display_name', label: 'user.displayName', minWidth: 100 },
  { prop: 'department_name', label: 'user.department', minWidth: 140, tooltip: true },
  { prop: 'roles', label: 'user.roles', minWidth: 140, slot: true },
  { prop: 'phone_masked', label: 'user.phone', width: 120, mono: true },
  { prop: 'status', label: 'common.status', width: 130, slot: true },
  { prop: 'created_at', label: 'common.createdAt', width: 165, datetime: true },
]

export interface UserSearch {
  username: string
  department_id: number | undefined
  status: Status | undefined
}

export const searchFields: SearchField[] = [
  { prop: 'username', label: 'user.username', type: 'input' },
  { prop: 'department_id', label: 'user.department', type: 'slot' },
  { prop: 'status', label: 'common.status', type: 'select', options: statusOptions },
]

export const initialSearch = (): UserSearch => ({ username: '', department_id: undefined, status: undefined })

export const toQuery = (s: UserSearch): Omit<UserQuery, 'page' | 'size' | 'sort'> => ({
  username: s.username.trim() || undefined,
  department_id: s.department_id,
  status: s.status,
})

/** Usernames: letters, digits, `_`, `.`, `-`; 3–32 long, starting with a letter. */
export const kUsernamePattern = /^[A-Za-z][A-Za-z0-9_.-]{2,31}$/
/** At least 8 characters with a letter and a digit (the server may ask for more). */
export const kPasswordPattern = /^(?=.*[A-Za-z])(?=.*\d).{8,128}$/
/** Mainland mobile number. */
export const kPhonePattern = /^1\d{10}$/

export function userRules(t: T, creating: boolean): FormRules {
  const rules: FormRules = {
    display_name: [
      { required: true, message: t('common.required', { field: t('user.displayName') }), trigger: 'blur' },
      { max: 64, message: t('common.maxLength', { n: 64 }), trigger: 'blur' },
    ],
    department_id: [{ required: true, message: t('common.selectRequired', { field: t('user.department') }), trigger: 'change' }],
    roles: [{ type: 'array', required: true, min: 1, message: t('common.selectRequired', { field: t('user.roles') }), trigger: 'change' }],
    phone: [{ pattern: kPhonePattern, message: t('user.phoneRule'), trigger: 'blur' }],
  }
  if (creating) {
    rules.username = [
      { required: true, message: t('common.required', { field: t('user.username') }), trigger: 'blur' },
      { pattern: kUsernamePattern, message: t('user.usernameRule'), trigger: 'blur' },
    ]
    rules.password = [
      { required: true, message: t('common.required', { field: t('user.password') }), trigger: 'blur' },
      { pattern: kPasswordPattern, message: t('user.passwordRule'), trigger: 'blur' },
    ]
  }
  return rules
}

export function passwordRules(t: T, getPassword: () => string): FormRules {
  return {
    password: [
      { required: true, message: t('common.required', { field: t('user.newPassword') }), trigger: 'blur' },
      { pattern: kPasswordPattern, message: t('user.passwordRule'), trigger: 'blur' },
    ],
    confirm: [
      { required: true, message: t('common.required', { field: t('user.confirmPassword') }), trigger: 'blur' },
      {
        validator: (_r, v: string, cb) => (v === getPassword() ? cb() : cb(new Error(t('user.passwordMismatch')))),
        trigger: 'blur',
      },
    ],
  }
}
