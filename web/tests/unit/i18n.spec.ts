import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import zhCN from '@/locales/zh-CN'
import en from '@/locales/en'

type Tree = { [k: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (typeof v === 'string') out.set(key, v)
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv)
  }
  return out
}

const zh = flatten(zhCN as Tree)
const enMap = flatten(en as unknown as Tree)
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) return sourceFiles(p)
    return /\.(vue|ts)$/.test(name) ? [p] : []
  })
}

describe('locale files', () => {
  it('zh-CN and en have exactly the same keys', () => {
    const missingInEn = [...zh.keys()].filter((k) => !enMap.has(k))
    const missingInZh = [...enMap.keys()].filter((k) => !zh.has(k))
    expect(missingInEn).toEqual([])
    expect(missingInZh).toEqual([])
    expect(zh.size).toBeGreaterThan(100)
  })

  it('no message is empty, and both languages use the same placeholders', () => {
    for (const [k, v] of zh) {
      expect(v.trim(), k).not.toBe('')
      expect(enMap.get(k)?.trim(), k).not.toBe('')
      expect(placeholders(enMap.get(k) ?? ''), k).toEqual(placeholders(v))
    }
  })

  it('no message uses vue-i18n syntax characters by accident (| @ $ or stray braces)', () => {
    for (const [k, v] of [...zh, ...enMap]) {
      expect(v, k).not.toMatch(/[|@$]/)
      expect(v.replace(/\{\w+\}/g, ''), k).not.toMatch(/[{}]/)
    }
  })

  it('English messages contain no Chinese characters', () => {
    for (const [k, v] of enMap) {
      expect(v, k).not.toMatch(/[\u4e00-\u9fff]/)
    }
  })

  it('every literal key the code uses exists', () => {
    const root = join(__dirname, '../../src')
    const used = new Set<string>()
    const patterns = [
      /\bt\(\s*'([a-zA-Z][\w.]*)'/g, // t('a.b')
      /\b(?:label|title|hint):\s*'([a-z][a-zA-Z]*\.[\w.]+)'/g, // data.ts: label: 'a.b'
      /^\s+[a-z]+:\s*'([a-z][a-zA-Z]*\.[a-zA-Z][\w.]*)',?$/gm, // maps of keys: holiday: 'calendar.holiday'
    ]
    for (const file of sourceFiles(root)) {
      if (file.includes('/locales/')) continue
      const text = readFileSync(file, 'utf8')
      for (const re of patterns) for (const m of text.matchAll(re)) used.add(m[1]!)
    }
    const ignore = /^(system|catalog|auth|request|element-plus|vue|@)/ // permission codes and module names, not keys
    const missing = [...used].filter((k) => !ignore.test(k) && !zh.has(k))
    expect(used.size).toBeGreaterThan(100)
    expect(missing).toEqual([])
  })
})
