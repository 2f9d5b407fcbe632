import type { Directive } from 'vue'
import { useUserStore } from '@/stores/user'
import type { PermissionRequirement } from '@/utils/permission'

/**
 * `v-has-permi="'system.user.edit'"` or `v-has-permi="['a.b.c', 'a.b.d']"` (any of them):
 * the element is removed from the page when the user holds none of the permissions.
 * Hiding a button is a convenience; the server checks the same permission on every request.
 */
export const hasPermi: Directive<HTMLElement, PermissionRequirement> = {
  mounted(el, binding) {
    const store = useUserStore()
    if (!store.hasPermi(binding.value)) el.parentNode?.removeChild(el)
  },
}
