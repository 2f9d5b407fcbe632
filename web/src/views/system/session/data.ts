import type { TableColumn } from '@/components/types'
import type { SessionRecord } from '@/api/system'

export const columns: TableColumn<SessionRecord>[] = [
  { prop: 'username', label: 'session.username', minWidth: 100, mono: true, tooltip: true },
  { prop: 'display_name', label: 'session.displayName', minWidth: 100 },
  { prop: 'client_addr', label: 'session.clientAddr', width: 125, mono: true },
  { prop: 'user_agent', label: 'session.userAgent', minWidth: 150, tooltip: true },
  { prop: 'created_at', label: 'session.createdAt', width: 160, datetime: true },
  { prop: 'last_seen_at', label: 'session.lastSeenAt', width: 160, datetime: true },
  { prop: 'expires_at', label: 'session.expiresAt', width: 160, datetime: true },
]
