import type { FormRules } from 'element-plus'
import type { TableColumn } from '@/components/types'
import type { DataScope, Permission, Role } from '@/api/system'

type T = (key: string, named?: Record<string, unknown>) => string

export const columns: TableColumn<Role>[] = [
  { prop: 'code', label: 'role.code', width: 160, mono: true },
  { prop: 'name', label: 'role.name', minWidth: 160, slot: true },
  { prop: 'data_scope', label: 'role.dataScope', width: 170, slot: true },
  { prop: 'permissions', label: 'role.permissions', width: 110, slot: true, align: 'right' },
  { prop: 'builtin', label: 'role.builtin', width: 100, slot: true, align: 'center' },
]

export const dataScopes: { value: DataScope; label: string; hint: string }[] = [
  { value: 'own', label: 'role.scopeOwn', hint: 'role.scopeOwnHint' },
  { value: 'children', label: 'role.scopeChildren', hint: 'role.scopeChildrenHint' },
  { value: 'all', label: 'role.scopeAll', hint: 'role.scopeAllHint' },
]

export const kRoleCodePattern = /^[a-z][a-z0-9_]{1,31}$/

export function roleRules(t: T): FormRules {
  return {
    code: [
      { required: true, message: t('common.required', { field: t('role.code') }), trigger: 'blur' },
      { pattern: kRoleCodePattern, message: t('role.codeRule'), trigger: 'blur' },
    ],
    name_zh: [{ required: true, message: t('common.required', { field: t('role.nameZh') }), trigger: 'blur' }],
    name_en: [{ required: true, message: t('common.required', { field: t('role.nameEn') }), trigger: 'blur' }],
    data_scope: [{ required: true, message: t('common.selectRequired', { field: t('role.dataScope') }), trigger: 'change' }],
  }
}

export interface PermissionNode {
  /** `system`, `system.user` for groups; the permission code for leaves. */
  id: string
  label: string
  leaf: boolean
  children?: PermissionNode[]
}

/**
 * module → entity → action tree from the flat permission list (codes are `module.entity.action`).
 * `groupLabel(id)` names the module/entity groups; `leafLabel(p)` names a permission.
 * Codes with fewer than three segments hang directly under their module.
 */
export function buildPermissionTree(
  perms: readonly Permission[],
  groupLabel: (id: string) => string,
  leafLabel: (p: Permission) => string,
): PermissionNode[] {
  const modules = new Map<string, PermissionNode>()
  const entities = new Map<string, PermissionNode>()
  for (const p of perms) {
    const parts = p.code.split('.')
    const mod = parts[0] ?? p.code
    let m = modules.get(mod)
    if (!m) {
      m = { id: mod, label: groupLabel(mod), leaf: false, children: [] }
      modules.set(mod, m)
    }
    let parent = m
    if (parts.length >= 3) {
      const entId = `${mod}.${parts[1]}`
      let e = entities.get(entId)
      if (!e) {
        e = { id: entId, label: groupLabel(entId), leaf: false, children: [] }
        entities.set(entId, e)
        m.children!.push(e)
      }
      parent = e
    }
    parent.children!.push({ id: p.code, label: leafLabel(p), leaf: true })
  }
  return [...modules.values()]
}
