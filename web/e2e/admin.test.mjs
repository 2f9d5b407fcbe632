// Administration against the real server (TONGBAN_URL): log in, the menu, departments, users,
// the audit log, permissions and the account lock. Needs the demo administrator (admin / Tongban@2026
// unless TONGBAN_ADMIN_USER / TONGBAN_ADMIN_PASSWORD say otherwise).
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import {
  admin,
  api,
  assertAccessible,
  hasBackend,
  launch,
  login,
  needsBackend,
  newPage,
  startTarget,
  submitLogin,
  unique,
  viewports,
} from './lib.mjs'

let browser
let target
/** An administrator's page and CSRF token, for setting up records through the API. */
let setup

before(async () => {
  if (needsBackend) return
  if (!hasBackend) throw new Error('TONGBAN_URL is not set: under CI=true the administration tests need the real server')
  target = await startTarget()
  browser = await launch()
  const { context, page } = await newPage(browser)
  const csrf = await login(page, target.url)
  setup = { context, page, csrf, call: (method, path, body) => api(page, target.url, csrf, method, path, body) }
})
after(async () => {
  await setup?.context.close()
  await browser?.close()
  await target?.close()
})

/** A department to put test users in (the first one the server lists). */
async function someDepartment() {
  const r = await setup.call('GET', '/api/v1/system/departments')
  assert.equal(r.status, 200)
  assert.ok(r.body.items.length > 0, 'the demo data has departments')
  return r.body.items[0]
}

/** A user made through the API, with a password that satisfies any sane policy. */
async function makeUser(roles) {
  const dept = await someDepartment()
  if (!roles) {
    const rr = await setup.call('GET', '/api/v1/system/roles')
    roles = [rr.body.items[0].code]
  }
  const username = unique('e2e')
  const password = `Pw${Date.now()}x9`
  const r = await setup.call('POST', '/api/v1/system/users', {
    username, display_name: `测试${username.slice(-4)}`, password, department_id: dept.id, roles, status: 'active',
  })
  assert.ok(r.status === 200 || r.status === 201, `create user: ${r.status} ${JSON.stringify(r.body)}`)
  return { username, password, id: r.body?.id }
}

/**
 * Opens an Element Plus select / tree-select by its input and picks the option showing `text`
 * (the first option when `text` is null), found through the input's aria-controls listbox.
 */
async function pickOption(page, input, text) {
  // the select's wrapper takes the click (its placeholder covers the input)
  await input.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " el-select__wrapper ")][1]').click()
  const listbox = page.locator(`#${await input.getAttribute('aria-controls')}`)
  const option = text === null
    ? listbox.locator('.el-select-dropdown__item').first()
    : listbox.getByText(text, { exact: true })
  await option.waitFor()
  await page.waitForTimeout(300) // let the popper's opening transition end
  await option.click()
}

