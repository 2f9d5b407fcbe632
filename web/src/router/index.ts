import { createRouter, createWebHistory, type Router } from 'vue-router'
import { routes } from './routes'
import { useUserStore } from '@/stores/user'
import { i18n } from '@/locales'

export function setupGuards(router: Router) {
  router.beforeEach(async (to) => {
    const store = useUserStore()
    if (!store.checked && !to.meta.public) {
      try {
        await store.fetchMe()
      } catch {
        // server unreachable: treat as logged out; the login page shows the error on submit
        store.clear()
      }
    }
    if (to.name === 'login' && store.loggedIn) {
      const redirect = typeof to.query.redirect === 'string' ? to.query.redirect : '/'
      return redirect.startsWith('/') && !redirect.startsWith('//') ? redirect : '/'
    }
    if (to.meta.public) return true
    if (!store.loggedIn) return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} }
    // meta.permission of every matched record must be met (a group and its page).
    for (const rec of to.matched) {
      if (!store.hasPermi(rec.meta.permission)) return { name: 'forbidden' }
    }
    return true
  })

  router.afterEach((to) => {
    const app = i18n.global.t('app.name')
    document.title = to.meta.title ? `${i18n.global.t(to.meta.title)} - ${app}` : app
  })
}

export function createAppRouter(): Router {
  const router = createRouter({
    history: createWebHistory(import.meta.env.BASE_URL),
    routes,
    scrollBehavior: () => ({ top: 0 }),
  })
  setupGuards(router)
  return router
}
