import { defineStore } from 'pinia'
import { ref } from 'vue'
import { currentLocale, setLocale as applyLocale, type Locale } from '@/locales'

export const kLargeTextStorageKey = 'tongban.largeText'
export const kSidebarStorageKey = 'tongban.sidebarCollapsed'

function readFlag(key: string): boolean {
  try {
    return localStorage.getItem(key) === '1'
  } catch {
    return false
  }
}

function writeFlag(key: string, on: boolean) {
  try {
    localStorage.setItem(key, on ? '1' : '0')
  } catch {
    // not remembered
  }
}

/** 适老化: large text scales the root font size; every size in styles/ is in rem. */
export function applyLargeText(on: boolean) {
  document.documentElement.classList.toggle('large-text', on)
}

/** UI preferences: language, large text, side menu collapsed. All remembered in localStorage. */
export const useAppStore = defineStore('app', () => {
  const locale = ref<Locale>(currentLocale())
  const largeText = ref(readFlag(kLargeTextStorageKey))
  const sidebarCollapsed = ref(readFlag(kSidebarStorageKey))

  function setLocale(l: Locale) {
    locale.value = l
    applyLocale(l)
  }

  function setLargeText(on: boolean) {
    largeText.value = on
    writeFlag(kLargeTextStorageKey, on)
    applyLargeText(on)
  }

  function toggleSidebar() {
    sidebarCollapsed.value = !sidebarCollapsed.value
    writeFlag(kSidebarStorageKey, sidebarCollapsed.value)
  }

  /** Put the remembered preferences on the document (called once at start). */
  function applyAll() {
    applyLocale(locale.value)
    applyLargeText(largeText.value)
  }

  return { locale, largeText, sidebarCollapsed, setLocale, setLargeText, toggleSidebar, applyAll }
})