describe('administration (needs the API)', { skip: needsBackend }, () => {
  test("a wrong password shows the server's own error detail", async () => {
    const u = await makeUser()
    const { context, page } = await newPage(browser)
    await page.goto(`${target.url}/login`)
    const res = await submitLogin(page, u.username, `${u.password}-wrong`)
    assert.equal(res.status(), 401)
    const problem = await res.json()
    assert.equal(problem.code, 'auth.bad_credentials')
    assert.ok(problem.detail, 'the problem has a detail')
    const alert = page.getByTestId('login-error')
    await alert.waitFor()
    assert.ok((await alert.innerText()).includes(problem.detail), 'the alert shows the detail verbatim')
    assert.match(page.url(), /\/login/)
    await context.close()
  })

  test('the administrator logs in and sees the whole system menu and the status', async () => {
    const { context, page } = await newPage(browser)
    await login(page, target.url)
    const menu = page.getByRole('navigation', { name: '主菜单' })
    for (const name of ['首页', '系统管理', '用户管理', '部门管理', '角色管理', '操作日志', '登录日志', '在线用户', '参数设置', '节假日日历']) {
      await menu.getByText(name, { exact: true }).waitFor()
    }
    await page.getByTestId('status-ready').waitFor()
    assert.match(await page.getByTestId('status-database').innerText(), /SQLite|PostgreSQL/)
    assert.notEqual((await page.getByTestId('version').innerText()).trim(), '—')
    await assertAccessible(page, 'dashboard')
    await context.close()
  })

  test('creates a department and a user, and finds both in the audit log', async () => {
    const { context, page } = await newPage(browser)
    await login(page, target.url)

    // department
    const deptName = unique('测试部门')
    await page.goto(`${target.url}/system/departments`)
    await page.getByRole('button', { name: '新增部门' }).click()
    const deptDialog = page.getByRole('dialog', { name: '新增部门' })
    await deptDialog.getByLabel('部门名称').fill(deptName)
    await deptDialog.getByLabel('行政区划代码').fill('330100')
    const [deptRes] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/system/departments') && r.request().method() === 'POST'),
      deptDialog.getByRole('button', { name: '保存' }).click(),
    ])
    assert.ok(deptRes.ok(), `create department: ${deptRes.status()} ${await deptRes.text()}`)
    const dept = await deptRes.json()
    assert.ok(dept.id, 'the created department comes back with its id')
    await page.locator('.el-table__body').getByText(deptName, { exact: true }).waitFor()

    // user in that department
    const username = unique('e2eu')
    await page.goto(`${target.url}/system/users`)
    await page.getByRole('button', { name: '新增用户' }).click()
    const userDialog = page.getByRole('dialog', { name: '新增用户' })
    await userDialog.getByLabel('用户名').fill(username)
    await userDialog.getByLabel('姓名').fill('端到端测试')
    await userDialog.getByLabel('初始密码').fill(`Pw${Date.now()}x9`)
    await pickOption(page, userDialog.locator('#user-department'), deptName)
    await pickOption(page, userDialog.locator('#user-roles'), null)
    await userDialog.locator('.el-dialog__title').click() // close the dropdown
    const [userRes] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/system/users') && r.request().method() === 'POST'),
      userDialog.getByRole('button', { name: '保存' }).click(),
    ])
    assert.ok(userRes.ok(), `create user: ${userRes.status()} ${await userRes.text()}`)
    const user = await userRes.json()
    assert.ok(user.id, 'the created user comes back with its id')
    // The demo city has more users than one page holds: find the new one as an admin would.
    await page.getByRole('search').getByLabel('用户名').fill(username)
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/v1/system/users?') && r.url().includes(`username=${username}`)),
      page.getByRole('search').getByRole('button', { name: '搜索' }).click(),
    ])
    await page.locator('.el-table__body').getByText(username, { exact: true }).waitFor()

    // both in the audit log, found by object id
    await page.goto(`${target.url}/system/audit`)
    for (const [id, type] of [[dept.id, /depart/i], [user.id, /user/i]]) {
      await page.getByLabel('对象编号').fill(String(id))
      await Promise.all([
        page.waitForResponse((r) => r.url().includes('/api/v1/system/audit') && r.url().includes(`object_id=${id}`)),
        page.getByRole('button', { name: '搜索' }).click(),
      ])
      const rows = page.locator('.el-table__body tr')
      await rows.first().waitFor()
      const texts = await rows.allInnerTexts()
      assert.ok(
        texts.some((t) => t.includes(String(id)) && type.test(t)),
        `audit has a ${type} record for ${id}:\n${texts.join('\n')}`,
      )
    }
    await context.close()
  })

  test('a user without system rights sees only their pages and is refused the others', async () => {
    const code = unique('e2erole').toLowerCase().replace(/[^a-z0-9_]/g, '_')
    const role = await setup.call('POST', '/api/v1/system/roles', {
      code, name_zh: '日历查看', name_en: 'Calendar viewer', permissions: ['system.calendar.read'], data_scope: 'own',
    })
    assert.ok(role.status === 200 || role.status === 201, `create role: ${role.status} ${JSON.stringify(role.body)}`)
    const u = await makeUser([code])
    const { context, page } = await newPage(browser)
    await login(page, target.url, u)
    const menu = page.getByRole('navigation', { name: '主菜单' })
    await menu.getByText('节假日日历', { exact: true }).waitFor()
    assert.equal(await menu.getByText('用户管理', { exact: true }).count(), 0)
    await page.goto(`${target.url}/system/users`)
    await page.getByText('无权访问').first().waitFor()
    await page.goto(`${target.url}/system/calendar`)
    await page.locator('.month-table').first().waitFor()
    await context.close()
  })

  test('switches the admin UI to English and large text, then logs out', async () => {
    const { context, page } = await newPage(browser)
    await login(page, target.url)
    await page.locator('.user-button').click()
    await page.getByRole('menuitem', { name: 'English' }).click()
    await page.getByRole('navigation', { name: 'Main menu' }).getByText('Users', { exact: true }).waitFor()
    assert.equal(await page.getAttribute('html', 'lang'), 'en')
    await page.locator('.user-button').click()
    await page.getByRole('menuitem', { name: 'Large text' }).click()
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('large-text')), true)
    await page.locator('.user-button').click()
    await page.getByRole('menuitem', { name: 'Sign out' }).click()
    await page.waitForURL((u) => u.pathname === '/login')
    // the session is gone on the server too
    const me = await page.request.get(`${target.url}/api/v1/auth/me`)
    assert.equal(me.status(), 401)
    await page.goto(`${target.url}/system/users`)
    await page.waitForURL((u) => u.pathname === '/login')
    await context.close()
  })

  test('admin list pages pass axe (serious/critical) at desktop width', async () => {
    const { context, page } = await newPage(browser, { viewport: viewports.desktop })
    await login(page, target.url)
    for (const path of ['/system/users', '/system/departments', '/system/roles', '/system/audit', '/system/calendar']) {
      await page.goto(`${target.url}${path}`)
      await page.waitForLoadState('networkidle')
      await assertAccessible(page, path)
    }
    await context.close()
  })

  // Last: locking may also slow down further sign-ins from this address.
  test('the fifth wrong password locks the account, even against the right password', async () => {
    const u = await makeUser()
    const { context, page } = await newPage(browser)
    await page.goto(`${target.url}/login`)
    const statuses = []
    for (let i = 1; i <= 5; i++) {
      const res = await submitLogin(page, u.username, `wrong-${i}-password`)
      statuses.push(res.status())
    }
    assert.deepEqual(statuses.slice(0, 4), [401, 401, 401, 401], `first four failures: ${statuses}`)
    assert.ok([401, 423, 429].includes(statuses[4]), `fifth failure: ${statuses[4]}`)
    const res = await submitLogin(page, u.username, u.password)
    assert.ok([423, 429].includes(res.status()), `the right password after five failures: ${res.status()}`)
    const problem = await res.json()
    assert.equal(problem.code, 'auth.locked')
    const notice = page.getByTestId('login-locked')
    await notice.waitFor()
    assert.match(await notice.innerText(), /锁定/)
    assert.match(page.url(), /\/login/)
    // and the administrator sees the lock
    const list = await setup.call('GET', `/api/v1/system/users?username=${u.username}&page=1&size=20`)
    const row = list.body.items.find((x) => x.username === u.username)
    assert.ok(row?.locked_until && new Date(row.locked_until) > new Date(), `locked_until is set: ${JSON.stringify(row)}`)
    await context.close()
  })
})
