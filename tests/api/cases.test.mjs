// Cases over HTTP against the real binary and the demo city (docs/cases.md): the whole lifecycle,
// every refusal the issue names (bad form, wrong role or department, wrong state, missing reason,
// bad files, two clerks at once, a withdrawn case touched again), the clocks across the National
// Day holidays with the test clock, notices as PDFs verified in public, the message centre, the
// one window (register on the spot, 窗口无权否决) and 帮办代办.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, client } from './lib/server.mjs';
import { login, demoDatabase } from './lib/session.mjs';

const ITEM = '011301001000-370200';  // 特种设备使用登记: scjg, window → 审查 reviewer → 决定 approver → window
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

let server, db, anon, company, citizen, citizen2, window1, window2, hall1, reviewer, approver, head, otherReviewer, admin;
let creditCode;

before(async () => {
  db = demoDatabase();
  server = await startServer({ db, args: ['--test-clock'] });
  anon = client(server.url);
  // The test clock jumps days ahead: sessions made after this outlive the jumps.
  const setup = await login(server.url, 'admin');
  ok(await setup.call('PUT', '/api/v1/system/parameters/auth.session_hours', { json: { value: 720 } }));
  [company, citizen, citizen2, window1, window2, hall1, reviewer, approver, head, otherReviewer, admin] = await Promise.all(
    ['company1', 'citizen1', 'citizen2', 'window1', 'window2', 'hall1', 'reviewer_scjg', 'approver_scjg', 'head_scjg',
      'reviewer_zjj', 'admin'].map((u) => login(server.url, u)));
  const me = await company.call('GET', '/api/v1/applicant/me');
  assert.equal(me.status, 200, me.text);
  creditCode = me.body.credit_code;
});
after(async () => {
  if (process.env.SHOW_SERVER_LOG) console.error(server.stderr);
  assert.equal(await server.stop(), 0, 'clean shutdown');
  db.cleanup();
});

function problem(res, status, code) {
  assert.equal(res.status, status, `${status} expected, got ${res.status}: ${res.text}`);
  assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
  if (code) assert.equal(res.body.code, code, res.text);
  return res.body;
}

function ok(res, status = 200) {
  assert.equal(res.status, status, res.text);
  return res.body;
}

const form = () => ({
  user_unit: { name: '青岛海晏食品有限公司', credit_code: creditCode },
  category: '电梯',
  variety: '曳引驱动乘客电梯',
  product_no: 'DT-2026-0815',
  manufacturer: '青岛电梯制造有限公司',
  location: '青岛市黄岛区长江中路 88 号',
  division_code: '370211',
  commissioned_on: '2026-11-01',
  safety_manager: { name: '李安全', citizen_id: '11010519491231002X' },
});

const setClock = (iso) => anon('PUT', '/api/v1/test/clock', { json: { now: iso } });
const action = (who, id, name, json = {}) => who.call('POST', `/api/v1/cases/${id}/${name}`, { json });
const upload = (who, id, index, body, name = 'scan.pdf') =>
  who.call('PUT', `/api/v1/cases/${id}/materials/${index}/file?name=${encodeURIComponent(name)}`,
    { body, headers: { 'content-type': 'application/octet-stream' } });
const detail = async (who, id) => ok(await who.call('GET', `/api/v1/cases/${id}`));

// A case of ITEM submitted by `who` with the required applicant materials (0 and 2) uploaded.
async function submitted(who = company, extra = {}) {
  const c = ok(await who.call('POST', '/api/v1/cases', { json: { item_code: ITEM, form: form(), ...extra } }), 201);
  for (const i of [0, 2]) ok(await upload(who, c.id, i, PDF));
  return ok(await action(who, c.id, 'submit'));
}
async function accepted(who = company) {
  const c = await submitted(who);
  return ok(await action(window1, c.id, 'accept'));
}

