// The login page, 404 and the route guard: these need only the built web app (no API).
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { assertAccessible, launch, newPage, startTarget, submitLogin, viewports } from './lib.mjs'

let browser
let target

before(async () => {
  target = await startTarget()
  browser = await launch()
})
after(async () => {
  await browser?.close()
  await target?.close()
})

describe('login page', () => {
  test('renders in Chinese by default, even for an English browser', async () => {
    const { context, page } = await newPage(browser, { locale: 'en-US' })
    await page.goto(`${target.url}/login`)
    await page.getByRole('heading', { name: '工作人员登录' }).waitFor()
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN')
    assert.equal(await page.title(), '登录 - 通办')
    await page.getByLabel('用户名', { exact: true }).waitFor()
    await page.getByLabel('密码', { exact: true }).waitFor()
    assert.equal((await page.locator('.login-submit').innerText()).trim(), '登录')
    await context.close()
  })

  test('switches to English, and remembers it after a reload', async () => {
    const { context, page } = await newPage(browser)
    await page.goto(`${target.url}/login`)
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('heading', { name: 'Staff sign-in' }).waitFor()
    assert.equal(await page.getAttribute('html', 'lang'), 'en')
    await page.getByLabel('Username', { exact: true }).waitFor()
    assert.equal(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'), 'true')
    await page.reload()
    await page.getByRole('heading', { name: 'Staff sign-in' }).waitFor()
    assert.equal(await page.getAttribute('html', 'lang'), 'en')
    // and back
    await page.getByRole('button', { name: '中文' }).click()
    await page.getByRole('heading', { name: '工作人员登录' }).waitFor()
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN')
    await context.close()
  })

  test('large text scales the root font size and is remembered', async () => {
    const { context, page } = await newPage(browser)
    await page.goto(`${target.url}/login`)
    const rootSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))
    const buttonHeight = () => page.locator('.login-submit').evaluate((el) => el.getBoundingClientRect().height)
    const before = { font: await rootSize(), button: await buttonHeight() }
    const toggle = page.getByRole('button', { name: '大字模式' })
    await toggle.click()
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true')
    assert.ok((await rootSize()) >= before.font * 1.2, 'root font grows by at least 20 %')
    assert.ok((await buttonHeight()) > before.button * 1.15, 'controls grow with the text')
    await page.reload()
    assert.ok((await rootSize()) >= before.font * 1.2, 'still large after reload')
    await context.close()
  })

  test('asks for the username and password before sending anything', async () => {
    const { context, page } = await newPage(browser)
    let sent = false
    await page.route('**/api/v1/auth/login', (route) => {
      sent = true
      return route.abort()
    })
    await page.goto(`${target.url}/login`)
    await page.locator('.login-submit').click()
    await page.getByText('请输入用户名').first().waitFor()
    await page.getByText('请输入密码').first().waitFor()
    assert.equal(sent, false)
    await context.close()
  })

  test("shows the server's problem detail, in the UI language", async () => {
    const { context, page } = await newPage(browser)
    let acceptLanguage = ''
    await page.route('**/api/v1/auth/login', (route) => {
      acceptLanguage = route.request().headers()['accept-language'] ?? ''
      return route.fulfill({
        status: 401,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'about:blank', title: 'Unauthorized', status: 401, detail: '用户名或密码错误（测试）', code: 'auth.bad_credentials', request_id: 'r1' }),
      })
    })
    await page.goto(`${target.url}/login`)
    const res = await submitLogin(page, 'someone', 'wrong-password-1')
    assert.equal(res.status(), 401)
    assert.equal(acceptLanguage, 'zh-CN')
    const alert = page.getByTestId('login-error')
    await alert.waitFor()
    assert.match(await alert.innerText(), /用户名或密码错误（测试）/)
    assert.equal(await page.locator('#login-password').inputValue(), '', 'password is cleared after a failure')
    await context.close()
  })

  test('a 423 auth.locked answer shows the lock notice with its time', async () => {
    const { context, page } = await newPage(browser, { viewport: viewports.phone })
    await page.route('**/api/v1/auth/login', (route) =>
      route.fulfill({
        status: 423,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'about:blank', title: 'Locked', status: 423, detail: '连续 5 次登录失败，账号已被锁定', code: 'auth.locked', details: { locked_until: '2026-05-01T10:15:00+08:00' } }),
      }),
    )
    await page.goto(`${target.url}/login`)
    await submitLogin(page, 'someone', 'wrong-password-1')
    const alert = page.getByTestId('login-locked')
    await alert.waitFor()
    const text = await alert.innerText()
    assert.match(text, /账号已被锁定/)
    assert.match(text, /2026-05-01 10:15:00/)
    assert.match(text, /连续 5 次登录失败/)
    await context.close()
  })

  for (const [name, viewport] of Object.entries(viewports)) {
    for (const lang of ['zh-CN', 'en']) {
      test(`is accessible (axe, serious/critical) at ${name} width, ${lang}`, async () => {
        const { context, page } = await newPage(browser, { viewport })
        await page.goto(`${target.url}/login`)
        if (lang === 'en') await page.getByRole('button', { name: 'English' }).click()
        await page.locator('.login-card').waitFor()
        await assertAccessible(page, `login (${name}, ${lang})`)
        // a failure alert on screen must pass too
        await page.route('**/api/v1/auth/login', (route) =>
          route.fulfill({ status: 401, contentType: 'application/problem+json', body: JSON.stringify({ status: 401, detail: 'x', code: 'auth.bad_credentials' }) }),
        )
        await submitLogin(page, 'a', 'b')
        await page.getByTestId('login-error').waitFor()
        await assertAccessible(page, `login with error (${name}, ${lang})`)
        await context.close()
      })
    }
  }

  test('fits a 375 px screen without sideways scrolling', async () => {
    const { context, page } = await newPage(browser, { viewport: viewports.phone })
    await page.goto(`${target.url}/login`)
    await page.locator('.login-card').waitFor()
    for (const large of [false, true]) {
      if (large) await page.getByRole('button', { name: '大字模式' }).click()
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen (large text: ${large})`)
    }
    await context.close()
  })

  test('can be used with the keyboard alone', async () => {
    const { context, page } = await newPage(browser)
    let body = null
    await page.route('**/api/v1/auth/login', (route) => {
      body = route.request().postDataJSON()
      return route.fulfill({ status: 401, contentType: 'application/problem+json', body: JSON.stringify({ status: 401, detail: 'no', code: 'auth.bad_credentials' }) })
    })
    await page.goto(`${target.url}/login`)
    await page.locator('#login-username').focus()
    await page.keyboard.type('alice')
    await page.keyboard.press('Tab')
    await page.keyboard.type('secret-123')
    await page.keyboard.press('Enter')
    await page.getByTestId('login-error').waitFor()
    assert.deepEqual(body, { username: 'alice', password: 'secret-123' })
    await context.close()
  })
})

describe('routing without a session', () => {
  test('an admin page sends an anonymous visitor to the login page, keeping the target', async () => {
    const { context, page } = await newPage(browser)
    await page.route('**/api/v1/auth/me', (route) =>
      route.fulfill({ status: 401, contentType: 'application/problem+json', body: JSON.stringify({ status: 401, code: 'auth.required', detail: '请先登录' }) }),
    )
    await page.goto(`${target.url}/system/users`)
    await page.waitForURL((u) => u.pathname === '/login')
    assert.equal(new URL(page.url()).searchParams.get('redirect'), '/system/users')
    await context.close()
  })

  test('an unknown address shows the 404 page, accessible at 375 px', async () => {
    const { context, page } = await newPage(browser, { viewport: viewports.phone })
    await page.goto(`${target.url}/no/such/page`)
    await page.getByRole('heading', { name: '页面不存在' }).waitFor()
    assert.equal(await page.title(), '页面不存在 - 通办')
    await assertAccessible(page, '404 (phone)')
    await context.close()
  })
})
