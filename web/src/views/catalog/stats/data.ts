/** Chart options of the catalogue statistics page (pure: the page passes the data and `t`). */
import type { EChartsCoreOption } from 'echarts/core'
import type { CatalogStats } from '@/api/catalog'
import { levelKey, powerTypeKey } from '../shared'

type T = (key: string, named?: Record<string, unknown>) => string

const tooltip = { trigger: 'axis', axisPointer: { type: 'shadow' } }

/** 各部门事项数: horizontal bars, largest first, at most `top` departments. */
export function byDepartmentOption(s: CatalogStats, t: T, top = 15): EChartsCoreOption {
  const rows = [...s.by_department].sort((a, b) => b.count - a.count).slice(0, top).reverse()
  return {
    tooltip,
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { width: 160, overflow: 'truncate' } },
    series: [{ type: 'bar', name: t('stats.entries'), data: rows.map((r) => r.count), label: { show: true, position: 'right' } }],
  }
}

function pie(name: string, data: { name: string; value: number }[]): EChartsCoreOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        name,
        radius: ['38%', '66%'],
        center: ['50%', '44%'],
        data,
        label: { formatter: '{b}\n{c}' },
      },
    ],
  }
}

export function byLevelOption(s: CatalogStats, t: T): EChartsCoreOption {
  return pie(t('stats.byLevel'), s.by_level.map((r) => ({ name: t(levelKey(r.level)), value: r.count })))
}

export function byPowerTypeOption(s: CatalogStats, t: T): EChartsCoreOption {
  return pie(t('stats.byPowerType'), s.by_power_type.filter((r) => r.count > 0).map((r) => ({ name: t(powerTypeKey(r.power_type)), value: r.count })))
}

/** 法定与承诺时限: working days per department side by side, the compression rate as a line. */
export function limitsOption(s: CatalogStats, t: T, top = 12): EChartsCoreOption {
  const rows = [...s.limits.by_department].sort((a, b) => b.statutory - a.statutory).slice(0, top)
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 8, right: 8, top: 32, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: 30, width: 100, overflow: 'truncate' } },
    yAxis: [
      { type: 'value', name: t('stats.workingDays'), minInterval: 1 },
      { type: 'value', name: t('stats.compressionRate'), min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      { type: 'bar', name: t('stats.statutory'), data: rows.map((r) => r.statutory) },
      { type: 'bar', name: t('stats.committed'), data: rows.map((r) => r.committed) },
      {
        type: 'line',
        name: t('stats.compressionRate'),
        yAxisIndex: 1,
        data: rows.map((r) => Math.round(r.compression_rate * 1000) / 10),
        tooltip: { valueFormatter: (v: number) => `${v}%` },
      },
    ],
  }
}

/** Three gauges: 零跑腿, 最多跑一次, 全程网办 shares. */
export function sharesOption(s: CatalogStats, t: T): EChartsCoreOption {
  const gauges = [
    { name: t('stats.zeroVisit'), value: s.visits.zero_share, center: ['17%', '45%'] },
    { name: t('stats.atMostOneVisit'), value: s.visits.at_most_one_share, center: ['50%', '45%'] },
    { name: t('stats.online'), value: s.online.share, center: ['83%', '45%'] },
  ]
  return {
    series: gauges.map((g, i) => ({
      type: 'gauge',
      name: g.name,
      center: g.center,
      radius: '60%',
      startAngle: 90,
      endAngle: -270,
      min: 0,
      max: 100,
      pointer: { show: false },
      progress: { show: true, roundCap: true, width: 12, itemStyle: { color: ['#1a5fb4', '#2b7a0b', '#a15c00'][i] } },
      axisLine: { lineStyle: { width: 12, color: [[1, '#e4e7ec']] } },
      axisTick: { show: false },
      splitLine: { show: false },
      axisLabel: { show: false },
      title: { offsetCenter: [0, '128%'], fontSize: 14, color: '#1f2329' },
      detail: { offsetCenter: [0, 0], fontSize: 22, fontWeight: 600, formatter: '{value}%', color: '#1f2329' },
      data: [{ name: g.name, value: Math.round(g.value * 1000) / 10 }],
    })),
  }
}

/** 事项调整趋势: changes of each kind per month. */
export function changesOption(s: CatalogStats, t: T): EChartsCoreOption {
  const kinds = ['created', 'published', 'withdrawn', 'cancelled', 'delegated', 'taken_over'] as const
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: s.changes_by_month.map((m) => m.month), boundaryGap: false },
    yAxis: { type: 'value', minInterval: 1 },
    series: kinds.map((k) => ({ type: 'line', name: t(`enums.changeKind.${k}`), data: s.changes_by_month.map((m) => m[k] ?? 0) })),
  }
}