test('the whole story: apply, supplement, resubmit, accept, two review steps, approve, issue, complete', async () => {
  await setClock('2026-11-23T10:00:00+08:00');
  const draft = ok(await company.call('POST', '/api/v1/cases', { json: { item_code: ITEM, form: {} } }), 201);
  assert.equal(draft.state, 'draft');
  assert.match(draft.number, /^370200-20261123-\d{6}$/);
  assert.deepEqual(draft.steps.map((s) => s.kind), ['acceptance', 'review', 'decision', 'issue']);
  // A form failing the schema: every error listed, nothing changed.
  const bad = problem(await action(company, draft.id, 'submit'), 422, 'form.invalid');
  assert.ok(bad.errors.length >= 5, bad.errors);
  assert.ok(bad.errors.some((e) => e.pointer === '/category'));
  assert.equal((await detail(company, draft.id)).state, 'draft');
  ok(await company.call('PUT', `/api/v1/cases/${draft.id}/form`, { json: { form: form() } }));
  // Files: type sniffed, not trusted; size limited.
  problem(await upload(company, draft.id, 0, Buffer.from('just text, called scan.pdf')), 415, 'cases.file_type');
  problem(await upload(company, draft.id, 0, Buffer.alloc(10 * 1024 * 1024 + 1, 0x25)), 413);
  problem(await upload(company, draft.id, 9, PDF), 404, 'cases.material_not_found');
  const m0 = ok(await upload(company, draft.id, 0, PDF, '登记表.pdf'));
  assert.equal(m0.status, 'submitted');
  assert.equal(m0.versions[0].media_type, 'application/pdf');
  assert.equal(m0.versions[0].file_name, '登记表.pdf');
  ok(await upload(company, draft.id, 2, PNG, 'certificate.png'));
  const sub = ok(await action(company, draft.id, 'submit'));
  assert.equal(sub.state, 'submitted');
  const acceptance = sub.clocks.find((k) => k.kind === 'acceptance');
  assert.equal(acceptance.limit_days, 5);
  assert.equal(acceptance.due_on, '2026-11-30');
  // Nobody else sees it; the clerk of its hall does.
  problem(await citizen.call('GET', `/api/v1/cases/${draft.id}`), 404, 'cases.not_found');
  problem(await otherReviewer.call('GET', `/api/v1/cases/${draft.id}`), 404, 'cases.not_found');
  const queue = ok(await window1.call('GET', '/api/v1/cases?view=queue&size=100&sort=-created_at'));
  assert.ok(queue.items.some((c) => c.id === draft.id));
  // The window asks once for everything; the applicant hears of it without polling.
  problem(await action(window1, draft.id, 'request-supplement', { materials: [] }), 422, 'input.invalid');
  problem(await action(window1, draft.id, 'request-supplement', { materials: [{ index: 2, status: 'faulty' }] }), 422);
  const unreadBefore = ok(await company.call('GET', '/api/v1/messages/unread-count')).unread;
  const sup = ok(await action(window1, draft.id, 'request-supplement', {
    materials: [{ index: 2, status: 'faulty', reason: '合格证扫描不清晰' }], note: '请重新上传清晰扫描件' }));
  assert.equal(sup.state, 'supplement_requested');
  assert.equal(sup.materials[2].status, 'faulty');
  assert.ok(sup.documents.some((d) => d.kind === 'supplement_notice'));
  const messages = ok(await company.call('GET', '/api/v1/messages?unread=true'));
  assert.equal(ok(await company.call('GET', '/api/v1/messages/unread-count')).unread, unreadBefore + 1);
  assert.match(messages.items[0].title, /补正/);
  assert.equal(messages.items[0].link, `/portal/cases/${draft.id}`);
  ok(await company.call('POST', `/api/v1/messages/${messages.items[0].id}/read`), 204);
  problem(await citizen.call('POST', `/api/v1/messages/${messages.items[0].id}/read`), 404, 'messages.not_found');
  // Resubmitting without the faulty material is not a resubmission.
  problem(await action(company, draft.id, 'submit'), 422, 'cases.materials_incomplete');
  const m2 = ok(await upload(company, draft.id, 2, PDF, 'certificate-v2.pdf'));
  assert.deepEqual(m2.versions.map((v) => v.version), [1, 2]);
  const resub = ok(await action(company, draft.id, 'submit'));
  assert.equal(resub.state, 'submitted');
  // A reviewer is not the window: 403; the window accepts.
  problem(await action(reviewer, draft.id, 'accept'), 403);
  const acc = ok(await action(window1, draft.id, 'accept'));
  assert.equal(acc.state, 'in_review');
  assert.equal(acc.step.name, '审查');
  assert.ok(acc.materials.filter((m) => m.source === 'applicant' && m.required).every((m) => m.status === 'ok'));
  const decision = acc.clocks.find((k) => k.kind === 'decision');
  assert.equal(decision.limit_days, 5);
  assert.equal(decision.statutory_limit_days, 15);
  assert.equal(decision.due_on, '2026-11-30');
  // The approver cannot take the reviewer's step; the decision waits for the decision step.
  problem(await action(approver, draft.id, 'forward'), 403, 'cases.not_allowed');
  problem(await action(approver, draft.id, 'approve'), 409, 'cases.not_decision_step');
  problem(await action(reviewer, draft.id, 'return', { reason: '无' }), 409, 'cases.first_step');
  const inbox = ok(await reviewer.call('GET', '/api/v1/cases?view=inbox&size=100&sort=-created_at'));
  assert.ok(inbox.items.some((c) => c.id === draft.id));
  assert.equal(inbox.items.find((c) => c.id === draft.id).deadline.colour, 'green');
  const fwd = ok(await action(reviewer, draft.id, 'forward', { opinion: '材料齐全，符合要求' }));
  assert.equal(fwd.step.is_decision, true);
  assert.equal(fwd.step.role, 'approver');
  problem(await action(approver, draft.id, 'deny', {}), 422, 'input.invalid');
  const appr = ok(await action(approver, draft.id, 'approve', { opinion: '准予登记' }));
  assert.equal(appr.state, 'approved');
  assert.equal(appr.clocks.find((k) => k.kind === 'delivery').due_on, '2026-12-07');
  problem(await action(window1, draft.id, 'issue', { method: 'mail' }), 422, 'input.invalid');
  problem(await action(window1, draft.id, 'issue', { method: 'pigeon' }), 422);
  const issued = ok(await action(window1, draft.id, 'issue', { method: 'mail', tracking_number: 'SF1234567890' }));
  assert.equal(issued.delivery.tracking_number, 'SF1234567890');
  const done = ok(await action(company, draft.id, 'complete'));
  assert.equal(done.state, 'completed');
  assert.deepEqual(done.actions, []);
  problem(await action(company, draft.id, 'withdraw'), 409, 'cases.illegal_transition');
  // History: every step with who took it.
  const actions = done.events.map((e) => e.action);
  for (const a of ['create', 'upload_material', 'submit', 'request-supplement', 'accept', 'forward', 'approve', 'issue', 'complete'])
    assert.ok(actions.includes(a), `${a} in ${actions}`);
  assert.equal(done.events.find((e) => e.action === 'accept').actor, '张窗口');
  // The decision as a PDF, verified in public, unchanged or not.
  const doc = done.documents.find((d) => d.kind === 'decision_approved');
  const pdf = await company.call('GET', `/api/v1/cases/${draft.id}/documents/${doc.id}/pdf`);
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  const bytes = pdf.bytes;
  assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
  const shown = ok(await anon('GET', `/api/v1/public/documents/${doc.code}`));
  assert.equal(shown.case_number, draft.number);
  assert.equal(shown.title, '准予行政许可决定书');
  const genuine = ok(await anon('POST', `/api/v1/public/documents/${doc.code}/check`,
    { body: bytes, headers: { 'content-type': 'application/pdf' } }));
  assert.equal(genuine.genuine, true);
  const tampered = Buffer.from(bytes);
  tampered[tampered.length - 20] ^= 1;
  assert.equal(ok(await anon('POST', `/api/v1/public/documents/${doc.code}/check`,
    { body: tampered, headers: { 'content-type': 'application/pdf' } })).genuine, false);
  problem(await anon('GET', '/api/v1/public/documents/not-a-code'), 404, 'cases.document_not_found');
  // Materials download only by those allowed.
  const file = await reviewer.call('GET', `/api/v1/cases/${draft.id}/materials/2/file?version=1`);
  assert.equal(file.status, 200);
  assert.equal(file.headers.get('content-type'), 'image/png');
  problem(await citizen.call('GET', `/api/v1/cases/${draft.id}/materials/2/file`), 404);
  problem(await otherReviewer.call('GET', `/api/v1/cases/${draft.id}/materials/0/file`), 404);
});

