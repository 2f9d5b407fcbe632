/**
 * The one HTTP client of the app. Every API function in src/api/ goes through `request`.
 *
 * - Same-origin cookies carry the session (HttpOnly; the page never sees it).
 * - Every non-GET request carries `X-CSRF-Token`, the token from the login/me answer.
 * - `Accept-Language` follows the UI language, so the server's `detail` comes back in it.
 * - Errors are RFC 9457 problem+json; they become an `ApiError` and, unless the caller asks for
 *   silence, an ElMessage showing `detail`, the field errors and the request id.
 * - 401 calls the configured `onUnauthorized` (the app clears the session and goes to /login).
 */
import { h, type VNode } from 'vue'
import { ElMessage } from 'element-plus'
import { currentLocale, i18n } from '@/locales'

/** One field error of a 4xx problem: `pointer` is a JSON Pointer into the request body. */
export interface FieldError {
  pointer: string
  code: string
  message: string
}

/** RFC 9457 problem details as the Tongban API sends them. */
export interface Problem {
  type?: string
  title?: string
  status?: number
  detail?: string
  code?: string
  request_id?: string
  errors?: FieldError[]
  details?: Record<string, unknown>
  [extension: string]: unknown
}

export class ApiError extends Error {
  readonly status: number
  readonly problem: Problem | null
  constructor(status: number, problem: Problem | null, message: string) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
  }
  /** The problem's stable dotted code (`auth.locked`), if any. */
  get code(): string | undefined {
    return this.problem?.code
  }
}

export interface RequestOptions {
  /** Query parameters; undefined, null and '' are left out. */
  params?: object
  body?: unknown
  /** Don't show an ElMessage for an error (the caller shows it its own way). */
  silent?: boolean
  /** Don't treat a 401 as "session over" (login, logout, me). */
  skipAuthRedirect?: boolean
  /** Error statuses whose body is still the answer (e.g. 503 from /readyz). */
  acceptStatus?: number[]
  signal?: AbortSignal
  /** Send this body as it is (a file read as an ArrayBuffer) with this Content-Type, instead of JSON. */
  raw?: { body: BodyInit; type: string }
  /** Answer the body as a Blob (a download) instead of parsing it. */
  blob?: boolean
}

export interface RequestConfig {
  /** The CSRF token of the current session, or null when logged out. */
  csrfToken: () => string | null
  /** Called once per 401 answer (not for requests with skipAuthRedirect). */
  onUnauthorized: () => void
}

const config: RequestConfig = {
  csrfToken: () => null,
  onUnauthorized: () => {},
}

/** Wire the client to the session store and router (main.ts does this once). */
export function configureRequest(c: Partial<RequestConfig>): void {
  Object.assign(config, c)
}

const kSafeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/** `/api/x` + {a: 1, b: undefined} → `/api/x?a=1`. */
export function buildUrl(url: string, params?: object): string {
  if (!params) return url
  const search = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue
    if (Array.isArray(v)) v.forEach((x) => search.append(k, String(x)))
    else search.append(k, String(v))
  }
  const qs = search.toString()
  if (!qs) return url
  return url + (url.includes('?') ? '&' : '?') + qs
}

function t(key: string, named?: Record<string, unknown>): string {
  return named ? i18n.global.t(key, named) : i18n.global.t(key)
}

/** The one-line summary of a problem: its detail, else its title, else the HTTP status. */
export function problemSummary(problem: Problem | null, status: number): string {
  if (problem?.detail) return problem.detail
  if (problem?.title) return problem.title
  if (status === 0) return t('error.network')
  return t('error.status', { status })
}

/** The text lines of a problem's field errors (the messages, de-duplicated). */
export function problemFieldMessages(problem: Problem | null): string[] {
  const out: string[] = []
  for (const e of problem?.errors ?? []) {
    const m = e.message || e.code
    if (m && !out.includes(m)) out.push(m)
  }
  return out
}

/** The ElMessage body for an error: summary, field errors as a list, request id in small print. */
export function problemMessageVNode(err: ApiError): VNode {
  const fields = problemFieldMessages(err.problem)
  const children: VNode[] = [h('div', { class: 'problem-summary' }, err.message)]
  if (fields.length)
    children.push(h('ul', { class: 'problem-errors' }, fields.map((m) => h('li', m))))
  if (err.problem?.request_id)
    children.push(
      h('div', { class: 'problem-request-id' }, t('error.requestId', { id: err.problem.request_id })),
    )
  return h('div', { class: 'problem-message' }, children)
}

/**
 * Field errors of an ApiError keyed by the top-level body field (`/display_name` → display_name).
 * With `prefix` (`/fields`), the field is the segment after it (`/fields/name` → name).
 */
export function fieldErrors(err: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {}
  if (!(err instanceof ApiError)) return out
  for (const e of err.problem?.errors ?? []) {
    let pointer = e.pointer.replace(/^#/, '')
    if (prefix && pointer.startsWith(`${prefix}/`)) pointer = pointer.slice(prefix.length)
    const field = pointer.replace(/^\//, '').split('/')[0]?.replace(/~1/g, '/').replace(/~0/g, '~')
    if (field && !(field in out)) out[field] = e.message || e.code
  }
  return out
}

export function showError(err: ApiError): void {
  ElMessage({ type: 'error', message: problemMessageVNode(err), duration: 6000, showClose: true, grouping: true })
}

async function parseBody(res: Response): Promise<unknown> {
  if (res.status === 204 || res.status === 205) return undefined
  const type = res.headers.get('content-type') ?? ''
  const text = await res.text()
  if (!text) return undefined
  if (type.includes('json')) {
    try {
      return JSON.parse(text)
    } catch {
      return text
    }
  }
  return text
}

/** A file the server sent for download. `filename` is null when it named none. */
export interface DownloadedFile {
  blob: Blob
  filename: string | null
}

/** The file name of a Content-Disposition header (RFC 6266: `filename*=UTF-8''…` wins over `filename=`). */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim().replace(/^"|"$/g, ''))
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(header)
  if (plain) return (plain[2] ?? plain[1] ?? '').trim() || null
  return null
}

