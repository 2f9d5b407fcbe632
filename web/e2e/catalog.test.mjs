// 事项管理 against the real server with the demo city (TONGBAN_URL): the implementation entries with
// their draft editor, publishing and withdrawing, the form schema check, a list import with a bad
// line, the statistics, and axe on every page. TONGBAN_SHOTS=<dir> also saves screenshots.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { api, assertAccessible, hasBackend, launch, login, needsBackend, newPage, shot, startTarget, unique, viewports } from './lib.mjs'

let browser
let target
/** An administrator's page and CSRF token, for setting up and checking records through the API. */
let setup

before(async () => {
  if (needsBackend) return
  if (!hasBackend) throw new Error('TONGBAN_URL is not set: under CI=true the catalogue tests need the real server')
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

/** An active entry with a published version and no draft, whose name contains `name`. */
async function publishedEntry(name) {
  const r = await setup.call('GET', `/api/v1/catalog/items?q=${encodeURIComponent(name)}&status=active&size=50`)
  assert.equal(r.status, 200, JSON.stringify(r.body))
  const e = r.body.items.find((x) => x.name.includes(name) && x.latest_state === 'published')
  assert.ok(e, `the demo catalogue has a published entry named like ${name}`)
  return e
}

/** Opens 实施清单 filtered to one entry's code and waits for its row. */
async function openEntryRow(page, code) {
  await page.goto(`${target.url}/catalog/items`)
  await page.locator('#item-search-q').fill(code)
  await page.getByRole('button', { name: '搜索' }).click()
  const row = page.locator('.el-table__body-wrapper tr', { hasText: code }).first()
  await row.waitFor()
  return row
}

/**
 * Picks the node named `name` in an Element Plus tree-select opened from `input`, waiting out the
 * popper's opening transition (a click during it can be lost), and checks that it took.
 */
async function pickTreeNode(page, input, name) {
  for (let attempt = 0; attempt < 3; attempt++) {
    await input.click()
    const node = page.locator('.el-tree-select__popper:visible').getByText(name, { exact: true })
    await node.waitFor()
    await page.waitForTimeout(300)
    await node.click()
    await page.waitForTimeout(200)
    const wrapper = input.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " el-select__wrapper ")][1]')
    if ((await wrapper.innerText()).includes(name)) return
  }
  assert.fail(`could not pick ${name}`)
}

