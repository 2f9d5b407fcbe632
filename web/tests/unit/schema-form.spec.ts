import { afterEach, describe, expect, it } from 'vitest'
import { nextTick, reactive } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { i18n, setLocale } from '@/locales'
import SchemaForm from '@/components/schema-form/SchemaForm.vue'
import {
  deref,
  effectiveSchema,
  enumOptions,
  fieldPointers,
  pruneEmpty,
  titleAtPointer,
  widgetOf,
  type JsonSchema,
} from '@/components/schema-form/schema'
import { compileSchema, matchesSubschema, validateForm } from '@/components/schema-form/validate'

const t = (key: string, named?: Record<string, unknown>) => (named ? i18n.global.t(key, named) : i18n.global.t(key))

/** A food business permit application, the shape the demo items use. */
const schema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  title: '食品经营许可申请表',
  required: ['applicant', 'business_type', 'start_date', 'staff'],
  definitions: {
    person: {
      type: 'object',
      required: ['name', 'id_number'],
      properties: {
        name: { type: 'string', title: '姓名', maxLength: 50 },
        id_number: { type: 'string', title: '身份证号', format: 'citizen-id' },
        phone: { type: 'string', title: '联系电话', format: 'phone-cn' },
      },
    },
  },
  properties: {
    applicant: {
      type: 'object',
      title: '申请主体',
      required: ['name', 'credit_code'],
      properties: {
        name: { type: 'string', title: '名称', minLength: 2 },
        credit_code: { type: 'string', title: '统一社会信用代码', format: 'credit-code' },
      },
    },
    legal_person: { $ref: '#/definitions/person', title: '法定代表人' },
    business_type: { type: 'string', title: '经营类别', enum: ['食品销售', '餐饮服务', '单位食堂'] },
    district: { type: 'string', title: '所在区', enum: ['市南区', '市北区', '李沧区', '崂山区', '黄岛区', '城阳区'] },
    area: { type: 'number', title: '经营面积（平方米）', minimum: 1 },
    staff_count: { type: 'integer', title: '从业人员数', minimum: 1, default: 1 },
    online: { type: 'boolean', title: '网络经营' },
    start_date: { type: 'string', format: 'date', title: '拟开业日期' },
    scope: { type: 'string', maxLength: 1000, title: '经营项目', description: '按《食品经营许可管理办法》填写' },
    staff: { type: 'array', title: '从业人员', minItems: 1, maxItems: 3, items: { $ref: '#/definitions/person' } },
  },
}

const matches = (s: JsonSchema, v: unknown) => matchesSubschema(schema, s, v)

afterEach(() => setLocale('zh-CN'))

