/**
 * What SchemaForm needs to know about a JSON Schema (draft-07) to draw a form: `$ref`s into
 * `#/definitions` resolved, `allOf` and the branch of `if`/`then`/`else` that applies merged in, the
 * control each node asks for, the empty values left out before validation, and JSON Pointers to
 * every field. Pure functions, unit-tested in tests/unit/schema-form.spec.ts.
 */

/** A JSON Schema node, as loose as the standard: anything may be there. */
export interface JsonSchema {
  $ref?: string
  $id?: string
  type?: string | string[]
  title?: string
  description?: string
  default?: unknown
  examples?: unknown[]
  enum?: unknown[]
  /** Not standard, widely used: labels for `enum`, in the same order. */
  enumNames?: string[]
  'x-enumNames'?: string[]
  const?: unknown
  format?: string
  pattern?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  multipleOf?: number
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: boolean | JsonSchema
  items?: JsonSchema | JsonSchema[]
  minItems?: number
  maxItems?: number
  uniqueItems?: boolean
  allOf?: JsonSchema[]
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  not?: JsonSchema
  if?: JsonSchema
  then?: JsonSchema
  else?: JsonSchema
  definitions?: Record<string, JsonSchema>
  $defs?: Record<string, JsonSchema>
  readOnly?: boolean
  [keyword: string]: unknown
}

/** The control a node is drawn with. */
export type Widget =
  | 'object'
  | 'array-objects'
  | 'array-enum'
  | 'array-simple'
  | 'radio'
  | 'select'
  | 'switch'
  | 'integer'
  | 'number'
  | 'date'
  | 'datetime'
  | 'textarea'
  | 'text'

export interface EnumOption {
  value: unknown
  label: string
}

/** Enums up to this many options are radio buttons; more are a select. */
export const kMaxRadioOptions = 4
/** Strings whose maxLength passes this are drawn as a textarea. */
export const kTextareaThreshold = 200

export function isSchemaObject(v: unknown): v is JsonSchema {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** JSON Pointer token escaping (RFC 6901). */
export function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1')
}

export function joinPointer(base: string, token: string | number): string {
  return `${base}/${escapePointerToken(token)}`
}

/** `#/a/b`, `/a/b` → `/a/b`; '' and `#` are the root. */
export function normalizePointer(p: string | undefined | null): string {
  if (!p || p === '#') return ''
  const s = p.startsWith('#') ? p.slice(1) : p
  return s.startsWith('/') ? s : `/${s}`
}

/** Resolves a local `$ref` (`#/definitions/x`, `#/$defs/x`, any `#/…` pointer); null when it can't. */
export function resolveRef(root: JsonSchema, ref: string): JsonSchema | null {
  if (!ref.startsWith('#')) return null
  const path = normalizePointer(ref)
  if (path === '') return root
  let node: unknown = root
  for (const raw of path.slice(1).split('/')) {
    const token = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~')
    if (!isSchemaObject(node) && !Array.isArray(node)) return null
    node = (node as Record<string, unknown>)[token]
  }
  return isSchemaObject(node) ? node : null
}

/** Follows `$ref` chains (a cycle or a dangling reference stops at an empty schema). */
export function deref(root: JsonSchema, node: JsonSchema): JsonSchema {
  const seen = new Set<string>()
  let cur = node
  while (typeof cur.$ref === 'string') {
    if (seen.has(cur.$ref)) return {}
    seen.add(cur.$ref)
    const target = resolveRef(root, cur.$ref)
    if (!target) return {}
    // Draft-07 ignores siblings of $ref, but titles beside it are a common, harmless habit: keep them.
    const { $ref: _ignored, ...siblings } = cur
    void _ignored
    cur = { ...target, ...siblings }
  }
  return cur
}

/** Merges `b` into `a` for drawing: properties and required are united, other keywords of `b` win. */
function mergeForDisplay(a: JsonSchema, b: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...a, ...b }
  if (a.properties || b.properties) out.properties = { ...(a.properties ?? {}), ...(b.properties ?? {}) }
  if (a.required || b.required) out.required = [...new Set([...(a.required ?? []), ...(b.required ?? [])])]
  return out
}

/**
 * The schema a node is drawn with: `$ref` resolved, `allOf` merged in, and for `if`/`then`/`else`
 * the branch that applies to the current value (`matches` tells whether the value meets `if`).
 */
export function effectiveSchema(
  root: JsonSchema,
  node: JsonSchema,
  value: unknown,
  matches: (schema: JsonSchema, value: unknown) => boolean,
  depth = 0,
): JsonSchema {
  let s = deref(root, node)
  if (depth > 16) return s
  if (Array.isArray(s.allOf)) {
    let merged: JsonSchema = { ...s }
    delete merged.allOf
    for (const part of s.allOf) merged = mergeForDisplay(merged, effectiveSchema(root, part, value, matches, depth + 1))
    s = merged
  }
  if (isSchemaObject(s.if) && (s.then || s.else)) {
    const branch = matches(s.if, value) ? s.then : s.else
    const rest: JsonSchema = { ...s }
    delete rest.if
    delete rest.then
    delete rest.else
    s = isSchemaObject(branch) ? mergeForDisplay(rest, effectiveSchema(root, branch, value, matches, depth + 1)) : rest
  }
  return s
}

