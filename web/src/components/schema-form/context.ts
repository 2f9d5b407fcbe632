import type { ComputedRef, InjectionKey, Ref } from 'vue'
import type { JsonSchema } from './schema'

/** What SchemaForm shares with the SchemaFields it draws, however deeply nested. */
export interface SchemaFormContext {
  root: ComputedRef<JsonSchema>
  disabled: Ref<boolean>
  /** The schema a node is drawn with for its current value (`$ref`, `allOf`, `if`/`then`/`else`). */
  effective: (node: JsonSchema, value: unknown) => JsonSchema
  /** Messages to show under the field at a JSON Pointer. */
  errorsAt: (pointer: string) => string[]
  /** A stable element id for the field at a pointer. */
  idFor: (pointer: string) => string
}

export const kSchemaFormKey: InjectionKey<SchemaFormContext> = Symbol('schema-form')
