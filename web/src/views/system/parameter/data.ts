import type { TableColumn } from '@/components/types'
import type { Parameter, ParameterType, ParameterValue } from '@/api/system'

export const columns: TableColumn<Parameter>[] = [
  { prop: 'name', label: 'parameter.name', minWidth: 160, slot: true },
  { prop: 'key', label: 'parameter.key', minWidth: 200, mono: true },
  { prop: 'value', label: 'parameter.value', minWidth: 120, slot: true },
  { prop: 'type', label: 'parameter.type', width: 100, slot: true },
  { prop: 'description', label: 'parameter.description', minWidth: 240, slot: true },
]

export const typeLabels: Record<ParameterType, string> = {
  int: 'parameter.typeInt',
  string: 'parameter.typeString',
  bool: 'parameter.typeBool',
}

/** The edited value as the form holds it, from what the server sent. */
export function toEditable(p: Parameter): number | string | boolean {
  if (p.type === 'int') return Number(p.value) || 0
  if (p.type === 'bool') return p.value === true || p.value === 'true' || p.value === 1 || p.value === '1'
  return String(p.value ?? '')
}

/**
 * The value to send back: typed when the server sent it typed, text when it sent text, so either
 * style of server gets what it gave.
 */
export function toWire(p: Parameter, edited: number | string | boolean): ParameterValue {
  if (typeof p.value === 'string') return String(edited)
  if (p.type === 'int') return Math.trunc(Number(edited))
  if (p.type === 'bool') return Boolean(edited)
  return String(edited)
}