describe('schema helpers', () => {
  it('resolves $ref into definitions, keeping a title beside it', () => {
    const p = deref(schema, schema.properties!.legal_person!)
    expect(p.title).toBe('法定代表人')
    expect(Object.keys(p.properties!)).toEqual(['name', 'id_number', 'phone'])
  })
  it('picks a control for every kind of node', () => {
    const w = (k: string) => widgetOf(schema, effectiveSchema(schema, schema.properties![k]!, undefined, matches))
    expect(w('applicant')).toBe('object')
    expect(w('legal_person')).toBe('object')
    expect(w('business_type')).toBe('radio') // 3 options
    expect(w('district')).toBe('select') // 6 options
    expect(w('area')).toBe('number')
    expect(w('staff_count')).toBe('integer')
    expect(w('online')).toBe('switch')
    expect(w('start_date')).toBe('date')
    expect(w('scope')).toBe('textarea') // maxLength > 200
    expect(w('staff')).toBe('array-objects')
    expect(widgetOf(schema, { type: 'string', format: 'textarea' })).toBe('textarea')
    expect(widgetOf(schema, { type: 'string', format: 'date-time' })).toBe('datetime')
    expect(widgetOf(schema, { type: 'array', items: { type: 'string' } })).toBe('array-simple')
    expect(widgetOf(schema, { type: 'array', items: { enum: ['a', 'b'] }, uniqueItems: true })).toBe('array-enum')
  })
  it('reads option labels from oneOf consts and enumNames', () => {
    expect(enumOptions(schema, { oneOf: [{ const: 'natural', title: '个人' }, { const: 'legal', title: '法人' }] })).toEqual([
      { value: 'natural', label: '个人' },
      { value: 'legal', label: '法人' },
    ])
    expect(enumOptions(schema, { enum: [1, 2], enumNames: ['一', '二'] })).toEqual([
      { value: 1, label: '一' },
      { value: 2, label: '二' },
    ])
  })
  it('leaves empty values out, and optional nested objects with nothing in them', () => {
    const data = { applicant: { name: '', credit_code: '' }, legal_person: { name: '', id_number: '' }, scope: '', area: null, staff: [{ name: '张三', id_number: '', phone: '' }] }
    expect(pruneEmpty(schema, schema, data, matches)).toEqual({ applicant: {}, staff: [{ name: '张三' }] })
  })
  it('lists the pointer of every drawn field, list rows included', () => {
    const ptrs = fieldPointers(schema, schema, { staff: [{}, {}] }, matches)
    expect(ptrs).toContain('/applicant/credit_code')
    expect(ptrs).toContain('/legal_person/id_number')
    expect(ptrs).toContain('/staff/1/phone')
    expect(ptrs).not.toContain('/staff/2/phone')
  })
  it('names a field by its titles', () => {
    expect(titleAtPointer(schema, '/staff/0/id_number', { staff: [{}] }, matches)).toBe('从业人员 / #1 / 身份证号')
  })
  it('draws the branch of if/then/else that applies', () => {
    const s: JsonSchema = {
      type: 'object',
      properties: { kind: { enum: ['natural', 'legal'] } },
      if: { properties: { kind: { const: 'legal' } } },
      then: { properties: { credit_code: { type: 'string', format: 'credit-code' } }, required: ['credit_code'] },
      else: { properties: { id_number: { type: 'string', format: 'citizen-id' } } },
    }
    const m = (x: JsonSchema, v: unknown) => matchesSubschema(s, x, v)
    expect(Object.keys(effectiveSchema(s, s, { kind: 'legal' }, m).properties!)).toEqual(['kind', 'credit_code'])
    expect(Object.keys(effectiveSchema(s, s, { kind: 'natural' }, m).properties!)).toEqual(['kind', 'id_number'])
  })
})

describe('browser validation (ajv)', () => {
  it('reports every error at once, each under its own field', () => {
    const r = validateForm(schema, { applicant: { name: '甲' }, staff: [{ name: '张三', id_number: '110105194912310021' }], legal_person: { name: '李四', id_number: '11010519491231002X', phone: '12345' } }, t, 'zh-CN')
    expect(r.valid).toBe(false)
    const at = (p: string) => r.errors.filter((e) => e.pointer === p).map((e) => e.message)
    expect(at('/applicant/name')).toEqual(['至少 2 个字符'])
    expect(at('/applicant/credit_code')).toEqual(['此项为必填项'])
    expect(at('/business_type')).toEqual(['此项为必填项'])
    expect(at('/start_date')).toEqual(['此项为必填项'])
    expect(at('/staff/0/id_number')).toEqual(['公民身份号码校验码（第 18 位）错误，请核对'])
    expect(at('/legal_person/phone')[0]).toMatch(/手机号/)
    expect(at('/legal_person/id_number')).toEqual([])
  })
  it('names what is wrong with a credit code, in English too', () => {
    const data = { applicant: { name: '青岛某公司', credit_code: '91350100M000100Y44' }, business_type: '餐饮服务', start_date: '2026-12-01', staff: [{ name: 'A', id_number: '11010519491231002X' }] }
    expect(validateForm(schema, data, t, 'zh-CN').errors).toEqual([
      { pointer: '/applicant/credit_code', message: '统一社会信用代码校验码（第 18 位）错误，请核对', keyword: 'format' },
    ])
    setLocale('en')
    expect(validateForm(schema, data, t, 'en').errors[0]!.message).toMatch(/check character/)
    data.applicant.credit_code = '91350100M000100Y43'
    expect(validateForm(schema, data, t, 'en')).toMatchObject({ valid: true, errors: [] })
  })
  it('folds an enum written as oneOf consts into one message', () => {
    const s: JsonSchema = { type: 'object', properties: { a: { oneOf: [{ const: 'x', title: 'X' }, { const: 'y', title: 'Y' }] } } }
    expect(validateForm(s, { a: 'z' }, t, 'zh-CN').errors).toEqual([{ pointer: '/a', message: '请从给定的选项中选择', keyword: 'oneOf' }])
  })
  it('falls back to ajv-i18n for rarer keywords, in both languages', () => {
    const s: JsonSchema = { type: 'object', properties: { a: { type: 'string', not: { const: 'x' } } } }
    expect(validateForm(s, { a: 'x' }, t, 'zh-CN').errors[0]!.message).toMatch(/[\u4e00-\u9fff]/)
    expect(validateForm(s, { a: 'x' }, t, 'en').errors[0]!.message).toMatch(/must NOT/)
  })
  it('answers a schema it cannot compile as an error, not a throw', () => {
    expect(compileSchema({ type: 'strin' } as JsonSchema)).toBeInstanceOf(Error)
    expect(validateForm({ type: 'object', properties: { a: { $ref: '#/definitions/missing' } } }, {}, t, 'zh-CN').schemaError).toBeTruthy()
  })
})

