/**
 * UI languages. Simplified Chinese first (the default), English second. The choice is kept in
 * localStorage and mirrored on <html lang>; Element Plus follows it through <el-config-provider>
 * in App.vue.
 */
import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'
import en from './en'

export type Locale = 'zh-CN' | 'en'
export const kLocales: readonly Locale[] = ['zh-CN', 'en']
export const kDefaultLocale: Locale = 'zh-CN'
export const kLocaleStorageKey = 'tongban.locale'

export type MessageSchema = typeof zhCN

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (kLocales as readonly string[]).includes(v)
}

function storedLocale(): Locale {
  try {
    const v = globalThis.localStorage?.getItem(kLocaleStorageKey)
    if (isLocale(v)) return v
  } catch {
    // storage disabled: fall back to Chinese
  }
  return kDefaultLocale
}

export const i18n = createI18n({
  legacy: false,
  globalInjection: true,
  locale: storedLocale(),
  fallbackLocale: kDefaultLocale,
  messages: { 'zh-CN': zhCN, en } as Record<Locale, MessageSchema>,
  missingWarn: import.meta.env.DEV,
  fallbackWarn: false,
})

export function currentLocale(): Locale {
  const v = i18n.global.locale.value
  return isLocale(v) ? v : kDefaultLocale
}

/** Switch the UI language, remember it and tell assistive technology via <html lang>. */
export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  try {
    localStorage.setItem(kLocaleStorageKey, locale)
  } catch {
    // not remembered; still switched
  }
  if (typeof document !== 'undefined') document.documentElement.lang = locale
}

/** Pick the name in the UI language from a `{name_zh, name_en}` pair (English falls back to Chinese). */
export function localName(zh: string | null | undefined, en: string | null | undefined): string {
  return currentLocale() === 'en' ? en || zh || '' : zh || en || ''
}
