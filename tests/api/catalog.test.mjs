// The service catalogue over HTTP, on the demo city: the public searches Chinese words of any
// length and reads guides without logging in; administrators keep entries through versions and
// dated adjustments; bad input is refused with every problem named and nothing changed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, client } from './lib/server.mjs';
import { login, demoDatabase } from './lib/session.mjs';

let server, db, anon, admin, departments;

before(async () => {
  db = demoDatabase();
  server = await startServer({ db });
  anon = client(server.url);
  admin = await login(server.url, 'admin');
  departments = (await admin.call('GET', '/api/v1/system/departments')).body.items;
});
after(async () => {
  assert.equal(await server.stop(), 0);
  db.cleanup();
});

const dept = (name) => {
  const d = departments.find((x) => x.name === name);
  assert.ok(d, `department ${name}`);
  return d.id;
};

const ELEMENTS = {
  conditions: '申请人具有合法主体资格。\n经营场所符合要求。',
  materials: [
    { name: '申请书', required: true, form: 'original', copies: 1 },
    { name: '营业执照', source: 'licence', licence_type_code: 'LT-YYZZ' },
  ],
  statutory_limit_days: 20,
  committed_limit_days: 5,
  immediate: false,
  fees: [],
  online_depth: 4,
  visits: 0,
  window_category: 'market_access',
  form_schema: {
    type: 'object',
    required: ['name', 'phone'],
    properties: { name: { type: 'string', title: '名称', minLength: 2 }, phone: { type: 'string', format: 'phone-cn' } },
  },
  workflow: { steps: [{ name: '受理', role: 'window_clerk', days: 0 }, { name: '审查', role: 'reviewer', days: 3 }], suspensions: ['inspection'] },
};

let serial = 0;
async function newBase() {
  const code = `TEST${Date.now() % 100000}${++serial}`;
  const res = await admin.call('POST', '/api/v1/catalog/base-items', {
    json: { code, name: `测试许可事项${serial}`, power_type: 'licensing', legal_basis: '《中华人民共和国行政许可法》第十二条', audience: ['legal'], themes: ['开办企业'], levels: ['city', 'district', 'street'] },
  });
  assert.equal(res.status, 201, res.text);
  return res.body;
}

test('the public finds items by two-character words, one character and longer phrases, without logging in', async () => {
  const food = await anon('GET', `/api/v1/public/items?q=${encodeURIComponent('食品')}`);
  assert.equal(food.status, 200, food.text);
  assert.ok(food.body.total >= 1);
  assert.match(food.body.items[0].name, /食品/, 'a name hit ranks first');
  assert.ok(food.body.items.some((i) => i.name.includes('食品经营许可')));
  for (const q of ['发票', '社保', '证', '不动产登记', '施工许可']) {
    const r = await anon('GET', `/api/v1/public/items?q=${encodeURIComponent(q)}`);
    assert.equal(r.status, 200, r.text);
    assert.ok(r.body.total >= 1, `${q} finds something`);
  }
  const none = await anon('GET', `/api/v1/public/items?q=${encodeURIComponent('量子纠缠')}`);
  assert.equal(none.body.total, 0);
  const legal = await anon('GET', '/api/v1/public/items?audience=legal&size=100');
  assert.ok(legal.body.items.every((i) => i.audience.includes('legal')));
  assert.equal((await anon('GET', '/api/v1/public/items?size=101')).status, 400);
  assert.equal((await anon('GET', '/api/v1/public/items?audience=alien')).status, 400);
  assert.equal((await anon('GET', `/api/v1/public/items?q=${'字'.repeat(101)}`)).status, 400);
});

test('the portal home counts published items by theme, department and audience', async () => {
  const home = await anon('GET', '/api/v1/public/catalog/home');
  assert.equal(home.status, 200, home.text);
  assert.ok(home.body.audience.legal > 0 && home.body.audience.natural > 0);
  assert.ok(home.body.themes.some((t) => t.name === '开办企业'));
  const all = await anon('GET', '/api/v1/public/items?size=1');
  assert.equal(home.body.departments.reduce((n, d) => n + d.count, 0), all.body.total);
});

