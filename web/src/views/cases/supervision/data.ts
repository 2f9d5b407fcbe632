/** The deadline supervision chart (pure: the page passes the data and `t`; unit-tested). */
import type { EChartsCoreOption } from 'echarts/core'
import type { DeadlineRow, DeadlineStats } from '@/api/cases'

type T = (key: string, named?: Record<string, unknown>) => string

/** Colours of the three series, matching the tags (and AA against white labels). */
export const kColourHex = { green: '#2b7a0b', yellow: '#a15c00', red: '#c4262e' } as const

/** Open cases on time: every open case not yellow and not red (never below zero). */
export function onTime(r: Pick<DeadlineRow, 'open' | 'yellow' | 'red'>): number {
  return Math.max(0, r.open - r.yellow - r.red)
}

/** Departments worst first: most red, then most yellow, then most open; at most `top`. */
export function worstFirst(rows: readonly DeadlineRow[], top = Infinity): DeadlineRow[] {
  return [...rows]
    .sort((a, b) => b.red - a.red || b.yellow - a.yellow || b.open - a.open || a.department_name.localeCompare(b.department_name))
    .slice(0, top)
}

/** 各部门在办件时限: stacked horizontal bars (on time / yellow / red), worst department on top. */
export function deadlineOption(s: DeadlineStats, t: T, top = 15): EChartsCoreOption {
  const rows = worstFirst(s.by_department.filter((r) => r.open > 0), top).reverse()
  const series = [
    { key: 'green', name: t('cases.colour.green'), data: rows.map(onTime) },
    { key: 'yellow', name: t('cases.colour.yellow'), data: rows.map((r) => r.yellow) },
    { key: 'red', name: t('cases.colour.red'), data: rows.map((r) => r.red) },
  ] as const
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 8, right: 24, top: 8, bottom: 36, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((r) => r.department_name), axisLabel: { width: 170, overflow: 'truncate' } },
    series: series.map((x) => ({
      type: 'bar',
      stack: 'open',
      name: x.name,
      data: x.data,
      itemStyle: { color: kColourHex[x.key] },
      label: { show: true, color: '#fff', formatter: (p: { value: number }) => (p.value ? String(p.value) : '') },
      emphasis: { focus: 'series' },
    })),
  }
}
