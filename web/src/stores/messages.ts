import { defineStore } from 'pinia'
import { ref } from 'vue'
import { unreadCount } from '@/api/messages'

/** How often the bell asks for the unread count while a page is open. */
export const kUnreadPollMs = 60_000

/**
 * The message centre's unread count, shared by the bells (portal header, admin navbar) and the
 * message list (which lowers it as messages are read). Asked on start, then every minute while
 * some bell is shown, and whenever a page says something may have changed.
 */
export const useMessageStore = defineStore('messages', () => {
  const unread = ref(0)
  let timer: ReturnType<typeof setInterval> | null = null
  let users = 0

  async function refresh() {
    try {
      unread.value = (await unreadCount()).unread
    } catch {
      // not logged in, or the server is away: the bell keeps its last count
    }
  }

  /** A bell appeared: start asking (once for all bells). */
  function start() {
    users++
    if (timer) return
    void refresh()
    timer = setInterval(() => void refresh(), kUnreadPollMs)
  }
  /** A bell went away: stop asking when none is left. */
  function stop() {
    users = Math.max(0, users - 1)
    if (users === 0 && timer) {
      clearInterval(timer)
      timer = null
    }
  }

  return { unread, refresh, start, stop }
})
