/**
 * Form validation in the browser: ajv (JSON Schema draft-07, every error at once) with the formats
 * of ajv-formats and ours — `credit-code` (GB 32100), `citizen-id` (GB 11643), `division-code`,
 * `phone-cn` — and its errors turned into `{pointer, message}` in the UI language, each pointer naming
 * the field the message belongs under. The server validates the same data with the same schema; this
 * only tells the person sooner.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import localizeZh from 'ajv-i18n/localize/zh'
import localizeEn from 'ajv-i18n/localize/en'
import { checkCitizenId, checkCreditCode, checkDivisionCode, checkPhoneCn } from '@/utils/codes'
import { isSchemaObject, joinPointer, type JsonSchema } from './schema'

/** One problem with the form data. `pointer` is a JSON Pointer into the data ('' = the whole form). */
export interface FormError {
  pointer: string
  message: string
  keyword: string
}

type T = (key: string, named?: Record<string, unknown>) => string

/** Formats the project adds to JSON Schema (the server knows the same four). */
export const kCustomFormats = ['credit-code', 'citizen-id', 'division-code', 'phone-cn'] as const

export function createAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, logger: false })
  addFormats(ajv)
  ajv.addFormat('credit-code', { type: 'string', validate: (s: string) => checkCreditCode(s).valid && s === s.trim().toUpperCase() })
  ajv.addFormat('citizen-id', { type: 'string', validate: (s: string) => checkCitizenId(s).valid && s === s.trim().toUpperCase() })
  ajv.addFormat('division-code', { type: 'string', validate: (s: string) => checkDivisionCode(s).valid })
  ajv.addFormat('phone-cn', { type: 'string', validate: (s: string) => checkPhoneCn(s).valid })
  // A hint to draw a textarea, not a constraint.
  ajv.addFormat('textarea', true)
  return ajv
}

let shared: Ajv | null = null
function ajv(): Ajv {
  shared ??= createAjv()
  return shared
}

const compiled = new WeakMap<object, ValidateFunction | Error>()

/**
 * Compiles a form schema (cached per schema object). A schema ajv can't compile is answered as an
 * Error with ajv's reason. `$id` is dropped so that editing a schema never collides with an older copy.
 */
export function compileSchema(schema: JsonSchema): ValidateFunction | Error {
  const hit = compiled.get(schema)
  if (hit) return hit
  let out: ValidateFunction | Error
  try {
    const { $id: _id, $schema: _s, ...rest } = schema
    void _id
    void _s
    out = ajv().compile(rest)
  } catch (e) {
    out = e instanceof Error ? e : new Error(String(e))
  }
  compiled.set(schema, out)
  return out
}

const subCompiled = new WeakMap<object, ValidateFunction | null>()

/** Whether `value` meets `sub`, a part of `root` (an `if`); its `$ref`s resolve against root. */
export function matchesSubschema(root: JsonSchema, sub: JsonSchema, value: unknown): boolean {
  let fn = subCompiled.get(sub)
  if (fn === undefined) {
    try {
      const { $id: _id, ...rest } = sub
      void _id
      fn = ajv().compile({ ...rest, definitions: root.definitions, $defs: root.$defs })
    } catch {
      fn = null
    }
    subCompiled.set(sub, fn)
  }
  return fn ? Boolean(fn(value)) : false
}

const typeKeys: Record<string, string> = {
  string: 'schemaForm.type.string',
  number: 'schemaForm.type.number',
  integer: 'schemaForm.type.integer',
  boolean: 'schemaForm.type.boolean',
  object: 'schemaForm.type.object',
  array: 'schemaForm.type.array',
  null: 'schemaForm.type.null',
}

const creditReasons: Record<string, string> = {
  length: 'schemaForm.creditCode.length',
  alphabet: 'schemaForm.creditCode.alphabet',
  division: 'schemaForm.creditCode.division',
  org_code_check: 'schemaForm.creditCode.orgCodeCheck',
  check_character: 'schemaForm.creditCode.checkCharacter',
}
const citizenReasons: Record<string, string> = {
  length: 'schemaForm.citizenId.length',
  alphabet: 'schemaForm.citizenId.alphabet',
  province: 'schemaForm.citizenId.province',
  birth_date: 'schemaForm.citizenId.birthDate',
  birth_date_future: 'schemaForm.citizenId.birthDateFuture',
  check_character: 'schemaForm.citizenId.checkCharacter',
}

function formatMessage(format: string, data: unknown, t: T): string {
  const s = typeof data === 'string' ? data : ''
  switch (format) {
    case 'credit-code': {
      if (s !== s.trim().toUpperCase()) return t('schemaForm.creditCode.alphabet')
      return t(creditReasons[checkCreditCode(s).reason] ?? 'schemaForm.creditCode.checkCharacter')
    }
    case 'citizen-id': {
      if (s !== s.trim().toUpperCase()) return t('schemaForm.citizenId.alphabet')
      return t(citizenReasons[checkCitizenId(s).reason] ?? 'schemaForm.citizenId.checkCharacter')
    }
    case 'division-code':
      return t('schemaForm.format.divisionCode')
    case 'phone-cn':
      return t('schemaForm.format.phoneCn')
    case 'date':
      return t('schemaForm.format.date')
    case 'date-time':
      return t('schemaForm.format.dateTime')
    case 'email':
      return t('schemaForm.format.email')
    default:
      return t('schemaForm.format.other', { format })
  }
}

