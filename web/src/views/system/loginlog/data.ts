import type { SearchField, SelectOption, TableColumn } from '@/components/types'
import type { LoginLogQuery, LoginLogRecord, LoginResult } from '@/api/system'
import { toShanghaiInstant } from '@/utils/format'

export const resultOptions: SelectOption[] = [
  { value: 'success', label: 'loginLog.success' },
  { value: 'failure', label: 'loginLog.failure' },
  { value: 'locked', label: 'loginLog.locked' },
]

export const resultTagType: Record<LoginResult, 'success' | 'danger' | 'warning'> = {
  success: 'success',
  failure: 'danger',
  locked: 'warning',
}

export const columns: TableColumn<LoginLogRecord>[] = [
  { prop: 'at', label: 'loginLog.at', width: 170, datetime: true },
  { prop: 'username', label: 'loginLog.username', minWidth: 120, mono: true },
  { prop: 'result', label: 'loginLog.result', width: 100, slot: true },
  { prop: 'client_addr', label: 'loginLog.clientAddr', width: 140, mono: true },
  { prop: 'user_agent', label: 'loginLog.userAgent', minWidth: 220, tooltip: true },
  { prop: 'reason', label: 'loginLog.reason', minWidth: 160, tooltip: true },
]

export interface LoginLogSearch {
  username: string
  result: LoginResult | undefined
  range: [string, string] | null
}

export const searchFields: SearchField[] = [
  { prop: 'username', label: 'loginLog.username', type: 'input' },
  { prop: 'result', label: 'loginLog.result', type: 'select', options: resultOptions },
  { prop: 'range', label: 'loginLog.timeRange', type: 'datetimerange' },
]

export const initialSearch = (): LoginLogSearch => ({ username: '', result: undefined, range: null })

export const toQuery = (s: LoginLogSearch): Omit<LoginLogQuery, 'page' | 'size' | 'sort'> => ({
  username: s.username.trim() || undefined,
  result: s.result,
  from: toShanghaiInstant(s.range?.[0]),
  to: toShanghaiInstant(s.range?.[1]),
})