describe('事项管理 (needs the API)', { skip: needsBackend }, () => {
  test('the administrator opens 实施清单, edits a draft and publishes it; the public guide shows the change', async () => {
    const entry = await publishedEntry('食品经营许可')
    const { context, page } = await newPage(browser)
    await login(page, target.url)
    await page.getByRole('navigation', { name: '主菜单' }).getByText('实施清单', { exact: true }).click()
    await page.getByRole('heading', { name: '实施清单' }).waitFor()
    await shot(page, 'catalog-items')
    await assertAccessible(page, '实施清单')

    await openEntryRow(page, entry.code)
    await page.getByRole('button', { name: '编辑' }).first().click()
    const drawer = page.getByRole('dialog', { name: `编辑：${entry.name}` })
    await drawer.waitFor()
    await drawer.getByText(`基于已发布的 v${entry.latest_version_no} 修改`).waitFor()

    const marker = unique('（e2e 修改）')
    const conditions = drawer.locator('#item-conditions')
    await conditions.fill(`${await conditions.inputValue()}\n${marker}`)
    await drawer.getByText('有未保存的修改').waitFor()
    await shot(page, 'catalog-item-editor')
    await assertAccessible(page, 'entry editor')
    const [saved] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/v1/catalog/items/${entry.id}/draft`) && r.request().method() === 'PUT'),
      drawer.getByTestId('item-save-draft').click(),
    ])
    assert.equal(saved.status(), 200, await saved.text())
    await drawer.getByTestId('editing-draft').filter({ hasText: `v${entry.latest_version_no + 1}` }).waitFor()

    // every tab renders
    for (const tab of ['申请材料', '申请表单', '办理流程', '版本与调整']) {
      await drawer.getByRole('tab', { name: tab }).click()
      await page.waitForTimeout(200)
    }
    await drawer.getByText(`版本 v${entry.latest_version_no + 1}`).waitFor()
    await shot(page, 'catalog-item-versions')

    await drawer.getByTestId('item-publish').click()
    const box = page.locator('.el-message-box')
    await box.waitFor()
    const [published] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/v1/catalog/items/${entry.id}/publish`)),
      box.getByRole('button', { name: '发布' }).click(),
    ])
    assert.equal(published.status(), 200, await published.text())
    await drawer.getByText('版本状态：已发布').waitFor()

    const detail = await setup.call('GET', `/api/v1/catalog/items/${entry.id}`)
    assert.equal(detail.body.published_version_no, entry.latest_version_no + 1)
    assert.ok(detail.body.published.elements.conditions.includes(marker))
    const guide = await setup.call('GET', `/api/v1/public/items/${encodeURIComponent(entry.code)}`)
    assert.ok(guide.body.conditions.includes(marker), 'the public guide shows the published conditions')
    await context.close()
  })

  test('新增实施清单事项 starts the draft from a published entry of the same base item and opens it', async () => {
    const model = await publishedEntry('食品经营许可')
    const { context, page } = await newPage(browser)
    await login(page, target.url)
    await page.goto(`${target.url}/catalog/items`)
    await page.getByRole('button', { name: '新增实施清单事项' }).click()
    const dialog = page.getByRole('dialog', { name: '新增实施清单事项' })
    await dialog.waitFor()
    await dialog.locator('#item-create-base').fill('食品经营许可')
    const option = page.locator('.el-select-dropdown__item:visible', { hasText: `（${model.base_code}）` }).first()
    await option.waitFor()
    await page.waitForTimeout(300) // let the dropdown finish opening
    await option.click()
    // the conditions come from the published sibling
    await dialog.getByText(/其余要素复制自/).waitFor()
    assert.ok((await dialog.locator('#item-create-conditions').inputValue()).length > 0)
    await pickTreeNode(page, dialog.locator('#item-create-department'), '崂山区')
    const code = unique('E2E-N-')
    await dialog.locator('#item-create-code').fill(code)
    await shot(page, 'catalog-item-create')
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/catalog/items') && r.request().method() === 'POST'),
      dialog.getByRole('button', { name: '创建并编辑' }).click(),
    ])
    assert.ok(res.status() === 200 || res.status() === 201, await res.text())
    const drawer = page.getByRole('dialog', { name: /^编辑：食品经营许可/ })
    await drawer.getByTestId('editing-draft').filter({ hasText: 'v1' }).waitFor()
    const created = await setup.call('GET', `/api/v1/catalog/items?q=${code}`)
    assert.equal(created.body.items[0]?.latest_state, 'draft')
    await context.close()
  })

  test("a bad form schema shows the server's own error; the preview says it cannot draw it", async () => {
    const entry = await publishedEntry('公司设立登记')
    const bad = { type: 'object', properties: { name: { type: 'strin', title: '名称' } } }
    const expected = await setup.call('POST', '/api/v1/catalog/forms/check', { schema: bad })
    assert.equal(expected.status, 422)

    const { context, page } = await newPage(browser)
    await login(page, target.url)
    await openEntryRow(page, entry.code)
    await page.getByRole('button', { name: '编辑' }).first().click()
    const drawer = page.getByRole('dialog', { name: `编辑：${entry.name}` })
    await drawer.waitFor()
    await drawer.getByRole('tab', { name: '申请表单' }).click()
    // the preview draws the real form first
    await drawer.locator('.schema-editor-preview .sf-item').first().waitFor()

    await drawer.locator('#item-form-schema-text').fill(JSON.stringify(bad, null, 2))
    await drawer.getByTestId('schema-form-invalid').waitFor()
    const [checked] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/catalog/forms/check')),
      drawer.getByTestId('item-form-schema-check').click(),
    ])
    assert.equal(checked.status(), 422)
    const result = drawer.getByTestId('schema-check-result')
    await result.waitFor()
    const text = await result.innerText()
    assert.ok(text.includes(expected.body.detail), `the alert shows the server's detail: ${text}`)
    assert.ok(text.includes(expected.body.errors[0].message), 'and each of its errors')
    await shot(page, 'catalog-item-bad-schema')

    // a JSON syntax slip is caught before asking the server
    await drawer.locator('#item-form-schema-text').fill('{"type": "object",')
    await drawer.locator('#item-form-schema-parse-error').waitFor()

    // closing with unsaved edits asks first; nothing was saved
    await page.keyboard.press('Escape')
    await page.locator('.el-message-box').getByRole('button', { name: '放弃修改' }).click()
    await drawer.waitFor({ state: 'hidden' })
    const after = await setup.call('GET', `/api/v1/catalog/items/${entry.id}`)
    assert.equal(after.body.draft, null, 'no draft was made')
    await context.close()
  })

  test('withdrawing an entry asks for a reason and takes its guide offline', async () => {
    // an entry of our own, so the demo items stay published
    const model = await publishedEntry('公司设立登记')
    const full = await setup.call('GET', `/api/v1/catalog/items/${model.id}`)
    const code = unique('E2E-')
    const created = await setup.call('POST', '/api/v1/catalog/items', {
      base_item_id: model.base_item_id,
      code,
      department_id: model.department_id,
      elements: full.body.published.elements,
    })
    assert.ok(created.status === 200 || created.status === 201, JSON.stringify(created.body))
    const pub = await setup.call('POST', `/api/v1/catalog/items/${created.body.id}/publish`, {})
    assert.equal(pub.status, 200, JSON.stringify(pub.body))
    assert.equal((await setup.call('GET', `/api/v1/public/items/${code}`)).status, 200)

    const { context, page } = await newPage(browser)
    await login(page, target.url)
    await openEntryRow(page, code)
    await page.getByRole('button', { name: '更多' }).first().click()
    await page.getByRole('menuitem', { name: '撤回' }).click()
    const dialog = page.getByRole('dialog', { name: '撤回' })
    await dialog.waitFor()
    await dialog.getByRole('button', { name: '撤回' }).click()
    await dialog.getByText('请输入原因').waitFor() // the reason is required
    await dialog.locator('#action-reason').fill('e2e：测试撤回')
    await shot(page, 'catalog-item-withdraw')
    await assertAccessible(page, 'withdraw dialog')
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/v1/catalog/items/${created.body.id}/withdraw`)),
      dialog.getByRole('button', { name: '撤回' }).click(),
    ])
    assert.equal(res.status(), 200, await res.text())
    await dialog.waitFor({ state: 'hidden' })
    assert.equal((await setup.call('GET', `/api/v1/public/items/${code}`)).status, 404, 'the guide is offline')
    await context.close()
  })

  test('下放 hands an entry to a lower department: the new entry is taken over, the old one marked delegated', async () => {
    const model = await publishedEntry('公司设立登记')
    const full = await setup.call('GET', `/api/v1/catalog/items/${model.id}`)
    const depts = (await setup.call('GET', '/api/v1/system/departments')).body.items
    const city = depts.find((d) => d.name === '青岛市市场监督管理局')
    const district = depts.find((d) => d.name === '青岛西海岸新区市场监督管理局')
    assert.ok(city && district, 'the demo city has both market regulators')
    const code = unique('E2E-D-')
    const created = await setup.call('POST', '/api/v1/catalog/items', {
      base_item_id: model.base_item_id,
      code,
      department_id: city.id,
      elements: full.body.published.elements,
    })
    assert.ok(created.status === 200 || created.status === 201, JSON.stringify(created.body))
    assert.equal((await setup.call('POST', `/api/v1/catalog/items/${created.body.id}/publish`, {})).status, 200)

    const { context, page } = await newPage(browser)
    await login(page, target.url)
    await openEntryRow(page, code)
    await page.getByRole('button', { name: '更多' }).first().click()
    await page.getByRole('menuitem', { name: '下放' }).click()
    const dialog = page.getByRole('dialog', { name: '下放' })
    await dialog.waitFor()
    // the picker offers departments below the city level only
    await dialog.locator('#action-department').click()
    const tree = page.locator('.el-tree-select__popper:visible')
    await tree.getByText(district.name, { exact: true }).waitFor()
    assert.equal(await tree.getByText('青岛市公安局', { exact: true }).count(), 0, 'no other city department')
    await page.keyboard.press('Escape')
    await pickTreeNode(page, dialog.locator('#action-department'), district.name)
    await dialog.locator('#action-code').fill(`${code}-370211`)
    await dialog.locator('#action-reason').fill('e2e：按属地下放')
    await shot(page, 'catalog-item-delegate')
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/v1/catalog/items/${created.body.id}/delegate`)),
      dialog.getByRole('button', { name: '下放' }).click(),
    ])
    assert.equal(res.status(), 200, await res.text())
    const taken = await res.json()
    assert.equal(taken.code, `${code}-370211`)
    assert.equal(taken.department_id, district.id)
    await dialog.waitFor({ state: 'hidden' })
    const old = await setup.call('GET', `/api/v1/catalog/items/${created.body.id}`)
    assert.equal(old.body.status, 'delegated')

    // the old entry's 版本与调整 shows the 下放 with both departments
    await openEntryRow(page, code)
    await page.getByRole('button', { name: '详情' }).first().click()
    const drawer = page.getByRole('dialog', { name: /公司设立登记/ })
    await drawer.getByRole('tab', { name: '版本与调整' }).click()
    await drawer.locator('tr', { hasText: '下放' }).filter({ hasText: district.name }).waitFor()
    await context.close()
  })

  test('清单管理 imports a CSV with a bad line: the check names the line, only the good lines go in when asked', async () => {
    const tag = unique('E2E')
    const csv = [
      '编号,违法行为,法律依据,适用条件,执法领域,实施部门',
      `${tag}-1,e2e 违法行为一,《测试条例》第一条,初次违法且危害后果轻微并及时改正,市场监管,`,
      `${tag}-2,,《测试条例》第二条,初次违法,市场监管,`,
      `${tag}-3,e2e 违法行为三,《测试条例》第三条,初次违法且及时改正,市场监管,`,
    ].join('\n')

    const { context, page } = await newPage(browser)
    await login(page, target.url)
    await page.goto(`${target.url}/catalog/lists?kind=no_penalty`)
    await page.getByRole('tab', { name: '不予行政处罚事项清单' }).waitFor()
    await page.locator('.el-table__body-wrapper tr').first().waitFor()
    await shot(page, 'catalog-lists')
    await page.getByTestId('lists-import').click()
    const dialog = page.getByRole('dialog', { name: /导入/ })
    await dialog.waitFor()
    // a file whose header names no column is refused as a whole, in the server's words
    await dialog.locator('#list-import-file').setInputFiles({ name: 'wrong.csv', mimeType: 'text/csv', buffer: Buffer.from('foo,bar\n1,2\n', 'utf8') })
    await dialog.getByTestId('import-check').click()
    await dialog.getByTestId('import-failure').filter({ hasText: '表头' }).waitFor()
    assert.equal(await dialog.getByTestId('import-report').count(), 0)
    await dialog.locator('#list-import-file').setInputFiles({ name: 'no_penalty.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') })
    await dialog.getByTestId('import-check').click()
    const report = dialog.getByTestId('import-report')
    await report.waitFor()
    const rows = await report.locator('.el-table__body tr').allInnerTexts()
    assert.equal(rows.length, 1, `one bad line: ${rows}`)
    assert.match(rows[0], /^3\s/, `the report names line 3 (the header is line 1): ${rows[0]}`)
    assert.match(rows[0], /违法行为/)
    assert.match(await dialog.getByTestId('import-summary').innerText(), /错误行号：3/)
    assert.equal(await dialog.getByTestId('import-run').isDisabled(), true, 'no import while a line is bad and partial is not ticked')
    await shot(page, 'catalog-lists-import-check')
    await assertAccessible(page, 'import report')

    await dialog.getByTestId('import-partial').click()
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/v1/catalog/lists/no_penalty/import') && !r.url().includes('dry_run=true')),
      dialog.getByTestId('import-run').click(),
    ])
    assert.equal(res.status(), 200, await res.text())
    assert.ok(res.url().includes('partial=true'))
    await dialog.getByTestId('import-result').waitFor()
    assert.match(await dialog.getByTestId('import-result').innerText(), /导入 2 行/)

    const listed = await setup.call('GET', `/api/v1/catalog/lists/no_penalty?q=${tag}&size=10`)
    assert.deepEqual(listed.body.items.map((e) => e.fields.code).sort(), [`${tag}-1`, `${tag}-3`])
    await context.close()
  })

  test('a credit code failing only its check character is imported flagged 待核实, and the export carries it', async () => {
    const code = unique('E2E-CC-')
    const csv = [
      '实施部门,权力类型,事项名称,事项编码,设定依据,实施主体统一社会信用代码',
      `青岛市市场监督管理局,行政许可,e2e 待核实事项,${code},《测试条例》第一条,91350100M000100Y44`,
    ].join('\n')
    const { context, page } = await newPage(browser)
    await login(page, target.url)
    await page.goto(`${target.url}/catalog/lists?kind=power`)
    await page.locator('.el-table__body-wrapper tr').first().waitFor()
    await page.getByTestId('lists-import').click()
    const dialog = page.getByRole('dialog', { name: /导入/ })
    await dialog.locator('#list-import-file').setInputFiles({ name: 'power.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') })
    await dialog.getByTestId('import-check').click()
    const report = dialog.getByTestId('import-report')
    await report.waitFor()
    const rows = await report.locator('.el-table__body tr').allInnerTexts()
    assert.equal(rows.length, 1)
    assert.match(rows[0], /^2\s+待核实/, `line 2 is a warning, not an error: ${rows[0]}`)
    assert.equal(await dialog.getByTestId('import-run').isDisabled(), false, 'warnings alone do not stop the import')
    await dialog.getByTestId('import-run').click()
    await dialog.getByTestId('import-result').waitFor()
    await dialog.getByRole('button', { name: '关闭', exact: true }).last().click()
    await dialog.waitFor({ state: 'hidden' })

    await page.locator('#lists-search-q').fill(code)
    await page.getByRole('button', { name: '搜索' }).click()
    const row = page.locator('.el-table__body-wrapper tr', { hasText: code })
    await row.waitFor()
    await page.locator('.el-table__body tr', { hasText: '待核实' }).first().waitFor()
    assert.equal(await page.locator('.el-table__body-wrapper tr').count(), 1)

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()])
    assert.match(download.suggestedFilename(), /^权责清单.*\.csv$/)
    const path = await download.path()
    const text = (await import('node:fs')).readFileSync(path, 'utf8')
    assert.ok(text.includes(code), 'the export has the imported row')
    await context.close()
  })

  test('an exported XLSX reads back through the import check: every line is already on the list', async () => {
    const listed = await setup.call('GET', '/api/v1/catalog/lists/lighter_penalty?size=1')
    const { context, page } = await newPage(browser)
    await login(page, target.url)
    await page.goto(`${target.url}/catalog/lists?kind=lighter_penalty`)
    await page.locator('.el-table__body-wrapper tr').first().waitFor()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 XLSX' }).click()])
    assert.match(download.suggestedFilename(), /^减轻处罚清单.*\.xlsx$/)
    const bytes = (await import('node:fs')).readFileSync(await download.path())
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX is a zip')

    await page.getByTestId('lists-import').click()
    const dialog = page.getByRole('dialog', { name: /导入/ })
    await dialog.locator('#list-import-file').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes })
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/lists/lighter_penalty/import') && r.url().includes('format=xlsx')),
      dialog.getByTestId('import-check').click(),
    ])
    assert.equal(res.status(), 200)
    const report = dialog.getByTestId('import-report')
    await report.waitFor()
    const rows = await report.locator('.el-table__body tr').allInnerTexts()
    assert.equal(rows.length, listed.body.total, 'one line per entry, each a duplicate')
    assert.match(rows[0], /^2\s/)
    assert.equal(await dialog.getByTestId('import-run').isDisabled(), true)
    await context.close()
  })

  test('the 属地管理 tab answers who is responsible for a matter at a division', async () => {
    const list = await setup.call('GET', '/api/v1/catalog/lists/territorial?size=50')
    const entry = list.body.items.find((e) => /^\d{9}$/.test(String(e.fields.division_code)))
    assert.ok(entry, 'the demo list has a street-level entry')
    const expected = await setup.call('GET', `/api/v1/catalog/responsibility?matter=${encodeURIComponent(entry.fields.matter)}&division=${entry.fields.division_code}`)
    assert.equal(expected.status, 200)
    const { context, page } = await newPage(browser)
    await login(page, target.url)
    await page.goto(`${target.url}/catalog/lists?kind=territorial`)
    await page.locator('#resp-matter').fill(String(entry.fields.matter))
    await page.locator('#resp-division').fill(String(entry.fields.division_code))
    await page.getByTestId('resp-ask').click()
    const answer = page.getByTestId('resp-answer')
    await answer.waitFor()
    assert.ok((await answer.innerText()).includes(expected.body.department_name))
    await assertAccessible(page, 'territorial list with the query')
    await context.close()
  })

  test('a leader may read the catalogue and its statistics but change nothing', async () => {
    const { context, page } = await newPage(browser)
    const requests = []
    page.on('response', (r) => r.status() === 403 && requests.push(r.url()))
    await login(page, target.url, { username: 'leader1', password: process.env.TONGBAN_LEADER_PASSWORD ?? 'Tongban@2026' })
    const menu = page.getByRole('navigation', { name: '主菜单' })
    for (const name of ['事项管理', '基本目录', '实施清单', '证照目录', '清单管理', '事项统计']) await menu.getByText(name, { exact: true }).waitFor()
    await menu.getByText('实施清单', { exact: true }).click()
    await page.locator('.el-table__body-wrapper tr').first().waitFor()
    assert.equal(await page.getByRole('button', { name: '新增实施清单事项' }).count(), 0)
    await page.getByRole('button', { name: '详情' }).first().click()
    const drawer = page.getByRole('dialog', { name: /^查看：/ })
    await drawer.waitFor()
    assert.equal(await drawer.getByTestId('item-publish').count(), 0)
    assert.equal(await drawer.locator('#item-conditions').isDisabled(), true)
    await page.goto(`${target.url}/catalog/lists`)
    await page.locator('.el-table__body-wrapper tr').first().waitFor()
    assert.equal(await page.getByTestId('lists-import').count(), 0)
    assert.deepEqual(requests, [], 'the pages ask only for what a leader may read')
    await context.close()
  })

  test('事项统计 shows the server’s figures, and every 事项管理 page passes axe', async () => {
    const stats = await setup.call('GET', '/api/v1/catalog/stats')
    assert.equal(stats.status, 200)
    const { context, page } = await newPage(browser, { viewport: viewports.desktop })
    await login(page, target.url)
    await page.goto(`${target.url}/catalog/stats`)
    await page.getByTestId('kpi-entries').waitFor()
    assert.match(await page.getByTestId('kpi-entries').innerText(), new RegExp(`^${stats.body.totals.entries}\\b`))
    assert.match(await page.getByTestId('kpi-compression').innerText(), /%/)
    assert.equal(await page.locator('.echart canvas').count() >= 6, true, 'six charts are drawn')
    await shot(page, 'catalog-stats')
    for (const path of ['/catalog/base-items', '/catalog/items', '/catalog/licence-types', '/catalog/lists', '/catalog/stats']) {
      await page.goto(`${target.url}${path}`)
      await page.waitForLoadState('networkidle')
      await assertAccessible(page, path)
    }
    // the licence type dialog with its schema editor and preview
    const types = await setup.call('GET', '/api/v1/catalog/licence-types?size=1')
    const first = types.body.items[0]
    await page.goto(`${target.url}/catalog/licence-types`)
    await page.getByRole('button', { name: '编辑' }).first().click()
    const dialog = page.getByRole('dialog', { name: '编辑证照类型' })
    await dialog.locator('.schema-editor-preview .sf-item').first().waitFor()
    assert.equal(await dialog.locator('#licence-type-code').inputValue(), first.code, 'the dialog shows the chosen type')
    assert.equal(await dialog.locator('#licence-type-name').inputValue(), first.name)
    const drawn = await dialog.locator('.schema-editor-preview .sf-item').count()
    assert.ok(drawn >= Object.keys(first.fields_schema.properties ?? {}).length, 'the preview draws its fields')
    await shot(page, 'catalog-licence-type-dialog')
    await assertAccessible(page, 'licence type dialog')
    await context.close()
  })
})