/**
 * A node's properties in the order to draw them: `ui:order` (a list of keys; `*` stands for the
 * rest), else each property's `propertyOrder` / `x-order` number, else as written. Servers that
 * store JSON in sorted maps lose the author's order; these keywords keep it.
 */
export function orderedProperties(s: JsonSchema): [string, JsonSchema][] {
  const entries = Object.entries(s.properties ?? {})
  const uiOrder = s['ui:order']
  if (Array.isArray(uiOrder) && uiOrder.every((k) => typeof k === 'string')) {
    const keys = uiOrder as string[]
    const rest = entries.filter(([k]) => !keys.includes(k))
    const out: [string, JsonSchema][] = []
    for (const k of keys) {
      if (k === '*') out.push(...rest)
      else if (s.properties && k in s.properties) out.push([k, s.properties[k]!])
    }
    if (!keys.includes('*')) out.push(...rest)
    return out
  }
  const rank = (x: JsonSchema) => {
    const v = x.propertyOrder ?? x['x-order']
    return typeof v === 'number' ? v : Number.POSITIVE_INFINITY
  }
  if (entries.some(([, x]) => isSchemaObject(x) && rank(x) !== Number.POSITIVE_INFINITY)) {
    return entries.map((e, i) => [e, i] as const).sort((a, b) => rank(a[0][1]) - rank(b[0][1]) || a[1] - b[1]).map(([e]) => e)
  }
  return entries
}

/** The node's main type (the first of a type list other than null; inferred when absent). */
export function mainType(s: JsonSchema): string | undefined {
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : []
  const t = types.find((x) => x !== 'null')
  if (t) return t
  if (s.properties) return 'object'
  if (s.items) return 'array'
  if (Array.isArray(s.enum) && s.enum.length) {
    const v = s.enum.find((x) => x !== null)
    return typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v
  }
  return undefined
}

/** Options of an enum-like node: `enum` (labels from enumNames), or `oneOf`/`anyOf` of `{const, title}`. */
export function enumOptions(root: JsonSchema, node: JsonSchema): EnumOption[] | null {
  const s = deref(root, node)
  if (Array.isArray(s.enum)) {
    const names = s.enumNames ?? s['x-enumNames']
    return s.enum
      .filter((v) => v !== null)
      .map((v, i) => ({ value: v, label: Array.isArray(names) && typeof names[i] === 'string' ? names[i] : String(v) }))
  }
  const alts = s.oneOf ?? s.anyOf
  if (Array.isArray(alts) && alts.length > 0) {
    const opts: EnumOption[] = []
    for (const a of alts) {
      const d = deref(root, a)
      if (!('const' in d)) return null
      if (d.const === null) continue
      opts.push({ value: d.const, label: typeof d.title === 'string' ? d.title : String(d.const) })
    }
    return opts
  }
  return null
}

/** The control for a node (already through `effectiveSchema`). */
export function widgetOf(root: JsonSchema, s: JsonSchema): Widget {
  const type = mainType(s)
  if (type !== 'array' && type !== 'object') {
    const opts = enumOptions(root, s)
    if (opts && opts.length > 0) {
      if (type === 'boolean') return 'switch'
      return opts.length <= kMaxRadioOptions ? 'radio' : 'select'
    }
  }
  switch (type) {
    case 'object':
      return 'object'
    case 'array': {
      const items = isSchemaObject(s.items) ? deref(root, s.items) : {}
      if (mainType(items) === 'object') return 'array-objects'
      if (enumOptions(root, items)) return 'array-enum'
      return 'array-simple'
    }
    case 'boolean':
      return 'switch'
    case 'integer':
      return 'integer'
    case 'number':
      return 'number'
    default:
      if (s.format === 'date') return 'date'
      if (s.format === 'date-time') return 'datetime'
      if (s.format === 'textarea' || (typeof s.maxLength === 'number' && s.maxLength > kTextareaThreshold)) return 'textarea'
      return 'text'
  }
}