test('a guide carries every element and its form reports every error at once', async () => {
  const found = await anon('GET', `/api/v1/public/items?q=${encodeURIComponent('食品经营许可')}`);
  const code = found.body.items[0].code;
  const guide = await anon('GET', `/api/v1/public/items/${encodeURIComponent(code)}`);
  assert.equal(guide.status, 200, guide.text);
  for (const key of ['conditions', 'materials', 'statutory_limit_days', 'committed_limit_days', 'fees', 'visits', 'window_category', 'legal_basis', 'department', 'form_schema', 'workflow'])
    assert.ok(key in guide.body, key);
  assert.ok(guide.body.committed_limit_days <= guide.body.statutory_limit_days);
  for (const m of guide.body.materials.filter((x) => x.licence_type_code))
    assert.ok(m.licence_type_name, `material ${m.name} names its licence type`);
  const required = guide.body.form_schema.required ?? [];
  assert.ok(required.length >= 2, 'the demo form has required fields');
  const empty = await anon('POST', `/api/v1/public/items/${encodeURIComponent(code)}/form/validate`, { json: {} });
  assert.equal(empty.status, 422, empty.text);
  assert.equal(empty.body.errors.filter((e) => e.code === 'required').length, required.length, 'none missed');
  assert.equal((await anon('GET', '/api/v1/public/items/NO-SUCH-CODE')).status, 404);
});

test('an entry goes draft → published → new version → superseded, and the public sees only published ones', async () => {
  const base = await newBase();
  const code = `${base.code}-370200`;
  const made = await admin.call('POST', '/api/v1/catalog/items', { json: { base_item_id: base.id, code, department_id: dept('青岛市行政审批服务局'), elements: ELEMENTS } });
  assert.equal(made.status, 201, made.text);
  assert.equal(made.body.latest_state, 'draft');
  assert.equal((await anon('GET', `/api/v1/public/items/${code}`)).status, 404, 'a draft is not public');
  const published = await admin.call('POST', `/api/v1/catalog/items/${made.body.id}/publish`, { json: {} });
  assert.equal(published.status, 200, published.text);
  assert.equal(published.body.published_version_no, 1);
  const guide = await anon('GET', `/api/v1/public/items/${code}`);
  assert.equal(guide.status, 200);
  assert.equal(guide.body.committed_limit_days, 5);

  const draft = await admin.call('PUT', `/api/v1/catalog/items/${made.body.id}/draft`, { json: { elements: { ...ELEMENTS, committed_limit_days: 2, workflow: { steps: [{ name: '审查', role: 'reviewer', days: 2 }] } } } });
  assert.equal(draft.status, 200, draft.text);
  assert.equal(draft.body.version_no, 2);
  assert.equal((await anon('GET', `/api/v1/public/items/${code}`)).body.committed_limit_days, 5, 'v1 until v2 is published');
  const v2 = await admin.call('POST', `/api/v1/catalog/items/${made.body.id}/publish`, { json: {} });
  assert.deepEqual(v2.body.versions.map((v) => v.state), ['published', 'superseded']);
  assert.equal((await anon('GET', `/api/v1/public/items/${code}`)).body.committed_limit_days, 2);
  const v1 = await admin.call('GET', `/api/v1/catalog/items/${made.body.id}/versions/1`);
  assert.equal(v1.body.elements.committed_limit_days, 5, 'the old version is kept for the cases that started on it');
  const again = await admin.call('POST', `/api/v1/catalog/items/${made.body.id}/publish`, { json: {} });
  assert.equal(again.status, 409);
  assert.equal(again.body.code, 'catalog.no_draft');
});

