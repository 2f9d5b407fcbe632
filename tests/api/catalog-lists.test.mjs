// The government lists over HTTP against the real binary and the demo city: permissions (401/403),
// typed entries refused when invalid, XLSX (written by exceljs, a writer other than ours) and CSV
// imports that name every bad line and change nothing unless partial import is asked for, a credit
// code failing only its check character kept and flagged 待核实, duplicate codes refused, export
// read back, the responsibility query falling back street → district → city, and the public
// routes without login.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { startServer, client } from './lib/server.mjs';
import { login, demoDatabase } from './lib/session.mjs';

let server, db, anon, admin, leader, clerk, departments;

const VALID_CREDIT = '91350100M000100Y43';
const CHECK_CHAR_ONLY = '91350100M000100Y44';  // only position 18 is wrong
const tag = `T${process.pid}`;                   // keeps this run's codes apart

before(async () => {
  db = demoDatabase();
  server = await startServer({ db });
  anon = client(server.url);
  admin = await login(server.url, 'admin');
  leader = await login(server.url, 'leader1');
  clerk = await login(server.url, 'window1');
  const res = await admin.call('GET', '/api/v1/system/departments?size=100');
  assert.equal(res.status, 200, res.text);
  departments = new Map(res.body.items.map((d) => [d.name, d.id]));
});
after(async () => {
  assert.equal(await server.stop(), 0, 'clean shutdown');
  db.cleanup();
});

function problem(res, status, code) {
  assert.equal(res.status, status, `${status} expected, got ${res.status}: ${res.text}`);
  assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
  if (code) assert.equal(res.body.code, code, res.text);
}

async function total(kind, query = '') {
  const res = await admin.call('GET', `/api/v1/catalog/lists/${kind}?size=1${query}`);
  assert.equal(res.status, 200, res.text);
  return res.body.total;
}

const scjg = () => departments.get('青岛市市场监督管理局');

function powerFields(code, extra = {}) {
  return {
    department: scjg(), power_type: 'penalty', name: '对企业未按规定公示年度报告的处罚', code,
    legal_basis: '《企业信息公示暂行条例》第十八条', responsibilities: '1. 立案责任\n2. 调查责任', ...extra,
  };
}

async function xlsx(rows) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('清单');
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const importFile = (call, kind, body, query = '') =>
  call('POST', `/api/v1/catalog/lists/${kind}/import${query}`, { body, headers: { 'content-type': 'application/octet-stream' } });

// ---- kinds and permissions

test('the kinds and their columns: public without login, staff with catalog.list.read', async () => {
  const pub = await anon('GET', '/api/v1/public/lists');
  assert.equal(pub.status, 200, pub.text);
  assert.deepEqual(pub.body.map((k) => k.kind), ['power', 'duty', 'boundary', 'territorial', 'proof', 'no_penalty', 'lighter_penalty']);
  const power = pub.body[0];
  assert.equal(power.name_zh, '权责清单');
  const type = power.columns.find((c) => c.key === 'power_type');
  assert.equal(type.type, 'enum');
  assert.ok(type.options.some((o) => o.value === 'licensing' && o.label_zh === '行政许可'));
  assert.equal(power.columns.find((c) => c.key === 'implementer_credit_code').type, 'credit_code');

  problem(await anon('GET', '/api/v1/catalog/lists'), 401);
  problem(await clerk.call('GET', '/api/v1/catalog/lists'), 403);
  const staff = await leader.call('GET', '/api/v1/catalog/lists');
  assert.equal(staff.status, 200);
  assert.deepEqual(staff.body, pub.body);
});

