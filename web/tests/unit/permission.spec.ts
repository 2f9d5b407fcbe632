import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { mount } from '@vue/test-utils'
import { defineComponent, h, withDirectives } from 'vue'
import type { RouteRecordRaw } from 'vue-router'
import { checkPermi } from '@/utils/permission'
import { buildMenu } from '@/router/menu'
import { layoutChildren } from '@/router/routes'
import { hasPermi } from '@/directives/hasPermi'
import { useUserStore } from '@/stores/user'

const held = (...p: string[]) => new Set(p)

describe('checkPermi', () => {
  it('needs any one of the listed permissions', () => {
    expect(checkPermi(held('system.user.read'), 'system.user.read')).toBe(true)
    expect(checkPermi(held('system.user.read'), 'system.user.edit')).toBe(false)
    expect(checkPermi(held('system.user.read'), ['system.user.edit', 'system.user.read'])).toBe(true)
    expect(checkPermi(held(), ['system.user.edit'])).toBe(false)
  })
  it('no requirement is always met; * holds everything', () => {
    expect(checkPermi(held(), undefined)).toBe(true)
    expect(checkPermi(held(), [])).toBe(true)
    expect(checkPermi(held('*'), 'cases.case.accept')).toBe(true)
  })
  it('matches whole strings only', () => {
    expect(checkPermi(held('system.user'), 'system.user.read')).toBe(false)
    expect(checkPermi(held('system.user.read'), 'system.user')).toBe(false)
  })
})

describe('buildMenu', () => {
  const Dummy = defineComponent({ render: () => null })
  const routes: RouteRecordRaw[] = [
    { path: '', component: Dummy, meta: { title: 'menu.dashboard' } },
    {
      path: 'system',
      meta: { title: 'menu.system' },
      children: [
        { path: 'users', component: Dummy, meta: { title: 'menu.user', permission: 'system.user.read' } },
        { path: 'roles', component: Dummy, meta: { title: 'menu.role', permission: 'system.role.read' } },
      ],
    },
    { path: '403', component: Dummy, meta: { title: 'error.forbidden', hidden: true } },
  ]
  const can = (p: string[]) => (req: Parameters<typeof checkPermi>[1]) => checkPermi(new Set(p), req)

  it('shows only the pages the user holds, with full paths', () => {
    expect(buildMenu(routes, can(['system.user.read']))).toEqual([
      { path: '/', title: 'menu.dashboard', icon: undefined },
      { path: '/system', title: 'menu.system', icon: undefined, children: [{ path: '/system/users', title: 'menu.user', icon: undefined }] },
    ])
  })
  it('drops a group whose pages are all forbidden, and hidden routes', () => {
    const menu = buildMenu(routes, can([]))
    expect(menu.map((m) => m.path)).toEqual(['/'])
  })
  it('the real routes: an administrator sees every system page, a clerk only theirs', () => {
    const all = buildMenu(layoutChildren, () => true)
    const system = all.find((m) => m.path === '/system')
    expect(system?.children?.map((c) => c.path)).toEqual([
      '/system/users', '/system/departments', '/system/roles', '/system/audit',
      '/system/login-log', '/system/sessions', '/system/parameters', '/system/calendar',
    ])
    const clerk = buildMenu(layoutChildren, can(['system.calendar.read']))
    expect(clerk.find((m) => m.path === '/system')?.children?.map((c) => c.path)).toEqual(['/system/calendar'])
  })
  it('every system page route carries a system.* permission', () => {
    const system = layoutChildren.find((r) => r.path === 'system')!
    for (const r of system.children!) expect(String(r.meta?.permission), r.path).toMatch(/^system\.[a-z]+\.[a-z]+$/)
  })
})

describe('v-has-permi', () => {
  beforeEach(() => setActivePinia(createPinia()))

  function render(value: string | string[]) {
    const C = defineComponent({
      render: () => h('div', [withDirectives(h('button', { id: 'b' }, 'edit'), [[hasPermi, value]]), h('span', 'other')]),
    })
    return mount(C)
  }

  it('removes the element when the permission is missing', () => {
    useUserStore().setSession({
      csrf_token: 't',
      user: { id: 1, username: 'u', display_name: 'U', department_id: null, department_name: null, roles: [], permissions: ['system.user.read'] },
    })
    const w = render('system.user.edit')
    expect(w.find('#b').exists()).toBe(false)
    expect(w.text()).toContain('other')
  })

  it('keeps it when any listed permission is held', () => {
    useUserStore().setSession({
      csrf_token: 't',
      user: { id: 1, username: 'u', display_name: 'U', department_id: null, department_name: null, roles: [], permissions: ['system.user.edit'] },
    })
    expect(render(['system.role.edit', 'system.user.edit']).find('#b').exists()).toBe(true)
  })

  it('removes it when nobody is logged in', () => {
    expect(render('system.user.edit').find('#b').exists()).toBe(false)
  })
})
