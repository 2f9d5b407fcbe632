import type { RouteRecordRaw } from 'vue-router'
import type { PermissionRequirement } from '@/utils/permission'

export interface MenuItem {
  /** Full path, usable as the el-menu index and router link. */
  path: string
  /** i18n key. */
  title: string
  icon?: string
  children?: MenuItem[]
}

function joinPath(parent: string, path: string): string {
  if (path.startsWith('/')) return path
  const base = parent.endsWith('/') ? parent : parent + '/'
  return path ? base + path : parent || '/'
}

/**
 * The side menu: routes with a title, not hidden, that the user may open. A group whose children
 * are all hidden from the user is dropped; a leaf needs its own meta.permission.
 */
export function buildMenu(
  routes: readonly RouteRecordRaw[],
  can: (p: PermissionRequirement) => boolean,
  parentPath = '/',
): MenuItem[] {
  const out: MenuItem[] = []
  for (const r of routes) {
    const meta = r.meta ?? {}
    if (!meta.title || meta.hidden || meta.public) continue
    if (!can(meta.permission)) continue
    const path = joinPath(parentPath, r.path)
    if (r.children?.length) {
      const children = buildMenu(r.children, can, path)
      if (children.length === 0) continue
      out.push({ path, title: meta.title, icon: meta.icon, children })
    } else {
      out.push({ path, title: meta.title, icon: meta.icon })
    }
  }
  return out
}
