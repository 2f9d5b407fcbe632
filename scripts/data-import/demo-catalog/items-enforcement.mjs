// Base items and entries for the other power types, so the catalogue and its statistics show
// penalties 行政处罚, an inspection 行政检查, an enforcement measure 行政强制, a reward 行政奖励 and an
// adjudication 行政裁决 beside the licences. Their "materials" are what the party may submit
// (陈述、申辩、听证申请); their limits run from 立案 (行政处罚法 art. 60: 90 days).
import { f, schema, m, wf, AUTH } from './lib.mjs';

const PENALTY_LAW = '《中华人民共和国行政处罚法》第三十三条、第四十四条、第六十条、第六十三条';

// The party's materials in a penalty case.
const PARTY_MATERIALS = [
  m('当事人身份证明', { licence: 'LT-YYZZ', note: '单位当事人通过电子证照库调取营业执照；自然人当事人的居民身份证同样核验' }),
  m('陈述、申辩意见及相关证据', { optional: true, note: '在收到行政处罚告知书之日起 5 日内提出' }),
  m('听证申请书', { optional: true, note: '拟作出较大数额罚款、吊销许可证件、责令停产停业等处罚的，在告知后 5 日内提出' }),
  AUTH(),
];

// The party's form in a penalty case: who, which case, what they say.
const partyForm = (title) => schema(title, {
  party_name: f.text('当事人名称（姓名）', 100),
  party_code: f.text('统一社会信用代码或者公民身份号码', 18, { minLength: 15 }),
  legal_representative: f.text('法定代表人（负责人）', 50),
  address: f.text('住所（住址）', 200),
  case_no: f.text('案件编号', 60),
  statement: f.long('陈述、申辩意见', 4000),
  hearing: f.bool('申请听证'),
  liaison: f.ref('contact', '联系人'),
}, ['party_name', 'party_code', 'address', 'case_no', 'liaison']);

// 立案 → 调查取证 → 法制审核 → 告知与陈述申辩 → 决定, scaled to the committed limit.
function wfPenalty(c) {
  const file = Math.max(1, Math.round(c * 0.05));
  const investigate = Math.round(c * 0.5);
  const review = Math.round(c * 0.15);
  const notify = Math.max(5, Math.round(c * 0.1));
  return wf([['立案', 'reviewer', file], ['调查取证', 'inspector', investigate], ['法制审核', 'reviewer', review],
    ['告知与陈述申辩', 'inspector', notify], ['决定', 'department_head', c - file - investigate - review - notify]],
  ['hearing', 'testing', 'inspection']);
}

const penalty = (o) => ({
  power_type: 'penalty', audience: ['legal', 'natural'], statutory: 90, online: 1, visits: 1,
  materials: PARTY_MATERIALS, workflow: wfPenalty, form: partyForm('行政处罚案件当事人陈述申辩'),
  ...o,
});