test('two clerks accepting the same case at once: exactly one wins', async () => {
  const c = await submitted();
  const results = await Promise.all([action(window1, c.id, 'accept'), action(window2, c.id, 'accept')]);
  const statuses = results.map((r) => r.status).sort();
  assert.deepEqual(statuses, [200, 409], results.map((r) => r.text).join('\n'));
  const after = await detail(window1, c.id);
  assert.equal(after.events.filter((e) => e.action === 'accept').length, 1);
});

test('a stale version is refused and changes nothing', async () => {
  const c = await submitted();
  problem(await action(window1, c.id, 'accept', { version: c.version - 1 }), 409, 'cases.stale');
  assert.equal((await detail(window1, c.id)).state, 'submitted');
  ok(await action(window1, c.id, 'accept', { version: c.version }));
});

test('a window may not say no on its own: the supervisor confirms or overturns', async () => {
  const c = await submitted();
  problem(await action(window1, c.id, 'propose-rejection', { reason: '不属于本机关职权' }), 422, 'input.invalid');
  const pending = ok(await action(window1, c.id, 'propose-rejection',
    { reason: '不属于本机关职权', legal_basis: '《中华人民共和国行政许可法》第三十二条第一款第（二）项' }));
  assert.equal(pending.state, 'refusal_pending');
  problem(await action(window1, c.id, 'confirm-rejection'), 403);
  problem(await action(hall1, c.id, 'overturn-rejection', {}), 422);
  const back = ok(await action(hall1, c.id, 'overturn-rejection', { reason: '属于本机关职权，应予受理' }));
  assert.equal(back.state, 'submitted');
  ok(await action(window1, c.id, 'propose-rejection', { reason: '申请人不具备主体资格', legal_basis: '第三十二条' }));
  const rejected = ok(await action(hall1, c.id, 'confirm-rejection'));
  assert.equal(rejected.state, 'rejected');
  assert.ok(rejected.documents.some((d) => d.kind === 'rejection_notice'));
  assert.ok(rejected.clocks.every((k) => k.state === 'stopped'));
});