test('the demo lists are loaded and searchable', async () => {
  assert.ok((await total('no_penalty')) >= 30, 'at least 30 no-penalty items');
  const res = await leader.call('GET', `/api/v1/catalog/lists/no_penalty?q=${encodeURIComponent('年度报告')}`);
  assert.equal(res.status, 200);
  assert.ok(res.body.items.length >= 1);
  assert.ok(res.body.items.every((e) => JSON.stringify(e.fields).includes('年度报告')));
  const byType = await leader.call('GET', `/api/v1/catalog/lists/power?q=${encodeURIComponent('行政许可')}&size=100`);
  assert.ok(byType.body.items.length >= 1);
  assert.ok(byType.body.items.every((e) => e.fields.power_type === 'licensing'));
  problem(await leader.call('GET', '/api/v1/catalog/lists/nope'), 404, 'catalog.list.unknown_kind');
  problem(await leader.call('GET', '/api/v1/catalog/lists/power?size=101'), 400);
});

// ---- typed entries

test('CRUD: an editor adds, changes and deletes; a reader may not; anonymous callers are asked to log in', async () => {
  const before = await total('power');
  problem(await anon('POST', '/api/v1/catalog/lists/power', { json: { fields: powerFields(`${tag}-A`) } }), 401);
  problem(await leader.call('POST', '/api/v1/catalog/lists/power', { json: { fields: powerFields(`${tag}-A`) } }), 403);
  assert.equal(await total('power'), before);

  const created = await admin.call('POST', '/api/v1/catalog/lists/power', {
    json: { fields: powerFields(`${tag}-A`, { implementer_credit_code: VALID_CREDIT }) },
  });
  assert.equal(created.status, 201, created.text);
  const id = created.body.id;
  assert.equal(created.body.fields.department, scjg());
  assert.equal(created.body.department_name, '青岛市市场监督管理局');
  assert.equal(created.body.fields.responsibilities, '1. 立案责任\n2. 调查责任');
  assert.equal(created.body.needs_review, false);
  assert.equal(created.body.created_by, 'admin');

  const read = await leader.call('GET', `/api/v1/catalog/lists/power/${id}`);
  assert.equal(read.status, 200);
  assert.deepEqual(read.body.fields, created.body.fields);
  problem(await leader.call('GET', `/api/v1/catalog/lists/proof/${id}`), 404, 'catalog.list.entry_not_found');

  problem(await leader.call('PUT', `/api/v1/catalog/lists/power/${id}`, { json: { fields: powerFields(`${tag}-A`) } }), 403);
  const updated = await admin.call('PUT', `/api/v1/catalog/lists/power/${id}`, {
    json: { fields: powerFields(`${tag}-A`, { power_type: 'inspection', accountability: '未依法履职的，依法追究责任' }) },
  });
  assert.equal(updated.status, 200, updated.text);
  assert.equal(updated.body.fields.power_type, 'inspection');
  assert.equal(updated.body.fields.implementer_credit_code, null, 'a PUT replaces every field');

  const audit = await admin.call('GET', `/api/v1/system/audit?object_type=list_entry&object_id=${id}`);
  assert.equal(audit.status, 200, audit.text);
  assert.deepEqual(audit.body.items.map((r) => r.action).sort(), ['catalog.list.create', 'catalog.list.update']);

  problem(await leader.call('DELETE', `/api/v1/catalog/lists/power/${id}`), 403);
  const deleted = await admin.call('DELETE', `/api/v1/catalog/lists/power/${id}`);
  assert.equal(deleted.status, 204);
  problem(await admin.call('GET', `/api/v1/catalog/lists/power/${id}`), 404);
  assert.equal(await total('power'), before);
});

