import type { RouteRecordRaw } from 'vue-router'
import Layout from '@/layout/index.vue'

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title (menu, breadcrumb, document title). */
    title?: string
    /** Element Plus icon name shown in the side menu. */
    icon?: string
    /** Permission(s) needed to open the page (any of them); the menu hides pages the user can't open. */
    permission?: string | string[]
    /** Reachable without logging in. */
    public?: boolean
    /** Not shown in the side menu. */
    hidden?: boolean
  }
}

/** Pages inside the admin layout; the side menu is built from these. */
export const layoutChildren: RouteRecordRaw[] = [
  {
    path: '',
    name: 'dashboard',
    component: () => import('@/views/dashboard/index.vue'),
    meta: { title: 'menu.dashboard', icon: 'HomeFilled' },
  },
  {
    path: 'system',
    name: 'system',
    redirect: { name: 'system-user' },
    meta: { title: 'menu.system', icon: 'Setting' },
    children: [
      {
        path: 'users',
        name: 'system-user',
        component: () => import('@/views/system/user/index.vue'),
        meta: { title: 'menu.user', icon: 'User', permission: 'system.user.read' },
      },
      {
        path: 'departments',
        name: 'system-department',
        component: () => import('@/views/system/department/index.vue'),
        meta: { title: 'menu.department', icon: 'OfficeBuilding', permission: 'system.department.read' },
      },
      {
        path: 'roles',
        name: 'system-role',
        component: () => import('@/views/system/role/index.vue'),
        meta: { title: 'menu.role', icon: 'Avatar', permission: 'system.role.read' },
      },
      {
        path: 'audit',
        name: 'system-audit',
        component: () => import('@/views/system/audit/index.vue'),
        meta: { title: 'menu.audit', icon: 'Document', permission: 'system.audit.read' },
      },
      {
        path: 'login-log',
        name: 'system-loginlog',
        component: () => import('@/views/system/loginlog/index.vue'),
        meta: { title: 'menu.loginLog', icon: 'Tickets', permission: 'system.loginlog.read' },
      },
      {
        path: 'sessions',
        name: 'system-session',
        component: () => import('@/views/system/session/index.vue'),
        meta: { title: 'menu.session', icon: 'Monitor', permission: 'system.session.read' },
      },
      {
        path: 'parameters',
        name: 'system-parameter',
        component: () => import('@/views/system/parameter/index.vue'),
        meta: { title: 'menu.parameter', icon: 'Operation', permission: 'system.parameter.read' },
      },
      {
        path: 'calendar',
        name: 'system-calendar',
        component: () => import('@/views/system/calendar/index.vue'),
        meta: { title: 'menu.calendar', icon: 'Calendar', permission: 'system.calendar.read' },
      },
    ],
  },
  {
    path: '403',
    name: 'forbidden',
    component: () => import('@/views/error/403.vue'),
    meta: { title: 'error.forbidden', hidden: true },
  },
]

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/login/index.vue'),
    meta: { title: 'login.title', public: true },
  },
  {
    path: '/',
    component: Layout,
    children: layoutChildren,
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/error/404.vue'),
    meta: { title: 'error.notFound', public: true },
  },
]