/** Whether every alternative of a oneOf/anyOf is a `{const}` (an enum written the titled way). */
function isConstChoice(schema: unknown): boolean {
  return Array.isArray(schema) && schema.length > 0 && schema.every((s) => isSchemaObject(s) && 'const' in s)
}

/** One ajv error in words, or null to fall back to ajv-i18n. */
function message(e: ErrorObject, t: T): string | null {
  const p = e.params as Record<string, unknown>
  switch (e.keyword) {
    case 'required':
    case 'dependencies':
      return t('schemaForm.err.required')
    case 'type': {
      const types = String(p.type ?? '').split(',')
      return t('schemaForm.err.type', { type: types.map((x) => (typeKeys[x] ? t(typeKeys[x]!) : x)).join(t('common.listSeparator')) })
    }
    case 'minLength':
      return Number(p.limit) === 1 ? t('schemaForm.err.required') : t('schemaForm.err.minLength', { n: p.limit })
    case 'maxLength':
      return t('schemaForm.err.maxLength', { n: p.limit })
    case 'minimum':
      return t('schemaForm.err.minimum', { n: p.limit })
    case 'maximum':
      return t('schemaForm.err.maximum', { n: p.limit })
    case 'exclusiveMinimum':
      return t('schemaForm.err.exclusiveMinimum', { n: p.limit })
    case 'exclusiveMaximum':
      return t('schemaForm.err.exclusiveMaximum', { n: p.limit })
    case 'multipleOf':
      return t('schemaForm.err.multipleOf', { n: p.multipleOf })
    case 'pattern':
      return t('schemaForm.err.pattern')
    case 'format':
      return formatMessage(String(p.format), e.data, t)
    case 'enum':
      return t('schemaForm.err.enum')
    case 'const':
      return t('schemaForm.err.const', { value: JSON.stringify(p.allowedValue) })
    case 'minItems':
      return t('schemaForm.err.minItems', { n: p.limit })
    case 'maxItems':
      return t('schemaForm.err.maxItems', { n: p.limit })
    case 'uniqueItems':
      return t('schemaForm.err.uniqueItems', { i: Number(p.j) + 1, j: Number(p.i) + 1 })
    case 'additionalProperties':
      return t('schemaForm.err.additionalProperties', { name: String(p.additionalProperty) })
    case 'oneOf':
    case 'anyOf':
      return isConstChoice(e.schema) ? t('schemaForm.err.enum') : null
    default:
      return null
  }
}

/** The pointer a message belongs under: a missing property's own field, else the failing value. */
export function errorPointer(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>
  if ((e.keyword === 'required' || e.keyword === 'dependencies') && typeof p.missingProperty === 'string') {
    return joinPointer(e.instancePath, p.missingProperty)
  }
  if (e.keyword === 'additionalProperties' && typeof p.additionalProperty === 'string') return e.instancePath
  return e.instancePath
}

/**
 * ajv's errors as FormErrors in the UI language: `if` wrappers dropped (their `then`/`else` errors
 * say it), the alternatives of a failed oneOf/anyOf folded into its own message, duplicates merged.
 */
export function toFormErrors(errors: readonly ErrorObject[] | null | undefined, t: T, locale: string): FormError[] {
  if (!errors?.length) return []
  const list = errors.filter((e) => e.keyword !== 'if')
  const choicePaths = list.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => e.schemaPath)
  const kept = list.filter((e) => !choicePaths.some((cp) => e.schemaPath !== cp && e.schemaPath.startsWith(`${cp}/`)))
  const fallback = kept.map((e) => ({ ...e }))
  ;(locale === 'en' ? localizeEn : localizeZh)(fallback)
  const out: FormError[] = []
  const seen = new Set<string>()
  kept.forEach((e, i) => {
    const pointer = errorPointer(e)
    const text = message(e, t) ?? fallback[i]?.message ?? e.message ?? e.keyword
    const key = `${pointer}\u0000${text}`
    if (seen.has(key)) return
    seen.add(key)
    out.push({ pointer, message: text, keyword: e.keyword })
  })
  return out
}

/** Validates `data` against `schema`: null errors when the schema itself can't be compiled. */
export function validateForm(
  schema: JsonSchema,
  data: unknown,
  t: T,
  locale: string,
): { valid: boolean; errors: FormError[]; schemaError: string | null } {
  const fn = compileSchema(schema)
  if (fn instanceof Error) return { valid: false, errors: [], schemaError: fn.message }
  const valid = Boolean(fn(data))
  return { valid, errors: valid ? [] : toFormErrors(fn.errors, t, locale), schemaError: null }
}