test('typed input is refused when invalid, every field named, nothing written', async () => {
  const before = await total('power');
  const res = await admin.call('POST', '/api/v1/catalog/lists/power', {
    json: {
      fields: powerFields(`${tag}-B`, {
        department: 999999, power_type: '行政处罚', name: 'x'.repeat(201), legal_basis: '  ',
        implementer_credit_code: CHECK_CHAR_ONLY, colour: 'red',
      }),
    },
  });
  problem(res, 422, 'catalog.list.invalid');
  assert.deepEqual(res.body.errors.map((e) => e.pointer).sort(), [
    '/fields/colour', '/fields/department', '/fields/implementer_credit_code', '/fields/legal_basis', '/fields/name', '/fields/power_type',
  ]);
  assert.match(res.body.errors.find((e) => e.pointer === '/fields/implementer_credit_code').message, /校验/);
  problem(await admin.call('POST', '/api/v1/catalog/lists/power', { json: { nothing: 1 } }), 422);
  problem(await admin.call('POST', '/api/v1/catalog/lists/power', { json: { fields: { ...powerFields(`${tag}-B`), name: { a: 1 } } } }), 422);
  problem(await admin.call('POST', '/api/v1/catalog/lists/territorial', {
    json: { fields: { matter: '占道经营', division_code: '370299999', department: scjg() } },
  }), 422, 'catalog.list.invalid');
  assert.equal(await total('power'), before);
});

test('duplicate codes are refused', async () => {
  const first = await admin.call('POST', '/api/v1/catalog/lists/proof', {
    json: { fields: { code: `${tag}-ZM`, name: '居住证明', department: scjg(), legal_basis: '依据' } },
  });
  assert.equal(first.status, 201, first.text);
  const again = await admin.call('POST', '/api/v1/catalog/lists/proof', {
    json: { fields: { code: ` ${tag}-ZM `, name: '另一个', department: scjg(), legal_basis: '依据' } },
  });
  problem(again, 409, 'catalog.list.duplicate');
  assert.equal(again.body.errors[0].pointer, '/fields/code');
  const byCode = await admin.call('GET', `/api/v1/catalog/lists/proof?q=${tag}-ZM`);
  assert.equal(byCode.body.total, 1);
});

// ---- imports

const POWER_HEADER = ['实施部门', '权力类型', '事项名称', '事项编码', '设定依据', '实施主体统一社会信用代码', '备注'];

async function powerWorkbook() {
  return xlsx([
    POWER_HEADER,
    ['青岛市市场监督管理局', '行政处罚', '甲', `${tag}-X1`, '依据一', VALID_CREDIT],                // 2 good
    ['不存在的部门', '行政处罚', '乙', `${tag}-X2`, '依据二'],                                     // 3 unknown department
    ['青岛市市场监督管理局', '行政许可', '丙', `${tag}-X3`, '依据三', CHECK_CHAR_ONLY],           // 4 kept, 待核实
    ['青岛市市场监督管理局', '行政处罚', '', `${tag}-X4`, '依据四'],                               // 5 missing name
    ['青岛市市场监督管理局', '行政处罚', '丁', `${tag}-X1`, '依据五'],                             // 6 repeats line 2
    ['青岛市市场监督管理局', '随便', '戊', `${tag}-X6`, '依据六', '91350100M000100Y4'],           // 7 bad enum, bad credit code
    ['青岛市生态环境局', 'Licensing', '己', `${tag}-X7`, '依据七', '', '这一列被忽略'],            // 8 good
  ]);
}

test('XLSX import with bad rows: 422 naming each line and reason, nothing imported', async () => {
  const before = await total('power');
  const res = await importFile(admin.call, 'power', await powerWorkbook(), '?format=xlsx');
  problem(res, 422, 'catalog.list.import_rejected');
  const lines = [...new Set(res.body.details.errors.map((e) => e.line))];
  assert.deepEqual(lines, [3, 5, 6, 7]);
  const reasons = res.body.details.errors.map((e) => `${e.line}:${e.code}`);
  assert.deepEqual(reasons, ['3:unknown_department', '5:required', '6:duplicate_in_file', '7:bad_enum', '7:bad_credit_code']);
  assert.equal(res.body.details.rejected, 4);
  assert.equal(res.body.details.imported, 0);
  assert.ok(res.body.errors.every((e) => /^第 \d+ 行/.test(e.message)), 'every problem names its line');
  assert.match(res.body.errors[0].message, /不存在的部门/);
  assert.equal(await total('power'), before, 'nothing changed');

  const english = await importFile(admin.call, 'power', await powerWorkbook(), '');
  problem(english, 422);
  assert.equal(english.body.details.errors.length, 5, 'the format is recognised without ?format');

  const dry = await importFile(admin.call, 'power', await powerWorkbook(), '?partial=true&dry_run=true');
  assert.equal(dry.status, 200, dry.text);
  assert.equal(dry.body.dry_run, true);
  assert.equal(dry.body.imported, 3);
  assert.equal(await total('power'), before, 'a dry run writes nothing');
});