test('deny needs a reason; a denied case is final', async () => {
  const c = await accepted();
  ok(await action(reviewer, c.id, 'forward'));
  problem(await action(approver, c.id, 'deny', { reason: '  ' }), 422, 'input.invalid');
  const denied = ok(await action(approver, c.id, 'deny', { reason: '设备未经监督检验', legal_basis: '《特种设备安全法》第三十三条' }));
  assert.equal(denied.state, 'denied');
  assert.ok(denied.documents.some((d) => d.kind === 'decision_denied'));
  problem(await action(window1, c.id, 'issue', { method: 'pickup' }), 409, 'cases.illegal_transition');
});

test('returning to the previous step needs a reason', async () => {
  const c = await accepted();
  ok(await action(reviewer, c.id, 'forward'));
  problem(await action(approver, c.id, 'return', {}), 422);
  const back = ok(await action(approver, c.id, 'return', { reason: '请补充核查产品编号' }));
  assert.equal(back.step.name, '审查');
});

test('suspension: only the law\'s reasons or the item\'s, and the clock stands still', async () => {
  await setClock('2026-11-23T10:00:00+08:00');
  const c = await accepted();
  problem(await action(reviewer, c.id, 'suspend', { reason_code: 'lunch', days: 3 }), 422, 'input.invalid');
  problem(await action(reviewer, c.id, 'suspend', { reason_code: 'testing', days: 0 }), 422);
  problem(await action(approver, c.id, 'suspend', { reason_code: 'testing', days: 3 }), 403);
  const s = ok(await action(reviewer, c.id, 'suspend', { reason_code: '现场核查', days: 5, note: '安排现场核查' }));
  assert.equal(s.state, 'suspended');
  assert.equal(s.deadline.colour, 'paused');
  assert.ok(s.documents.some((d) => d.kind === 'suspension_notice'));
  problem(await action(approver, c.id, 'approve'), 409, 'cases.illegal_transition');
  await setClock('2026-11-26T10:00:00+08:00');
  const r = ok(await action(reviewer, c.id, 'resume'));
  assert.equal(r.state, 'in_review');
  const clock = r.clocks.find((k) => k.kind === 'decision');
  // Accepted and suspended on Monday 11-23 (its clock counts from the next day), resumed Thursday:
  // Tuesday and Wednesday stood still.
  assert.equal(clock.suspended_days, 2);
  assert.equal(clock.due_on, '2026-12-02');  // 2026-11-30 pushed back two working days
  await setClock('2026-11-23T10:00:00+08:00');
});

