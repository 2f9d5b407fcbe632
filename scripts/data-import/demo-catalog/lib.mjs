// Shared pieces of the demo catalogue: the demo city's departments (keys of src/demo/city.cpp)
// with their windows, JSON Schema building blocks for forms and licences, materials, workflows.
// Addresses and telephone numbers are illustrative, shaped like Qingdao's, not copied from a
// real guide.

export const SCHEMA_URI = 'http://json-schema.org/draft-07/schema#';

const HALL_HOURS = '周一至周五 9:00—17:00（中午不间断服务），周六 9:00—12:00 延时服务；法定节假日除外';
const OFFICE_HOURS = '周一至周五 上午 8:30—12:00，下午 13:30—17:30；法定节假日除外';
const STREET_HOURS = '周一至周五 上午 9:00—12:00，下午 13:30—17:30；法定节假日除外';

const CITY_HALL = '青岛市市南区宁夏路 208 号青岛市政务服务大厅';
const XHA_HALL = '青岛西海岸新区长江中路 216 号青岛西海岸新区政务服务中心';
const SN_HALL = '青岛市市南区福州南路 22 号市南区政务服务大厅';
const HALL_AREA = {
  market_access: ' A 区（市场准入）',
  construction: ' B 区（工程建设）',
  social_affairs: ' C 区（社会事业）',
};

// key → full name, division code, where its window is (a function of the window category when
// the department sits in a hall), office hours, telephone.
export const DEPARTMENTS = {
  xzsp: { name: '青岛市行政审批服务局', division: '370200', hall: CITY_HALL, phone: '0532-85911200' },
  scjg: { name: '青岛市市场监督管理局', division: '370200', hall: CITY_HALL, phone: '0532-85911300',
    office: '青岛市市南区南京路 9 号青岛市市场监督管理局' },
  zjj: { name: '青岛市住房和城乡建设局', division: '370200', hall: CITY_HALL, phone: '0532-85911400' },
  zrzy: { name: '青岛市自然资源和规划局', division: '370200', hall: CITY_HALL, phone: '0532-85911500',
    office: '青岛市市北区敦化路 119 号青岛市不动产登记中心服务大厅' },
  sthj: { name: '青岛市生态环境局', division: '370200', hall: CITY_HALL, phone: '0532-85911600',
    office: '青岛市市南区山东路 10 号青岛市生态环境局' },
  wjw: { name: '青岛市卫生健康委员会', division: '370200', hall: CITY_HALL, phone: '0532-85911700' },
  yjj: { name: '青岛市应急管理局', division: '370200', hall: CITY_HALL, phone: '0532-85911800',
    office: '青岛市市北区延吉路 16 号青岛市应急管理局' },
  rsj: { name: '青岛市人力资源和社会保障局', division: '370200', hall: CITY_HALL, phone: '0532-85911900' },
  jtj: { name: '青岛市交通运输局', division: '370200', hall: CITY_HALL, phone: '0532-85912000',
    office: '青岛市市北区登州路 29 号青岛市交通运输局' },
  swj: { name: '国家税务总局青岛市税务局', division: '370200', hall: null, phone: '0532-12366',
    office: '青岛市市南区闽江路 8 号办税服务厅（可通过国家税务总局山东省电子税务局办理）' },
  gaj: { name: '青岛市公安局', division: '370200', hall: CITY_HALL, phone: '0532-85912200' },
  fgw: { name: '青岛市发展和改革委员会', division: '370200', hall: CITY_HALL, phone: '0532-85912300' },
  swuj: { name: '青岛市商务局', division: '370200', hall: CITY_HALL, phone: '0532-85912400' },
  wlj: { name: '青岛市文化和旅游局', division: '370200', hall: CITY_HALL, phone: '0532-85912500',
    office: '青岛市市南区太平路 39 号青岛市文化和旅游局' },
  jyj: { name: '青岛市教育局', division: '370200', hall: CITY_HALL, phone: '0532-85912600' },
  mzj: { name: '青岛市民政局', division: '370200', hall: CITY_HALL, phone: '0532-85912700' },
  cgj: { name: '青岛市城市管理局', division: '370200', hall: CITY_HALL, phone: '0532-85912800',
    office: '青岛市市南区宁夏路 196 号青岛市城市管理局' },
  xha_xzsp: { name: '青岛西海岸新区行政审批服务局', division: '370211', hall: XHA_HALL, phone: '0532-86981200' },
  xha_scjg: { name: '青岛西海岸新区市场监督管理局', division: '370211', hall: null, phone: '0532-86981300',
    office: '青岛西海岸新区黄河东路 96 号青岛西海岸新区市场监督管理局' },
  sn_xzsp: { name: '市南区行政审批服务局', division: '370202', hall: SN_HALL, phone: '0532-82861200' },
  s370211001: { name: '黄岛街道办事处', division: '370211001', hall: null, phone: '0532-86851001', hours: STREET_HOURS,
    office: '青岛西海岸新区武夷山路 163 号黄岛街道便民服务中心' },
  s370211002: { name: '辛安街道办事处', division: '370211002', hall: null, phone: '0532-86851002', hours: STREET_HOURS,
    office: '青岛西海岸新区嵩山路 301 号辛安街道便民服务中心' },
  s370202001: { name: '香港中路街道办事处', division: '370202001', hall: null, phone: '0532-82861001', hours: STREET_HOURS,
    office: '青岛市市南区闽江路 106 号香港中路街道便民服务中心' },
  s370202005: { name: '中山路街道办事处', division: '370202005', hall: null, phone: '0532-82861005', hours: STREET_HOURS,
    office: '青岛市市南区德县路 15 号中山路街道便民服务中心' },
};