test('partial=true imports the good rows; a check-character-only credit code is kept and flagged 待核实', async () => {
  const before = await total('power');
  const flaggedBefore = await total('power', '&needs_review=true');
  const res = await importFile(admin.call, 'power', await powerWorkbook(), '?format=xlsx&partial=true');
  assert.equal(res.status, 200, res.text);
  assert.equal(res.body.imported, 3);
  assert.equal(res.body.rejected, 4);
  assert.equal(res.body.errors.length, 5);
  assert.deepEqual(res.body.warnings.map((w) => `${w.line}:${w.code}`), ['1:unknown_column', '4:check_character']);
  assert.equal(await total('power'), before + 3);
  assert.equal(await total('power', '&needs_review=true'), flaggedBefore + 1);

  const kept = await admin.call('GET', `/api/v1/catalog/lists/power/${res.body.ids[1]}`);
  assert.equal(kept.body.fields.code, `${tag}-X3`);
  assert.equal(kept.body.fields.implementer_credit_code, CHECK_CHAR_ONLY, 'kept as written, not dropped or corrected');
  assert.equal(kept.body.needs_review, true);
  assert.match(kept.body.review_note, /^待核实/);
  assert.equal(kept.body.fields.power_type, 'licensing');
  const other = await admin.call('GET', `/api/v1/catalog/lists/power/${res.body.ids[2]}`);
  assert.equal(other.body.department_name, '青岛市生态环境局');
  assert.equal(other.body.needs_review, false);

  const audit = await admin.call('GET', '/api/v1/system/audit?object_type=list&object_id=power');
  const record = audit.body.items.find((r) => r.action === 'catalog.list.import');
  assert.ok(record, 'one audit record summarises the import');

  // The same file again: every code is now on the list, so nothing is imported and the answer is 422.
  const again = await importFile(admin.call, 'power', await powerWorkbook(), '?format=xlsx&partial=true');
  problem(again, 422, 'catalog.list.import_rejected');
  assert.ok(again.body.details.errors.some((e) => e.line === 2 && e.code === 'duplicate_code'));
  assert.ok(again.body.details.errors.some((e) => e.line === 8 && e.code === 'duplicate_code'));
  assert.equal(await total('power'), before + 3);
});

