import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('element-plus', () => ({ ElMessage: vi.fn() }))

import { ElMessage } from 'element-plus'
import { setLocale } from '@/locales'
import {
  ApiError,
  buildUrl,
  configureRequest,
  fieldErrors,
  http,
  problemFieldMessages,
  problemSummary,
} from '@/utils/request'

type Call = { url: string; init: RequestInit }

function mockFetch(status: number, body: unknown, contentType = 'application/json') {
  const calls: Call[] = []
  const fn = vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, init })
    const text = typeof body === 'string' ? body : JSON.stringify(body)
    return new Response(status === 204 ? null : text, { status, headers: { 'Content-Type': contentType } })
  })
  vi.stubGlobal('fetch', fn)
  return calls
}

const headersOf = (c: Call) => c.init.headers as Record<string, string>

/** The text ElMessage was asked to show (its VNode body flattened). */
function shownText(): string {
  const arg = vi.mocked(ElMessage).mock.calls.at(-1)?.[0] as { message: unknown }
  const flat = (n: unknown): string => {
    if (n === null || n === undefined) return ''
    if (typeof n === 'string') return n
    if (Array.isArray(n)) return n.map(flat).join('\n')
    const v = n as { children?: unknown }
    return flat(v.children)
  }
  return flat(arg.message)
}

const problem = {
  type: 'https://tongban.example/problems/validation',
  title: 'Unprocessable Content',
  status: 422,
  detail: '提交的内容有误',
  code: 'request.invalid',
  request_id: 'req-42',
  errors: [
    { pointer: '/display_name', code: 'required', message: '请输入姓名' },
    { pointer: '/roles/0', code: 'unknown', message: '角色不存在' },
  ],
}