export function level(departmentKey) {
  const d = DEPARTMENTS[departmentKey].division;
  if (d.length === 9) return 'street';
  return d.endsWith('00') ? 'city' : 'district';
}

// Where the applicant goes: the hall's area for the window category, or the department's own
// office (`office: true` on the entry picks the office even when the department sits in a hall).
export function windowOf(departmentKey, category, useOffice = false) {
  const d = DEPARTMENTS[departmentKey];
  const inHall = d.hall && !(useOffice && d.office);
  return {
    service_address: inHall ? d.hall + HALL_AREA[category] : d.office,
    service_hours: d.hours ?? (inHall ? HALL_HOURS : OFFICE_HOURS),
    consult_phone: d.phone,
  };
}

// ---- JSON Schema building blocks (the platform's formats: credit-code, citizen-id, phone-cn,
// division-code, date, email) ----
export const f = {
  text: (title, max = 100, extra = {}) => ({ type: 'string', title, minLength: 1, maxLength: max, ...extra }),
  long: (title, max = 2000) => ({ type: 'string', title, minLength: 1, maxLength: max }),
  credit: (title = '统一社会信用代码') => ({ type: 'string', title, format: 'credit-code' }),
  id: (title = '公民身份号码') => ({ type: 'string', title, format: 'citizen-id' }),
  phone: (title = '联系电话') => ({ type: 'string', title, format: 'phone-cn' }),
  division: (title = '所在行政区划') => ({ type: 'string', title, format: 'division-code' }),
  date: (title) => ({ type: 'string', title, format: 'date' }),
  email: (title = '电子邮箱') => ({ type: 'string', title, format: 'email' }),
  choice: (title, values, extra = {}) => ({ type: 'string', title, enum: values, ...extra }),
  multi: (title, values, min = 1) => ({
    type: 'array', title, items: { type: 'string', enum: values }, minItems: min, uniqueItems: true,
  }),
  num: (title, min = 0, max = undefined, extra = {}) =>
    ({ type: 'number', title, minimum: min, ...(max === undefined ? {} : { maximum: max }), ...extra }),
  int: (title, min = 0, max = undefined) =>
    ({ type: 'integer', title, minimum: min, ...(max === undefined ? {} : { maximum: max }) }),
  bool: (title) => ({ type: 'boolean', title }),
  ref: (name, title) => ({ $ref: `#/definitions/${name}`, ...(title ? { title } : {}) }),
  list: (name, title, min = 1, max = 50) =>
    ({ type: 'array', title, items: { $ref: `#/definitions/${name}` }, minItems: min, maxItems: max }),
};

// Reusable definitions; a form carries only those it refers to.
export const DEFINITIONS = {
  contact: {
    type: 'object', title: '联系人',
    properties: { name: f.text('姓名', 50), phone: f.phone('联系电话'), email: f.email('电子邮箱') },
    required: ['name', 'phone'], additionalProperties: false,
  },
  person: {
    type: 'object', title: '人员',
    properties: { name: f.text('姓名', 50), citizen_id: f.id('公民身份号码'), phone: f.phone('联系电话') },
    required: ['name', 'citizen_id'], additionalProperties: false,
  },
  shareholder: {
    type: 'object', title: '股东（发起人）',
    properties: {
      name: f.text('股东名称或姓名', 100),
      kind: f.choice('股东类型', ['自然人', '企业法人', '其他组织']),
      id_number: f.text('证件号码（公民身份号码或统一社会信用代码）', 18, { minLength: 15 }),
      subscribed_capital: f.num('认缴出资额（万元）', 0, undefined, { exclusiveMinimum: 0 }),
      contribution_form: f.choice('出资方式', ['货币', '实物', '知识产权', '土地使用权', '股权', '债权']),
      contribution_due: f.date('认缴出资期限'),
    },
    required: ['name', 'kind', 'id_number', 'subscribed_capital', 'contribution_form', 'contribution_due'],
    additionalProperties: false,
  },
  family_member: {
    type: 'object', title: '家庭成员',
    properties: {
      name: f.text('姓名', 50),
      citizen_id: f.id('公民身份号码'),
      relation: f.choice('与申请人关系', ['本人', '配偶', '子女', '父母', '祖父母、外祖父母', '孙子女、外孙子女', '兄弟姐妹', '其他']),
      status: f.choice('就业或就学状况', ['在职', '灵活就业', '失业', '退休', '在校学生', '学龄前儿童', '丧失劳动能力', '其他']),
      monthly_income: f.num('月收入（元）', 0),
    },
    required: ['name', 'citizen_id', 'relation', 'status'], additionalProperties: false,
  },
  enterprise: {
    type: 'object', title: '单位',
    properties: { name: f.text('单位名称', 100), credit_code: f.credit('统一社会信用代码') },
    required: ['name', 'credit_code'], additionalProperties: false,
  },
};

