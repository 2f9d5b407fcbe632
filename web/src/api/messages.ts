/**
 * The in-app message centre (module `cases`, issue 6): every notice reaches its applicant here, and
 * warnings reach staff. One typed function per endpoint of docs/cases.md.
 */
import { http } from '@/utils/request'
import type { Page, PageQuery } from './types'

export interface Message {
  id: number
  /** What it is about: `cases.supplement_notice`, `cases.refusal_pending`… */
  kind: string
  title: string
  body: string
  /** An app path to what it is about (`/portal/cases/12`, `/cases/detail/12`), or ''. */
  link: string
  created_at: string
  read_at: string | null
}

export interface MessageQuery extends PageQuery {
  unread?: boolean
}

/** GET /api/v1/messages: the caller's messages, newest first. */
export function listMessages(query: MessageQuery) {
  return http.get<Page<Message>>('/api/v1/messages', query)
}
/** GET /api/v1/messages/unread-count. Quiet: the bell asks in the background. */
export function unreadCount() {
  return http.get<{ unread: number }>('/api/v1/messages/unread-count', undefined, { silent: true })
}
/** POST /api/v1/messages/{id}/read. */
export function markRead(id: number) {
  return http.post<void>(`/api/v1/messages/${id}/read`, {})
}
/** POST /api/v1/messages/read-all → how many were marked. */
export function markAllRead() {
  return http.post<{ marked: number }>('/api/v1/messages/read-all', {})
}