test('CSV import: quoted line breaks, English headers, numbers typed into Excel cells, bad rows by line', async () => {
  const before = await total('territorial');
  const matter = `${tag}-夜间施工噪声`;
  const csv = '\uFEFFMatter,Division code,Responsible department,Street or township,Cooperation\r\n'
    + `${matter},370211001,黄岛街道办事处,黄岛街道,"街道巡查发现，\r\n报告区级部门"\r\n`
    + `${matter},370211999,黄岛街道办事处,,\r\n`            // line 4: unknown division
    + `${matter},3702,黄岛街道办事处,,\r\n`                 // line 5: malformed division
    + `${matter},370211001,黄岛街道办事处,,\r\n`            // line 6: same matter and place as line 2
    + `${matter},370211,青岛西海岸新区,,\r\n`;              // line 7: good
  const res = await importFile(admin.call, 'territorial', csv, '?format=csv');
  problem(res, 422, 'catalog.list.import_rejected');
  assert.deepEqual(res.body.details.errors.map((e) => `${e.line}:${e.code}`), ['4:unknown_division', '5:bad_division', '6:duplicate_in_file']);
  assert.equal(await total('territorial'), before);

  const partial = await importFile(admin.call, 'territorial', csv, '?format=csv&partial=true');
  assert.equal(partial.status, 200, partial.text);
  assert.equal(partial.body.imported, 2);
  const street = await admin.call('GET', `/api/v1/catalog/lists/territorial/${partial.body.ids[0]}`);
  assert.equal(street.body.fields.cooperation, '街道巡查发现，\r\n报告区级部门');

  // A division code typed into Excel becomes a number cell; it still reads as the code.
  const book = await xlsx([['事项名称', '行政区划代码', '责任部门'], [matter, 370200, '青岛市城市管理局']]);
  const fromExcel = await importFile(admin.call, 'territorial', book, '?format=xlsx');
  assert.equal(fromExcel.status, 200, fromExcel.text);
  assert.equal(fromExcel.body.imported, 1);

  problem(await importFile(admin.call, 'territorial', Buffer.from('Matter,街道\r\n', 'utf8'), '?format=csv'), 422, 'catalog.list.bad_header');
  problem(await importFile(admin.call, 'territorial', Buffer.from([0xbe, 0xad, 0xd3, 0xaa, 0x0a]), '?format=csv'), 422, 'tabular.bad_file');
  problem(await importFile(admin.call, 'territorial', Buffer.from('PK\u0003\u0004garbage'), '?format=xlsx'), 422, 'tabular.bad_file');
  problem(await importFile(admin.call, 'territorial', csv, '?format=ods'), 400);
  problem(await importFile(leader.call, 'territorial', csv, '?format=csv'), 403);
  problem(await importFile(anon, 'territorial', csv, '?format=csv'), 401);
  problem(await importFile(admin.call, 'territorial', Buffer.alloc(11 * 1024 * 1024, 0x41), '?format=csv'), 413);
  assert.equal(await total('territorial'), before + 3);
});

// ---- export

test('export: XLSX and CSV of the whole filtered list, read back by another reader and by our import', async () => {
  const all = await total('no_penalty');
  const res = await fetch(`${server.url}/api/v1/catalog/lists/no_penalty/export?format=xlsx`, { headers: { cookie: leader.cookie } });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /spreadsheetml/);
  assert.match(res.headers.get('content-disposition'), /^attachment; filename="no_penalty-\d{8}\.xlsx"; filename\*=UTF-8''/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()));
  const ws = wb.worksheets[0];
  assert.equal(ws.name, '不予行政处罚事项清单');
  assert.deepEqual(ws.getRow(1).values.slice(1), ['编号', '违法行为', '法律依据', '适用条件', '执法领域', '实施部门']);
  assert.equal(ws.actualRowCount, all + 1);
  const firstPage = await leader.call('GET', '/api/v1/catalog/lists/no_penalty?size=1');
  const first = firstPage.body.items[0];
  assert.equal(ws.getRow(2).getCell(1).value, first.fields.code);
  assert.equal(ws.getRow(2).getCell(4).value, first.fields.conditions, 'multi-line text survives');
  assert.equal(ws.getRow(2).getCell(6).value ?? null, first.department_name || null);

  // Delete one entry, import the exported file with partial=true: exactly that entry comes back.
  assert.equal((await admin.call('DELETE', `/api/v1/catalog/lists/no_penalty/${first.id}`)).status, 204);
  const exported = Buffer.from(await (await fetch(`${server.url}/api/v1/catalog/lists/no_penalty/export?format=csv`, { headers: { cookie: leader.cookie } })).arrayBuffer());
  assert.equal(exported.subarray(0, 3).toString('hex'), 'efbbbf', 'CSV starts with the UTF-8 BOM');
  const back = await importFile(admin.call, 'no_penalty', Buffer.from(await wb.xlsx.writeBuffer()), '?format=xlsx&partial=true');
  assert.equal(back.status, 200, back.text);
  assert.equal(back.body.imported, 1);
  assert.equal(back.body.rejected, all - 1);
  assert.ok(back.body.errors.every((e) => e.code === 'duplicate_code'));
  const restored = await admin.call('GET', `/api/v1/catalog/lists/no_penalty/${back.body.ids[0]}`);
  assert.deepEqual(restored.body.fields, first.fields);
  assert.equal(exported.toString('utf8').split('\r\n').filter((l) => /^[A-Z]+-/.test(l)).length, all - 1);

  // A filtered export.
  const filtered = await fetch(`${server.url}/api/v1/catalog/lists/no_penalty/export?format=csv&q=${encodeURIComponent('年度报告')}`, { headers: { cookie: leader.cookie } });
  const text = await filtered.text();
  const rows = text.split('\r\n').filter((l) => l && !l.startsWith('\uFEFF编号'));
  assert.ok(rows.length >= 1 && rows.length < all);
  problem(await anon('GET', '/api/v1/catalog/lists/no_penalty/export'), 401);
});

