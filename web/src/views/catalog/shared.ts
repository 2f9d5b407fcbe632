/**
 * Words of the catalogue shared by its admin pages and the public portal: the i18n key of each
 * enum value, select options, and small pure helpers (unit-tested in tests/unit/catalog.spec.ts).
 */
import type { SelectOption } from '@/components/types'
import {
  kAudiences,
  kHolderTypes,
  kLevels,
  kMaterialForms,
  kMaterialSources,
  kPowerTypes,
  kSuspensions,
  kWindowCategories,
  type Elements,
  type Level,
} from '@/api/catalog'

export const powerTypeKey = (v: string) => `enums.powerType.${v}`
export const levelKey = (v: string) => `enums.level.${v}`
export const audienceKey = (v: string) => `enums.audience.${v}`
export const windowCategoryKey = (v: string) => `enums.windowCategory.${v}`
export const onlineDepthKey = (v: number | string) => `enums.onlineDepth.d${v}`
export const visitsKey = (v: number | string) => `enums.visits.v${v}`
export const versionStateKey = (v: string) => `enums.versionState.${v}`
export const entryStatusKey = (v: string) => `enums.entryStatus.${v}`
export const materialFormKey = (v: string) => `enums.materialForm.${v}`
export const materialSourceKey = (v: string) => `enums.materialSource.${v}`
export const suspensionKey = (v: string) => `enums.suspension.${v}`
export const holderTypeKey = (v: string) => `enums.holderType.${v}`
export const changeKindKey = (v: string) => `enums.changeKind.${v}`

const opts = (values: readonly (string | number)[], key: (v: string) => string): SelectOption[] =>
  values.map((v) => ({ value: v, label: key(String(v)) }))

export const powerTypeOptions = opts(kPowerTypes, powerTypeKey)
export const levelOptions = opts(kLevels, levelKey)
export const audienceOptions = opts(kAudiences, audienceKey)
export const windowCategoryOptions = opts(kWindowCategories, windowCategoryKey)
export const onlineDepthOptions = opts([1, 2, 3, 4], onlineDepthKey)
export const visitsOptions = opts([0, 1, 2], visitsKey)
export const versionStateOptions = opts(['draft', 'published', 'superseded', 'withdrawn'], versionStateKey)
export const entryStatusOptions = opts(['active', 'cancelled', 'delegated'], entryStatusKey)
export const materialFormOptions = opts(kMaterialForms, materialFormKey)
export const materialSourceOptions = opts(kMaterialSources, materialSourceKey)
export const suspensionOptions = opts(kSuspensions, suspensionKey)
export const holderTypeOptions = opts(kHolderTypes, holderTypeKey)

/** Tag colours of version states and entry statuses. */
export function stateTagType(state: string): 'success' | 'warning' | 'info' | 'danger' | 'primary' {
  switch (state) {
    case 'published':
    case 'active':
      return 'success'
    case 'draft':
      return 'warning'
    case 'withdrawn':
    case 'cancelled':
      return 'danger'
    default:
      return 'info'
  }
}

/** Themes the demo catalogue uses (free strings: an editor may add others). */
export const kKnownThemes = [
  '开办企业',
  '工程建设',
  '不动产登记',
  '社会保障',
  '医疗卫生',
  '教育',
  '文化旅游',
  '交通运输',
  '人才服务',
  '婚育收养',
  '民政服务',
  '公共安全',
  '生态环境',
  '食品药品',
]

/** The level a division code implies (6 digits ending 00 → city; other 6 → district; 9 → street). */
export function levelOfDivision(code: string): Level | null {
  if (/^\d{9}$/.test(code)) return 'street'
  if (/^\d{4}00$/.test(code)) return 'city'
  if (/^\d{6}$/.test(code)) return 'district'
  return null
}

/** Share 0..1 → "42.5%" (one decimal, none when whole). */
export function percent(share: number | null | undefined): string {
  if (share === null || share === undefined || Number.isNaN(share)) return '—'
  const p = Math.round(share * 1000) / 10
  return `${p}%`
}

/** The elements of a new entry's first draft: nothing filled in but what every item needs. */
export function emptyElements(): Elements {
  return {
    conditions: '',
    materials: [],
    statutory_limit_days: 20,
    committed_limit_days: 10,
    immediate: false,
    fees: [],
    online_depth: 3,
    visits: 1,
    window_category: 'social_affairs',
    service_address: '',
    service_hours: '',
    consult_phone: '',
    form_schema: { type: 'object', properties: {}, required: [] },
    workflow: {
      steps: [
        { name: '受理', role: 'window_clerk', days: 0 },
        { name: '审查', role: 'reviewer', days: 3 },
        { name: '决定', role: 'approver', days: 2 },
      ],
      suspensions: [],
    },
    instant_rules: null,
    promise_eligible: false,
    issues_licence_type: null,
  }
}

/**
 * Problems the editor can see before saving (the server checks again): committed limit over the
 * statutory one, steps' days over the committed limit, a licence or shared material without its
 * source named. Each is an i18n key with its values.
 */
export function elementProblems(e: Elements): { key: string; named?: Record<string, unknown> }[] {
  const out: { key: string; named?: Record<string, unknown> }[] = []
  if (!e.immediate && e.committed_limit_days > e.statutory_limit_days) {
    out.push({ key: 'item.problem.committedOverStatutory', named: { committed: e.committed_limit_days, statutory: e.statutory_limit_days } })
  }
  const stepDays = e.workflow.steps.reduce((s, x) => s + (Number(x.days) || 0), 0)
  if (!e.immediate && stepDays > e.committed_limit_days) {
    out.push({ key: 'item.problem.stepsOverCommitted', named: { days: stepDays, committed: e.committed_limit_days } })
  }
  e.materials.forEach((m, i) => {
    if (!m.name.trim()) out.push({ key: 'item.problem.materialName', named: { n: i + 1 } })
    if (m.source === 'licence' && !m.licence_type_code) out.push({ key: 'item.problem.materialLicence', named: { n: i + 1 } })
    if (m.source === 'shared' && !m.shared_from?.trim()) out.push({ key: 'item.problem.materialShared', named: { n: i + 1 } })
  })
  return out
}
