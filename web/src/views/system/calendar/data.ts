import type { CalendarDay, DayKind } from '@/api/system'

/**
 * The year view's arithmetic. Dates are plain `YYYY-MM-DD` calendar dates (Asia/Shanghai business
 * dates from the server), so everything here is computed in UTC to stay clear of the browser's zone.
 */
export interface DayCell {
  date: string
  day: number
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number
  weekend: boolean
}

/** What a day is, after the calendar's entries: a holiday, an adjusted working weekend, or neither. */
export type DayState = 'holiday' | 'workday' | 'weekend' | 'normal'

const pad = (n: number) => String(n).padStart(2, '0')

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay()
}

/** The weeks of a month, Monday first (the Chinese convention); null pads the first and last week. */
export function monthWeeks(year: number, month: number): (DayCell | null)[][] {
  const weeks: (DayCell | null)[][] = []
  let week: (DayCell | null)[] = []
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay()
  const lead = (first + 6) % 7 // Monday → 0 … Sunday → 6
  for (let i = 0; i < lead; i++) week.push(null)
  const n = daysInMonth(year, month)
  for (let day = 1; day <= n; day++) {
    const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay()
    week.push({ date: isoDate(year, month, day), day, weekday, weekend: weekday === 0 || weekday === 6 })
    if (week.length === 7) {
      weeks.push(week)
      week = []
    }
  }
  if (week.length) {
    while (week.length < 7) week.push(null)
    weeks.push(week)
  }
  return weeks
}

export function dayState(cell: Pick<DayCell, 'weekend'>, entry: Pick<CalendarDay, 'kind'> | undefined): DayState {
  if (entry?.kind === 'holiday') return 'holiday'
  if (entry?.kind === 'workday') return 'workday'
  return cell.weekend ? 'weekend' : 'normal'
}

/**
 * The kinds an administrator may set on a day: any day can be a holiday; only a weekend can be
 * made an adjusted working day (a weekday already is one).
 */
export function allowedKinds(cell: Pick<DayCell, 'weekend'>): DayKind[] {
  return cell.weekend ? ['holiday', 'workday'] : ['holiday']
}

/** `date` moved by `days` (keyboard navigation), kept inside `year`. */
export function shiftDate(date: string, days: number, year: number): string {
  const [y, m, d] = date.split('-').map(Number)
  const t = new Date(Date.UTC(y!, m! - 1, d! + days))
  if (t.getUTCFullYear() < year) return isoDate(year, 1, 1)
  if (t.getUTCFullYear() > year) return isoDate(year, 12, 31)
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate())
}

export const stateLabels: Record<DayState, string> = {
  holiday: 'calendar.holiday',
  workday: 'calendar.workday',
  weekend: 'calendar.weekend',
  normal: 'calendar.normal',
}
