import type { RouteRecordRaw } from 'vue-router'
import Layout from '@/layout/index.vue'
import PortalLayout from '@/layout/PortalLayout.vue'

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
    path: 'catalog',
    name: 'catalog',
    redirect: { name: 'catalog-item' },
    meta: { title: 'menu.catalog', icon: 'Collection', permission: ['catalog.item.read', 'catalog.list.read', 'catalog.stats.read'] },
    children: [
      {
        path: 'base-items',
        name: 'catalog-base-item',
        component: () => import('@/views/catalog/base-item/index.vue'),
        meta: { title: 'menu.baseItem', icon: 'Files', permission: 'catalog.item.read' },
      },
      {
        path: 'items',
        name: 'catalog-item',
        component: () => import('@/views/catalog/item/index.vue'),
        meta: { title: 'menu.item', icon: 'List', permission: 'catalog.item.read' },
      },
      {
        path: 'licence-types',
        name: 'catalog-licence-type',
        component: () => import('@/views/catalog/licence-type/index.vue'),
        meta: { title: 'menu.licenceType', icon: 'Postcard', permission: 'catalog.item.read' },
      },
      {
        path: 'lists',
        name: 'catalog-lists',
        component: () => import('@/views/catalog/lists/index.vue'),
        meta: { title: 'menu.lists', icon: 'Memo', permission: 'catalog.list.read' },
      },
      {
        path: 'stats',
        name: 'catalog-stats',
        component: () => import('@/views/catalog/stats/index.vue'),
        meta: { title: 'menu.stats', icon: 'DataAnalysis', permission: 'catalog.stats.read' },
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
    // The public portal 办事大厅: no login.
    path: '/portal',
    component: PortalLayout,
    meta: { public: true },
    children: [
      {
        path: '',
        name: 'portal-home',
        component: () => import('@/views/portal/home.vue'),
        meta: { title: 'portal.home', public: true },
      },
      {
        path: 'search',
        name: 'portal-search',
        component: () => import('@/views/portal/search.vue'),
        meta: { title: 'portal.searchResults', public: true },
      },
      {
        path: 'items/:code',
        name: 'portal-guide',
        component: () => import('@/views/portal/guide.vue'),
        meta: { title: 'portal.guide', public: true },
      },
      {
        path: 'lists/:kind?',
        name: 'portal-lists',
        component: () => import('@/views/portal/lists.vue'),
        meta: { title: 'portal.lists', public: true },
      },
      {
        // 在线申办: the cases module builds it; until then it asks for a login and says it is coming.
        path: 'apply/:code',
        name: 'portal-apply',
        component: () => import('@/views/portal/apply.vue'),
        meta: { title: 'portal.applyOnline', public: true },
      },
    ],
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/error/404.vue'),
    meta: { title: 'error.notFound', public: true },
  },
]
