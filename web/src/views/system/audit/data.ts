import type { SearchField, TableColumn } from '@/components/types'
import type { AuditQuery, AuditRecord } from '@/api/system'
import { toShanghaiInstant } from '@/utils/format'

export const columns: TableColumn<AuditRecord>[] = [
  { prop: 'at', label: 'audit.at', width: 170, datetime: true },
  { prop: 'actor', label: 'audit.actor', minWidth: 110 },
  { prop: 'role', label: 'audit.role', minWidth: 100, tooltip: true },
  { prop: 'department', label: 'audit.department', minWidth: 140, tooltip: true },
  { prop: 'action', label: 'audit.action', minWidth: 150, mono: true, tooltip: true },
  { prop: 'object_type', label: 'audit.objectType', minWidth: 120, mono: true },
  { prop: 'object_id', label: 'audit.objectId', minWidth: 100, mono: true, tooltip: true },
  { prop: 'client_addr', label: 'audit.clientAddr', width: 130, mono: true },
]

export interface AuditSearch {
  actor: string
  object_type: string
  object_id: string
  range: [string, string] | null
}

export const searchFields: SearchField[] = [
  { prop: 'actor', label: 'audit.actor', type: 'input' },
  { prop: 'object_type', label: 'audit.objectType', type: 'input' },
  { prop: 'object_id', label: 'audit.objectId', type: 'input' },
  { prop: 'range', label: 'audit.timeRange', type: 'datetimerange' },
]

export const initialSearch = (): AuditSearch => ({ actor: '', object_type: '', object_id: '', range: null })

export const toQuery = (s: AuditSearch): Omit<AuditQuery, 'page' | 'size' | 'sort'> => ({
  actor: s.actor.trim() || undefined,
  object_type: s.object_type.trim() || undefined,
  object_id: s.object_id.trim() || undefined,
  from: toShanghaiInstant(s.range?.[0]),
  to: toShanghaiInstant(s.range?.[1]),
})

/** Fields shown in the detail dialog, in order. */
export const detailFields: { prop: keyof AuditRecord; label: string; mono?: boolean; datetime?: boolean }[] = [
  { prop: 'id', label: 'audit.id', mono: true },
  { prop: 'at', label: 'audit.at', datetime: true },
  { prop: 'actor', label: 'audit.actor' },
  { prop: 'role', label: 'audit.role' },
  { prop: 'department', label: 'audit.department' },
  { prop: 'action', label: 'audit.action', mono: true },
  { prop: 'object_type', label: 'audit.objectType', mono: true },
  { prop: 'object_id', label: 'audit.objectId', mono: true },
  { prop: 'request_id', label: 'audit.requestId', mono: true },
  { prop: 'client_addr', label: 'audit.clientAddr', mono: true },
  { prop: 'digest', label: 'audit.digest', mono: true },
  { prop: 'hash', label: 'audit.hash', mono: true },
]