export const ENFORCEMENT_ITEMS = [
  penalty({
    code: '020101001000', name: '对生产经营标注虚假生产日期、保质期或者超过保质期的食品、食品添加剂的行政处罚',
    legal_basis: `《中华人民共和国食品安全法》第三十四条第（十）项、第一百二十四条第一款第（五）项；${PENALTY_LAW}`,
    themes: ['食品药品', '市场监管'], window: 'market_access',
    conditions: [
      '1. 适用对象：生产经营标注虚假生产日期、保质期或者超过保质期的食品、食品添加剂的食品生产经营者；',
      '2. 处罚种类和幅度：没收违法所得和违法生产经营的食品、食品添加剂，并可以没收用于违法生产经营的工具、设备、原料等物品；货值金额不足一万元的，并处五万元以上十万元以下罚款；货值金额一万元以上的，并处货值金额十倍以上二十倍以下罚款；情节严重的，吊销许可证；',
      '3. 初次违法且危害后果轻微并及时改正的，可以不予行政处罚；符合本市不予行政处罚、减轻行政处罚事项清单情形的，依照清单执行；',
      '4. 当事人有权进行陈述和申辩；拟作出较大数额罚款、吊销许可证件的，有权要求听证。',
    ].join('\n'),
    entries: [
      { dept: 'scjg', committed: 60, office: true },
      { dept: 'xha_scjg', committed: 45, office: true },
    ],
  }),
  penalty({
    code: '020201001000', name: '对未取得道路运输经营许可擅自从事道路运输经营的行政处罚',
    legal_basis: `《中华人民共和国道路运输条例》第六十三条；${PENALTY_LAW}`,
    themes: ['交通运输'], window: 'market_access',
    conditions: [
      '1. 适用对象：未取得道路运输经营许可，擅自从事道路旅客运输、道路货物运输经营的单位和个人（使用总质量 4500 千克及以下普通货运车辆从事普通货运经营的除外）；',
      '2. 处罚种类和幅度：责令停止经营，没收违法所得，并依照《中华人民共和国道路运输条例》第六十三条规定的幅度处以罚款；构成犯罪的，依法追究刑事责任；',
      '3. 当事人有权进行陈述和申辩；拟作出较大数额罚款的，有权要求听证。',
    ].join('\n'),
    entries: [{ dept: 'jtj', committed: 45, office: true }],
  }),
  penalty({
    code: '020301001000', name: '对擅自占用或者挖掘城市道路的行政处罚',
    legal_basis: `《城市道路管理条例》第二十七条、第三十条、第四十二条；${PENALTY_LAW}`,
    themes: ['城市管理'], window: 'construction',
    conditions: [
      '1. 适用对象：未经批准擅自占用或者挖掘城市道路，或者未按照批准的位置、面积、期限占用或者挖掘城市道路的单位和个人；',
      '2. 处罚种类和幅度：责令限期改正，可以处 2 万元以下的罚款；造成损失的，依法承担赔偿责任；',
      '3. 首次违法、占用时间短且及时改正、未造成危害后果的，依照本市不予行政处罚事项清单不予处罚，进行批评教育；',
      '4. 由城市管理综合行政执法部门依相对集中行政处罚权实施。',
    ].join('\n'),
    entries: [{ dept: 'cgj', committed: 30, office: true }],
  }),
  penalty({
    code: '020401001000', name: '对生产经营单位未按照规定对从业人员进行安全生产教育和培训的行政处罚',
    legal_basis: `《中华人民共和国安全生产法》第二十八条、第九十七条第（三）项；${PENALTY_LAW}`,
    themes: ['公共安全'], window: 'market_access',
    conditions: [
      '1. 适用对象：未按照规定对从业人员、被派遣劳动者、实习学生进行安全生产教育和培训，或者未按照规定如实告知有关安全生产事项的生产经营单位；',
      '2. 处罚种类和幅度：责令限期改正，处十万元以下的罚款；逾期未改正的，责令停产停业整顿，并处十万元以上二十万元以下的罚款，对其直接负责的主管人员和其他直接责任人员处二万元以上五万元以下的罚款；',
      '3. 具体罚款数额按照本省安全生产行政处罚裁量基准确定；',
      '4. 当事人有权进行陈述和申辩；拟作出较大数额罚款、责令停产停业的，有权要求听证。',
    ].join('\n'),
    entries: [{ dept: 'yjj', committed: 60, office: true }],
  }),
  penalty({
    code: '020501001000', name: '对旅行社未与旅游者签订旅游合同的行政处罚',
    legal_basis: `《中华人民共和国旅游法》第五十七条；《旅行社条例》第二十八条、第五十五条；${PENALTY_LAW}`,
    themes: ['文化旅游'], window: 'market_access', audience: ['legal'],
    conditions: [
      '1. 适用对象：未与旅游者签订旅游合同，或者与旅游者签订的旅游合同未载明《旅行社条例》第二十八条规定事项的旅行社；',
      '2. 处罚种类和幅度：责令改正，处 2 万元以上 10 万元以下的罚款；情节严重的，责令停业整顿 1 个月至 3 个月；',
      '3. 由文化市场综合行政执法机构实施；',
      '4. 当事人有权进行陈述和申辩；拟作出较大数额罚款、责令停业整顿的，有权要求听证。',
    ].join('\n'),
    entries: [{ dept: 'wlj', committed: 60, office: true }],
  }),
  penalty({
    code: '020601001000', name: '对超过水污染物排放标准排放水污染物的行政处罚',
    legal_basis: `《中华人民共和国水污染防治法》第十条、第八十三条第（二）项；《中华人民共和国环境保护法》第五十九条；${PENALTY_LAW}`,
    themes: ['生态环境'], window: 'market_access', audience: ['legal'],
    conditions: [
      '1. 适用对象：超过水污染物排放标准或者超过重点水污染物排放总量控制指标排放水污染物的企业事业单位和其他生产经营者；',
      '2. 处罚种类和幅度：责令改正或者责令限制生产、停产整治，并处十万元以上一百万元以下的罚款；情节严重的，报经有批准权的人民政府批准，责令停业、关闭；',
      '3. 被责令改正，拒不改正的，依照《中华人民共和国环境保护法》第五十九条按日连续处罚；',
      '4. 当事人有权进行陈述和申辩；拟作出较大数额罚款、责令停产整治的，有权要求听证。',
    ].join('\n'),
    entries: [{ dept: 'sthj', committed: 60, office: true }],
  }),
  {
    code: '060101001000', name: '食品经营者监督检查', power_type: 'inspection',
    legal_basis: '《中华人民共和国食品安全法》第八十七条、第一百零九条、第一百一十条；《食品生产经营监督检查管理办法》（国家市场监督管理总局令第49号）',
    audience: ['legal'], themes: ['食品药品', '市场监管'], window: 'market_access',
    conditions: [
      '1. 检查对象：本辖区取得食品经营许可或者办理备案的食品经营者；',
      '2. 检查方式：按照“双随机、一公开”随机抽取检查对象和执法检查人员，结合食品安全风险分级确定检查频次，实施差异化监管；',
      '3. 检查内容：经营资质、经营条件、食品安全管理制度落实、从业人员健康管理、进货查验和记录、贮存和运输、餐饮加工制作过程等；',
      '4. 检查结果自检查结束之日起 20 个工作日内通过国家企业信用信息公示系统公示。',
    ].join('\n'),
    materials: [
      m('营业执照', { licence: 'LT-YYZZ' }),
      m('食品经营许可证', { licence: 'LT-SPJY', note: '通过电子证照库调取，无需现场出示纸质证书' }),
      m('进货查验记录、索证索票资料'),
      m('从业人员健康证明', { proof: 'ZM-370200-012' }),
    ],
    statutory: 20, online: 1, visits: 0,
    workflow: (c) => wf([['下达检查任务', 'approver', 0], ['现场检查', 'inspector', Math.round(c * 0.5)],
      ['结果审核', 'reviewer', Math.round(c * 0.3)], ['结果公示', 'approver', c - Math.round(c * 0.5) - Math.round(c * 0.3)]]),
    form: schema('食品经营监督检查记录', {
      party: f.ref('enterprise', '被检查单位'),
      premises: f.text('经营场所', 200),
      division_code: f.division('所在行政区划'),
      licence_no: f.text('食品经营许可证编号', 16, { pattern: '^JY[1-3]\\d{13}$' }),
      checked_on: f.date('检查日期'),
      result: f.choice('检查结果', ['未发现问题', '发现问题已责令改正', '发现问题待后续处理', '未按规定公示', '通过登记的住所无法联系']),
      findings: f.long('发现的问题', 4000),
      inspectors: f.list('person', '执法检查人员', 2, 6),
    }, ['party', 'premises', 'division_code', 'checked_on', 'result', 'inspectors']),
    entries: [
      { dept: 'scjg', committed: 10, office: true },
      { dept: 'xha_scjg', committed: 10, office: true },
    ],
  },
  {
    code: '030101001000', name: '查封、扣押不符合食品安全标准的食品', power_type: 'enforcement',
    legal_basis: '《中华人民共和国食品安全法》第一百一十条第（四）项；《中华人民共和国行政强制法》第十八条、第二十二条、第二十四条、第二十五条',
    audience: ['legal', 'natural'], themes: ['食品药品', '市场监管'], window: 'market_access',
    conditions: [
      '1. 适用情形：有证据证明不符合食品安全标准或者有证据证明存在安全隐患以及用于违法生产经营的食品、食品添加剂、食品相关产品；',
      '2. 实施前向行政机关负责人报告并经批准，由两名以上行政执法人员实施，制作现场笔录，当场交付查封、扣押决定书和清单；',
      '3. 查封、扣押期限不得超过 30 日，情况复杂的经负责人批准可以延长不超过 30 日；检测、检验、检疫或者技术鉴定的期间不计入；',
      '4. 对违法事实清楚、依法应当没收的予以没收；经查实与违法行为无关或者不再需要查封、扣押的，及时解除。',
    ].join('\n'),
    materials: [
      m('当事人身份证明', { licence: 'LT-YYZZ', note: '单位当事人通过电子证照库调取营业执照' }),
      m('涉案物品权属证明及进货票据', { optional: true }),
      m('陈述、申辩意见', { optional: true }),
    ],
    statutory: 30, online: 1, visits: 1, suspensions: ['testing', 'inspection', 'quarantine'],
    workflow: () => wf([['报批', 'approver', 0], ['实施查封扣押', 'inspector', 1], ['检验检测与调查', 'inspector', 20],
      ['作出处理决定', 'department_head', 9]], ['testing', 'inspection', 'quarantine']),
    form: schema('查封、扣押当事人信息', {
      party_name: f.text('当事人名称（姓名）', 100),
      party_code: f.text('统一社会信用代码或者公民身份号码', 18, { minLength: 15 }),
      address: f.text('住所（住址）', 200),
      items: f.long('查封、扣押物品清单', 4000),
      seized_on: f.date('实施日期'),
      storage: f.text('物品存放地点', 200),
      statement: f.long('陈述、申辩意见', 4000),
      liaison: f.ref('contact', '联系人'),
    }, ['party_name', 'party_code', 'address', 'items', 'seized_on', 'storage']),
    entries: [{ dept: 'scjg', committed: 30, office: true }],
  },
  {
    code: '080101001000', name: '安全生产举报奖励', power_type: 'reward',
    legal_basis: '《中华人民共和国安全生产法》第七十六条；《安全生产领域举报奖励办法》（安监总财〔2018〕19号）',
    audience: ['natural'], themes: ['公共安全'], window: 'social_affairs',
    conditions: [
      '1. 举报的重大事故隐患和安全生产违法行为，属于生产经营单位和负有安全生产监督管理职责的部门没有发现，或者虽然发现但未按有关规定依法处理；',
      '2. 举报事项经核查属实；',
      '3. 举报人为实名举报；多人举报同一事项的，奖励最先举报人；',
      '4. 奖励金额按照行政处罚金额的一定比例计算，最低奖励 3000 元。',
    ].join('\n'),
    materials: [
      m('举报人居民身份证', { licence: 'LT-SFZ' }),
      m('举报奖励申请书'),
      m('举报事项核查结论通知', { optional: true }),
      m('本人银行账户信息'),
    ],
    statutory: 60, online: 3, visits: 1,
    workflow: () => wf([['受理', 'window_clerk', 0], ['核查', 'reviewer', 15], ['奖励审批', 'department_head', 10], ['兑付', 'approver', 5]]),
    form: schema('安全生产举报奖励申请书', {
      reporter: f.ref('person', '举报人'),
      report_no: f.text('举报受理编号', 40),
      reported_on: f.date('举报日期'),
      reported_unit: f.text('被举报单位', 100),
      matter: f.long('举报事项', 2000),
      bank_account: f.text('银行账号', 30, { pattern: '^\\d{12,30}$' }),
      phone: f.phone('联系电话'),
    }, ['reporter', 'report_no', 'reported_on', 'reported_unit', 'matter', 'bank_account', 'phone']),
    entries: [{ dept: 'yjj', committed: 30, published: false }],
  },
  {
    code: '090101001000', name: '土地权属争议调处', power_type: 'adjudication',
    legal_basis: '《中华人民共和国土地管理法》第十四条；《土地权属争议调查处理办法》（国土资源部令第17号）',
    audience: ['natural', 'legal'], themes: ['不动产登记'], window: 'social_affairs',
    conditions: [
      '1. 单位之间、个人之间、个人与单位之间因土地所有权和使用权归属发生的争议，经协商不成的；',
      '2. 申请人与争议的土地有直接利害关系，有明确的请求处理对象、具体的处理请求和事实根据；',
      '3. 争议依法应当由市人民政府处理（跨区（市）行政区域的争议，争议一方为市人民政府所属部门的争议等）；',
      '4. 人民法院已经受理或者作出判决、裁定，或者行政复议机关已经作出决定的，不予受理。',
    ].join('\n'),
    materials: [
      m('土地权属争议调查处理申请书', { note: '按照被申请人人数提交副本' }),
      m('申请人居民身份证或者营业执照', { licence: 'LT-SFZ' }),
      m('申请人与争议土地有直接利害关系的证明材料'),
      m('争议土地的权属来源证明及相关证据材料'),
      AUTH(),
    ],
    statutory: 120, online: 2, visits: 2, suspensions: ['现场勘查', '调解'],
    workflow: () => wf([['受理', 'window_clerk', 0], ['调查取证', 'reviewer', 40], ['调解', 'reviewer', 20],
      ['提出调查处理意见', 'approver', 20], ['报请人民政府决定', 'department_head', 10]], ['现场勘查', '调解']),
    form: schema('土地权属争议调查处理申请书', {
      applicant: f.ref('person', '申请人（或法定代表人）'),
      respondent: f.text('被申请人', 100),
      land_location: f.text('争议土地坐落', 200),
      division_code: f.division('争议土地所在行政区划'),
      land_area: f.num('争议土地面积（平方米）', 0, undefined, { exclusiveMinimum: 0 }),
      request: f.long('请求事项', 2000),
      facts: f.long('事实和理由', 4000),
      liaison: f.ref('contact', '联系人'),
    }, ['applicant', 'respondent', 'land_location', 'division_code', 'request', 'facts']),
    entries: [{ dept: 'zrzy', committed: 90, published: false, address: '青岛市市北区敦化路 119 号青岛市自然资源和规划局土地权属争议调处窗口' }],
  },
];
