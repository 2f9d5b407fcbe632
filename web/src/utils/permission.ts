/**
 * Permission strings are `module.entity.action` (DESIGN.md), the same on the server's route table,
 * on our routes' meta.permission and on buttons (v-has-permi). A requirement given as a list is met
 * by holding any one of them. The single string `*` held by a user stands for every permission.
 */
export type PermissionRequirement = string | readonly string[] | undefined | null

export const kAllPermissions = '*'

export function checkPermi(held: ReadonlySet<string>, required: PermissionRequirement): boolean {
  if (required === undefined || required === null) return true
  const list = typeof required === 'string' ? [required] : required
  if (list.length === 0) return true
  if (held.has(kAllPermissions)) return true
  return list.some((p) => held.has(p))
}
