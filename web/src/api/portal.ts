/**
 * The public portal 办事大厅 (no login): the catalogue's home, search, service guides, the form
 * check and the published lists. Every call is quiet about 401 (there is no session to lose).
 */
import { http, type Problem } from '@/utils/request'
import type { Audience, Elements, Level, ListMeta, ListEntry, OnlineDepth, PowerType, Visits } from './catalog'
import type { Page, PageQuery } from './types'

export interface PublicItem {
  code: string
  name: string
  department_id: number
  department_name: string
  power_type: PowerType
  level: Level
  committed_limit_days: number | null
  statutory_limit_days: number | null
  immediate: boolean
  visits: Visits
  online_depth: OnlineDepth
  themes: string[]
  audience: Audience[]
  /** A piece of the conditions or materials around the words searched for (plain text). */
  snippet: string | null
}

export interface PublicItemQuery extends PageQuery {
  q?: string
  audience?: Audience
  theme?: string
  department_id?: number
}

/** The service guide 办事指南: the entry's current published version, every element. */
export interface Guide extends Elements {
  code: string
  base_code: string
  name: string
  power_type: PowerType
  legal_basis: string
  audience: Audience[]
  themes: string[]
  department: { id: number; name: string }
  level: Level
  division_code: string
  version_no: number
  published_at: string
  licence_type: { code: string; name: string } | null
}

export interface PortalHome {
  themes: { name: string; audience: Audience; count: number }[]
  departments: { id: number; name: string; count: number }[]
  audience: { natural: number; legal: number }
}

const quiet = { skipAuthRedirect: true }

/** GET /api/v1/public/catalog/home. */
export function getPortalHome() {
  return http.get<PortalHome>('/api/v1/public/catalog/home', undefined, quiet)
}
/** GET /api/v1/public/items: ranked when q is given. */
export function searchItems(query: PublicItemQuery) {
  return http.get<Page<PublicItem>>('/api/v1/public/items', query, quiet)
}
/** GET /api/v1/public/items/{code}: the guide; 404 when the code has no published version. */
export function getGuide(code: string) {
  return http.get<Guide>(`/api/v1/public/items/${encodeURIComponent(code)}`, undefined, { ...quiet, silent: true })
}
/**
 * POST /api/v1/public/items/{code}/form/validate: the server's verdict on form data, 200 {valid}
 * or 422 with every error (`pointer` into the data). The 422 is an answer, not a failure.
 */
export function validateGuideForm(code: string, data: Record<string, unknown>) {
  return http.post<{ valid: boolean } | Problem>(
    `/api/v1/public/items/${encodeURIComponent(code)}/form/validate`,
    data,
    { ...quiet, silent: true, acceptStatus: [422] },
  )
}

/** GET /api/v1/public/lists: the kinds and their columns. */
export function publicListKinds() {
  return http.get<ListMeta[]>('/api/v1/public/lists', undefined, quiet)
}
/** GET /api/v1/public/lists/{kind}. */
export function publicListEntries(kind: string, query: PageQuery & { q?: string }) {
  return http.get<Page<ListEntry>>(`/api/v1/public/lists/${encodeURIComponent(kind)}`, query, quiet)
}
