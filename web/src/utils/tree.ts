/** A flat list with parent links turned into a tree (departments). */
export type TreeOf<T> = T & { children?: TreeOf<T>[] }

interface Linked {
  id: number
  parent_id: number | null
  sort?: number
}

/**
 * Builds the forest: children sorted by `sort` then `id`. A node whose parent is unknown, or whose
 * ancestry loops back to itself, becomes a root rather than disappearing.
 */
export function buildTree<T extends Linked>(items: readonly T[]): TreeOf<T>[] {
  const byId = new Map<number, TreeOf<T>>()
  for (const it of items) byId.set(it.id, { ...it })
  const parentOf = (id: number) => byId.get(id)?.parent_id ?? null

  function inCycle(id: number): boolean {
    const seen = new Set<number>([id])
    let p = parentOf(id)
    while (p !== null && byId.has(p)) {
      if (seen.has(p)) return true
      seen.add(p)
      p = parentOf(p)
    }
    return false
  }

  const roots: TreeOf<T>[] = []
  for (const node of byId.values()) {
    const parent = node.parent_id !== null ? byId.get(node.parent_id) : undefined
    if (parent && parent !== node && !inCycle(node.id)) (parent.children ??= []).push(node)
    else roots.push(node)
  }
  const order = (a: TreeOf<T>, b: TreeOf<T>) => (a.sort ?? 0) - (b.sort ?? 0) || a.id - b.id
  const sortDeep = (list: TreeOf<T>[]) => {
    list.sort(order)
    for (const n of list) if (n.children) sortDeep(n.children)
  }
  sortDeep(roots)
  return roots
}

/** Ids of a node and all below it (a department cannot move under itself or its descendants). */
export function subtreeIds<T extends Linked>(items: readonly T[], rootId: number): Set<number> {
  const out = new Set<number>([rootId])
  let grew = true
  while (grew) {
    grew = false
    for (const it of items) {
      if (it.parent_id !== null && out.has(it.parent_id) && !out.has(it.id)) {
        out.add(it.id)
        grew = true
      }
    }
  }
  return out
}

/** Keeps the nodes matching `keep` and the ancestors that lead to them. */
export function filterTree<T>(nodes: readonly TreeOf<T>[], keep: (n: T) => boolean): TreeOf<T>[] {
  const out: TreeOf<T>[] = []
  for (const n of nodes) {
    const children = n.children ? filterTree(n.children, keep) : []
    if (keep(n) || children.length) out.push({ ...n, children: children.length ? children : undefined })
  }
  return out
}
