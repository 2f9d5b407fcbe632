// The whole story of a case (issue 6) against the real server with the demo city (TONGBAN_URL),
// each person in their own browser: citizen1 applies online for 特种设备使用登记 (青岛市市场监督管理局:
// 受理 → 审查 → 决定 → 制证出件) and uploads PDFs; window1 in the city hall marks one faulty and asks
// once for a supplement; citizen1 reads the notice in the message centre, uploads again and
// resubmits; window1 accepts; reviewer_scjg forwards; approver_scjg approves; window1 issues
// electronically; citizen1 confirms receipt, sees 已办结, downloads the decision PDF and checks it
// on the public verification page. Then the applicant's pages at 375 px (with large text) and axe, and
// 帮办授权: company1 authorises citizen2 on a phone and revokes it.
// TONGBAN_SHOTS=<dir> also saves screenshots.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { api, assertAccessible, hasBackend, horizontalOverflow, launch, needsBackend, newPage, shot, startTarget, submitLogin, unique, viewports } from './lib.mjs'

const kPassword = process.env.TONGBAN_DEMO_PASSWORD ?? 'Tongban@2026'
/** 特种设备使用登记 of the city's market regulator: two review steps between the window's. */
const kItemName = '特种设备使用登记'
const kFaultyReason = '登记表缺少使用单位公章，请盖章后重新上传'

let browser
let target
/** What the steps share: the case, and each person's page and CSRF token. */
const story = { code: '', caseId: 0, number: '', people: {} }

before(async () => {
  if (!hasBackend && process.env.CI === 'true') throw new Error('TONGBAN_URL is not set: under CI=true the cases tests need the real server')
  target = await startTarget()
  browser = await launch()
})
after(async () => {
  for (const p of Object.values(story.people)) await p.context.close().catch(() => {})
  await browser?.close()
  await target?.close()
})

/** A small, real PDF (the server sniffs the type from the bytes). */
function pdf(text) {
  const body = `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

/** Logs `username` in through the login page, landing on `path`; keeps the page for later steps. */
async function person(username, path, viewport = viewports.desktop) {
  if (story.people[username]) {
    const p = story.people[username]
    await p.page.goto(`${target.url}${path}`)
    return p
  }
  const { context, page } = await newPage(browser, { viewport })
  await page.goto(`${target.url}/login?redirect=${encodeURIComponent(path)}`)
  const res = await submitLogin(page, username, kPassword)
  assert.equal(res.status(), 200, `login as ${username}: ${res.status()} ${await res.text()}`)
  const { csrf_token } = await res.json()
  await page.waitForURL((u) => u.pathname + u.search === path || u.pathname === path.split('?')[0])
  story.people[username] = { context, page, csrf: csrf_token }
  return story.people[username]
}

async function caseDetail(p) {
  const r = await api(p.page, target.url, p.csrf, 'GET', `/api/v1/cases/${story.caseId}`)
  assert.equal(r.status, 200, JSON.stringify(r.body))
  return r.body
}

/** Waits until the page shows the case in `stateZh` (the state tag). */
async function seesState(page, stateZh) {
  await page.locator('.state-tag', { hasText: stateZh }).first().waitFor()
}

// Confirms an action's dialog and expects the server to have taken it (200).
async function confirmAction(page, dialog, caseId, action) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/api/v1/cases/${caseId}/${action}`)),
    dialog.getByTestId('action-confirm').click(),
  ])
  assert.equal(response.status(), 200, await response.text())
}

/** The code of 特种设备使用登记 of the city market regulator (from the public search). */
async function itemCode(page) {
  if (story.code) return story.code
  const found = await (await page.request.get(`${target.url}/api/v1/public/items?q=${encodeURIComponent(kItemName)}&size=20`)).json()
  const item = found.items.find((i) => i.name === kItemName && i.department_name === '青岛市市场监督管理局')
  assert.ok(item, 'the demo catalogue publishes 特种设备使用登记 of the city market regulator')
  story.code = item.code
  return item.code
}

/** Follows `$ref`s (into #/definitions) and merges what sits beside them. */
function deref(root, node) {
  let n = node
  for (let i = 0; i < 8 && n?.$ref; i++) {
    const { $ref, ...rest } = n
    n = { ...$ref.slice(2).split('/').reduce((o, k) => o?.[k], root), ...rest }
  }
  return n
}

