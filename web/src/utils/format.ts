/**
 * Times: the server sends RFC 3339 instants with +08:00; the UI shows them as Asia/Shanghai wall
 * clock whatever the browser's zone, and sends filter bounds back as +08:00 instants.
 */
const kZone = 'Asia/Shanghai'

const dateTimeFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: kZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

/** `2026-03-01T02:03:04Z` → `2026-03-01 10:03:04`; empty for null/invalid input. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return ''
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return value
  const parts = Object.fromEntries(dateTimeFormat.formatToParts(d).map((p) => [p.type, p.value]))
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`
}

/** A picker's wall-clock `YYYY-MM-DD HH:mm:ss` (Beijing time) → RFC 3339 `YYYY-MM-DDTHH:mm:ss+08:00`. */
export function toShanghaiInstant(wallClock: string | null | undefined): string | undefined {
  if (!wallClock) return undefined
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2})?$/.exec(wallClock.trim())
  if (!m) return undefined
  return `${m[1]}T${m[2]}${m[3] ?? ':00'}+08:00`
}

/** Whether an instant lies in the future (used for locked_until). */
export function isFuture(value: string | null | undefined, now: Date = new Date()): boolean {
  if (!value) return false
  const d = new Date(value)
  return !Number.isNaN(d.getTime()) && d.getTime() > now.getTime()
}
