import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as authApi from '@/api/auth'
import type { CurrentUser, SessionInfo } from '@/api/auth'
import { ApiError } from '@/utils/request'
import { checkPermi, type PermissionRequirement } from '@/utils/permission'

/** The session: who is logged in, what they may do, and the CSRF token for writes. */
export const useUserStore = defineStore('user', () => {
  const user = ref<CurrentUser | null>(null)
  const csrfToken = ref<string | null>(null)
  /** Whether /auth/me has been asked since the page loaded (so the guard asks only once). */
  const checked = ref(false)

  const loggedIn = computed(() => user.value !== null)
  const permissions = computed(() => new Set(user.value?.permissions ?? []))

  function hasPermi(required: PermissionRequirement): boolean {
    return checkPermi(permissions.value, required)
  }

  function setSession(s: SessionInfo) {
    user.value = s.user
    csrfToken.value = s.csrf_token
    checked.value = true
  }

  function clear() {
    user.value = null
    csrfToken.value = null
    checked.value = true
  }

  async function login(username: string, password: string) {
    setSession(await authApi.login({ username, password }))
  }

  /** Ask the server who we are. False when not logged in; other failures propagate. */
  async function fetchMe(): Promise<boolean> {
    try {
      setSession(await authApi.me())
      return true
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        clear()
        return false
      }
      checked.value = true
      throw e
    }
  }

  async function logout() {
    try {
      await authApi.logout()
    } finally {
      clear()
    }
  }

  return { user, csrfToken, checked, loggedIn, permissions, hasPermi, setSession, clear, login, fetchMe, logout }
})
