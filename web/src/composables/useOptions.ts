import { computed, ref } from 'vue'
import { listDepartments, listRoles, type Department, type Role } from '@/api/system'
import { listLicenceTypes, type LicenceType } from '@/api/catalog'
import { buildTree } from '@/utils/tree'
import { localName } from '@/locales'
import { useUserStore } from '@/stores/user'

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

/**
 * Departments for the catalogue's pickers: the system list when the user may read it, else the
 * departments that handle published items (from the public catalogue), flat.
 */
export function useCatalogDepartments() {
  const list = ref<Department[]>([])
  const tree = computed(() => buildTree(list.value))
  async function load() {
    if (useUserStore().hasPermi('system.department.read')) {
      try {
        list.value = (await listDepartments({ silent: true })).items
        return
      } catch {
        // fall back to the public list below
      }
    }
    try {
      const { getPortalHome } = await import('@/api/portal')
      list.value = (await getPortalHome()).departments.map((d, i) => ({
        id: d.id,
        parent_id: null,
        name: d.name,
        division_code: '',
        is_service_hall: false,
        sort: i,
        status: 'active' as const,
        created_at: '',
      }))
    } catch {
      list.value = []
    }
  }
  const nameOf = (id: number | null | undefined) => list.value.find((d) => d.id === id)?.name ?? ''
  return { list, tree, load, nameOf }
}

/** Licence types 证照目录 for pickers (materials that an e-licence replaces, what an item issues). */
export function useLicenceTypeOptions() {
  const list = ref<LicenceType[]>([])
  async function load() {
    try {
      list.value = (await listLicenceTypes({ page: 1, size: 100 }, { silent: true })).items
    } catch {
      list.value = []
    }
  }
  const nameOf = (code: string | null | undefined) => list.value.find((l) => l.code === code)?.name ?? code ?? ''
  return { list, load, nameOf }
}
