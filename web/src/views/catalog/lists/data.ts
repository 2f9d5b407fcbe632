/**
 * The one page for the seven lists: its table columns, search fields and form rules come from the
 * columns the server describes (GET /api/v1/catalog/lists), so a new column needs no front-end code.
 */
import type { FormItemRule } from 'element-plus'
import type { FileFormat, ImportIssue, ImportReport, ListColumn, ListEntry } from '@/api/catalog'
import type { Problem } from '@/utils/request'
import { checkCreditCode, checkDivisionCode } from '@/utils/codes'

type T = (key: string, named?: Record<string, unknown>) => string
type Local = (zh: string | null | undefined, en: string | null | undefined) => string

/** Text columns without their own limit hold 200 characters, long text 4000 (the contract). */
export function maxLengthOf(c: ListColumn): number {
  if (c.max) return c.max
  return c.type === 'longtext' ? 4000 : 200
}

/** Table column width by type: long text gets room, codes and numbers little. */
export function columnWidth(c: ListColumn): { minWidth?: number; width?: number } {
  switch (c.type) {
    case 'longtext':
      return { minWidth: 240 }
    case 'department':
      return { minWidth: 170 }
    case 'division':
    case 'int':
      return { width: 120 }
    case 'credit_code':
      return { width: 190 }
    case 'enum':
      return { width: 110 }
    default:
      return { minWidth: 150 }
  }
}

/** A cell's text: department ids become names, enum values their labels. */
export function cellText(entry: ListEntry, c: ListColumn, local: Local): string {
  const v = entry.fields[c.key]
  if (v === null || v === undefined || v === '') return '—'
  if (c.type === 'department') return entry.department_names?.[c.key] ?? (c.key === 'department' ? entry.department_name : null) ?? String(v)
  if (c.type === 'enum') {
    const o = c.options?.find((x) => x.value === v)
    if (o) return local(o.label_zh, o.label_en)
  }
  return String(v)
}

/** The form's rules for one column (the server checks again, with the list's own rules). */
export function columnRules(c: ListColumn, t: T, label: string): FormItemRule[] {
  const rules: FormItemRule[] = []
  if (c.required) {
    const pick = c.type === 'department' || c.type === 'enum'
    rules.push({ required: true, message: t(pick ? 'common.selectRequired' : 'common.required', { field: label }), trigger: pick ? 'change' : 'blur' })
  }
  if (c.type === 'text' || c.type === 'longtext') {
    const n = maxLengthOf(c)
    rules.push({ max: n, message: t('common.maxLength', { n }), trigger: 'blur' })
  }
  if (c.type === 'division') {
    rules.push({
      validator: (_r, v: unknown, cb) => (!v || checkDivisionCode(String(v)).valid ? cb() : cb(new Error(t('schemaForm.format.divisionCode')))),
      trigger: 'blur',
    })
  }
  if (c.type === 'credit_code') {
    rules.push({
      validator: (_r, v: unknown, cb) => {
        if (!v) return cb()
        const r = checkCreditCode(String(v))
        return r.valid ? cb() : cb(new Error(t(`schemaForm.creditCode.${r.reason === 'org_code_check' ? 'orgCodeCheck' : r.reason === 'check_character' ? 'checkCharacter' : r.reason}`)))
      },
      trigger: 'blur',
    })
  }
  return rules
}

/** The file format of a chosen file, by its name; null when it is neither XLSX nor CSV. */
export function formatOfFile(name: string): FileFormat | null {
  const n = name.toLowerCase()
  if (n.endsWith('.xlsx')) return 'xlsx'
  if (n.endsWith('.csv')) return 'csv'
  return null
}

/** Largest file the page sends (the server has its own limit and answers 413 above it). */
export const kMaxImportBytes = 10 * 1024 * 1024

function lineOf(x: Record<string, unknown>): number {
  if (typeof x.line === 'number') return x.line
  if (typeof x.row === 'number') return x.row
  const p = typeof x.pointer === 'string' ? x.pointer : ''
  const m = /(?:^|\/)(?:lines?|rows?)\/(\d+)/.exec(p) ?? /^\/?(\d+)(?:\/|$)/.exec(p)
  return m ? Number(m[1]) : 0
}

function columnOf(x: Record<string, unknown>): string | null {
  if (typeof x.column === 'string' && x.column) return x.column
  const p = typeof x.pointer === 'string' ? x.pointer : ''
  const m = /\/(?:lines?|rows?\/)?\d+\/([^/]+)$/.exec(p)
  return m ? m[1]! : null
}

function issues(list: unknown): ImportIssue[] {
  if (!Array.isArray(list)) return []
  return list
    .filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null)
    .map((x) => ({ line: lineOf(x), column: columnOf(x), code: String(x.code ?? ''), message: String(x.message ?? x.detail ?? x.code ?? '') }))
    .sort((a, b) => a.line - b.line)
}

/**
 * The import report from the server's answer: a 200 report as it is, or a 422 problem (bad lines
 * and nothing imported), whose lines may sit in `errors`, in `details.errors` or in pointers.
 */
export function toImportReport(answer: ImportReport | Problem): ImportReport & { refused: boolean; detail: string } {
  const a = answer as Record<string, unknown>
  if (typeof a.imported === 'number') {
    const r = answer as ImportReport
    return { imported: r.imported, rejected: r.rejected ?? 0, errors: issues(r.errors), warnings: issues(r.warnings), refused: false, detail: '' }
  }
  const p = answer as Problem
  const details = (p.details ?? {}) as Record<string, unknown>
  const errors = issues(details.errors ?? p.errors)
  const warnings = issues(details.warnings ?? (a.warnings as unknown))
  const rejected = typeof details.rejected === 'number' ? details.rejected : new Set(errors.map((e) => e.line)).size
  return { imported: 0, rejected, errors, warnings, refused: true, detail: p.detail ?? p.title ?? '' }
}

/** The lines with errors, once each. */
export function badLines(r: ImportReport): number[] {
  return [...new Set(r.errors.map((e) => e.line))].sort((a, b) => a - b)
}

/**
 * A refusal that is about the whole file, not its lines (a bad header, an unreadable file): shown
 * as one message, never as a report of zero bad lines.
 */
export function isFileRefusal(r: ReturnType<typeof toImportReport>): boolean {
  return r.refused && r.errors.every((e) => e.line === 0)
}