/** Hands a downloaded file to the browser as a download. */
export function saveFile(file: DownloadedFile, fallbackName: string): void {
  const url = URL.createObjectURL(file.blob)
  const a = document.createElement('a')
  a.href = url
  a.download = file.filename ?? fallbackName
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export async function request<T>(method: string, url: string, opts: RequestOptions = {}): Promise<T> {
  const upper = method.toUpperCase()
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json;q=0.9, text/plain;q=0.5',
    'Accept-Language': currentLocale(),
  }
  let body: BodyInit | undefined
  if (opts.raw) {
    headers['Content-Type'] = opts.raw.type
    body = opts.raw.body
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(opts.body)
  }
  if (!kSafeMethods.has(upper)) {
    const token = config.csrfToken()
    if (token) headers['X-CSRF-Token'] = token
  }

  let res: Response
  try {
    res = await fetch(buildUrl(url, opts.params), {
      method: upper,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    })
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    const err = new ApiError(0, null, t('error.network'))
    if (!opts.silent) showError(err)
    throw err
  }

  if (opts.blob && res.ok) {
    const file: DownloadedFile = { blob: await res.blob(), filename: filenameFromDisposition(res.headers.get('content-disposition')) }
    return file as T
  }
  const data = await parseBody(res)
  if (res.ok || opts.acceptStatus?.includes(res.status)) return data as T
  throw failure(res.status, data, opts)
}

/** The ApiError of an error answer; shows it (unless silent) or reports the 401. */
function failure(status: number, data: unknown, opts: Pick<RequestOptions, 'silent' | 'skipAuthRedirect'>): ApiError {
  const problem: Problem | null = data && typeof data === 'object' ? (data as Problem) : null
  const err = new ApiError(status, problem, problemSummary(problem, status))
  if (status === 401 && !opts.skipAuthRedirect) {
    config.onUnauthorized()
    return err
  }
  if (!opts.silent) showError(err)
  return err
}

/** Progress of a file being sent: bytes sent so far and in all. */
export interface UploadProgress {
  loaded: number
  total: number
}

/**
 * Sends a file as the raw body (PUT by default), reporting how much has gone. `fetch` cannot tell
 * how much of a request body has been sent (streamed uploads need HTTP/2), so this one call uses
 * XMLHttpRequest — with the same headers, CSRF token, errors and 401 handling as `request`.
 */
export function sendFile<T>(
  url: string,
  file: Blob,
  opts: Pick<RequestOptions, 'params' | 'silent' | 'signal'> & { method?: string; type?: string; onProgress?: (p: UploadProgress) => void } = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open(opts.method ?? 'PUT', buildUrl(url, opts.params))
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json;q=0.9')
    xhr.setRequestHeader('Accept-Language', currentLocale())
    xhr.setRequestHeader('Content-Type', opts.type || file.type || 'application/octet-stream')
    const token = config.csrfToken()
    if (token) xhr.setRequestHeader('X-CSRF-Token', token)
    xhr.upload.onprogress = (e) => opts.onProgress?.({ loaded: e.loaded, total: e.lengthComputable ? e.total : file.size })
    xhr.onload = () => {
      const type = xhr.getResponseHeader('content-type') ?? ''
      let data: unknown = xhr.responseText || undefined
      if (typeof data === 'string' && type.includes('json')) {
        try {
          data = JSON.parse(data)
        } catch {
          // keep the text
        }
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T)
      else reject(failure(xhr.status, data, opts))
    }
    xhr.onerror = () => {
      const err = new ApiError(0, null, t('error.network'))
      if (!opts.silent) showError(err)
      reject(err)
    }
    xhr.onabort = () => reject(new DOMException('upload aborted', 'AbortError'))
    if (opts.signal) {
      if (opts.signal.aborted) {
        reject(new DOMException('upload aborted', 'AbortError'))
        return
      }
      opts.signal.addEventListener('abort', () => xhr.abort(), { once: true })
    }
    xhr.send(file)
  })
}

export const http = {
  get<T>(url: string, params?: object, opts?: Omit<RequestOptions, 'params' | 'body'>) {
    return request<T>('GET', url, { ...opts, params })
  },
  post<T>(url: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) {
    return request<T>('POST', url, { ...opts, body })
  },
  put<T>(url: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) {
    return request<T>('PUT', url, { ...opts, body })
  },
  del<T>(url: string, opts?: Omit<RequestOptions, 'body'>) {
    return request<T>('DELETE', url, opts)
  },
  /** POST a file's bytes as the raw body (no multipart: the server sniffs and parses it). */
  upload<T>(url: string, body: BodyInit, type: string, params?: object, opts?: Omit<RequestOptions, 'body' | 'raw' | 'params'>) {
    return request<T>('POST', url, { ...opts, params, raw: { body, type } })
  },
  /** GET a file (an export). */
  download(url: string, params?: object, opts?: Omit<RequestOptions, 'body' | 'blob' | 'params'>) {
    return request<DownloadedFile>('GET', url, { ...opts, params, blob: true })
  },
}
