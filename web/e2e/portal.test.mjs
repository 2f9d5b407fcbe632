// The public portal 办事大厅 against the real server with the demo city (TONGBAN_URL), as an
// anonymous visitor: search by a two-character word, the service guide with its form checked in
// the browser and on the server, 在线申办, the public lists, a 375 px phone with and without large
// text, and axe. TONGBAN_SHOTS=<dir> also saves screenshots.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { assertAccessible, hasBackend, horizontalOverflow, launch, needsBackend, newPage, shot, startTarget, submitLogin, viewports } from './lib.mjs'

let browser
let target

before(async () => {
  if (!hasBackend && process.env.CI === 'true') throw new Error('TONGBAN_URL is not set: under CI=true the portal tests need the real server')
  target = await startTarget()
  browser = await launch()
})
after(async () => {
  await browser?.close()
  await target?.close()
})

async function getJson(page, path) {
  const res = await page.request.get(`${target.url}${path}`)
  assert.equal(res.status(), 200, `${path}: ${res.status()}`)
  return res.json()
}

/** The code of a published 食品经营许可 entry, from the public search. */
async function foodPermitCode(page) {
  const r = await getJson(page, `/api/v1/public/items?q=${encodeURIComponent('食品经营许可')}&size=20`)
  const it = r.items.find((x) => x.name === '食品经营许可')
  assert.ok(it, 'the demo catalogue publishes 食品经营许可')
  return it.code
}

/**
 * The JSON Pointer of the first field with `format` in a form schema, following $ref and nested
 * objects (the fields SchemaForm draws without any row to add first).
 */
function pointerOfFormat(schema, format) {
  const deref = (node) => {
    let n = node
    for (let i = 0; i < 8 && n?.$ref; i++) {
      const { $ref, ...rest } = n
      n = { ...$ref.slice(2).split('/').reduce((o, k) => o?.[k], schema), ...rest }
    }
    return n
  }
  const walk = (node, base) => {
    const n = deref(node)
    if (n?.format === format) return base
    for (const [k, child] of Object.entries(n?.properties ?? {})) {
      const hit = walk(child, `${base}/${k}`)
      if (hit) return hit
    }
    return null
  }
  return walk(schema, '')
}

describe('public portal routing', () => {
  test('the portal opens without a session, and an admin page still asks for one', async () => {
    const { context, page } = await newPage(browser)
    await page.goto(`${target.url}/portal`)
    await page.getByRole('heading', { name: '网上办事大厅' }).waitFor()
    assert.equal(new URL(page.url()).pathname, '/portal')
    await page.getByRole('link', { name: '工作人员登录' }).click()
    await page.waitForURL((u) => u.pathname === '/login')
    await page.getByRole('link', { name: /网上办事大厅/ }).click()
    await page.waitForURL((u) => u.pathname === '/portal')
    await context.close()
  })
})

