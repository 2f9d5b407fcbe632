import { computed, ref } from 'vue'
import { listDepartments, listRoles, type Department, type Role } from '@/api/system'
import { buildTree } from '@/utils/tree'
import { localName } from '@/locales'

/** Departments for pickers (tree select). Quiet when the user may not read them. */
export function useDepartmentOptions() {
  const list = ref<Department[]>([])
  const tree = computed(() => buildTree(list.value))
  async function load() {
    try {
      list.value = (await listDepartments({ silent: true })).items
    } catch {
      list.value = []
    }
  }
  return { list, tree, load }
}

/** Roles for pickers. Quiet when the user may not read them. */
export function useRoleOptions() {
  const list = ref<Role[]>([])
  const nameOf = (code: string) => {
    const r = list.value.find((x) => x.code === code)
    return r ? localName(r.name_zh, r.name_en) : code
  }
  async function load() {
    try {
      list.value = (await listRoles({ silent: true })).items
    } catch {
      list.value = []
    }
  }
  return { list, nameOf, load }
}
