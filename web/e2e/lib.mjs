/**
 * Helpers for the browser tests (node --test e2e/). Chromium is Debian's (/usr/bin/chromium),
 * driven by playwright-core; axe-core checks accessibility.
 *
 * Environment:
 *   TONGBAN_URL             the running server (e.g. http://127.0.0.1:8080). Without it the tests
 *                           that need the API are skipped (failed under CI=true), and the rest run
 *                           against web/dist served by a small static server started here.
 *   TONGBAN_ADMIN_USER      default admin
 *   TONGBAN_ADMIN_PASSWORD  default Tongban@2026
 *   CHROMIUM                default /usr/bin/chromium
 */
import { createServer } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import assert from 'node:assert/strict'
import { chromium } from 'playwright-core'

const require = createRequire(import.meta.url)
const distDir = fileURLToPath(new URL('../dist/', import.meta.url))

export const hasBackend = Boolean(process.env.TONGBAN_URL)
export const admin = {
  username: process.env.TONGBAN_ADMIN_USER ?? 'admin',
  password: process.env.TONGBAN_ADMIN_PASSWORD ?? 'Tongban@2026',
}

/** `test(name, { skip: needsBackend }, fn)`: skipped without a server, except in CI where that is a failure. */
export const needsBackend =
  hasBackend || process.env.CI === 'true' ? false : 'needs the API: set TONGBAN_URL to a running tongban server'

export const viewports = {
  phone: { width: 375, height: 740 },
  desktop: { width: 1366, height: 900 },
}

const kChromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: kChromiumArgs })
}

const kTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}

/** Serves web/dist like the C++ server does: files, else index.html; API paths answer 404 problem+json. */
async function startStaticServer() {
  try {
    await stat(join(distDir, 'index.html'))
  } catch {
    throw new Error('web/dist/index.html is missing: run `npm run build` first (or set TONGBAN_URL)')
  }
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    if (path.startsWith('/api/') || path === '/healthz' || path === '/readyz') {
      res.writeHead(404, { 'Content-Type': 'application/problem+json' })
      res.end(JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'no API in static mode', code: 'request.not_found' }))
      return
    }
    let file = normalize(join(distDir, path))
    if (!file.startsWith(distDir)) file = join(distDir, 'index.html')
    try {
      if (!(await stat(file)).isFile()) file = join(distDir, 'index.html')
    } catch {
      file = join(distDir, 'index.html')
    }
    res.writeHead(200, { 'Content-Type': kTypes[extname(file)] ?? 'application/octet-stream' })
    res.end(await readFile(file))
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) }
}

/** The app's base URL: TONGBAN_URL, or a static server of web/dist started for this file. */
export async function startTarget() {
  if (hasBackend) return { url: process.env.TONGBAN_URL.replace(/\/+$/, ''), close: async () => {} }
  return startStaticServer()
}

/**
 * Opens a page in a fresh context (own cookies and localStorage).
 * `locale` sets the browser language; the app ignores it (Chinese first) unless the user chooses.
 */
export async function newPage(browser, { viewport = viewports.desktop, locale = 'zh-CN' } = {}) {
  const context = await browser.newContext({ viewport, locale, timezoneId: 'Asia/Shanghai' })
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  return { context, page }
}

/** Fills the login form and submits; resolves with the login response. */
export async function submitLogin(page, username, password) {
  await page.locator('#login-username').fill(username)
  await page.locator('#login-password').fill(password)
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login') && r.request().method() === 'POST'),
    page.locator('.login-submit').click(),
  ])
  return response
}

/**
 * Logs in through the login page and waits for the home page. Returns the session's CSRF token
 * (for API calls with `api`).
 */
export async function login(page, baseUrl, creds = admin) {
  await page.goto(`${baseUrl}/login`)
  const response = await submitLogin(page, creds.username, creds.password)
  assert.equal(response.status(), 200, `login as ${creds.username} failed: ${response.status()} ${await response.text()}`)
  const { csrf_token } = await response.json()
  await page.waitForURL((u) => !u.pathname.startsWith('/login'))
  await page.locator('.layout-main').waitFor()
  return csrf_token
}

/** Calls the API with the page's cookies (and the CSRF token on writes). Returns {status, body}. */
export async function api(page, baseUrl, csrf, method, path, body) {
  const res = await page.request.fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...(method === 'GET' ? {} : { 'X-CSRF-Token': csrf }) },
    data: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  let json = null
  try {
    json = text ? JSON.parse(text) : null
  } catch {
    json = text
  }
  return { status: res.status(), body: json }
}

const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8')

/**
 * Runs axe-core (WCAG 2.x A/AA rules) on the page and returns the violations of serious or
 * critical impact, each as a readable line.
 */
export async function a11yViolations(page, { exclude = [] } = {}) {
  // Let transitions (dialogs, alerts fading in) finish: half-faded text reads as low contrast.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => {}))))
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.addScriptTag({ content: axeSource })
  const result = await page.evaluate(
    async ({ exclude }) =>
      window.axe.run(
        { include: [document], exclude: exclude.map((s) => [s]) },
        { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] },
      ),
    { exclude },
  )
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)
}

export async function assertAccessible(page, what, opts) {
  const v = await a11yViolations(page, opts)
  assert.deepEqual(v, [], `accessibility violations on ${what}:\n${v.join('\n')}`)
}

/** A name unique to this run, for records the tests create. */
export function unique(prefix) {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`
}

/**
 * Saves a full-page screenshot as `<TONGBAN_SHOTS>/<name>.png` when TONGBAN_SHOTS names a folder
 * (for a person to look at); does nothing otherwise.
 */
export async function shot(page, name) {
  const dir = process.env.TONGBAN_SHOTS
  if (!dir) return
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => {}))))
  await page.screenshot({ path: `${dir.replace(/\/+$/, '')}/${name}.png`, fullPage: true })
}

/** How many CSS pixels the page is wider than the screen (0 when it fits). */
export function horizontalOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
}