describe('public portal (needs the API)', { skip: needsBackend }, () => {
  test('the home page searches 食品 (a two-character word) and finds 食品经营许可, highlighted', async () => {
    const { context, page } = await newPage(browser)
    await page.goto(`${target.url}/portal`)
    await page.getByRole('heading', { name: '网上办事大厅' }).waitFor()
    await page.getByRole('tab', { name: /法人办事/ }).click()
    await page.locator('.theme-card').first().waitFor()
    await shot(page, 'portal-home')
    await page.getByRole('searchbox', { name: '搜索办事事项' }).fill('食品')
    await page.getByRole('button', { name: '搜索' }).click()
    await page.waitForURL((u) => u.pathname === '/portal/search' && u.searchParams.get('q') === '食品')
    const hit = page.getByTestId('search-result').filter({ has: page.getByRole('link', { name: '食品经营许可', exact: true }) }).first()
    await hit.waitFor()
    assert.equal(await hit.locator('h2 mark').first().innerText(), '食品', 'the word is marked in the name')
    assert.match(await page.getByRole('status').first().innerText(), /“食品”共找到 \d+ 个事项/)
    await shot(page, 'portal-search')
    await context.close()
  })

  test('the guide of 食品经营许可 shows every section, the materials an e-licence replaces, and its form', async () => {
    const { context, page } = await newPage(browser)
    const code = await foodPermitCode(page)
    const guide = await getJson(page, `/api/v1/public/items/${code}`)
    await page.goto(`${target.url}/portal/search?q=${encodeURIComponent('食品')}`)
    await page.getByRole('link', { name: '食品经营许可', exact: true }).first().click()
    await page.getByRole('heading', { level: 1, name: '食品经营许可' }).waitFor()
    assert.match(await page.title(), /^食品经营许可 - 办事指南/)
    for (const h of ['基本信息', '受理条件', '申请材料', '办理时限', '收费标准', '跑动次数', '办理地点、时间和咨询电话', '设定依据', '办理流程', '在线填报']) {
      await page.getByRole('heading', { level: 2, name: h }).waitFor()
    }
    const rows = page.getByTestId('guide-materials').locator('tbody tr')
    assert.equal(await rows.count(), guide.materials.length)
    const byLicence = guide.materials.filter((m) => m.source === 'licence').length
    assert.equal(await page.getByTestId('material-elicence').count(), byLicence, 'each e-licence material says 可免提交（电子证照）')
    // the form drawn from the schema: every top-level field, with its title
    for (const [key, prop] of Object.entries(guide.form_schema.properties)) {
      const item = page.locator(`.schema-form [data-pointer="/${key}"]`).first()
      await item.waitFor()
      if (prop.title) assert.ok((await item.innerText()).includes(prop.title), `field ${key} is labelled ${prop.title}`)
    }
    const apply = page.getByTestId('apply-online')
    assert.equal(await apply.getAttribute('href'), `/portal/apply/${code}`)
    await shot(page, 'portal-guide')
    await context.close()
  })

  test('a bad citizen ID shows its error under the field, from the browser and from the server', async () => {
    const { context, page } = await newPage(browser)
    const code = await foodPermitCode(page)
    const guide = await getJson(page, `/api/v1/public/items/${code}`)
    const ptr = pointerOfFormat(guide.form_schema, 'citizen-id')
    assert.ok(ptr, 'the form asks for a citizen ID')
    await page.goto(`${target.url}/portal/items/${code}`)
    const field = page.locator(`.schema-form [data-pointer="${ptr}"]`)
    await field.locator('input').fill('110105194912310021') // check character should be X
    await page.getByTestId('form-check-local').click()
    const error = field.locator('.sf-error')
    await error.waitFor()
    assert.equal(await error.innerText(), '公民身份号码校验码（第 18 位）错误，请核对')
    assert.equal(await field.locator('input').getAttribute('aria-invalid'), 'true')
    // required fields left empty are flagged too, each under its own field
    const firstRequired = guide.form_schema.required[0]
    await page.locator(`.schema-form [data-pointer="/${firstRequired}"]`).first().locator('.sf-error, .sf-group-error').first().waitFor()

    // the server's verdict on the same data
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/v1/public/items/${code}/form/validate`)),
      page.getByTestId('form-check-server').click(),
    ])
    assert.equal(res.status(), 422)
    const problem = await res.json()
    const mine = problem.errors.find((e) => e.pointer === ptr)
    assert.ok(mine, `the server names ${ptr}: ${JSON.stringify(problem.errors)}`)
    await page.getByTestId('server-verdict').waitFor()
    // under its field the message drops the place it names ("/a/b（标题）：…")
    const words = mine.message.replace(/^\/[^：]*：/, '')
    assert.equal(await error.innerText(), words, 'the server message sits under the same field, alone')
    await shot(page, 'portal-guide-form-errors')
    await assertAccessible(page, 'guide with form errors')

    // fixed, the message goes
    await field.locator('input').fill('11010519491231002X')
    await page.getByTestId('form-check-local').click()
    await error.waitFor({ state: 'detached' })
    await context.close()
  })

  test('在线申办 asks an anonymous visitor to log in, keeping the way back', async () => {
    const { context, page } = await newPage(browser)
    const code = await foodPermitCode(page)
    await page.goto(`${target.url}/portal/items/${code}`)
    await page.getByTestId('apply-online').click()
    await page.waitForURL((u) => u.pathname === '/login')
    assert.equal(new URL(page.url()).searchParams.get('redirect'), `/portal/apply/${code}`)
    // a citizen who logs in comes back to the application form (cases.test.mjs follows it through)
    const res = await submitLogin(page, 'citizen1', process.env.TONGBAN_CITIZEN_PASSWORD ?? 'Tongban@2026')
    assert.equal(res.status(), 200, await res.text())
    await page.waitForURL((u) => u.pathname === `/portal/apply/${code}`)
    await page.getByRole('heading', { name: '在线申办：食品经营许可' }).waitFor()
    await page.locator('.schema-form').first().waitFor()
    await page.getByTestId('create-draft').waitFor()
    await assertAccessible(page, 'apply page')
    await context.close()
  })

  test('the public lists page shows a list, searches it and switches kinds', async () => {
    const { context, page } = await newPage(browser)
    await page.goto(`${target.url}/portal/lists`)
    await page.waitForURL((u) => /^\/portal\/lists\/\w+/.test(u.pathname))
    await page.getByTestId('public-list-entry').first().waitFor()
    await page.getByRole('link', { name: '不予行政处罚事项清单' }).click()
    await page.waitForURL((u) => u.pathname === '/portal/lists/no_penalty')
    await page.getByTestId('public-list-entry').first().waitFor()
    const all = await page.getByTestId('public-list-entry').count()
    assert.ok(all > 0)
    await page.getByRole('searchbox', { name: '搜索清单' }).fill('排污')
    await page.getByRole('button', { name: '搜索' }).click()
    await page.waitForURL((u) => u.searchParams.get('q') === '排污')
    await page.getByTestId('public-list-entry').first().waitFor()
    for (const text of await page.getByTestId('public-list-entry').allInnerTexts()) assert.match(text, /排污/)
    await shot(page, 'portal-lists')
    await context.close()
  })

  test('every portal page fits a 375 px phone without sideways scrolling, with and without large text', async () => {
    const { context, page } = await newPage(browser, { viewport: viewports.phone })
    const code = await foodPermitCode(page)
    for (const large of [false, true]) {
      for (const path of ['/portal', `/portal/search?q=${encodeURIComponent('食品')}`, `/portal/items/${code}`, '/portal/lists/territorial']) {
        await page.goto(`${target.url}${path}`)
        await page.waitForLoadState('networkidle')
        if (large && !(await page.evaluate(() => document.documentElement.classList.contains('large-text')))) {
          await page.getByRole('button', { name: '大字模式' }).click()
        }
        await page.waitForTimeout(150)
        const overflow = await horizontalOverflow(page)
        assert.ok(overflow <= 0, `${path} is ${overflow}px wider than a 375 px screen (large text: ${large})`)
        await shot(page, `portal-phone${large ? '-large' : ''}${path.replace(/[/?=&%]+/g, '_')}`)
      }
    }
    await context.close()
  })

  for (const [name, viewport] of Object.entries(viewports)) {
    for (const lang of ['zh-CN', 'en']) {
      test(`portal pages pass axe (serious/critical) at ${name} width, ${lang}`, async () => {
        const { context, page } = await newPage(browser, { viewport })
        const code = await foodPermitCode(page)
        await page.goto(`${target.url}/portal`)
        if (lang === 'en') {
          await page.getByRole('button', { name: 'English' }).click()
          await page.getByRole('navigation', { name: 'Portal' }).getByText('Home', { exact: true }).waitFor()
        }
        for (const path of ['/portal', `/portal/search?q=${encodeURIComponent('食品')}`, `/portal/items/${code}`, '/portal/lists/no_penalty']) {
          await page.goto(`${target.url}${path}`)
          await page.waitForLoadState('networkidle')
          await assertAccessible(page, `${path} (${name}, ${lang})`)
        }
        await context.close()
      })
    }
  }
})
