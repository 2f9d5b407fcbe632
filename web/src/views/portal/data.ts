/** Pure helpers of the public portal (unit-tested in tests/unit/portal.spec.ts). */
import type { Fee, Material } from '@/api/catalog'

export interface Segment {
  text: string
  hit: boolean
}

/**
 * Splits `text` into the pieces that match any word of `query` and those that don't, for <mark>
 * (never v-html: names and snippets are plain text). Case-insensitive; longer words win.
 */
export function highlight(text: string | null | undefined, query: string | null | undefined): Segment[] {
  const s = text ?? ''
  const words = [...new Set((query ?? '').split(/[\s,，、;；]+/).map((w) => w.trim()).filter(Boolean))].sort((a, b) => b.length - a.length)
  if (!s || words.length === 0) return s ? [{ text: s, hit: false }] : []
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  const re = new RegExp(`(${escaped.join('|')})`, 'gi')
  const out: Segment[] = []
  let last = 0
  for (const m of s.matchAll(re)) {
    const i = m.index ?? 0
    if (m[0].length === 0) continue
    if (i > last) out.push({ text: s.slice(last, i), hit: false })
    out.push({ text: m[0], hit: true })
    last = i + m[0].length
  }
  if (last < s.length) out.push({ text: s.slice(last), hit: false })
  return out
}

/** Compression of the committed limit against the statutory one, 0..1; null when it can't be said. */
export function compression(statutory: number | null | undefined, committed: number | null | undefined): number | null {
  if (!statutory || committed === null || committed === undefined) return null
  return Math.max(0, (statutory - committed) / statutory)
}

/** Whether an applicant may leave this material out: an e-licence or shared data stands for it. */
export function replaceable(m: Material): 'licence' | 'shared' | null {
  if (m.source === 'licence' && m.licence_type_code) return 'licence'
  if (m.source === 'shared') return 'shared'
  return null
}

/** Sum of the fees in yuan, "0.00" when none (amounts are decimal strings). */
export function feeTotal(fees: readonly Fee[]): string {
  const fen = fees.reduce((s, f) => s + Math.round(Number.parseFloat(f.amount || '0') * 100), 0)
  return (fen / 100).toFixed(2)
}

/** Page numbers stay in range; a query string value becomes a number. */
export function pageOf(v: unknown): number {
  const n = Number(Array.isArray(v) ? v[0] : v)
  return Number.isInteger(n) && n >= 1 ? n : 1
}
