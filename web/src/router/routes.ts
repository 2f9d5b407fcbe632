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
    // 办件管理: the window, the review, the hall supervisor's confirmations, the search and the clocks.
    path: 'cases',
    name: 'cases',
    redirect: { name: 'cases-all' },
    meta: {
      title: 'menu.cases',
      icon: 'Stamp',
      permission: ['cases.case.accept', 'cases.case.review', 'cases.case.approve', 'cases.case.extend', 'cases.case.suspend', 'cases.case.confirm_refusal', 'cases.case.read'],
    },
    children: [
      {
        path: 'queue',
        name: 'cases-queue',
        component: () => import('@/views/cases/list.vue'),
        props: { view: 'queue', title: 'menu.caseQueue', intro: 'cases.queueIntro' },
        meta: { title: 'menu.caseQueue', icon: 'Tickets', permission: 'cases.case.accept' },
      },
      {
        path: 'window-apply',
        name: 'case-window-apply',
        component: () => import('@/views/cases/window-apply.vue'),
        meta: { title: 'cases.windowApply', permission: 'cases.case.accept', hidden: true },
      },
      {
        path: 'inbox',
        name: 'cases-inbox',
        component: () => import('@/views/cases/list.vue'),
        props: { view: 'inbox', title: 'menu.caseInbox', intro: 'cases.inboxIntro' },
        meta: { title: 'menu.caseInbox', icon: 'Checked', permission: ['cases.case.review', 'cases.case.approve', 'cases.case.extend', 'cases.case.suspend'] },
      },
      {
        path: 'refusals',
        name: 'cases-refusals',
        component: () => import('@/views/cases/list.vue'),
        props: { view: 'queue', state: 'refusal_pending', title: 'menu.caseRefusals', intro: 'cases.refusalsIntro' },
        meta: { title: 'menu.caseRefusals', icon: 'Warning', permission: 'cases.case.confirm_refusal' },
      },
      {
        path: 'all',
        name: 'cases-all',
        component: () => import('@/views/cases/list.vue'),
        props: { view: 'all', title: 'menu.caseAll' },
        meta: { title: 'menu.caseAll', icon: 'Search', permission: 'cases.case.read' },
      },
      {
        path: 'supervision',
        name: 'cases-supervision',
        component: () => import('@/views/cases/supervision/index.vue'),
        meta: { title: 'menu.caseSupervision', icon: 'Timer', permission: 'cases.deadline.read' },
      },
      {
        // the messages the server sends staff link here (/cases/detail/12)
        path: 'detail/:id(\\d+)',
        name: 'case-detail',
        component: () => import('@/views/cases/detail.vue'),
        meta: { title: 'cases.detailTitle', permission: 'cases.case.read', hidden: true },
      },
    ],
  },
  {
    // 消息中心 of staff (the bell in the navbar); every logged-in user has one.
    path: 'messages',
    name: 'messages',
    component: () => import('@/views/messages/index.vue'),
    meta: { title: 'messages.title', hidden: true },
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
        // 在线申办: public, so the page itself sends a visitor to log in and back.
        path: 'apply/:code',
        name: 'portal-apply',
        component: () => import('@/views/portal/apply.vue'),
        meta: { title: 'portal.applyOnline', public: true },
      },
      {
        path: 'cases',
        name: 'portal-cases',
        component: () => import('@/views/portal/cases/index.vue'),
        meta: { title: 'cases.mine.title', public: false, permission: 'cases.case.read' },
      },
      {
        path: 'cases/:id(\\d+)',
        name: 'portal-case',
        component: () => import('@/views/portal/cases/detail.vue'),
        meta: { title: 'cases.progressTitle', public: false, permission: 'cases.case.read' },
      },
      {
        path: 'assistants',
        name: 'portal-assistants',
        component: () => import('@/views/portal/assistants/index.vue'),
        meta: { title: 'assistants.title', public: false, permission: 'cases.assistant.manage' },
      },
      {
        path: 'messages',
        name: 'portal-messages',
        component: () => import('@/views/portal/messages.vue'),
        meta: { title: 'messages.title', public: false },
      },
    ],
  },
  {
    // 文书核验: where the QR code on every notice leads (no login).
    path: '/verify',
    component: PortalLayout,
    meta: { public: true },
    children: [
      {
        path: ':code',
        name: 'verify',
        component: () => import('@/views/portal/verify.vue'),
        meta: { title: 'verify.title', public: true },
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
