import { http } from '@/utils/request'

/** GET /readyz: whether the server can take requests. Answers 503 with the same shape when not ready. */
export interface Readiness {
  status: 'ready' | string
  database: 'sqlite' | 'postgresql' | string
  migrations: { applied: number; total: number }
}

export interface VersionInfo {
  version: string
  database: string
}

/** GET /healthz → "ok" (liveness only). */
export function healthz() {
  return http.get<string>('/healthz', undefined, { silent: true })
}

export function readyz() {
  return http.get<Readiness>('/readyz', undefined, { silent: true, acceptStatus: [503] })
}

/** GET /api/v1/version. */
export function version() {
  return http.get<VersionInfo>('/api/v1/version', undefined, { silent: true })
}