/** GB 32100 unified social credit code with both check characters right. */
function creditCode(first8, org8) {
  const alpha = '0123456789ABCDEFGHJKLMNPQRTUWXY'
  const orgVal = (c) => (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55)
  const ow = [3, 7, 9, 10, 5, 8, 4, 2]
  const os = 11 - ([...org8].reduce((s, c, i) => s + orgVal(c) * ow[i], 0) % 11)
  const org9 = org8 + (os === 10 ? 'X' : os === 11 ? '0' : String(os))
  const first17 = first8 + org9
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
  const sum = [...first17].reduce((s, c, i) => s + alpha.indexOf(c) * w[i], 0)
  return first17 + alpha[(31 - (sum % 31)) % 31]
}

/** A valid citizen ID number (GB 11643 check character), different on every call. */
function citizenId() {
  const first17 = `110105${1960 + Math.floor(Math.random() * 40)}0${1 + Math.floor(Math.random() * 9)}1${Math.floor(Math.random() * 9)}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first17].reduce((a, c, i) => a + Number(c) * w[i], 0)
  return first17 + '10X98765432'[sum % 11]
}

/** A value that passes a string field's rules. */
function sample(node, title) {
  switch (node.format) {
    case 'credit-code':
      return creditCode('91370211', 'MA3C7Q2K')
    case 'citizen-id':
      return '11010519491231002X'
    case 'phone-cn':
      return '13905320001'
    case 'division-code':
      return '370202'
    case 'email':
      return 'lin@example.com'
    default:
      return `测试${title ?? ''}`.slice(0, node.maxLength ?? 20)
  }
}

/**
 * Fills every required field of a SchemaForm drawn from `schema`, the way a person would: text
 * typed, dates typed and confirmed, enums picked from their radio buttons or dropdown.
 */
async function fillRequired(page, schema, node = schema, base = '') {
  const n = deref(schema, node)
  for (const key of n.required ?? []) {
    const child = deref(schema, n.properties[key])
    const ptr = `${base}/${key}`
    const field = page.locator(`.schema-form [data-pointer="${ptr}"]`).first()
    if (child.type === 'object') {
      await fillRequired(page, schema, child, ptr)
    } else if (child.enum) {
      const label = (child.enumNames ?? child['x-enumNames'] ?? child.enum)[0]
      if (child.enum.length <= 4) {
        await field.getByText(String(label), { exact: true }).click()
      } else {
        await field.locator('input').click()
        await page.locator('.el-select-dropdown__item:visible', { hasText: String(label) }).first().click()
      }
    } else if (child.format === 'date') {
      const input = field.locator('input')
      await input.fill('2026-10-01')
      await input.press('Enter')
    } else if (child.type === 'integer' || child.type === 'number') {
      await field.locator('input').fill(String(child.minimum ?? 1))
    } else if (child.type === 'string') {
      await field.locator('input, textarea').first().fill(sample(child, child.title))
    }
  }
}

describe('a case from application to completion (needs the API)', { skip: needsBackend }, () => {
  test('citizen1 applies online for 特种设备使用登记 and uploads each material as a PDF', async () => {
    const anon = await newPage(browser)
    const found = await anon.page.request.get(`${target.url}/api/v1/public/items?q=${encodeURIComponent(kItemName)}&size=20`)
    const item = (await found.json()).items.find((i) => i.name === kItemName && i.department_name === '青岛市市场监督管理局')
    assert.ok(item, 'the demo catalogue publishes 特种设备使用登记 of the city market regulator')
    story.code = item.code
    const guide = await (await anon.page.request.get(`${target.url}/api/v1/public/items/${item.code}`)).json()
    assert.deepEqual(guide.workflow.steps.map((s) => s.role), ['window_clerk', 'reviewer', 'approver', 'window_clerk'])
    await anon.context.close()

    const me = await person('citizen1', `/portal/apply/${story.code}`)
    const page = me.page
    await page.getByRole('heading', { name: `在线申办：${kItemName}` }).waitFor()
    await assertAccessible(page, 'the apply page')
    await shot(page, 'cases-apply-form')

    // an empty form is refused in the browser, each field saying why
    await page.getByTestId('create-draft').click()
    await page.getByTestId('create-problem').waitFor()
    assert.ok((await page.locator('.schema-form .sf-error').count()) > 0, 'the empty required fields are marked')

    await fillRequired(page, guide.form_schema)
    const [created] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/cases') && r.request().method() === 'POST'),
      page.getByTestId('create-draft').click(),
    ])
    assert.equal(created.status(), 201, await created.text())
    const draft = await created.json()
    story.caseId = draft.id
    story.number = draft.number
    assert.match(draft.number, /^\d{6}-\d{8}-\d{6}$/)
    await page.waitForURL((u) => u.searchParams.get('case') === String(draft.id))
    await page.getByText(draft.number).first().waitFor()

    // a file that is not a PDF, PNG or JPEG is refused before it is sent
    const wanted = draft.materials.filter((m) => m.required && m.source === 'applicant')
    assert.ok(wanted.length >= 1, 'the item asks the applicant for materials')
    const first = page.getByTestId(`material-${wanted[0].index}`)
    await first.locator('input[type=file]').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') })
    assert.match(await first.getByTestId('upload-error').innerText(), /不是 PDF、PNG 或 JPG/)

    for (const m of wanted) {
      const row = page.getByTestId(`material-${m.index}`)
      const [up] = await Promise.all([
        page.waitForResponse((r) => r.url().includes(`/materials/${m.index}/file`) && r.request().method() === 'PUT'),
        row.locator('input[type=file]').setInputFiles({ name: `${m.name}.pdf`, mimeType: 'application/pdf', buffer: pdf(m.name) }),
      ])
      assert.equal(up.status(), 200, await up.text())
      await row.getByRole('button', { name: `${m.name}.pdf` }).waitFor()
    }
    await shot(page, 'cases-apply-materials')

    const [submitted] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/v1/cases/${story.caseId}/submit`)),
      page.getByTestId('submit-case').click(),
    ])
    assert.equal(submitted.status(), 200, await submitted.text())
    await page.waitForURL((u) => u.pathname === `/portal/cases/${story.caseId}`)
    await seesState(page, '已提交（待受理）')
    await assertAccessible(page, 'the case page, submitted')
  })

  test('window1 finds it in the hall queue, marks the form faulty and asks once for a supplement', async () => {
    assert.ok(story.caseId, 'the case was created')
    const clerk = await person('window1', '/cases/queue')
    const page = clerk.page
    await page.getByRole('heading', { name: '窗口受理' }).waitFor()
    await page.locator('#case-search-queue-q').fill(story.number)
    await page.getByRole('button', { name: '搜索' }).click()
    const row = page.locator('.el-table__body-wrapper tr', { hasText: story.number }).first()
    await row.waitFor()
    await shot(page, 'cases-queue')
    await assertAccessible(page, '窗口受理')
    await row.getByRole('button', { name: '办理' }).click()
    await page.waitForURL((u) => u.pathname === `/cases/detail/${story.caseId}`)
    await page.getByTestId('case-number').filter({ hasText: story.number }).waitFor()

    const detail = await caseDetail(clerk)
    assert.ok(detail.actions.includes('request-supplement'), `window1 may ask for a supplement: ${detail.actions}`)
    const wanted = detail.materials.filter((m) => m.required && m.source === 'applicant')
    story.faulty = wanted[0]
    // the first is faulty, the others fine
    await page.getByTestId(`check-faulty-${story.faulty.index}`).click()
    const dialog = page.getByRole('dialog', { name: `材料有误：${story.faulty.name}` })
    await dialog.locator('#faulty-reason').fill(kFaultyReason)
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/materials/${story.faulty.index}/check`) && r.status() === 200),
      dialog.getByTestId('faulty-confirm').click(),
    ])
    await page.getByTestId(`check-status-${story.faulty.index}`).filter({ hasText: '有误' }).waitFor()
    for (const m of wanted.slice(1)) {
      await Promise.all([
        page.waitForResponse((r) => r.url().endsWith(`/materials/${m.index}/check`) && r.status() === 200),
        page.getByTestId(`check-ok-${m.index}`).click(),
      ])
      await page.getByTestId(`check-status-${m.index}`).filter({ hasText: '合格' }).waitFor()
    }
    await shot(page, 'cases-handle-checklist')
    await assertAccessible(page, 'the handling page')

    await page.getByTestId('action-request-supplement').click()
    const ask = page.getByRole('dialog', { name: '一次性告知补正' })
    // the notice starts from the checklist: the faulty material is ticked with its reason
    const listed = ask.getByTestId(`supplement-row-${story.faulty.index}`)
    assert.equal(await listed.locator('input[type=checkbox]').isChecked(), true)
    assert.equal(await listed.locator('input[type=text]').inputValue(), kFaultyReason)
    await ask.locator('#ad-note').fill('请补正后重新提交')
    await shot(page, 'cases-supplement-dialog')
    const [asked] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/v1/cases/${story.caseId}/request-supplement`)),
      ask.getByTestId('action-confirm').click(),
    ])
    assert.equal(asked.status(), 200, await asked.text())
    await seesState(page, '待补正')
  })

  test('citizen1 reads the notice in the message centre, uploads again and resubmits', async () => {
    const me = await person('citizen1', '/portal/cases')
    const page = me.page
    const bell = page.getByTestId('message-bell')
    await bell.locator('.el-badge__content').waitFor()
    assert.match(await bell.getAttribute('aria-label'), /消息中心，\d+\+? 条未读/)
    await bell.click()
    await page.waitForURL((u) => u.pathname === '/portal/messages')
    const message = page.getByTestId('message').filter({ hasText: story.number }).filter({ hasText: '补正' }).first()
    await message.waitFor()
    await shot(page, 'cases-messages')
    await assertAccessible(page, 'the message centre')
    await message.getByRole('button', { name: '查看详情' }).click()
    await page.waitForURL((u) => u.pathname === `/portal/cases/${story.caseId}`)

    const notice = page.getByTestId('supplement-notice')
    await notice.waitFor()
    const item = notice.getByTestId(`wanted-${story.faulty.index}`)
    assert.match(await item.innerText(), new RegExp(story.faulty.name))
    assert.match(await item.innerText(), new RegExp(kFaultyReason))
    await shot(page, 'cases-supplement-notice')
    await assertAccessible(page, 'the case page with the one-time notice')

    const row = page.getByTestId(`material-${story.faulty.index}`)
    const [up] = await Promise.all([
      page.waitForResponse((r) => r.url().includes(`/materials/${story.faulty.index}/file`) && r.request().method() === 'PUT'),
      row.locator('input[type=file]').setInputFiles({ name: '特种设备使用登记表（已盖章）.pdf', mimeType: 'application/pdf', buffer: pdf('stamped') }),
    ])
    assert.equal(up.status(), 200, await up.text())
    const [resubmitted] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/v1/cases/${story.caseId}/submit`)),
      page.getByTestId('submit-case').click(),
    ])
    assert.equal(resubmitted.status(), 200, await resubmitted.text())
    await seesState(page, '已提交（待受理）')
    const after = await caseDetail(me)
    assert.equal(after.materials.find((m) => m.index === story.faulty.index).versions.length, 2, 'the first file is kept as version 1')
  })

  test('window1 checks the new file and accepts the case', async () => {
    const clerk = await person('window1', `/cases/detail/${story.caseId}`)
    const page = clerk.page
    await seesState(page, '已提交（待受理）')
    const detail = await caseDetail(clerk)
    for (const m of detail.materials.filter((x) => x.required && x.source === 'applicant' && x.status !== 'ok')) {
      await Promise.all([
        page.waitForResponse((r) => r.url().endsWith(`/materials/${m.index}/check`) && r.status() === 200),
        page.getByTestId(`check-ok-${m.index}`).click(),
      ])
      await page.getByTestId(`check-status-${m.index}`).filter({ hasText: '合格' }).waitFor()
    }
    await page.getByTestId('action-accept').click()
    const dialog = page.getByRole('dialog', { name: '受理' })
    await confirmAction(page, dialog, story.caseId, 'accept')
    await seesState(page, '审查中（已受理）')
  })

  test('reviewer_scjg finds it in the review inbox, with its deadline, and forwards it', async () => {
    const reviewer = await person('reviewer_scjg', '/cases/inbox')
    const page = reviewer.page
    await page.getByRole('heading', { name: '审查待办' }).waitFor()
    await page.locator('#case-search-inbox-q').fill(story.number)
    await page.getByRole('button', { name: '搜索' }).click()
    const row = page.locator('.el-table__body-wrapper tr', { hasText: story.number }).first()
    await row.waitFor()
    assert.match(await row.locator('.deadline-tag').innerText(), /剩余 \d+ 个工作日|今日到期|逾期 \d+ 个工作日/)
    await shot(page, 'cases-inbox')
    await assertAccessible(page, '审查待办')
    await row.getByRole('button', { name: '办理' }).click()
    await page.waitForURL((u) => u.pathname === `/cases/detail/${story.caseId}`)
    // only the actions the server allows are offered
    const detail = await caseDetail(reviewer)
    for (const a of ['accept', 'approve', 'issue', 'withdraw']) assert.equal(await page.getByTestId(`action-${a}`).count(), 0, `${a} is not offered to the reviewer`)
    assert.ok(detail.actions.includes('forward'))
    await page.getByRole('tab', { name: '办理时限' }).click()
    await page.getByRole('tab', { name: '办理记录' }).click()
    await shot(page, 'cases-review-detail')
    await assertAccessible(page, 'the review page')
    await page.getByTestId('action-forward').click()
    const dialog = page.getByRole('dialog', { name: '审查通过，送下一环节' })
    await dialog.locator('#ad-opinion').fill('材料齐全，符合特种设备使用登记条件，拟同意。')
    await confirmAction(page, dialog, story.caseId, 'forward')
    await page.getByTestId('action-forward').waitFor({ state: 'detached' })
    assert.equal((await caseDetail(reviewer)).step.role, 'approver')
  })

  test('approver_scjg approves it', async () => {
    const approver = await person('approver_scjg', `/cases/detail/${story.caseId}`)
    const page = approver.page
    await page.getByTestId('action-approve').click()
    const dialog = page.getByRole('dialog', { name: '准予许可' })
    await dialog.locator('#ad-opinion').fill('准予特种设备使用登记。')
    await confirmAction(page, dialog, story.caseId, 'approve')
    await seesState(page, '准予许可（待出件）')
  })

  test('window1 issues the result electronically', async () => {
    const clerk = await person('window1', `/cases/detail/${story.caseId}`)
    const page = clerk.page
    await seesState(page, '准予许可（待出件）')
    await page.getByTestId('action-issue').click()
    const dialog = page.getByRole('dialog', { name: '出件' })
    // mail needs a tracking number; electronic does not
    await dialog.getByText('邮寄送达', { exact: true }).click()
    await dialog.locator('#ad-tracking').waitFor()
    await dialog.getByText('电子送达', { exact: true }).click()
    await dialog.locator('#ad-tracking').waitFor({ state: 'detached' })
    await confirmAction(page, dialog, story.caseId, 'issue')
    await seesState(page, '已出件')
  })

  test('citizen1 confirms receipt, sees 已办结 and downloads the decision as a PDF that the public page calls genuine', async () => {
    const me = await person('citizen1', `/portal/cases/${story.caseId}`)
    const page = me.page
    await seesState(page, '已出件')
    await page.getByTestId('action-complete').click()
    const dialog = page.getByRole('dialog', { name: '办结' })
    await confirmAction(page, dialog, story.caseId, 'complete')
    await seesState(page, '已办结')
    await page.getByTestId('case-history').waitFor()
    await shot(page, 'cases-completed')
    await assertAccessible(page, 'the completed case')

    const detail = await caseDetail(me)
    const decision = detail.documents.find((d) => d.kind === 'decision_approved')
    assert.ok(decision, `a decision among ${detail.documents.map((d) => d.kind)}`)
    const [pdfResponse, download] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/documents/${decision.id}/pdf`)),
      page.waitForEvent('download'),
      page.getByTestId('case-documents').locator(`[data-kind="${decision.kind}"]`).getByRole('button', { name: '下载 PDF' }).click(),
    ])
    assert.equal(pdfResponse.status(), 200)
    assert.match(pdfResponse.headers()['content-type'], /^application\/pdf/)
    // the file the person gets (the page hands the fetched bytes to the browser as a download)
    const bytes = await readFile(await download.path())
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-')
    assert.match(download.suggestedFilename(), /\.pdf$/)

    // the public verification page (no login) knows the document and calls the file genuine
    const anon = await newPage(browser)
    await anon.page.goto(`${target.url}/verify/${decision.code}`)
    await anon.page.getByTestId('verify-record').waitFor()
    assert.match(await anon.page.getByTestId('verify-record').innerText(), new RegExp(story.number))
    await anon.page.getByTestId('verify-file').setInputFiles({ name: 'decision.pdf', mimeType: 'application/pdf', buffer: bytes })
    await anon.page.getByTestId('verify-verdict').waitFor()
    assert.equal(await anon.page.getByTestId('verify-verdict').getAttribute('data-genuine'), 'true')
    await shot(anon.page, 'cases-verify-genuine')
    await assertAccessible(anon.page, 'the verification page')
    const altered = Buffer.concat([bytes, Buffer.from('\n% altered\n')])
    await anon.page.getByTestId('verify-file').setInputFiles({ name: 'altered.pdf', mimeType: 'application/pdf', buffer: altered })
    await anon.page.getByTestId('verify-verdict').and(anon.page.locator('[data-genuine="false"]')).waitFor()
    assert.match(await anon.page.getByTestId('verify-verdict').innerText(), /核验不通过/)
    story.documentCode = decision.code
    await anon.context.close()
  })

  test('the applicant pages fit a 375 px phone, with and without large text, and pass axe', async () => {
    const { context, page } = await newPage(browser, { viewport: viewports.phone })
    await page.goto(`${target.url}/login?redirect=${encodeURIComponent('/portal/cases')}`)
    const res = await submitLogin(page, 'citizen1', kPassword)
    assert.equal(res.status(), 200)
    await page.waitForURL((u) => u.pathname === '/portal/cases')
    const paths = ['/portal/cases', `/portal/cases/${story.caseId}`, '/portal/messages', `/portal/apply/${story.code}`]
    if (story.documentCode) paths.push(`/verify/${story.documentCode}`)
    for (const large of [false, true]) {
      for (const path of paths) {
        await page.goto(`${target.url}${path}`)
        await page.waitForLoadState('networkidle')
        if (large && !(await page.evaluate(() => document.documentElement.classList.contains('large-text')))) {
          await page.getByRole('button', { name: '大字模式' }).click()
        }
        await page.waitForTimeout(200)
        const overflow = await horizontalOverflow(page)
        assert.ok(overflow <= 0, `${path} is ${overflow}px wider than a 375 px screen (large text: ${large})`)
        if (!large) await assertAccessible(page, `${path} at 375 px`)
        await shot(page, `cases-phone${large ? '-large' : ''}${path.replace(/[/?=&%]+/g, '_')}`)
      }
    }
    await context.close()
  })
})