/** The value a new field or row starts with: its default, or an empty container. */
export function initialValue(root: JsonSchema, node: JsonSchema): unknown {
  const s = deref(root, node)
  // JSON round trip, not structuredClone: the schema may be a Vue reactive proxy, which can't be cloned.
  if (s.default !== undefined) return JSON.parse(JSON.stringify(s.default)) as unknown
  if ('const' in s && s.readOnly) return s.const
  const type = mainType(s)
  if (type === 'object') {
    const out: Record<string, unknown> = {}
    fillDefaults(root, s, out)
    return out
  }
  if (type === 'array') {
    // Rows of objects are laid out ready to fill (minItems of them); lists of values start empty
    // (a picked option or an added row is the person's own act).
    const items = isSchemaObject(s.items) ? deref(root, s.items) : {}
    if (mainType(items) !== 'object') return []
    const n = Math.min(s.minItems ?? 0, 20)
    return Array.from({ length: n }, () => initialValue(root, items))
  }
  return undefined
}

/** Puts defaults and empty nested containers into `data` where it has nothing yet (mutates). */
export function fillDefaults(root: JsonSchema, node: JsonSchema, data: Record<string, unknown>): void {
  const s = deref(root, node)
  const props = s.properties ?? {}
  for (const [key, child] of Object.entries(props)) {
    const c = deref(root, child)
    if (data[key] === undefined) {
      const v = initialValue(root, c)
      if (v !== undefined) data[key] = v
    } else if (mainType(c) === 'object' && isSchemaObject(data[key])) {
      fillDefaults(root, c, data[key] as Record<string, unknown>)
    }
  }
}

const isEmpty = (v: unknown) => v === '' || v === null || v === undefined

/**
 * The data as it is validated and sent: empty strings and nulls left out (an empty text box means
 * "not given", so `required` speaks rather than `format`), optional nested objects and lists left
 * out when nothing in them was filled, empty entries of simple lists dropped.
 */
export function pruneEmpty(root: JsonSchema, node: JsonSchema, value: unknown, matches: (s: JsonSchema, v: unknown) => boolean): unknown {
  const s = effectiveSchema(root, node, value, matches)
  if (Array.isArray(value)) {
    const items = isSchemaObject(s.items) ? s.items : {}
    return value.filter((v) => !isEmpty(v)).map((v) => pruneEmpty(root, items, v, matches))
  }
  if (isSchemaObject(value)) {
    const out: Record<string, unknown> = {}
    const required = new Set(s.required ?? [])
    for (const [k, v] of Object.entries(value)) {
      if (isEmpty(v)) continue
      const childSchema = s.properties?.[k] ?? (isSchemaObject(s.additionalProperties) ? s.additionalProperties : {})
      const pv = pruneEmpty(root, childSchema, v, matches)
      if (!required.has(k) && ((isSchemaObject(pv) && Object.keys(pv).length === 0) || (Array.isArray(pv) && pv.length === 0))) continue
      out[k] = pv
    }
    return out
  }
  if (typeof value === 'string') return value
  return value
}

/** Reads the value at a JSON Pointer; undefined when the path does not exist. */
export function getAtPointer(data: unknown, pointer: string): unknown {
  const p = normalizePointer(pointer)
  if (p === '') return data
  let cur: unknown = data
  for (const raw of p.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    if (cur === null || typeof cur !== 'object') return undefined
    cur = (cur as Record<string, unknown>)[token]
  }
  return cur
}

/** The pointers of every field drawn for `data` (nested objects and list rows included). */
export function fieldPointers(
  root: JsonSchema,
  node: JsonSchema,
  data: unknown,
  matches: (s: JsonSchema, v: unknown) => boolean,
  base = '',
): string[] {
  const s = effectiveSchema(root, node, data, matches)
  const w = widgetOf(root, s)
  const out = base === '' ? [] : [base]
  if (w === 'object') {
    const obj = isSchemaObject(data) ? data : {}
    for (const [k, child] of Object.entries(s.properties ?? {})) {
      out.push(...fieldPointers(root, child, obj[k], matches, joinPointer(base, k)))
    }
  } else if (w === 'array-objects' || w === 'array-simple') {
    const items = isSchemaObject(s.items) ? s.items : {}
    if (Array.isArray(data)) data.forEach((v, i) => out.push(...fieldPointers(root, items, v, matches, joinPointer(base, i))))
  }
  return out
}

/** The title of the field at a pointer (for messages listed away from their field). */
export function titleAtPointer(root: JsonSchema, pointer: string, data: unknown, matches: (s: JsonSchema, v: unknown) => boolean): string {
  const p = normalizePointer(pointer)
  if (p === '') return ''
  let node: JsonSchema = root
  let cur: unknown = data
  let title = ''
  for (const raw of p.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    const s = effectiveSchema(root, node, cur, matches)
    let next: JsonSchema | undefined
    if (s.properties && token in s.properties) next = s.properties[token]
    else if (isSchemaObject(s.items) && /^\d+$/.test(token)) next = s.items
    if (!next) return title ? `${title} / ${token}` : token
    node = next
    cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[token] : undefined
    const d = deref(root, node)
    const part = /^\d+$/.test(token) ? `#${Number(token) + 1}` : typeof d.title === 'string' ? d.title : token
    title = title ? `${title} / ${part}` : part
  }
  return title
}