test('extension: requested once by the step, approved by the department head, +10 working days', async () => {
  await setClock('2026-11-23T10:00:00+08:00');
  const c = await accepted();
  problem(await action(reviewer, c.id, 'request-extension', {}), 422);
  ok(await action(reviewer, c.id, 'request-extension', { reason: '需组织现场核查' }));
  problem(await action(reviewer, c.id, 'request-extension', { reason: '再延' }), 409, 'cases.extension_used');
  problem(await action(reviewer, c.id, 'approve-extension'), 403);
  const e = ok(await action(head, c.id, 'approve-extension'));
  const clock = e.clocks.find((k) => k.kind === 'decision');
  assert.equal(clock.extended_days, 10);
  assert.equal(clock.due_on, '2026-12-14');
  assert.equal(clock.statutory_due_on, '2026-12-28');
  assert.ok(e.documents.some((d) => d.kind === 'extension_notice'));
  problem(await action(head, c.id, 'approve-extension'), 409, 'cases.no_extension_request');
});

test('容缺受理: a promise within the committed limit, the decision waits for the material', async () => {
  await setClock('2026-11-23T10:00:00+08:00');
  const c = ok(await company.call('POST', '/api/v1/cases', { json: { item_code: ITEM, form: form() } }), 201);
  ok(await upload(company, c.id, 0, PDF));
  ok(await action(company, c.id, 'submit'));
  problem(await action(window1, c.id, 'accept'), 422, 'cases.materials_incomplete');
  problem(await action(window1, c.id, 'accept-with-deficiency', { materials: [2], promised_on: '2027-01-30' }), 422);
  problem(await action(window1, c.id, 'accept-with-deficiency', { materials: [0], promised_on: '2026-11-25' }), 422);
  const a = ok(await action(window1, c.id, 'accept-with-deficiency', { materials: [2], promised_on: '2026-11-25' }));
  assert.equal(a.state, 'in_review');
  assert.equal(a.deficiency.promised_on, '2026-11-25');
  assert.ok(a.documents.some((d) => d.kind === 'deficiency_notice'));
  ok(await action(reviewer, c.id, 'forward'));
  problem(await action(approver, c.id, 'approve'), 409, 'cases.deficiency_outstanding');
  ok(await upload(company, c.id, 2, PDF));
  const checked = ok(await approver.call('POST', `/api/v1/cases/${c.id}/materials/2/check`, { json: { status: 'ok' } }));
  assert.equal(checked.status, 'ok');
  assert.equal((await detail(approver, c.id)).deficiency, null);
  assert.equal(ok(await action(approver, c.id, 'approve')).state, 'approved');
});

test('容缺 never supplied: the scan terminates the case with a notice', async () => {
  await setClock('2026-11-23T10:00:00+08:00');
  const c = ok(await company.call('POST', '/api/v1/cases', { json: { item_code: ITEM, form: form() } }), 201);
  ok(await upload(company, c.id, 0, PDF));
  ok(await action(company, c.id, 'submit'));
  ok(await action(window1, c.id, 'accept-with-deficiency', { materials: [2], promised_on: '2026-11-24' }));
  await setClock('2026-11-25T10:00:00+08:00');
  ok(await admin.call('POST', '/api/v1/cases/deadline-scan'));
  const after = await detail(company, c.id);
  assert.equal(after.state, 'terminated');
  assert.ok(after.documents.some((d) => d.kind === 'termination_notice'));
  assert.equal(after.events.at(-1).actor, '系统');
  await setClock('2026-11-23T10:00:00+08:00');
});

