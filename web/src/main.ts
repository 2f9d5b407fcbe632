import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus, { ElMessage } from 'element-plus'
import 'element-plus/dist/index.css'
import './styles/index.css'

import App from './App.vue'
import { i18n } from './locales'
import { createAppRouter } from './router'
import { hasPermi } from './directives/hasPermi'
import { configureRequest } from './utils/request'
import { useUserStore } from './stores/user'
import { useAppStore } from './stores/app'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(i18n)
const router = createAppRouter()
app.use(router)
app.use(ElementPlus)
app.directive('has-permi', hasPermi)

useAppStore().applyAll()

const userStore = useUserStore()
let redirecting = false
configureRequest({
  csrfToken: () => userStore.csrfToken,
  onUnauthorized: () => {
    // The session ended (expired, revoked, logged out elsewhere): back to the login page once.
    const wasLoggedIn = userStore.loggedIn
    userStore.clear()
    const current = router.currentRoute.value
    if (redirecting || current.meta.public) return
    redirecting = true
    if (wasLoggedIn) {
      ElMessage({ type: 'warning', message: i18n.global.t('error.sessionExpired'), grouping: true })
    }
    void router
      .replace({ name: 'login', query: { redirect: current.fullPath } })
      .finally(() => (redirecting = false))
  },
})

app.mount('#app')