function refsIn(node, out) {
  if (Array.isArray(node)) node.forEach((n) => refsIn(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.add(v.replace('#/definitions/', ''));
      else refsIn(v, out);
    }
  }
}

// The author's field order: the back end may hand schemas back with keys sorted, so every object
// schema here also carries "ui:order" (an annotation the validators ignore; the web form honours it).
const ordered = (o) => ({ ...o, 'ui:order': Object.keys(o.properties) });

// A draft-07 object schema with the definitions its fields refer to.
export function schema(title, properties, required) {
  const s = ordered({ $schema: SCHEMA_URI, title, type: 'object', properties, required });
  const used = new Set();
  refsIn(properties, used);
  for (const name of used) refsIn(DEFINITIONS[name], used);
  if (used.size) s.definitions = Object.fromEntries([...used].sort().map((n) => [n, ordered(DEFINITIONS[n])]));
  return s;
}

// ---- Materials ----
// m('名称', {optional, form, copies, note, licence, shared, proof})
export function m(name, o = {}) {
  const out = {
    name,
    required: !o.optional,
    form: o.form ?? (o.licence ? 'electronic' : 'original'),
    copies: o.copies ?? 1,
    note: o.note ?? '',
    source: o.licence ? 'licence' : o.shared ? 'shared' : 'applicant',
  };
  if (o.licence) out.licence_type_code = o.licence;
  if (o.shared) out.shared_from = o.shared;
  if (o.proof) out.proof_code = o.proof;
  return out;
}
export const YYZZ = (note = '已领取营业执照的，通过电子证照库调取，无需提交') =>
  m('营业执照', { licence: 'LT-YYZZ', note });
export const SFZ = (who = '申请人', note = '通过电子证照库核验，无需提交复印件') =>
  m(`${who}居民身份证`, { licence: 'LT-SFZ', note });
export const BDCQZ = (what = '经营场所', note = '自有房产通过电子证照库调取不动产权证书；租赁的另附租赁合同') =>
  m(`${what}产权证明（不动产权证书）`, { licence: 'LT-BDCQZ', note });
export const AUTH = () => m('授权委托书及受托人身份证件', {
  optional: true, note: '委托他人代为办理的提交；受托人身份证件通过电子证照库核验',
});

// ---- Workflows ----
export const STATUTORY = ['hearing', 'tender', 'auction', 'inspection', 'testing', 'quarantine', 'expert_review'];

// The usual steps for a committed limit: 受理 at a window (0 days, the clock starts the day
// after), then 审查 → (审核) → 决定, optionally 制证出件 for items that issue a licence.
export function wfStandard(committed, suspensions = [], o = {}) {
  const steps = [{ name: '受理', role: 'window_clerk', days: 0 }];
  const head = committed >= 10 ? Math.max(1, Math.round(committed * 0.2)) : 0;
  const review = Math.max(committed > 0 ? 1 : 0, Math.round(committed * 0.5));
  const approve = committed - review - head;
  steps.push({ name: o.review ?? '审查', role: 'reviewer', days: review });
  if (head) {
    steps.push({ name: '审核', role: 'approver', days: approve });
    steps.push({ name: o.decide ?? '决定', role: 'department_head', days: head });
  } else {
    steps.push({ name: o.decide ?? '决定', role: 'approver', days: approve });
  }
  if (o.issue) steps.push({ name: o.issue === true ? '制证出件' : o.issue, role: 'window_clerk', days: 0 });
  return { steps, suspensions };
}

// 即办件: accepted and finished at the window the same day.
export function wfImmediate(decide = '办结') {
  return { steps: [{ name: '受理', role: 'window_clerk', days: 0 }, { name: decide, role: 'window_clerk', days: 0 }], suspensions: [] };
}

// Explicit steps: [[name, role, days], ...].
export function wf(steps, suspensions = []) {
  return { steps: steps.map(([name, role, days]) => ({ name, role, days })), suspensions };
}