test('an application undecided for 5 working days across National Day counts as accepted from receipt', async () => {
  await setClock('2026-09-30T10:00:00+08:00');
  const c = await submitted();
  assert.equal(c.clocks.find((k) => k.kind === 'acceptance').due_on, '2026-10-13');
  await setClock('2026-10-13T16:00:00+08:00');
  ok(await admin.call('POST', '/api/v1/cases/deadline-scan'));
  assert.equal((await detail(window1, c.id)).state, 'submitted', 'due today is not yet late');
  await setClock('2026-10-14T09:00:00+08:00');
  problem(await window1.call('POST', '/api/v1/cases/deadline-scan'), 403);
  ok(await admin.call('POST', '/api/v1/cases/deadline-scan'));
  const after = await detail(window1, c.id);
  assert.equal(after.state, 'in_review');
  assert.equal(after.events.at(-1).action, 'accept_by_lapse');
  const decision = after.clocks.find((k) => k.kind === 'decision');
  assert.equal(decision.started_on, '2026-09-30', 'the clock runs from the day it was received');
  assert.equal(decision.due_on, '2026-10-13', '5 working days from 2026-09-30');
  const stats = ok(await head.call('GET', '/api/v1/cases/deadline-stats'));
  const scjg = stats.by_department.find((d) => d.department_name === '青岛市市场监督管理局');
  assert.ok(scjg.lapses >= 1, JSON.stringify(scjg));
  assert.ok(scjg.red >= 1, 'its decision clock is already overdue');
  // The city hall's supervisor oversees what its windows took, scjg's case among them.
  const hall = ok(await hall1.call('GET', '/api/v1/cases/deadline-stats'));
  assert.ok(hall.by_department.some((d) => d.department_name === '青岛市市场监督管理局' && d.lapses >= 1), JSON.stringify(hall));
  problem(await citizen.call('GET', '/api/v1/cases/deadline-stats'), 403);
  await setClock('2026-11-23T10:00:00+08:00');
});

test('a withdrawn case touched again is refused', async () => {
  const c = await submitted();
  const w = ok(await action(company, c.id, 'withdraw', { note: '信息填错' }));
  assert.equal(w.state, 'withdrawn');
  const refused = problem(await action(window1, c.id, 'accept'), 409, 'cases.illegal_transition');
  assert.match(refused.detail, /已撤回|withdrawn/);
  problem(await upload(company, c.id, 0, PDF), 409, 'cases.materials_locked');
  problem(await company.call('PUT', `/api/v1/cases/${c.id}/form`, { json: { form: form() } }), 409, 'cases.form_locked');
  problem(await action(company, c.id, 'submit'), 409, 'cases.illegal_transition');
});

test('帮办代办: a helper with the applicant\'s recorded consent applies for them; both are recorded', async () => {
  const cid = (await detail(company, (await submitted()).id)).applicant.id;
  problem(await citizen2.call('POST', '/api/v1/cases', { json: { item_code: ITEM, form: form(), applicant_id: cid } }), 403, 'cases.no_consent');
  problem(await company.call('POST', '/api/v1/cases/assistants', { json: { helper_username: 'nobody', expires_on: '2026-12-31' } }), 422);
  problem(await company.call('POST', '/api/v1/cases/assistants', { json: { helper_username: 'citizen2', expires_on: '2020-01-01' } }), 422);
  const grant = ok(await company.call('POST', '/api/v1/cases/assistants', { json: { helper_username: 'citizen2', expires_on: '2026-12-31', note: '委托办理特种设备登记' } }), 201);
  const c = ok(await citizen2.call('POST', '/api/v1/cases', { json: { item_code: ITEM, form: form(), applicant_id: cid } }), 201);
  assert.equal(c.applicant.id, cid);
  assert.equal(c.helper.name, '高志强');
  for (const i of [0, 2]) ok(await upload(citizen2, c.id, i, PDF));
  const s = ok(await action(citizen2, c.id, 'submit'));
  const ev = s.events.find((e) => e.action === 'submit');
  assert.equal(ev.actor, '高志强');
  assert.equal(ev.on_behalf_of, '青岛海晏食品有限公司');
  ok(await company.call('DELETE', `/api/v1/cases/assistants/${grant.id}`), 204);
  problem(await citizen2.call('POST', '/api/v1/cases', { json: { item_code: ITEM, form: form(), applicant_id: cid } }), 403, 'cases.no_consent');
});