function mountForm(s: JsonSchema, data: Record<string, unknown> = reactive({}), extra: Record<string, unknown> = {}) {
  return mount(SchemaForm, {
    props: { schema: s, modelValue: data, idPrefix: 'test', ...extra },
    global: { plugins: [ElementPlus, i18n] },
    attachTo: document.body,
  })
}

/** Unmounts once Element Plus' pending ticks (textarea autosize) have run. */
async function close(w: ReturnType<typeof mountForm>) {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 0))
  w.unmount()
}

const item = (w: ReturnType<typeof mountForm>, pointer: string) => w.find(`[data-pointer="${pointer}"]`)

describe('SchemaForm', () => {
  it('draws labels, help, required marks and the right controls', async () => {
    const w = mountForm(schema)
    await nextTick()
    const legends = w.findAll('legend').map((l) => l.text())
    expect(legends).toContain('申请主体*')
    expect(legends).toContain('法定代表人')
    expect(legends).toContain('从业人员*')
    expect(item(w, '/applicant/name').text()).toContain('名称')
    expect(item(w, '/applicant/name').classes()).toContain('is-required')
    expect(item(w, '/district').classes()).not.toContain('is-required')
    expect(item(w, '/scope').find('textarea').exists()).toBe(true)
    expect(item(w, '/scope').text()).toContain('按《食品经营许可管理办法》填写')
    expect(item(w, '/business_type').findAll('input[type="radio"]')).toHaveLength(3)
    expect(item(w, '/district').find('.el-select').exists()).toBe(true)
    expect(item(w, '/online').find('.el-switch').exists()).toBe(true)
    expect(item(w, '/staff_count').find('.el-input-number').exists()).toBe(true)
    expect(item(w, '/start_date').find('.el-date-editor').exists()).toBe(true)
    expect(item(w, '/applicant/credit_code').text()).toContain('18 位统一社会信用代码')
    // a label points at its control
    const label = item(w, '/applicant/credit_code').find('label')
    expect(w.find(`#${label.attributes('for')}`).element.tagName).toBe('INPUT')
    await close(w)
  })

  it('fills defaults and starts a list with its minimum rows', async () => {
    const data = reactive<Record<string, unknown>>({})
    const w = mountForm(schema, data)
    await nextTick()
    expect(data.staff_count).toBe(1)
    expect(data.staff).toEqual([{}])
    await close(w)
  })

  it('starts a list of options empty, even with minItems', async () => {
    const s: JsonSchema = { type: 'object', properties: { items: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] } } } }
    const data = reactive<Record<string, unknown>>({})
    const w = mountForm(s, data)
    await nextTick()
    expect(data.items).toEqual([])
    await close(w)
  })

  it("shows a server message under its field without the place it names", async () => {
    const w = mountForm(schema, reactive({}), {
      serverErrors: [{ pointer: '/applicant/credit_code', message: '/applicant/credit_code（统一社会信用代码）：校验码错误' }],
    })
    await nextTick()
    expect(item(w, '/applicant/credit_code').find('.sf-error').text()).toBe('校验码错误')
    await close(w)
  })

  it('adds and removes list rows within minItems and maxItems', async () => {
    const data = reactive<Record<string, unknown>>({})
    const w = mountForm(schema, data)
    await nextTick()
    const add = () => w.find('[data-pointer="/staff"] .sf-add')
    await add().trigger('click')
    await add().trigger('click')
    expect((data.staff as unknown[]).length).toBe(3)
    expect(add().exists()).toBe(false) // maxItems 3
    expect(w.findAll('[data-pointer="/staff"] .sf-row')).toHaveLength(3)
    await w.find('[data-pointer="/staff"] .sf-row .el-button--danger').trigger('click')
    expect((data.staff as unknown[]).length).toBe(2)
    await close(w)
  })

  it('shows each error under its field when validated, and clears it as the person fixes it', async () => {
    const data = reactive<Record<string, unknown>>({})
    const w = mountForm(schema, data)
    await nextTick()
    const input = item(w, '/staff/0/id_number').find('input')
    await input.setValue('110105194912310021')
    const form = w.vm as unknown as { validate: () => boolean }
    expect(form.validate()).toBe(false)
    await nextTick()
    expect(item(w, '/staff/0/id_number').find('.sf-error').text()).toBe('公民身份号码校验码（第 18 位）错误，请核对')
    expect(item(w, '/applicant/credit_code').find('.sf-error').text()).toBe('此项为必填项')
    expect(item(w, '/legal_person/id_number').find('.sf-error').exists()).toBe(false)
    await input.setValue('11010519491231002x') // upper-cased as typed
    await nextTick()
    expect((data.staff as Record<string, unknown>[])[0]!.id_number).toBe('11010519491231002X')
    expect(item(w, '/staff/0/id_number').find('.sf-error').exists()).toBe(false)
    await close(w)
  })

  it("shows the server's errors under their fields, and those with no field above the form", async () => {
    const w = mountForm(schema, reactive({}), {
      serverErrors: [
        { pointer: '/applicant/name', message: '名称已被占用' },
        { pointer: '', message: '申请人不在服务区域内' },
      ],
    })
    await nextTick()
    expect(item(w, '/applicant/name').find('.sf-error').text()).toBe('名称已被占用')
    expect(w.find('[data-testid="schema-form-errors"]').text()).toContain('申请人不在服务区域内')
    await close(w)
  })

  it('redraws when a condition changes which fields apply', async () => {
    const s: JsonSchema = {
      type: 'object',
      properties: { kind: { title: '申请人类型', oneOf: [{ const: 'natural', title: '个人' }, { const: 'legal', title: '法人' }] } },
      if: { properties: { kind: { const: 'legal' } }, required: ['kind'] },
      then: { properties: { credit_code: { type: 'string', title: '统一社会信用代码', format: 'credit-code' } }, required: ['credit_code'] },
    }
    const data = reactive<Record<string, unknown>>({ kind: 'natural' })
    const w = mountForm(s, data)
    await nextTick()
    expect(item(w, '/credit_code').exists()).toBe(false)
    data.kind = 'legal'
    await nextTick()
    expect(item(w, '/credit_code').exists()).toBe(true)
    expect(item(w, '/credit_code').classes()).toContain('is-required')
    await close(w)
  })

  it('speaks English when the UI does', async () => {
    setLocale('en')
    const w = mountForm(schema)
    await nextTick()
    ;(w.vm as unknown as { validate: () => boolean }).validate()
    await nextTick()
    expect(item(w, '/applicant/credit_code').find('.sf-error').text()).toBe('Required')
    expect(w.find('[data-pointer="/staff"] .sf-add').text()).toBe('Add 从业人员')
    await close(w)
  })

  it('says so when the schema is not a valid JSON Schema', async () => {
    const w = mountForm({ type: 'object', properties: { a: { type: 'strin' } } } as JsonSchema)
    await nextTick()
    expect(w.find('[data-testid="schema-form-invalid"]').exists()).toBe(true)
    await close(w)
  })

  it('cleanData gives what is sent', async () => {
    const data = reactive<Record<string, unknown>>({})
    const w = mountForm(schema, data)
    await nextTick()
    await item(w, '/applicant/name').find('input').setValue('青岛某餐饮有限公司')
    const clean = (w.vm as unknown as { cleanData: () => Record<string, unknown> }).cleanData()
    expect(clean).toEqual({ applicant: { name: '青岛某餐饮有限公司' }, staff_count: 1, staff: [{}] })
    await close(w)
  })
})

describe('schemas held in Vue state', () => {
  it('fills defaults from a reactive schema (a proxy cannot be structuredCloned)', async () => {
    const s = reactive<JsonSchema>({ type: 'object', properties: { tags: { type: 'array', items: { type: 'string' }, default: ['a'] } } })
    const data = reactive<Record<string, unknown>>({})
    const w = mountForm(s, data)
    await nextTick()
    expect(data.tags).toEqual(['a'])
    ;(data.tags as string[]).push('b')
    expect(s.properties!.tags!.default).toEqual(['a'])
    await close(w)
  })
})