test('bad elements are refused with every problem named, and nothing is created', async () => {
  const base = await newBase();
  const before = (await admin.call('GET', '/api/v1/catalog/items?size=1')).body.total;
  const bad = {
    ...ELEMENTS,
    committed_limit_days: 25,
    materials: [{ name: '无犯罪记录证明', proof_code: 'ZM-NOT-LISTED' }],
    form_schema: { type: 'object', properties: { age: { type: 'integer', minimum: 'eighteen' } } },
  };
  const res = await admin.call('POST', '/api/v1/catalog/items', { json: { base_item_id: base.id, code: `${base.code}-X`, department_id: dept('青岛市行政审批服务局'), elements: bad } });
  assert.equal(res.status, 422, res.text);
  const pointers = res.body.errors.map((e) => e.pointer);
  assert.ok(pointers.includes('/elements/committed_limit_days'), pointers.join());
  assert.ok(pointers.some((p) => p.startsWith('/elements/form_schema/properties/age')), pointers.join());
  assert.equal((await admin.call('GET', '/api/v1/catalog/items?size=1')).body.total, before);
  // With the limit and schema fixed, the proof not on the retained list is still refused.
  const proof = await admin.call('POST', '/api/v1/catalog/items', { json: { base_item_id: base.id, code: `${base.code}-X`, department_id: dept('青岛市行政审批服务局'), elements: { ...ELEMENTS, materials: bad.materials } } });
  assert.equal(proof.status, 422, proof.text);
  assert.equal(proof.body.errors[0].code, 'proof_not_listed');
  assert.match(proof.body.detail, /证明事项清单/);
  const en = await admin.call('POST', '/api/v1/catalog/items', { headers: { 'accept-language': 'en' }, json: { base_item_id: base.id, code: `${base.code}-X`, department_id: dept('青岛市行政审批服务局'), elements: { ...ELEMENTS, materials: bad.materials } } });
  assert.match(en.body.detail, /retained-proof list/);
  assert.equal((await admin.call('GET', '/api/v1/catalog/items?size=1')).body.total, before);
});

test('duplicate codes are 409 and a schema check names the broken keyword', async () => {
  const base = await newBase();
  const dup = await admin.call('POST', '/api/v1/catalog/base-items', { json: { code: base.code, name: '重复', power_type: 'licensing', legal_basis: 'x', audience: ['legal'], levels: ['city'] } });
  assert.equal(dup.status, 409);
  assert.equal(dup.body.code, 'catalog.duplicate_code');
  const check = await admin.call('POST', '/api/v1/catalog/forms/check', { json: { schema: { type: 'object', properties: { a: { type: 'strnig' } } } } });
  assert.equal(check.status, 422, check.text);
  assert.ok(check.body.errors[0].pointer.startsWith('/schema/properties/a'), check.text);
  const good = await admin.call('POST', '/api/v1/catalog/forms/check', { json: { schema: ELEMENTS.form_schema } });
  assert.equal(good.status, 200);
});

