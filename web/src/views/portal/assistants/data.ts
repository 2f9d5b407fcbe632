/**
 * 帮办授权: the dates the applicant may choose and how a grant reads. The server takes an expiry
 * from today (Beijing) to a year ahead; the picker offers the same range.
 */
import type { Assistant } from '@/api/cases'

const kShanghaiDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })

/** Today's date in Beijing as `YYYY-MM-DD`, whatever the browser's zone. */
export function shanghaiToday(now: Date = new Date()): string {
  const p = Object.fromEntries(kShanghaiDate.formatToParts(now).map((x) => [x.type, x.value]))
  return `${p.year}-${p.month}-${p.day}`
}

/** The same calendar day a year after `today` (29 Feb → 28 Feb). */
export function maxExpiry(today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number]
  const last = new Date(Date.UTC(y + 1, m, 0)).getUTCDate()
  return `${y + 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

/** Whether `date` (`YYYY-MM-DD`) is an expiry the server accepts: today up to a year ahead. */
export function isExpiryAllowed(date: string, today: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && date >= today && date <= maxExpiry(today)
}

/** For the picker's disabled-date: a local-midnight Date (as Element Plus passes) → `YYYY-MM-DD`. */
export function pickerDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

export type GrantStatus = 'active' | 'expired' | 'revoked'

/** A grant is revoked once the applicant withdrew it, expired after its last day, else active. */
export function grantStatus(a: Pick<Assistant, 'revoked_at' | 'expires_on'>, today: string): GrantStatus {
  if (a.revoked_at) return 'revoked'
  return a.expires_on < today ? 'expired' : 'active'
}
