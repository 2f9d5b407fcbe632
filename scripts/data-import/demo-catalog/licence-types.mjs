// 证照目录: every licence a demo item issues, plus the resident identity card the items reuse.
// fields_schema describes the licence's face; validity_years null = 长期有效 (or no fixed term).
import { f, SCHEMA_URI } from './lib.mjs';

function lt(code, name, issuer, holder_type, validity_years, properties, required) {
  return {
    code, name, issuer, holder_type, validity_years,
    fields_schema: { $schema: SCHEMA_URI, title: name, type: 'object', properties, required, 'ui:order': Object.keys(properties) },
  };
}

const validTo = f.date('有效期至');
const issuedOn = f.date('发证日期');

export const LICENCE_TYPES = [
  lt('LT-YYZZ', '营业执照', 'scjg', 'legal', null, {
    credit_code: f.credit('统一社会信用代码'),
    name: f.text('名称', 100),
    type: f.text('类型', 60),
    legal_representative: f.text('法定代表人（负责人、经营者）', 50),
    registered_capital: f.text('注册资本（资金数额）', 40),
    established_on: f.date('成立日期'),
    business_term: f.text('营业期限', 60),
    address: f.text('住所（经营场所）', 200),
    business_scope: f.long('经营范围', 4000),
    registration_authority: f.text('登记机关', 60),
  }, ['credit_code', 'name', 'type', 'legal_representative', 'established_on', 'address', 'business_scope', 'registration_authority']),

  lt('LT-SFZ', '居民身份证', 'gaj', 'natural', null, {
    name: f.text('姓名', 50),
    gender: f.choice('性别', ['男', '女']),
    ethnicity: f.text('民族', 20),
    birth_date: f.date('出生'),
    address: f.text('住址', 200),
    citizen_id: f.id('公民身份号码'),
    issuing_authority: f.text('签发机关', 60),
    valid_from: f.date('有效期限起'),
    valid_to: f.text('有效期限止（日期或“长期”）', 20, { pattern: '^(\\d{4}-\\d{2}-\\d{2}|长期)$' }),
  }, ['name', 'gender', 'birth_date', 'address', 'citizen_id', 'issuing_authority', 'valid_from', 'valid_to']),

  lt('LT-BDCQZ', '不动产权证书', 'zrzy', 'both', null, {
    certificate_no: f.text('证书号', 60, { pattern: '^鲁（\\d{4}）青岛市[\\u4e00-\\u9fa5]*不动产权第\\d{7}号$' }),
    right_holder: f.text('权利人', 200),
    co_ownership: f.choice('共有情况', ['单独所有', '共同共有', '按份共有']),
    location: f.text('坐落', 200),
    unit_no: f.text('不动产单元号', 28, { pattern: '^\\d{12}[A-Z]{2}\\d{5}[A-Z]\\d{8}$' }),
    right_type: f.text('权利类型', 60),
    right_nature: f.text('权利性质', 60),
    usage: f.text('用途', 60),
    area: f.text('面积', 100),
    term: f.text('使用期限', 100),
  }, ['certificate_no', 'right_holder', 'co_ownership', 'location', 'unit_no', 'right_type', 'usage', 'area']),

  lt('LT-BDCDJZM', '不动产登记证明', 'zrzy', 'both', null, {
    certificate_no: f.text('证明号', 60, { pattern: '^鲁（\\d{4}）青岛市[\\u4e00-\\u9fa5]*不动产证明第\\d{7}号$' }),
    matter: f.choice('证明权利或事项', ['抵押权', '地役权', '预告登记', '异议登记']),
    right_holder: f.text('权利人（申请人）', 200),
    obligor: f.text('义务人', 200),
    location: f.text('坐落', 200),
    unit_no: f.text('不动产单元号', 28),
    secured_amount: f.num('被担保主债权数额（万元）', 0),
    debt_term: f.text('债务履行期限', 100),
  }, ['certificate_no', 'matter', 'right_holder', 'obligor', 'location', 'unit_no']),

  lt('LT-XZYJ', '建设项目用地预审与选址意见书', 'zrzy', 'legal', 3, {
    number: f.text('编号', 40),
    project_name: f.text('项目名称', 200),
    project_code: f.text('项目代码', 24),
    builder: f.text('建设单位名称', 100),
    location: f.text('项目建设依据及拟选位置', 200),
    land_area_ha: f.num('拟用地面积（公顷）', 0),
    farmland_area_ha: f.num('其中农用地（公顷）', 0),
    construction_scale: f.text('拟建设规模', 200),
    issued_on: issuedOn,
  }, ['number', 'project_name', 'builder', 'location', 'land_area_ha', 'issued_on']),

  lt('LT-JSYDGH', '建设用地规划许可证', 'zrzy', 'legal', null, {
    number: f.text('编号（地字第…号）', 40),
    land_user: f.text('用地单位', 100),
    project_name: f.text('项目名称', 200),
    approval: f.text('批准用地机关及文号', 200),
    location: f.text('用地位置', 200),
    land_area_m2: f.num('用地面积（平方米）', 0),
    land_use: f.text('土地用途', 60),
    construction_scale: f.text('建设规模', 200),
    acquisition: f.choice('土地取得方式', ['出让', '划拨']),
    issued_on: issuedOn,
  }, ['number', 'land_user', 'project_name', 'location', 'land_area_m2', 'land_use', 'acquisition', 'issued_on']),

  lt('LT-JSGCGH', '建设工程规划许可证', 'zrzy', 'legal', null, {
    number: f.text('编号（建字第…号）', 40),
    builder: f.text('建设单位（个人）', 100),
    project_name: f.text('建设项目名称', 200),
    location: f.text('建设位置', 200),
    construction_scale: f.text('建设规模', 200),
    issued_on: issuedOn,
  }, ['number', 'builder', 'project_name', 'location', 'construction_scale', 'issued_on']),

  lt('LT-SGXK', '建筑工程施工许可证', 'xzsp', 'legal', null, {
    number: f.text('编号', 24, { pattern: '^\\d{18}$' }),
    builder: f.text('建设单位', 100),
    project_name: f.text('工程名称', 200),
    address: f.text('建设地址', 200),
    scale: f.text('建设规模', 100),
    contract_price: f.num('合同价格（万元）', 0),
    surveyor: f.text('勘察单位', 100),
    designer: f.text('设计单位', 100),
    contractor: f.text('施工单位', 100),
    supervisor: f.text('监理单位', 100),
    project_manager: f.text('施工单位项目负责人', 50),
    contract_days: f.int('合同工期（日历天）', 1),
    issued_on: issuedOn,
  }, ['number', 'builder', 'project_name', 'address', 'scale', 'contract_price', 'contractor', 'contract_days', 'issued_on']),

  lt('LT-JZYZZ', '建筑业企业资质证书', 'xzsp', 'legal', 5, {
    certificate_no: f.text('证书编号', 20, { pattern: '^D\\d{9}$' }),
    enterprise: f.text('企业名称', 100),
    credit_code: f.credit(),
    legal_representative: f.text('法定代表人', 50),
    qualifications: { type: 'array', title: '资质类别及等级', items: { type: 'string', minLength: 1 }, minItems: 1 },
    valid_to: validTo,
  }, ['certificate_no', 'enterprise', 'credit_code', 'qualifications', 'valid_to']),

  lt('LT-PSXK', '城镇污水排入排水管网许可证', 'xzsp', 'legal', 5, {
    number: f.text('许可证编号', 40),
    discharger: f.text('排水户名称', 100),
    credit_code: f.credit(),
    discharger_type: f.choice('排水户类型', ['餐饮', '洗浴', '洗车', '医疗', '工业', '建筑施工', '其他']),
    outlets: f.int('排放口数量', 1),
    daily_volume_m3: f.num('排水量（立方米/日）', 0),
    main_pollutants: f.text('主要污染物项目', 200),
    valid_to: validTo,
  }, ['number', 'discharger', 'credit_code', 'discharger_type', 'outlets', 'daily_volume_m3', 'valid_to']),

  lt('LT-SPJY', '食品经营许可证', 'xzsp', 'legal', 5, {
    number: f.text('许可证编号', 16, { pattern: '^JY[1-3]\\d{13}$' }),
    operator: f.text('经营者名称', 100),
    credit_code: f.credit('统一社会信用代码（身份证号码）'),
    legal_representative: f.text('法定代表人（负责人）', 50),
    address: f.text('住所', 200),
    premises: f.text('经营场所', 200),
    business_form: f.choice('主体业态', ['食品销售经营者', '餐饮服务经营者', '集中用餐单位食堂']),
    items: { type: 'array', title: '经营项目', items: { type: 'string', minLength: 1 }, minItems: 1 },
    supervisor: f.text('日常监督管理机构', 100),
    valid_to: validTo,
  }, ['number', 'operator', 'credit_code', 'legal_representative', 'premises', 'business_form', 'items', 'valid_to']),

  lt('LT-GGCS', '公共场所卫生许可证', 'xzsp', 'legal', 4, {
    number: f.text('许可证号', 40),
    unit: f.text('单位名称', 100),
    credit_code: f.credit(),
    legal_representative: f.text('法定代表人（负责人）', 50),
    address: f.text('地址', 200),
    licensed_items: f.text('许可项目', 200),
    valid_to: validTo,
  }, ['number', 'unit', 'credit_code', 'address', 'licensed_items', 'valid_to']),

  lt('LT-YLJG', '医疗机构执业许可证', 'xzsp', 'legal', 5, {
    registration_no: f.text('登记号', 30),
    institution: f.text('机构名称', 100),
    address: f.text('地址', 200),
    legal_representative: f.text('法定代表人', 50),
    principal: f.text('主要负责人', 50),
    ownership: f.text('所有制形式', 40),
    category: f.text('医疗机构类别', 60),
    nature: f.choice('经营性质', ['营利性', '非营利性']),
    departments: { type: 'array', title: '诊疗科目', items: { type: 'string', minLength: 1 }, minItems: 1 },
    beds: f.int('床位（牙椅）', 0),
    valid_to: validTo,
  }, ['registration_no', 'institution', 'address', 'principal', 'category', 'nature', 'departments', 'valid_to']),

  lt('LT-YPJY', '药品经营许可证', 'xzsp', 'legal', 5, {
    number: f.text('证号', 20, { pattern: '^鲁[A-Z]{2}\\d{7,9}$' }),
    enterprise: f.text('企业名称', 100),
    credit_code: f.credit(),
    legal_representative: f.text('法定代表人', 50),
    principal: f.text('主要负责人', 50),
    quality_principal: f.text('质量负责人', 50),
    address: f.text('注册地址', 200),
    mode: f.choice('经营方式', ['批发', '零售（单体）', '零售（连锁门店）']),
    scope: { type: 'array', title: '经营范围', items: { type: 'string', minLength: 1 }, minItems: 1 },
    valid_to: validTo,
  }, ['number', 'enterprise', 'credit_code', 'principal', 'quality_principal', 'address', 'mode', 'scope', 'valid_to']),

  lt('LT-TZSB', '特种设备使用登记证', 'scjg', 'legal', null, {
    number: f.text('使用登记证编号', 30),
    user_unit: f.text('使用单位', 100),
    credit_code: f.credit(),
    category: f.choice('设备类别', ['锅炉', '压力容器', '电梯', '起重机械', '场（厂）内专用机动车辆', '大型游乐设施', '客运索道', '压力管道']),
    variety: f.text('设备品种', 60),
    product_no: f.text('产品编号', 40),
    equipment_code: f.text('设备代码', 30),
    location: f.text('设备使用地点', 200),
    issued_on: issuedOn,
  }, ['number', 'user_unit', 'credit_code', 'category', 'variety', 'product_no', 'location', 'issued_on']),

  lt('LT-TZHY', '特种行业许可证', 'gaj', 'legal', null, {
    number: f.text('许可证编号', 30),
    unit: f.text('单位名称', 100),
    credit_code: f.credit(),
    legal_representative: f.text('法定代表人（负责人）', 50),
    address: f.text('经营地址', 200),
    trade: f.choice('行业类别', ['旅馆业']),
    rooms: f.int('客房数', 1),
    beds: f.int('床位数', 1),
    issued_on: issuedOn,
  }, ['number', 'unit', 'credit_code', 'legal_representative', 'address', 'trade', 'issued_on']),

  lt('LT-JZZ', '山东省居住证', 'gaj', 'natural', null, {
    name: f.text('姓名', 50),
    gender: f.choice('性别', ['男', '女']),
    citizen_id: f.id('公民身份号码'),
    residence: f.text('居住地址', 200),
    issuing_authority: f.text('签发机关', 60),
    issued_on: f.date('签发日期'),
  }, ['name', 'gender', 'citizen_id', 'residence', 'issuing_authority', 'issued_on']),

  lt('LT-RLZY', '人力资源服务许可证', 'xzsp', 'legal', null, {
    number: f.text('许可证编号', 30),
    agency: f.text('机构名称', 100),
    credit_code: f.credit(),
    legal_representative: f.text('法定代表人', 50),
    address: f.text('住所', 200),
    scope: { type: 'array', title: '服务范围', items: { type: 'string', minLength: 1 }, minItems: 1 },
    issued_on: issuedOn,
  }, ['number', 'agency', 'credit_code', 'legal_representative', 'address', 'scope', 'issued_on']),

  lt('LT-LNYDZ', '山东省老年人优待证', 'mzj', 'natural', null, {
    number: f.text('证号', 30),
    name: f.text('姓名', 50),
    gender: f.choice('性别', ['男', '女']),
    citizen_id: f.id('公民身份号码'),
    birth_date: f.date('出生日期'),
    issuer: f.text('发证单位', 60),
    issued_on: issuedOn,
  }, ['number', 'name', 'citizen_id', 'birth_date', 'issuer', 'issued_on']),

  lt('LT-DLYS', '道路运输经营许可证', 'xzsp', 'legal', 4, {
    number: f.text('许可证号（鲁交运管许可青字…号）', 40),
    operator: f.text('业户名称', 100),
    credit_code: f.credit(),
    address: f.text('地址', 200),
    scope: f.text('经营范围', 200),
    valid_to: validTo,
  }, ['number', 'operator', 'credit_code', 'address', 'scope', 'valid_to']),

  lt('LT-PWXK', '排污许可证', 'sthj', 'legal', 5, {
    number: f.text('证书编号', 22, { pattern: '^[0-9A-HJ-NPQRTUWXY]{18}\\d{3}[A-Z]$' }),
    unit: f.text('单位名称', 100),
    address: f.text('注册地址', 200),
    premises: f.text('生产经营场所地址', 200),
    industry: f.text('行业类别', 100),
    management: f.choice('管理类别', ['重点管理', '简化管理']),
    principal: f.text('法定代表人（主要负责人）', 50),
    valid_to: validTo,
  }, ['number', 'unit', 'premises', 'industry', 'management', 'valid_to']),

  lt('LT-QSXK', '取水许可证', 'xzsp', 'legal', 5, {
    number: f.text('编号', 40),
    holder: f.text('取水权人名称', 100),
    location: f.text('取水地点', 200),
    method: f.choice('取水方式', ['地表水取水口', '地下水取水井', '其他']),
    source_type: f.choice('水源类型', ['地表水', '地下水', '海水淡化', '再生水']),
    volume: f.num('取水量（万立方米/年）', 0, undefined, { exclusiveMinimum: 0 }),
    usage: f.text('取水用途', 60),
    valid_to: validTo,
  }, ['number', 'holder', 'location', 'method', 'source_type', 'volume', 'usage', 'valid_to']),

  lt('LT-WHJY', '危险化学品经营许可证', 'yjj', 'legal', 3, {
    number: f.text('编号', 40),
    enterprise: f.text('企业名称', 100),
    credit_code: f.credit(),
    principal: f.text('主要负责人', 50),
    address: f.text('注册地址', 200),
    mode: f.choice('经营方式', ['带有储存设施经营', '不带有储存设施经营']),
    scope: f.long('许可范围', 2000),
    valid_to: validTo,
  }, ['number', 'enterprise', 'credit_code', 'principal', 'mode', 'scope', 'valid_to']),

  lt('LT-LXS', '旅行社业务经营许可证', 'xzsp', 'legal', null, {
    number: f.text('许可证编号', 20, { pattern: '^L-SD-\\d{5,6}$' }),
    agency: f.text('旅行社名称', 100),
    credit_code: f.credit(),
    legal_representative: f.text('法定代表人', 50),
    premises: f.text('经营场所', 200),
    scope: f.choice('经营范围', ['国内旅游业务、入境旅游业务', '国内旅游业务、入境旅游业务、出境旅游业务']),
    issued_on: issuedOn,
  }, ['number', 'agency', 'credit_code', 'legal_representative', 'premises', 'scope', 'issued_on']),

  lt('LT-JSZG', '教师资格证书', 'jyj', 'natural', null, {
    number: f.text('资格证书号码', 17, { pattern: '^\\d{17}$' }),
    name: f.text('姓名', 50),
    gender: f.choice('性别', ['男', '女']),
    birth_date: f.date('出生日期'),
    citizen_id: f.id('身份证件号码'),
    kind: f.text('资格种类', 60),
    subject: f.text('任教学科', 40),
    authority: f.text('认定机构', 60),
    issued_on: issuedOn,
  }, ['number', 'name', 'citizen_id', 'kind', 'subject', 'authority', 'issued_on']),

  lt('LT-CPY', '成品油零售经营批准证书', 'swuj', 'legal', 5, {
    number: f.text('证书编号', 30),
    enterprise: f.text('企业名称', 100),
    credit_code: f.credit(),
    station: f.text('加油站名称', 100),
    address: f.text('经营地址', 200),
    products: f.multi('经营品种', ['汽油', '柴油', '煤油']),
    valid_to: validTo,
  }, ['number', 'enterprise', 'credit_code', 'station', 'address', 'products', 'valid_to']),

  lt('LT-SHTT', '社会团体法人登记证书', 'mzj', 'legal', 5, {
    credit_code: f.credit(),
    name: f.text('名称', 100),
    address: f.text('住所', 200),
    legal_representative: f.text('法定代表人', 50),
    sponsor: f.text('业务主管单位', 100),
    scope: f.long('业务范围', 2000),
    region: f.text('活动地域', 60),
    registered_funds: f.num('注册资金（万元）', 0),
    valid_to: validTo,
  }, ['credit_code', 'name', 'address', 'legal_representative', 'scope', 'region', 'registered_funds', 'valid_to']),
];