// ---- responsibility

test('who is responsible for matter M at division D: exact division, then street → district → city', async () => {
  const matter = `${tag}-占道经营`;
  const ask = (division, who = leader) => who.call('GET', `/api/v1/catalog/responsibility?matter=${encodeURIComponent(` ${matter} `)}&division=${division}`);
  problem(await ask('370211001'), 404, 'catalog.list.no_responsible');
  const add = async (division, department, street = '') => {
    const res = await admin.call('POST', '/api/v1/catalog/lists/territorial', {
      json: { fields: { matter, division_code: division, department: departments.get(department), street, cooperation: `${department}牵头` } },
    });
    assert.equal(res.status, 201, res.text);
  };
  await add('370200', '青岛市城市管理局');
  let r = await ask('370211001');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.matched_division_code, '370200');
  assert.equal(r.body.division_code, '370211001');
  assert.equal(r.body.department_name, '青岛市城市管理局');

  await add('370211', '青岛西海岸新区');
  r = await ask('370211001');
  assert.equal(r.body.matched_division_code, '370211');
  assert.equal((await ask('370202001')).body.matched_division_code, '370200', 'another district falls back to the city');

  await add('370211001', '黄岛街道办事处', '黄岛街道');
  r = await ask('370211001', await login(server.url, 'dispatcher1'));
  assert.equal(r.body.matched_division_code, '370211001');
  assert.equal(r.body.department_id, departments.get('黄岛街道办事处'));
  assert.equal(r.body.street, '黄岛街道');
  assert.equal(r.body.cooperation, '黄岛街道办事处牵头');
  assert.equal((await ask('370211002')).body.matched_division_code, '370211');

  problem(await leader.call('GET', `/api/v1/catalog/responsibility?matter=${encodeURIComponent(matter.slice(0, -2))}&division=370211001`), 404);
  problem(await leader.call('GET', '/api/v1/catalog/responsibility?matter=x&division=3702'), 400);
  problem(await leader.call('GET', '/api/v1/catalog/responsibility?division=370211'), 400);
  problem(await clerk.call('GET', `/api/v1/catalog/responsibility?matter=x&division=370211`), 403);
  problem(await anon('GET', `/api/v1/catalog/responsibility?matter=x&division=370211`), 401);
});

// ---- public

test('public list routes answer without login and show no review notes', async () => {
  const res = await anon('GET', `/api/v1/public/lists/no_penalty?q=${encodeURIComponent('年度报告')}&size=5`);
  assert.equal(res.status, 200, res.text);
  assert.ok(res.body.total >= 1);
  const e = res.body.items[0];
  assert.ok(e.fields.violation.length > 0);
  assert.equal('review_note' in e, false);
  assert.equal('created_by' in e, false);
  const proofs = await anon('GET', '/api/v1/public/lists/proof?size=100');
  assert.ok(proofs.body.items.some((p) => p.department_name !== ''));
  problem(await anon('GET', '/api/v1/public/lists/nope'), 404, 'catalog.list.unknown_kind');
  problem(await anon('GET', '/api/v1/public/lists/power?page=0'), 400);
  const flagged = await anon('GET', `/api/v1/public/lists/power?q=${tag}-X3&needs_review=false`);
  assert.equal(flagged.body.total, 1, 'the review flag is not a public filter');
});