describe('request.ts', () => {
  let unauthorized = 0
  beforeEach(() => {
    unauthorized = 0
    vi.mocked(ElMessage).mockClear()
    setLocale('zh-CN')
    configureRequest({ csrfToken: () => 'tok-123', onUnauthorized: () => unauthorized++ })
  })
  afterEach(() => vi.unstubAllGlobals())

  it('sends cookies, Accept-Language and no CSRF header on GET', async () => {
    const calls = mockFetch(200, { items: [], total: 0, page: 1, size: 20 })
    const res = await http.get('/api/v1/system/users', { page: 1, size: 20, username: '', status: undefined })
    expect(res).toEqual({ items: [], total: 0, page: 1, size: 20 })
    expect(calls[0]!.url).toBe('/api/v1/system/users?page=1&size=20')
    expect(calls[0]!.init.credentials).toBe('same-origin')
    expect(headersOf(calls[0]!)['Accept-Language']).toBe('zh-CN')
    expect(headersOf(calls[0]!)['X-CSRF-Token']).toBeUndefined()
  })

  it('adds X-CSRF-Token and a JSON body on every non-GET request', async () => {
    for (const method of ['post', 'put', 'del'] as const) {
      const calls = mockFetch(method === 'del' ? 204 : 200, { ok: true })
      if (method === 'del') await http.del('/api/v1/system/departments/3')
      else await http[method]('/api/v1/system/departments', { name: 'x' })
      expect(headersOf(calls[0]!)['X-CSRF-Token'], method).toBe('tok-123')
      if (method !== 'del') {
        expect(calls[0]!.init.body).toBe('{"name":"x"}')
        expect(headersOf(calls[0]!)['Content-Type']).toBe('application/json')
      }
    }
  })

  it('sends no CSRF header when there is no session', async () => {
    configureRequest({ csrfToken: () => null })
    const calls = mockFetch(200, {})
    await http.post('/api/v1/auth/login', { username: 'a', password: 'b' })
    expect(headersOf(calls[0]!)['X-CSRF-Token']).toBeUndefined()
  })

  it('follows the UI language in Accept-Language', async () => {
    setLocale('en')
    const calls = mockFetch(200, {})
    await http.get('/api/v1/version')
    expect(headersOf(calls[0]!)['Accept-Language']).toBe('en')
  })

  it('maps a problem+json answer to an ApiError and an ElMessage with detail, field errors and request id', async () => {
    mockFetch(422, problem, 'application/problem+json')
    const err = await http.post('/api/v1/system/users', {}).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    const e = err as ApiError
    expect(e.status).toBe(422)
    expect(e.code).toBe('request.invalid')
    expect(e.message).toBe('提交的内容有误')
    expect(ElMessage).toHaveBeenCalledTimes(1)
    const text = shownText()
    expect(text).toContain('提交的内容有误')
    expect(text).toContain('请输入姓名')
    expect(text).toContain('角色不存在')
    expect(text).toContain('req-42')
    expect(vi.mocked(ElMessage).mock.calls[0]![0]).toMatchObject({ type: 'error' })
  })

  it('keeps quiet when asked to (the caller shows the error itself)', async () => {
    mockFetch(401, { status: 401, detail: '用户名或密码错误', code: 'auth.bad_credentials' }, 'application/problem+json')
    const e = (await http.post('/api/v1/auth/login', {}, { silent: true, skipAuthRedirect: true }).catch((x: unknown) => x)) as ApiError
    expect(e.message).toBe('用户名或密码错误')
    expect(ElMessage).not.toHaveBeenCalled()
    expect(unauthorized).toBe(0)
  })

  it('hands a 401 to onUnauthorized (the app goes to /login) without a toast', async () => {
    mockFetch(401, { status: 401, detail: '请先登录', code: 'auth.required' }, 'application/problem+json')
    const e = (await http.get('/api/v1/system/users').catch((x: unknown) => x)) as ApiError
    expect(e.status).toBe(401)
    expect(unauthorized).toBe(1)
    expect(ElMessage).not.toHaveBeenCalled()
  })

  it('falls back to a generic message for a non-JSON error', async () => {
    mockFetch(502, '<html>Bad Gateway</html>', 'text/html')
    const e = (await http.get('/api/v1/version').catch((x: unknown) => x)) as ApiError
    expect(e.problem).toBeNull()
    expect(e.message).toBe('请求失败（HTTP 502）')
    expect(shownText()).toContain('HTTP 502')
  })

  it('reports a network failure', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    const e = (await http.get('/api/v1/version').catch((x: unknown) => x)) as ApiError
    expect(e.status).toBe(0)
    expect(e.message).toBe('无法连接服务器，请检查网络后重试')
    expect(ElMessage).toHaveBeenCalledTimes(1)
  })

  it('accepts listed error statuses as answers (readyz 503)', async () => {
    mockFetch(503, { status: 'starting', database: 'postgresql', migrations: { applied: 3, total: 9 } })
    const r = await http.get<{ status: string }>('/readyz', undefined, { acceptStatus: [503] })
    expect(r.status).toBe('starting')
  })

  it('returns plain text bodies as text (healthz)', async () => {
    mockFetch(200, 'ok', 'text/plain')
    expect(await http.get('/healthz')).toBe('ok')
  })
})

describe('problem helpers', () => {
  it('summary prefers detail, then title, then the status', () => {
    expect(problemSummary({ detail: 'd', title: 't' }, 400)).toBe('d')
    expect(problemSummary({ title: 't' }, 400)).toBe('t')
    expect(problemSummary(null, 404)).toContain('404')
  })

  it('field messages are de-duplicated, falling back to the code', () => {
    expect(
      problemFieldMessages({ errors: [
        { pointer: '/a', code: 'x', message: 'm' },
        { pointer: '/b', code: 'x', message: 'm' },
        { pointer: '/c', code: 'too_long', message: '' },
      ] }),
    ).toEqual(['m', 'too_long'])
  })

  it('fieldErrors keys errors by top-level body field', () => {
    const e = new ApiError(422, problem, 'x')
    expect(fieldErrors(e)).toEqual({ display_name: '请输入姓名', roles: '角色不存在' })
    expect(fieldErrors(new Error('x'))).toEqual({})
  })

  it('buildUrl leaves out empty values and repeats arrays', () => {
    expect(buildUrl('/x', { a: 1, b: '', c: null, d: undefined, e: ['p', 'q'] })).toBe('/x?a=1&e=p&e=q')
    expect(buildUrl('/x?z=1', { a: 'b c' })).toBe('/x?z=1&a=b+c')
    expect(buildUrl('/x', {})).toBe('/x')
  })
})