describe('withdrawing, and applying at the window (needs the API)', { skip: needsBackend }, () => {
  test('citizen1 withdraws a draft on a phone, giving a reason in the confirmation dialog', async () => {
    const { context, page } = await newPage(browser, { viewport: viewports.phone })
    await page.goto(`${target.url}/login?redirect=${encodeURIComponent('/portal/cases')}`)
    const res = await submitLogin(page, 'citizen1', kPassword)
    assert.equal(res.status(), 200)
    const { csrf_token } = await res.json()
    await page.waitForURL((u) => u.pathname === '/portal/cases')
    const code = await itemCode(page)
    const made = await api(page, target.url, csrf_token, 'POST', '/api/v1/cases', { item_code: code, form: {} })
    assert.equal(made.status, 201, JSON.stringify(made.body))
    await page.goto(`${target.url}/portal/cases/${made.body.id}`)
    await seesState(page, '草稿')
    await page.getByTestId('action-withdraw').click()
    const dialog = page.getByRole('dialog', { name: '撤回申请' })
    await dialog.locator('#ad-reason').fill('材料准备不全，暂不申请')
    assert.ok((await horizontalOverflow(page)) <= 0, 'the dialog fits the phone')
    await assertAccessible(page, 'the withdraw dialog at 375 px')
    await shot(page, 'cases-phone-withdraw')
    await confirmAction(page, dialog, made.body.id, 'withdraw')
    await seesState(page, '已撤回')
    assert.equal(await page.getByTestId('action-withdraw').count(), 0, 'a withdrawn case offers nothing more')
    await context.close()
  })

  test('window1 registers an applicant on the spot and applies for them (窗口代办)', async () => {
    const { context, page } = await newPage(browser)
    await page.goto(`${target.url}/login?redirect=${encodeURIComponent('/cases/queue')}`)
    assert.equal((await submitLogin(page, 'window1', kPassword)).status(), 200)
    await page.waitForURL((u) => u.pathname === '/cases/queue')
    await page.getByTestId('window-apply').click()
    await page.waitForURL((u) => u.pathname === '/cases/window-apply')
    await page.getByTestId('mode-register').click()
    const reg = page.locator('.wa-register')
    const username = `walkin${Date.now().toString(36)}`
    await reg.locator('[data-pointer="/name"] input').fill('赵来办')
    await reg.locator('[data-pointer="/id_number"] input').fill(citizenId())
    await reg.locator('[data-pointer="/phone"] input').fill(`1390532${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}`)
    await reg.locator('[data-pointer="/username"] input').fill(username)
    const [made] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/cases/applicants')),
      page.getByTestId('register-applicant').click(),
    ])
    assert.equal(made.status(), 201, await made.text())
    await page.getByTestId('registered').waitFor()
    assert.ok((await page.getByTestId('initial-password').innerText()).length >= 8, 'the generated password is shown once')
    await page.getByTestId('chosen-applicant').filter({ hasText: '赵来办' }).waitFor()
    await shot(page, 'cases-window-register')
    await assertAccessible(page, '窗口代办, registered')

    const itemInput = page.getByTestId('item-select').locator('input')
    await itemInput.fill(kItemName)
    await page.locator('.el-select-dropdown__item:visible', { hasText: kItemName }).first().click()
    const guide = await (await page.request.get(`${target.url}/api/v1/public/items/${await itemCode(page)}`)).json()
    await page.locator('.new-case .schema-form').waitFor()
    await fillRequired(page, guide.form_schema)
    const [created] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/cases') && r.request().method() === 'POST'),
      page.getByTestId('create-draft').click(),
    ])
    assert.equal(created.status(), 201, await created.text())
    const draft = await created.json()
    assert.equal(draft.channel, 'window')
    assert.equal(draft.applicant.name, '赵来办')
    for (const m of draft.materials.filter((x) => x.required && x.source === 'applicant')) {
      const [up] = await Promise.all([
        page.waitForResponse((r) => r.url().includes(`/materials/${m.index}/file`) && r.request().method() === 'PUT'),
        page.getByTestId(`material-${m.index}`).locator('input[type=file]').setInputFiles({ name: `${m.name}.pdf`, mimeType: 'application/pdf', buffer: pdf(m.name) }),
      ])
      assert.equal(up.status(), 200, await up.text())
    }
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/v1/cases/${draft.id}/submit`) && r.status() === 200),
      page.getByTestId('submit-case').click(),
    ])
    // the clerk lands on the handling page and can accept at once
    await page.waitForURL((u) => u.pathname === `/cases/detail/${draft.id}`)
    await seesState(page, '已提交（待受理）')
    await page.getByTestId('action-accept').waitFor()
    await context.close()
  })
})

describe('staff cases pages (needs the API)', { skip: needsBackend }, () => {
  test('时限监督 shows open, nearly due and overdue cases by department as a chart and a table', async () => {
    const { context, page } = await newPage(browser)
    await page.goto(`${target.url}/login?redirect=${encodeURIComponent('/cases/supervision')}`)
    const res = await submitLogin(page, 'leader1', kPassword)
    assert.equal(res.status(), 200)
    await page.waitForURL((u) => u.pathname === '/cases/supervision')
    await page.getByRole('heading', { name: '时限监督' }).waitFor()
    const table = page.getByTestId('deadline-table')
    await table.locator('.el-table__body-wrapper tr').first().waitFor()
    assert.ok((await table.locator('.el-table__body-wrapper tr').count()) > 1, 'the demo city has open cases in several departments')
    await page.locator('canvas').first().waitFor()
    await shot(page, 'cases-supervision')
    await assertAccessible(page, '时限监督')
    // a red figure leads to those cases
    const red = table.locator('a.n-red').first()
    if (await red.count()) {
      await red.click()
      await page.waitForURL((u) => u.pathname === '/cases/all' && u.searchParams.get('colour') === 'red')
      await page.locator('.el-table__body-wrapper tr').first().waitFor()
      await shot(page, 'cases-all-red')
    }
    await context.close()
  })

  test('the hall supervisor sees refusals waiting for confirmation', async () => {
    const { context, page } = await newPage(browser)
    await page.goto(`${target.url}/login?redirect=${encodeURIComponent('/cases/refusals')}`)
    const res = await submitLogin(page, 'hall1', kPassword)
    assert.equal(res.status(), 200)
    await page.waitForURL((u) => u.pathname === '/cases/refusals')
    await page.getByRole('heading', { name: '不予受理确认' }).waitFor()
    await page.waitForLoadState('networkidle')
    await shot(page, 'cases-refusals')
    await assertAccessible(page, '不予受理确认')
    const row = page.locator('.el-table__body-wrapper tr').first()
    if (await row.count()) {
      await row.getByRole('button', { name: '办理' }).click()
      await page.getByTestId('pending-refusal').waitFor()
      await page.getByTestId('action-confirm-rejection').waitFor()
      await page.getByTestId('action-overturn-rejection').waitFor()
      await shot(page, 'cases-refusal-detail')
    }
    await context.close()
  })
})

describe('帮办授权: an applicant authorises a helper (needs the API)', { skip: needsBackend }, () => {
  test('company1 grants citizen2 on a phone, sees it listed, meets the server\'s error for an unknown helper and revokes it', async () => {
    const { context, page } = await newPage(browser, { viewport: viewports.phone })
    await page.goto(`${target.url}/login?redirect=${encodeURIComponent('/portal/cases')}`)
    assert.equal((await submitLogin(page, 'company1', kPassword)).status(), 200)
    await page.waitForURL((u) => u.pathname === '/portal/cases')
    await page.getByTestId('nav-assistants').click()
    await page.waitForURL((u) => u.pathname === '/portal/assistants')
    await page.getByRole('heading', { name: '帮办授权', level: 1 }).waitFor()
    await page.waitForLoadState('networkidle')

    // A month ahead in Beijing, typed into the picker as a person with a keyboard would.
    const until = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + 30 * 86_400_000))
    const note = unique('代办食品经营许可变更')
    const form = page.getByTestId('assistant-form')
    async function fill(helper) {
      await page.locator('#assistant-helper').fill(helper)
      await page.locator('#assistant-expires').fill(until)
      await page.locator('#assistant-expires').press('Enter')
      await page.locator('#assistant-note').fill(note)
    }

    await fill('nobody_such_helper')
    const [bad] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/cases/assistants') && r.request().method() === 'POST'),
      page.getByTestId('assistant-grant').click(),
    ])
    assert.equal(bad.status(), 422, await bad.text())
    await form.locator('.el-form-item__error', { hasText: '没有这个帮办人账号' }).waitFor()
    assert.ok((await horizontalOverflow(page)) <= 0, 'the form with its error fits the phone')
    await assertAccessible(page, '帮办授权 with a field error at 375 px')

    await fill('citizen2')
    const [good] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/cases/assistants') && r.request().method() === 'POST'),
      page.getByTestId('assistant-grant').click(),
    ])
    assert.equal(good.status(), 201, await good.text())
    const granted = await good.json()
    assert.equal(granted.expires_on, until)
    const item = page.getByTestId('assistant').filter({ hasText: note })
    await item.waitFor()
    assert.equal(await item.getAttribute('data-status'), 'active')
    assert.match(await item.innerText(), new RegExp(`${granted.helper_name}[\\s\\S]*有效至 ${until}`))
    await page.waitForLoadState('networkidle')
    await shot(page, 'cases-phone-assistants')
    await assertAccessible(page, '帮办授权 at 375 px')

    await item.getByTestId('assistant-revoke').click()
    const dialog = page.getByRole('dialog', { name: '撤销授权' })
    await dialog.waitFor()
    await assertAccessible(page, 'the revoke confirmation at 375 px')
    const [gone] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/v1/cases/assistants/${granted.id}`) && r.request().method() === 'DELETE'),
      dialog.getByRole('button', { name: '撤销授权' }).click(),
    ])
    assert.ok(gone.status() < 300, `DELETE answered ${gone.status()}`)
    await page.getByTestId('assistant').filter({ hasText: note }).and(page.locator('[data-status="revoked"]')).waitFor()
    assert.match(await item.getByTestId('assistant-status').innerText(), /已撤销/)
    assert.equal(await item.getByTestId('assistant-revoke').count(), 0, 'a revoked consent offers nothing more')

    await page.getByRole('button', { name: '大字模式' }).click()
    await page.waitForTimeout(200)
    assert.ok((await horizontalOverflow(page)) <= 0, '帮办授权 fits a 375 px phone with large text')
    await context.close()
  })
})