test('下放 moves an entry to a district, which takes it over (承接) from that date; 取消 ends one', async () => {
  const base = await newBase();
  const made = await admin.call('POST', '/api/v1/catalog/items', { json: { base_item_id: base.id, code: `${base.code}-C`, department_id: dept('青岛市行政审批服务局'), elements: ELEMENTS } });
  await admin.call('POST', `/api/v1/catalog/items/${made.body.id}/publish`, { json: {} });
  const wrong = await admin.call('POST', `/api/v1/catalog/items/${made.body.id}/delegate`, { json: { department_id: dept('青岛市市场监督管理局'), code: `${base.code}-W`, reason: '同级' } });
  assert.equal(wrong.status, 422);
  assert.equal(wrong.body.code, 'catalog.bad_delegation_target');
  const xha = dept('青岛西海岸新区行政审批服务局');
  const moved = await admin.call('POST', `/api/v1/catalog/items/${made.body.id}/delegate`, { json: { department_id: xha, code: `${base.code}-D`, effective_on: '2026-11-02', reason: '赋予西海岸新区市级管理权限' } });
  assert.equal(moved.status, 200, moved.text);
  assert.equal(moved.body.level, 'district');
  assert.equal(moved.body.handled_since, '2026-11-02');
  assert.equal((await anon('GET', `/api/v1/public/items/${base.code}-C`)).status, 404);
  assert.equal((await anon('GET', `/api/v1/public/items/${base.code}-D`)).status, 200);
  const handled = await admin.call('GET', `/api/v1/catalog/items?department_id=${xha}&status=active&size=100`);
  assert.ok(handled.body.items.some((i) => i.code === `${base.code}-D` && i.handled_since === '2026-11-02'));
  const changes = await admin.call('GET', `/api/v1/catalog/changes?department_id=${xha}&from=2026-11-02&to=2026-11-02`);
  assert.deepEqual(changes.body.items.filter((c) => c.entry_code.startsWith(base.code)).map((c) => c.kind).sort(), ['delegated', 'taken_over']);
  const future = await admin.call('POST', `/api/v1/catalog/items/${moved.body.id}/cancel`, { json: { reason: '取消', effective_on: '2099-01-01' } });
  assert.equal(future.status, 422);
  const cancelled = await admin.call('POST', `/api/v1/catalog/items/${moved.body.id}/cancel`, { json: { reason: '国务院决定取消' } });
  assert.equal(cancelled.status, 200, cancelled.text);
  assert.equal(cancelled.body.status, 'cancelled');
  assert.equal((await anon('GET', `/api/v1/public/items/${base.code}-D`)).status, 404);
});

test('who may do what: anonymous 401, applicants 403, a department head only inside their department', async () => {
  assert.equal((await anon('GET', '/api/v1/catalog/items')).status, 401);
  const citizen = await login(server.url, 'citizen1');
  assert.equal((await citizen.call('GET', '/api/v1/catalog/items')).status, 403);
  const head = await login(server.url, 'head_scjg');
  const xzsp = (await admin.call('GET', `/api/v1/catalog/items?department_id=${dept('青岛市行政审批服务局')}&status=active&size=1`)).body.items[0];
  const foreign = await head.call('POST', `/api/v1/catalog/items/${xzsp.id}/withdraw`, { json: { reason: '试图撤回' } });
  assert.equal(foreign.status, 403, foreign.text);
  assert.equal(foreign.body.code, 'catalog.out_of_scope');
  const base = await head.call('POST', '/api/v1/catalog/base-items', { json: { code: 'HEAD1', name: '部门不能改基本目录', power_type: 'other', legal_basis: 'x', audience: ['legal'], levels: ['city'] } });
  assert.equal(base.status, 403);
  assert.equal((await head.call('GET', '/api/v1/catalog/stats')).status, 200);
  const window = await login(server.url, 'window1');
  assert.equal((await window.call('GET', '/api/v1/catalog/stats')).status, 403);
});

test('statistics show the compression of limits and the zero-visit and online shares', async () => {
  const leader = await login(server.url, 'leader1');
  const s = await leader.call('GET', '/api/v1/catalog/stats');
  assert.equal(s.status, 200, s.text);
  assert.ok(s.body.totals.entries >= 60, `${s.body.totals.entries} entries`);
  const { statutory_days_total: statutory, committed_days_total: committed, compression_rate: rate } = s.body.limits;
  assert.ok(Math.abs(rate - (1 - committed / statutory)) < 1e-9);
  assert.ok(rate > 0.5, 'the demo city cut its limits');
  assert.ok(s.body.visits.at_most_one_share >= s.body.visits.zero_share);
  assert.ok(s.body.online.share > 0 && s.body.online.share <= 1);
  assert.equal(s.body.by_level.reduce((n, r) => n + r.count, 0), s.body.totals.entries);
  assert.ok(s.body.changes_by_month.length >= 6, 'a history of dated changes');
});