test('one window: a clerk registers an applicant on the spot and applies for them', async () => {
  const reg = ok(await window1.call('POST', '/api/v1/cases/applicants', { json: {
    username: `walkin${process.pid}`, kind: 'natural', name: '孙到场', id_number: '11010519491231002X' } }), 201);
  assert.equal(reg.verified, true);
  assert.ok(reg.initial_password.length >= 12);
  problem(await reviewer.call('POST', '/api/v1/cases/applicants', { json: { username: 'x', kind: 'natural', name: 'x' } }), 403);
  const c = ok(await window1.call('POST', '/api/v1/cases', { json: { item_code: ITEM, form: form(), applicant_id: reg.id } }), 201);
  assert.equal(c.channel, 'window');
  assert.equal(c.applicant.name, '孙到场');
  for (const i of [0, 2]) ok(await upload(window1, c.id, i, PDF));
  const s = ok(await action(window1, c.id, 'submit'));
  assert.equal(s.events.find((e) => e.action === 'submit').on_behalf_of, '孙到场');
  // The applicant, logging in with the password handed over, sees the case.
  const walkin = await login(server.url, reg.username, reg.initial_password);
  const mine = ok(await walkin.call('GET', '/api/v1/cases?view=mine'));
  assert.deepEqual(mine.items.map((x) => x.id), [c.id]);
});

test('scope: reviewers see their department\'s cases only; lists refuse bad filters', async () => {
  const c = await accepted();
  const all = ok(await otherReviewer.call('GET', '/api/v1/cases?size=100'));
  assert.ok(all.items.every((x) => x.department.name !== '青岛市市场监督管理局'));
  problem(await otherReviewer.call('POST', `/api/v1/cases/${c.id}/forward`, { json: {} }), 404);
  problem(await reviewer.call('GET', '/api/v1/cases?view=everything'), 400, 'cases.bad_view');
  problem(await reviewer.call('GET', '/api/v1/cases?state=accepted'), 400, 'cases.bad_state');
  problem(await reviewer.call('GET', '/api/v1/cases?colour=blue'), 400);
  problem(await reviewer.call('GET', '/api/v1/cases?view=queue'), 403, 'cases.not_a_window');
  problem(await reviewer.call('POST', `/api/v1/cases/${c.id}/teleport`, { json: {} }), 404);
  problem(await anon('GET', '/api/v1/cases'), 401);
  problem(await reviewer.call('POST', '/api/v1/cases', { json: { item_code: ITEM } }), 403);
  problem(await company.call('POST', '/api/v1/cases', { json: { item_code: 'NO-SUCH-ITEM' } }), 404);
  problem(await company.call('POST', '/api/v1/cases', { json: { form: {} } }), 422, 'input.invalid');
  const mine = ok(await company.call('GET', '/api/v1/cases?view=all&size=100'));
  assert.ok(mine.items.length > 0);
  assert.ok(mine.items.every((x) => x.applicant.name === '青岛海晏食品有限公司'));
});

test('the demo city holds cases in every state, made through the services', async () => {
  const leader = await login(server.url, 'leader1');
  const states = ['draft', 'submitted', 'supplement_requested', 'refusal_pending', 'in_review', 'suspended', 'approved',
    'denied', 'rejected', 'issued', 'completed', 'withdrawn', 'terminated'];
  let total = 0;
  for (const s of states) {
    const page = ok(await leader.call('GET', `/api/v1/cases?state=${s}&size=1`));
    assert.ok(page.total > 0, `no demo case is ${s}`);
    total += page.total;
  }
  assert.ok(total >= 1500, `${total} demo cases`);
  const late = ok(await leader.call('GET', '/api/v1/cases?colour=red&size=1'));
  assert.ok(late.total > 0, 'some demo cases are late');
  const one = ok(await leader.call('GET', '/api/v1/cases?state=completed&size=1'));
  const d = await detail(leader, one.items[0].id);
  assert.ok(d.events.length >= 5, 'a completed demo case has its history');
});
